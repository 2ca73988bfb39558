"""What the window may load before its first paint (issue 20: "opens like a bare window").

The application is started the way ``lcregulator`` starts it, in a fresh interpreter under
``python -X importtime``, on a configured database; the probe stops at the main window's first
paint. Every module imported by then is in the importtime report: it must be the standard
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
    "sqlalchemy",
    "typing_extensions",  # SQLAlchemy's
    "greenlet",  # SQLAlchemy's, where installed
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

# The real start-up (cli.main → gui.start.start_window → open_context → sign-in → MainWindow),
# minus the sign-in
# dialog's human choice; exits at the first paint, reporting what the law-data loaders read.
PROBE = """
import json, os, sys
import lcregulator.cli
import lcregulator.gui.start  # what cli.main imports to open the window
from lcregulator.gui import error_hook
from lcregulator.gui.app import after_first_paint, application
from lcregulator.gui.main_window import MainWindow
from lcregulator.services import setup
from lcregulator.services.bootstrap import open_context

app = application()
error_hook.install()
ctx = open_context()
authority = setup.our_authority(ctx)
setup.sign_in(ctx, setup.list_officers(ctx, authority.id)[0].id)
window = MainWindow(ctx, authority)
window.show()

def painted():
    from lcregulator.domain import regions, statute
    loaded = {
        "regions": regions.regions.cache_info().currsize,
        "statute": statute.measures.cache_info().currsize,
    }
    print(json.dumps({"rows": window.model.rowCount(), "loaded": loaded}), flush=True)
    os._exit(0)

after_first_paint(window, painted)
app.exec()
"""


def imported_before_paint(home: Path) -> tuple[set[str], dict[str, object]]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LCREGULATOR_HOME": str(home),
    }
    env.pop("LCREGULATOR_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    modules = {
        line.split("|")[-1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "self [us]" not in line
    }
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return modules, report


@pytest.fixture
def configured_home(tmp_path: Path) -> Path:
    ctx = open_context(paths=Paths(tmp_path))
    setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
    )
    ctx.database.dispose()
    return tmp_path


def test_first_paint_imports_only_what_it_needs(configured_home: Path) -> None:
    modules, report = imported_before_paint(configured_home)
    early = sorted(
        m for m in modules if m in NOT_BEFORE_PAINT or m.split(".")[0] in NOT_BEFORE_PAINT
    )
    assert early == [], f"imported before the first paint: {early}"
    ours = {m for m in modules if m.split(".")[0] == "lcregulator"}
    new = sorted(ours - LCREGULATOR)
    assert new == [], f"new lcregulator modules before the first paint: {new}"
    stdlib = set(sys.stdlib_module_names)
    others = {m.split(".")[0] for m in modules} - stdlib - THIRD_PARTY - {"lcregulator"}
    # C accelerators of the stdlib, and a development install's import hook
    others = {m for m in others if not m.startswith("_")}
    assert others == set(), f"third-party packages before the first paint: {sorted(others)}"
    # The law data behind later screens is not read either.
    assert report["loaded"] == {"regions": 0, "statute": 0}
