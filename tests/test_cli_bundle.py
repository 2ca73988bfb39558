"""``lcregulator case export|import`` (DESIGN §9.1) through the real command: the sample case
exported by one bureau, imported by another, refused when damaged or already there."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from lcregulator.cli import main
from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.persistence.paths import Paths
from lcregulator.services import auth, sample_case, setup
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext, FixedClock

PASSWORD = "Bundle-pass-1"
CASE = "杭西市监立〔2026〕15号"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


def _context(home: Path) -> AppContext:
    return open_context(
        paths=Paths(home),
        url=f"sqlite:///{(home / 'lcregulator.sqlite3').as_posix()}",
        clock=FixedClock(dt.datetime(2026, 6, 20, 2, 0, tzinfo=dt.UTC)),
    )


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample bureau with passwords for its officers (张三 is its administrator)."""
    home = tmp_path_factory.mktemp("sender")
    ctx = _context(home)
    out = home / "out"
    out.mkdir()
    sample_case._run(ctx, out)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officers = setup.list_officers(ctx, authority.id)
    ctx.officer = next(o for o in officers if o.has_role(OfficerRole.ADMIN))
    for officer in officers:
        assert officer.id is not None
        auth.set_password(ctx, officer.id, PASSWORD, must_change=False)
    ctx.database.dispose()
    return home


@pytest.fixture
def sender(sample_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "sender"
    shutil.copytree(sample_home, home)
    monkeypatch.setenv("LCREGULATOR_HOME", str(home))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    monkeypatch.setenv("LCREGULATOR_PASSWORD", PASSWORD)
    return home


@pytest.fixture
def receiver(tmp_path: Path) -> Path:
    home = tmp_path / "receiver"
    ctx = _context(home)
    setup.first_run(
        ctx,
        Authority("杭州市上城区市场监督管理局", "杭上市监", "330102", "解放路1号", "0571-1"),
        Officer("孙七", OfficerRole.HANDLER, "33010200101"),
        password=PASSWORD,
    )
    ctx.database.dispose()
    return home


def test_export_then_import_at_another_bureau(
    sender: Path,
    receiver: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "案件包.zip"
    code, payload = cli(capsys, "case", "export", CASE, "--out", str(out), "--officer", "张三")
    assert code == 0, payload
    assert payload["file"] == str(out) and payload["case"] == CASE
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as zf:
        data = json.loads(zf.read("case.json"))
    assert data["case"]["number"] == CASE and data["schema_version"] == 1
    # the same 立案编号 at the same bureau is refused; --as-new imports an unnumbered copy
    code, payload = cli(capsys, "case", "import", str(out), "--officer", "张三")
    assert code == 2 and payload["error"]["field"] == "case.number"  # type: ignore[index]
    assert "--as-new" in payload["error"]["message"]  # type: ignore[index]
    code, payload = cli(capsys, "case", "import", str(out), "--as-new", "--officer", "张三")
    assert code == 0 and payload["number"] is None
    assert str(payload["case"]).startswith("id:")
    code, listing = cli(capsys, "case", "list")
    assert payload["case"] in {f"id:{c['id']}" for c in listing["cases"]}  # type: ignore[union-attr]
    # another bureau imports it under its own 立案编号 as sent
    monkeypatch.setenv("LCREGULATOR_HOME", str(receiver))
    code, payload = cli(capsys, "case", "import", str(out), "--officer", "孙七")
    assert code == 0 and payload == {"case": CASE, "number": CASE}
    again = tmp_path / "again.zip"
    code, payload = cli(capsys, "case", "export", CASE, "--out", str(again), "--officer", "孙七")
    assert code == 0, payload
    code, report = cli(capsys, "verify")
    assert code == 0 and report["ok"] is True, report


def test_refusals_name_the_field(
    sender: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "one.zip"
    # §9.1 writes `case export CASE --out FILE.zip` without sign-in: a file-level operation
    # (like backup); the timeline names the workstation's system account instead of an officer
    unsigned = tmp_path / "unsigned.zip"
    code, payload = cli(capsys, "case", "export", CASE, "--out", str(unsigned))
    assert code == 0 and payload["file"] == str(unsigned), payload
    assert stat.S_IMODE(unsigned.stat().st_mode) == 0o600
    assert json.loads(zipfile.ZipFile(unsigned).read("case.json"))["export"]["by"].count("@") == 1
    code, report = cli(capsys, "verify")
    assert code == 0 and report["ok"] is True, report
    code, payload = cli(capsys, "case", "export", CASE, "--out", str(out), "--officer", "赵六")
    assert code == 4 and not out.exists()  # 法制审核 only
    code, payload = cli(capsys, "case", "export", "不存在", "--out", str(out), "--officer", "王五")
    assert code == 2 and payload["error"]["field"] == "case"  # type: ignore[index]
    code, payload = cli(capsys, "case", "export", CASE, "--out", str(tmp_path / "x.txt"), "--officer", "王五")  # fmt: skip
    assert code == 2 and payload["error"]["field"] == "out"  # type: ignore[index]
    code, payload = cli(capsys, "case", "export", CASE, "--out", str(out), "--officer", "王五")
    assert code == 0
    # a bundle from a newer program
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(newer, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "case.json":
                data = json.loads(body)
                data["schema_version"] = 2
                body = json.dumps(data, ensure_ascii=False).encode()
            dst.writestr(name, body)
    code, payload = cli(capsys, "case", "import", str(newer), "--as-new", "--officer", "张三")
    assert code == 2 and payload["error"]["field"] == "bundle.schema_version"  # type: ignore[index]
    assert "升级" in payload["error"]["message"]  # type: ignore[index]
    code, payload = cli(capsys, "case", "import", str(tmp_path / "无.zip"), "--officer", "张三")
    assert code == 2 and payload["error"]["field"] == "file"  # type: ignore[index]


def test_help_says_who_may(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["case", "export", "--help"]) == 0
    text = capsys.readouterr().out
    assert "承办人" in text and "负责人" in text and "0600" in text
    assert main(["case", "import", "--help"]) == 0
    assert "--as-new" in capsys.readouterr().out
