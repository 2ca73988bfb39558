"""Template overrides: sandboxed, checked on load with file and line, installed only by an
administrator, never in the way of the packaged template; documents name their version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from lcregulator.documents import template
from lcregulator.domain.cases import Case, ClueSource
from lcregulator.domain.errors import PermissionDenied, ValidationError
from lcregulator.services import cases, documents, setup, templates
from lcregulator.services.context import AppContext
from tests.fixtures import as_officer

PACKAGED = (
    Path(template.__file__).parent / "templates" / "case_source_registration.txt"
).read_text("utf-8")


@pytest.fixture
def overrides(app_configured: AppContext) -> Iterator[Path]:
    folder = templates.overrides_folder(app_configured)
    template.OVERRIDE_DIRS.insert(0, folder)
    yield folder
    template.OVERRIDE_DIRS.remove(folder)


def _case(ctx: AppContext) -> int:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    created = cases.create_case(
        ctx,
        Case(
            title="某直播间虚假宣传案",
            summary="消费者投诉直播间宣称普通食品可以治疗疾病。",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 2),
            authority_id=authority.id,
            officer_ids=[ctx.officer.id],  # type: ignore[union-attr,list-item]
        ),
    )
    assert created.id is not None
    return created.id


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "case_source_registration.txt"
    path.write_text(body, "utf-8")
    return path


def test_a_sandbox_escape_in_an_override_runs_nothing(
    app_configured: AppContext, overrides: Path, tmp_path: Path
) -> None:
    marker = tmp_path / "escaped"
    evil = PACKAGED.replace(
        "@title 案件来源登记表\n\n",
        "@title 案件来源登记表\n\n"
        f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n",
        1,
    )
    assert evil != PACKAGED
    overrides.mkdir(parents=True, exist_ok=True)
    (overrides / "case_source_registration.txt").write_text(evil, "utf-8")
    case_id = _case(app_configured)
    issued = documents.issue(
        app_configured, case_id, "case_source_registration", {"opinion": "立案"}
    )  # type: ignore[arg-type]
    assert not marker.exists()
    # the packaged template produced the document, and says so
    assert issued.document.template == template._packaged("case_source_registration").version
    assert issued.document.template.startswith("package:")


def test_an_override_is_checked_with_file_and_line(tmp_path: Path) -> None:
    lines = PACKAGED.splitlines()
    body_at = lines.index("") + 2  # the first body line, 1-based
    broken = "\n".join([*lines[: body_at - 1], "{{ case.title + }}", *lines[body_at - 1 :]])
    with pytest.raises(template.TemplateProblem, match=rf"第{body_at}行：模板语法错误"):
        template.check_override("case_source_registration", broken, "x.txt")
    unknown = "\n".join([*lines[:body_at], "{{ secret_field }}", *lines[body_at:]])
    with pytest.raises(
        template.TemplateProblem, match=rf"x.txt 第{body_at + 1}行：不认识的字段“secret_field”"
    ):
        template.check_override("case_source_registration", unknown, "x.txt")
    bad_command = PACKAGED.replace(
        "@title 案件来源登记表\n\n", "@title 案件来源登记表\n\n@shell rm\n", 1
    )
    with pytest.raises(template.TemplateProblem, match="不认识的版式命令“@shell”"):
        template.check_override("case_source_registration", bad_command, "x.txt")
    with pytest.raises(template.TemplateProblem, match="@kind 应为 case_source_registration"):
        template.check_override(
            "case_source_registration",
            PACKAGED.replace("@kind case_source_registration", "@kind other"),
            "x.txt",
        )


def test_only_an_administrator_installs_and_documents_name_the_version(
    app_configured: AppContext, overrides: Path, tmp_path: Path
) -> None:
    adjusted = _write(tmp_path, PACKAGED.replace("案件来源登记表", "案件来源登记表（本局版）"))
    as_officer(app_configured, "李四")
    with pytest.raises(PermissionDenied, match="安装文书模板须由管理员办理"):
        templates.install_override(app_configured, adjusted)
    assert not (overrides / "case_source_registration.txt").exists()
    as_officer(app_configured, "张三")  # the administrator
    broken = tmp_path / "broken" / "case_source_registration.txt"
    broken.parent.mkdir()
    broken.write_text(PACKAGED + "\n{% if %}\n", "utf-8")
    with pytest.raises(ValidationError, match="模板语法错误"):
        templates.install_override(app_configured, broken)
    info = templates.install_override(app_configured, adjusted)
    assert info.overridden and info.version.startswith("override:")
    case_id = _case(app_configured)
    issued = documents.issue(
        app_configured, case_id, "case_source_registration", {"opinion": "立案"}
    )  # type: ignore[arg-type]
    assert issued.document.template == info.version
    assert "案件来源登记表（本局版）" in issued.document.text_lines()
    with app_configured.database.engine.connect() as conn:
        installed, issued_event = (
            conn.execute(
                text(
                    "SELECT after FROM event WHERE action IN ('template.installed', 'document.issued') ORDER BY id"
                )
            )
            .scalars()
            .all()
        )
    assert info.version in str(installed) and info.version in str(issued_event)


def test_an_override_that_breaks_at_render_falls_back_to_the_packaged(
    app_configured: AppContext, overrides: Path
) -> None:
    overrides.mkdir(parents=True, exist_ok=True)
    (overrides / "case_source_registration.txt").write_text(
        PACKAGED.replace("{{ case.source_label }}", "{{ case.no_such_attribute }}", 1), "utf-8"
    )
    assert "{{ case.source_label }}" in PACKAGED
    case_id = _case(app_configured)
    issued = documents.issue(
        app_configured, case_id, "case_source_registration", {"opinion": "立案"}
    )  # type: ignore[arg-type]
    assert issued.document.template.startswith("package:")
    assert "投诉" in issued.document.text_lines()
