# lcregulator — set-up, run and test on a fresh Debian/Ubuntu machine.
#   make run    install what is missing, then open the application (embedded SQLite)
#   make test   install what is missing, then run every test
# As root the Debian packages are installed with apt-get; otherwise the apt line is printed.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.lcregulator-installed

# Qt offscreen + real windows under Xvfb, CJK fonts, PDF tools (DESIGN §11).
APT_PACKAGES := libegl1 libgl1 libfontconfig1 libglib2.0-0 libdbus-1-3 libxkbcommon0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
	libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 \
	xvfb xauth fonts-wqy-microhei fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-hanazono \
	poppler-utils

.PHONY: run test setup system-packages forms translations lint test-core package clean

run: setup
	$(VENV)/bin/lcregulator

test: setup
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

setup: system-packages $(STAMP)

system-packages:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "lcregulator: not a Debian-family system; install Qt's X11/EGL libraries and CJK fonts yourself."; \
		exit 0; \
	fi; \
	missing=""; \
	for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "lcregulator: installing$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "lcregulator: these system packages are missing; please run:"; \
		echo "    sudo apt-get install -y$$missing"; \
	fi

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "lcregulator needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Recompile the Qt Designer forms (forms/*.ui) and resources (resources/*.qrc) after editing.
forms: setup
	$(PY) tools/build_forms.py

# Refresh the translation sources from the tr() strings in the GUI.
translations: setup
	$(PY) tools/update_translations.py

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy lcregulator/domain

# The domain tests in an environment without PySide6 (the core must not need Qt).
test-core:
	test -x .venv-core/bin/python || $(PYTHON) -m venv .venv-core
	.venv-core/bin/python -m pip install --quiet --upgrade pip
	.venv-core/bin/python -m pip install --quiet --no-deps -e .
	.venv-core/bin/python -m pip install --quiet "SQLAlchemy>=2.0.30,<2.2" alembic \
		python-stdnum chinese-calendar platformdirs pytest
	.venv-core/bin/python -c "import importlib.util as u, sys; sys.exit(u.find_spec('PySide6') is not None)"
	.venv-core/bin/python -m pytest -q -p no:cacheprovider tests/domain

# The Linux one-folder bundle (PyInstaller) and the .deb for UOS/Kylin, into dist/.
VERSION := $(shell $(PYTHON) -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
package: setup
	$(PY) -m pip install --quiet "pyinstaller>=6.10" -e ".[postgres]"
	cd installer && ../$(VENV)/bin/pyinstaller --noconfirm --clean \
		--distpath ../dist --workpath ../build/pyinstaller lcregulator.spec
	command -v dpkg-deb >/dev/null && installer/build_deb.sh dist/lcregulator $(VERSION) dist
	@du -sh dist/lcregulator; ls -l dist/*.deb

clean:
	rm -rf $(VENV) .venv-core build *.egg-info .pytest_cache .ruff_cache .mypy_cache
