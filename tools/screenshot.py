"""Render the main screens with sample data to PNG files, for the README and for review.

    xvfb-run -a python tools/screenshot.py docs/screenshots

Uses a throw-away data folder; nothing touches the officer's real database.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from lcregulator.domain.authority import Authority, Officer, OfficerId, OfficerRole
from lcregulator.domain.cases import Case, CaseParty, CaseStatus, ClueSource
from lcregulator.domain.parties import Channel, LiveAccount, Party, PartyKind, PartyRole, Place
from lcregulator.gui.app import application
from lcregulator.gui.main_window import MainWindow
from lcregulator.gui.sign_in import OfficerSignInDialog
from lcregulator.persistence.paths import Paths
from lcregulator.services import cases, parties, setup
from lcregulator.services.bootstrap import open_context


def sample(home: Path):  # type: ignore[no-untyped-def]
    ctx = open_context(paths=Paths(home), url=f"sqlite:///{(home / 'db.sqlite3').as_posix()}")
    me = setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106", "文三路100号"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
    )
    li = setup.save_officer(
        ctx, Officer("李四", OfficerRole.HANDLER, "33010600102", me.authority_id)
    )
    setup.save_officer(ctx, Officer("王五", OfficerRole.HEAD, "33010600001", me.authority_id))
    room = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州某电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc="91330106MA27XW1Y14",
            channel=Channel.PLATFORM,
            domicile=Place("330106", "文三路1号"),
            registered=True,
            accounts=[LiveAccount("某直播平台", "shop_001", "好物严选直播间")],
        ),
    )
    host = parties.save_party(
        ctx,
        Party(
            PartyKind.NATURAL_PERSON,
            "陈某某",
            {PartyRole.MARKETER},
            id_number="330106199001011248",
            domicile=Place("330106", ""),
        ),
    )
    titles = [
        ("杭州某电子商务有限公司直播间虚假宣传案", CaseStatus.INVESTIGATING, [room, host]),
        ("陈某某直播带货销售不合格儿童玩具案", CaseStatus.FILED, [host]),
        ("某食品店直播间未公示经营者信息线索", CaseStatus.CLUE, [room]),
    ]
    for n, (title, status, who) in enumerate(titles):
        filed = status is not CaseStatus.CLUE
        cases.create_case(
            ctx,
            Case(
                title=title,
                source=ClueSource.COMPLAINT if n else ClueSource.MONITORING,
                received_on=dt.date(2026, 10, 9 + n * 5),
                authority_id=me.authority_id or 0,
                status=status,
                case_number=f"杭西市监立〔2026〕{31 + n}号" if filed else "",
                filed_on=dt.date(2026, 10, 20 + n * 5) if filed else None,
                officer_ids=[OfficerId(me.id or 0), OfficerId(li.id or 0)],
                parties=[CaseParty(p.id, next(iter(p.roles))) for p in who if p.id],
            ),
        )
    return ctx


def save(widget: QWidget, path: Path) -> None:
    widget.show()
    QApplication.processEvents()
    QTimer.singleShot(300, lambda: None)
    for _ in range(20):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    application()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = sample(Path(tmp))
        authority = setup.our_authority(ctx)
        assert authority is not None and authority.id is not None
        dialog = OfficerSignInDialog(authority, setup.list_officers(ctx, authority.id))
        save(dialog, out / "sign-in.png")
        window = MainWindow(ctx, authority)
        window.resize(1100, 420)
        save(window, out / "main-window.png")
        ctx.database.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
