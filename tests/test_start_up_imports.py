"""What the window may load before its first paints (issue 20: "opens like a bare window").

The application is started the way ``lcregulator`` starts it (``cli.main([])``), in a fresh
interpreter, on a configured database; a scripted officer answers the sign-in dialog. Two
moments are checked:

- **the sign-in dialog's first paint** — the program's first window. Before it only Qt, the
  standard library, the password hasher and the few modules that read the bureau and its
  officers with :mod:`sqlite3` are loaded: no SQLAlchemy (it is imported on a worker thread
  while the officer types, ``services.early_start``).
- **the register's first paint**, after 登录. Every module imported by then must be the standard
  library, a third-party package named here, or an ``lcregulator`` module named here. Adding one
  to these lists is a decision about start-up time: the document renderers, Alembic, the statute
  text and the region table belong after the first paint (imported where used, or by the
  warm-up thread ``lcregulator.gui.app.warm_up``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.persistence.paths import Paths
from lcregulator.services import setup
from lcregulator.services.bootstrap import open_context

THIRD_PARTY = {
    "PySide6",
    "shiboken6",
    "shibokensupport",  # PySide6's signature support
    "signature_bootstrap",
    "sqlalchemy",
    "typing_extensions",  # SQLAlchemy's
    "greenlet",  # SQLAlchemy's, where installed
    "cython_runtime",  # SQLAlchemy's compiled extensions, as sys.modules names them
    "platformdirs",
    "stdnum",  # 统一社会信用代码 / 身份证号 checksums in the domain types
    "chinese_calendar",  # working days: the due page counts them
    "argon2",  # services.auth, imported by the main window for its idle lock (could wait)
    "sitecustomize",  # looked for by site at every start
    "org",  # org.python.core: pickle's probe for Jython, which fails
}

# Loaded after the first paint only (or never, on that path): the point of the test.
NOT_BEFORE_PAINT = {
    "alembic",
    "mako",
    "reportlab",
    "docx",
    "jinja2",
    "openpyxl",
    "lxml",
    "PIL",
    "lcregulator.documents.template",
    "lcregulator.documents.pdf",
    "lcregulator.documents.docx_writer",
    "lcregulator.services.documents",
    "lcregulator.gui.case_window",
    "lcregulator.gui.clue_register",  # lazy tabs: built when the officer opens them
    "lcregulator.gui.due_page",
    "lcregulator.gui.stats_page",
    "lcregulator.gui.triple_check_panel",
    "lcregulator.gui.violation_dialog",
    "lcregulator.gui.statute_viewer",
    "lcregulator.gui.first_run",
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
}

LCREGULATOR = {
    "lcregulator",
    "lcregulator.cli",
    "lcregulator.cli.framework",
    "lcregulator.documents",  # the package only: the folder list of template overrides
    "lcregulator.domain",
    "lcregulator.domain.authority",
    "lcregulator.domain.case_list",  # the register's query and lines (were in persistence)
    "lcregulator.domain.cases",
    "lcregulator.domain.deadlines",
    "lcregulator.domain.errors",
    "lcregulator.domain.events",
    "lcregulator.domain.evidence",
    "lcregulator.domain.formatting",
    "lcregulator.domain.identifiers",
    "lcregulator.domain.lawdata",
    "lcregulator.domain.parties",
    "lcregulator.domain.platform_reports",
    "lcregulator.domain.procedure",
    "lcregulator.domain.provisions",
    "lcregulator.domain.regions",  # the module; its table is not read (checked below)
    "lcregulator.domain.reporting",
    "lcregulator.domain.statute",  # numbers in Chinese; the Measures' text is not read
    "lcregulator.domain.summons",
    "lcregulator.domain.workdays",
    "lcregulator.domain.workflow",
    "lcregulator.domain.workflow_steps",  # the step declarations the engine checks against
    "lcregulator.gui",
    "lcregulator.gui.actions",
    "lcregulator.gui.app",
    "lcregulator.gui.backup_dialog",
    "lcregulator.gui.case_table",
    # 首页 is on screen at the first paint (issue 19); 期限预警, 线索登记 and 统计报表 are lazy tabs
    "lcregulator.gui.date_fields",
    "lcregulator.gui.field_errors",
    "lcregulator.gui.screen_fit",
    "lcregulator.gui.start_page",
    "lcregulator.gui.error_hook",
    "lcregulator.gui.file_dialogs",
    "lcregulator.gui.forms",
    "lcregulator.gui.forms.rc_lcregulator",
    "lcregulator.gui.forms.ui_officer_sign_in",
    "lcregulator.gui.lazy_tabs",
    # imported on the database's thread while the officer types (gui.start.BEFORE_REGISTER)
    "lcregulator.gui.integrity_dialog",
    "lcregulator.services.verification",
    "lcregulator.persistence.start_read",
    "lcregulator.services.early_start",
    "lcregulator.gui.main_window",
    "lcregulator.gui.operations",  # the start-up checks run as quiet operations
    "lcregulator.gui.reporting_actions",
    "lcregulator.gui.sign_in",
    "lcregulator.gui.start",
    "lcregulator.persistence",
    "lcregulator.persistence.base",
    "lcregulator.persistence.case_search",
    "lcregulator.persistence.chain",
    "lcregulator.persistence.credentials_repo",
    "lcregulator.persistence.database",
    "lcregulator.persistence.documents_repo",
    "lcregulator.persistence.file_store",
    "lcregulator.persistence.grams",
    "lcregulator.persistence.health",
    "lcregulator.persistence.integrity",
    "lcregulator.persistence.mapping",
    "lcregulator.persistence.paths",
    "lcregulator.persistence.pg_settings",  # the server's bounded waits (constants)
    "lcregulator.persistence.report_rows",
    "lcregulator.persistence.reporting",
    "lcregulator.persistence.repositories",
    "lcregulator.persistence.rows",
    "lcregulator.persistence.summons_repo",
    "lcregulator.persistence.unit_of_work",
    "lcregulator.services",
    "lcregulator.services.auth",
    "lcregulator.services.backup",
    "lcregulator.services.bootstrap",
    "lcregulator.services.cases",
    "lcregulator.services.context",
    "lcregulator.services.health",
    "lcregulator.services.orphans",
    "lcregulator.services.platform_reports",
    "lcregulator.services.register",
    "lcregulator.services.report_files",
    "lcregulator.services.setup",
    "lcregulator.services.statistics",
    "lcregulator.services.summons",
    "lcregulator.services.workflow",
}

# Before the sign-in dialog paints: what reads the bureau and its officers, and nothing more.
DIALOG_THIRD_PARTY = {
    "PySide6",
    "shiboken6",
    "shibokensupport",
    "platformdirs",
    "signature_bootstrap",  # PySide6's, as sys.modules names it
    "argon2",  # services.auth, which the dialog calls (with its C bindings)
    "sitecustomize",
    "org",
}
DIALOG_LCREGULATOR = {
    "lcregulator",
    "lcregulator.cli",
    "lcregulator.cli.framework",
    "lcregulator.domain",
    "lcregulator.domain.authority",
    "lcregulator.domain.errors",
    "lcregulator.domain.events",
    "lcregulator.domain.formatting",
    "lcregulator.domain.regions",  # the module; its table is not read
    "lcregulator.gui",
    "lcregulator.gui.app",
    "lcregulator.gui.date_fields",
    "lcregulator.gui.error_hook",
    "lcregulator.gui.forms",
    "lcregulator.gui.forms.rc_lcregulator",
    "lcregulator.gui.forms.ui_officer_sign_in",
    "lcregulator.gui.sign_in",
    "lcregulator.gui.start",
    "lcregulator.persistence",
    "lcregulator.persistence.health",  # the file's header and schema revision, with sqlite3
    "lcregulator.persistence.paths",
    "lcregulator.persistence.start_read",
    "lcregulator.services",
    "lcregulator.services.auth",
    "lcregulator.services.context",
    "lcregulator.services.early_start",
    "lcregulator.services.setup",
}

# The real start-up, ``lcregulator`` with no arguments; a scripted officer signs in as soon as
# the dialog has painted. Prints the modules loaded at each first paint, and what the law-data
# loaders had read by the register's.
PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
import lcregulator.cli
from lcregulator.gui import app as gui_app

seen = {}

class Officer(QObject):
    def eventFilter(self, watched, event):
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        top = watched.window()
        kind = type(top).__name__
        if kind == "OfficerSignInDialog" and "dialog" not in seen:
            seen["dialog"] = sorted(sys.modules)
            def answer():
                top.password.setText(os.environ["PROBE_PASSWORD"])
                top.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
            QTimer.singleShot(0, answer)
        elif kind == "MainWindow" and "register" not in seen:
            seen["register"] = sorted(sys.modules)
            from lcregulator.domain import regions, statute
            seen["loaded"] = {
                "regions": regions.regions.cache_info().currsize,
                "statute": statute.measures.cache_info().currsize,
            }
            seen["rows"] = top.model.rowCount()
            print(json.dumps(seen), flush=True)
            os._exit(0)
        return False

officer = Officer()
made = gui_app.application

def application():
    app = made()
    app.installEventFilter(officer)
    return app

gui_app.application = application
sys.exit(lcregulator.cli.main([]))
"""

PASSWORD = "Probe-2026-pw"


def modules_at_first_paints(home: Path) -> dict[str, object]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LCREGULATOR_HOME": str(home),
        "PROBE_PASSWORD": PASSWORD,
    }
    env.pop("LCREGULATOR_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _outside(modules: set[str], third_party: set[str]) -> set[str]:
    stdlib = set(sys.stdlib_module_names)
    others = {m.split(".")[0] for m in modules} - stdlib - third_party - {"lcregulator"}
    # C accelerators of the stdlib, and a development install's import hook
    return {m for m in others if not m.startswith("_")}


@pytest.fixture
def configured_home(tmp_path: Path) -> Path:
    ctx = open_context(paths=Paths(tmp_path))
    setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
        password=PASSWORD,
    )
    ctx.database.dispose()
    return tmp_path


def test_first_paints_import_only_what_they_need(configured_home: Path) -> None:
    seen = modules_at_first_paints(configured_home)
    dialog = set(seen["dialog"])  # type: ignore[call-overload]
    register = set(seen["register"])  # type: ignore[call-overload]

    # The sign-in dialog: no SQLAlchemy, nothing of the register.
    assert "sqlalchemy" not in dialog
    ours = {m for m in dialog if m.split(".")[0] == "lcregulator"}
    assert sorted(ours - DIALOG_LCREGULATOR) == [], "new modules before the sign-in dialog"
    assert _outside(dialog, DIALOG_THIRD_PARTY) == set(), "packages before the sign-in dialog"

    # The register.
    early = sorted(
        m for m in register if m in NOT_BEFORE_PAINT or m.split(".")[0] in NOT_BEFORE_PAINT
    )
    assert early == [], f"imported before the register's first paint: {early}"
    ours = {m for m in register if m.split(".")[0] == "lcregulator"}
    new = sorted(ours - LCREGULATOR)
    assert new == [], f"new lcregulator modules before the register's first paint: {new}"
    others = _outside(register, THIRD_PARTY | DIALOG_THIRD_PARTY)
    assert others == set(), f"third-party packages before the first paint: {sorted(others)}"
    # The law data behind later screens is not read either.
    assert seen["loaded"] == {"regions": 0, "statute": 0}
