"""A PostgreSQL server stopped under the bureau, on a throwaway cluster of its own (never the
shared server): at start-up every command exits 3 with the Chinese reason and no traceback;
stopped in the middle of issuing, the command in flight fails the same way, and after the
restart every number a command acknowledged is there (nothing lost) and nothing else was saved.

Needs PostgreSQL's server binaries (``initdb``, ``pg_ctl``); as root the cluster runs as the
``postgres`` user. Skipped where neither is possible.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
ANSWERS = {"platform": "某直播平台", "items": "直播账号的注册信息", "deadline": "2026-12-10"}


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class Cluster:
    def __init__(self, folder: Path, port: int, run_as: list[str]) -> None:
        self.folder, self.port, self.run_as = folder, port, run_as
        self.data = folder / "data"
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/bureau"

    def pg_ctl(self, *args: str) -> None:
        command = [
            *self.run_as,
            str(_bin("pg_ctl")),
            "-D",
            str(self.data),
            "-w",
            "-t",
            "60",
            "-l",
            str(self.folder / "server.log"),
            *args,
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self.pg_ctl(
            "-o",
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder}",
            "start",
        )

    def stop(self) -> None:
        self.pg_ctl("-m", "immediate", "stop")  # as a power cut or a crash would


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    if not _bin("initdb") or not _bin("pg_ctl"):
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    run_as: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser")
        run_as = ["runuser", "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="lcr_s16_cluster_"))
    if run_as:
        shutil.chown(folder, "postgres", "postgres")
    made = Cluster(folder, _free_port(), run_as)
    subprocess.run(
        [
            *run_as,
            str(_bin("initdb")),
            "-D",
            str(made.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    made.start()
    admin = create_engine(made.url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE bureau"))
    admin.dispose()
    try:
        yield made
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            made.pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def lcregulator(cluster: Cluster, home: Path, *args: str, **env: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    command = shutil.which("lcregulator", path=str(Path(sys.executable).parent))
    argv = [command] if command else [sys.executable, "-m", "lcregulator"]
    done = subprocess.run(
        [*argv, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={
            **os.environ,
            "LCREGULATOR_HOME": str(home),
            "LCREGULATOR_DATABASE_URL": cluster.url,
            "LCREGULATOR_PG_CONNECT_TIMEOUT_S": "3",
            **env,
        },
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done.returncode, json.loads(done.stdout)


def numbers_in(cluster: Cluster) -> set[str]:
    engine = create_engine(cluster.url)
    try:
        with engine.connect() as conn:
            return {
                str(n)
                for (n,) in conn.execute(
                    text("SELECT number FROM issued_document WHERE kind = 'assistance_letter'")
                )
            }
    finally:
        engine.dispose()


@pytest.mark.timeout(1200)
def test_server_stopped_at_start_up_and_mid_write(cluster: Cluster, tmp_path: Path) -> None:
    home = tmp_path / "pc1"
    code, demo = lcregulator(cluster, home, "demo", "--out", str(tmp_path / "o"), "--keep")
    assert code == 0, demo
    officer = demo["officers"][0]
    case = next(c for c in demo["cases"] if c.endswith("21号"))  # the referred case
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS, ensure_ascii=False), encoding="utf-8")
    before = numbers_in(cluster)

    def issue() -> subprocess.Popen[str]:
        command = shutil.which("lcregulator", path=str(Path(sys.executable).parent))
        argv = [command] if command else [sys.executable, "-m", "lcregulator"]
        return subprocess.Popen(
            [
                *argv,
                "document",
                "issue",
                "--case",
                case,
                "--kind",
                "assistance_letter",
                "--answers",
                str(answers),
                "--out",
                str(tmp_path / "out"),
                "--officer",
                officer["name"],
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={
                **os.environ,
                "LCREGULATOR_HOME": str(home),
                "LCREGULATOR_DATABASE_URL": cluster.url,
                "LCREGULATOR_PASSWORD": officer["password"],
                "LCREGULATOR_PG_CONNECT_TIMEOUT_S": "3",
            },
        )

    acknowledged: list[str] = []
    outcomes: list[tuple[int, dict]] = []  # type: ignore[type-arg]
    for _ in range(2):
        done = issue()
        out, err = done.communicate(timeout=300)
        assert done.returncode == 0 and "Traceback" not in out + err, out + err
        acknowledged.append(json.loads(out)["number"])
    # the third is stopped in flight: the server goes down while it works
    running = issue()
    time.sleep(2.5)
    cluster.stop()
    out, err = running.communicate(timeout=300)
    assert "Traceback" not in out + err, out + err
    outcomes.append((running.returncode, json.loads(out)))
    if running.returncode == 0:
        acknowledged.append(outcomes[-1][1]["number"])
    else:
        assert running.returncode == 3, out
        assert outcomes[-1][1]["error"]["field"] == "database"
        assert "数据库" in outcomes[-1][1]["error"]["message"]  # the server, said in Chinese

    # stopped at start-up: every command says so, in Chinese, exit 3
    code, listed = lcregulator(cluster, home, "case", "list")
    assert code == 3, listed
    assert "无法连接数据库服务器" in listed["error"]["message"]
    code, status = lcregulator(cluster, home, "db", "status")
    assert code == 3 and "无法连接数据库服务器" in status["error"]["message"], status

    cluster.start()
    saved = numbers_in(cluster) - before
    assert set(acknowledged) <= saved  # nothing acknowledged was lost
    assert len(saved - set(acknowledged)) <= 1  # at most the one cut off after its commit
    code, verified = lcregulator(cluster, home, "verify")
    assert code == 0 and verified["ok"], verified
    done = issue()  # and work goes on, the numbers without a gap
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, out + err
    numbers = sorted(int(n.split("〕")[1].rstrip("号")) for n in numbers_in(cluster))
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
