"""约谈 (Art 52): grounds, joint summons, outcomes, escalation, documents, history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lcregulator.documents.template import OVERRIDE_DIRS
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.summons import Outcome, Summons, grounds
from lcregulator.services import cases, documents, setup
from lcregulator.services import summons as summons_service
from lcregulator.services.context import AppContext
from tests.persistence.test_repositories import make_parties

AT = dt.datetime(2026, 11, 10, 1, 30, tzinfo=dt.UTC)  # 9:30 in Beijing


def officers(ctx: AppContext) -> list[int]:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    return [int(o.id or 0) for o in setup.list_officers(ctx, authority.id)][:2]


def new(ctx: AppContext, party_id: int, **changes: object) -> Summons:
    s = Summons(
        party_id=party_id,
        grounds=[1],
        ground_details="",
        invited_person="法定代表人赵某",
        scheduled_at=AT,
        place="本局三楼约谈室",
        officer_ids=officers(ctx),
        rectification_required="建立直播营销人员身份核验制度",
        rectification_deadline=dt.date(2026, 11, 18),
    )
    for key, value in changes.items():
        setattr(s, key, value)
    return s


def test_the_five_grounds_come_from_the_statute() -> None:
    assert grounds() == {
        1: "履行直播电商相关法定义务不到位的",
        2: "发生直播电商相关重大负面舆情事件的",
        3: "市场监督管理、网信部门在日常监督管理中发现存在可能对直播电商秩序造成负面影响问题的",
        4: "未保障消费者等有关各方主体合法权益的",
        5: "其他需要约谈的情形",
    }


@pytest.mark.parametrize("ground", [1, 2, 3, 4, 5])
def test_each_ground_is_recorded_with_its_text(app_configured: AppContext, ground: int) -> None:
    _, room, _ = make_parties(app_configured)
    details = "直播中多次出现低俗内容" if ground == 5 else ""
    saved = summons_service.save(
        app_configured, new(app_configured, room.id, grounds=[ground], ground_details=details)
    )  # type: ignore[arg-type]
    assert saved.id is not None
    assert (
        f"办法第五十二条第{'一二三四五'[ground - 1]}项：{grounds()[ground]}" in saved.grounds_text
    )


def test_validation_names_the_field(app_configured: AppContext) -> None:
    _, room, _ = make_parties(app_configured)
    for changes, field in (
        ({"grounds": []}, "summons.grounds"),
        ({"grounds": [6]}, "summons.grounds"),
        ({"grounds": [5]}, "summons.ground_details"),
        ({"officer_ids": [1]}, "summons.officers"),
        ({"rectification_deadline": dt.date(2026, 11, 1)}, "summons.rectification_deadline"),
    ):
        with pytest.raises(ValidationError) as info:
            summons_service.save(app_configured, new(app_configured, room.id, **changes))  # type: ignore[arg-type]
        assert info.value.field == field


def test_joint_summons_and_its_documents(app_configured: AppContext) -> None:
    _, room, _ = make_parties(app_configured)
    saved = summons_service.save(
        app_configured,
        new(app_configured, room.id, joint_with_cyberspace=True, grounds=[1, 4]),  # type: ignore[arg-type]
    )
    notice = documents.issue_for_summons(
        app_configured, saved.id, "summons_notice", dt.date(2026, 11, 5)
    )  # type: ignore[arg-type]
    assert notice.record.number == "杭西市监约〔2026〕1号"
    assert notice.record.case_id is None  # a supervision matter standing alone
    text = "".join(notice.document.text_lines())
    assert "本局会同网信部门决定对你（单位）有关责任人进行约谈" in text
    assert "2026年11月10日09时30分" in text
    from lcregulator.documents.template import MissingFields

    with pytest.raises(MissingFields, match="约谈记录"):
        documents.issue_for_summons(app_configured, saved.id, "summons_record")  # type: ignore[arg-type]
    saved.record = "当事人承认未核验主播身份，承诺一周内整改。"
    saved = summons_service.save(app_configured, saved)
    record = documents.issue_for_summons(app_configured, saved.id, "summons_record")  # type: ignore[arg-type]
    assert record.record.number == ""
    rect = documents.issue_for_summons(app_configured, saved.id, "rectification_notice")  # type: ignore[arg-type]
    assert "2026年11月18日前完成以下整改" in "".join(rect.document.text_lines())


def test_outcomes_history_and_escalation_to_a_case(app_configured: AppContext) -> None:
    _, room, _ = make_parties(app_configured)
    assert room.id is not None
    first = summons_service.save(app_configured, new(app_configured, room.id, record="已约谈"))
    summons_service.record_outcome(
        app_configured, first.id, Outcome.RECTIFIED, dt.date(2026, 11, 18)
    )  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="未整改或者部分整改"):
        summons_service.escalate(app_configured, first.id)  # type: ignore[arg-type]
    second = summons_service.save(app_configured, new(app_configured, room.id, record="已约谈"))
    due = summons_service.rectification_due(app_configured, dt.date(2026, 11, 30))
    assert [s.id for s in due] == [second.id]
    summons_service.record_outcome(
        app_configured,
        second.id,
        Outcome.NOT_RECTIFIED,
        dt.date(2026, 11, 19),
        "复查时仍未核验主播身份",  # type: ignore[arg-type]
    )
    case = summons_service.escalate(app_configured, second.id)  # type: ignore[arg-type]
    assert case.title == "杭州某电子商务有限公司约谈后未整改线索"
    assert "复查时仍未核验主播身份" in case.summary and "第五十二条第一项" in case.summary
    assert case.parties[0].party_id == room.id
    assert cases.get_case(app_configured, case.id).status.value == "clue"  # type: ignore[arg-type]
    with pytest.raises(DomainError, match="已经转为案件线索"):
        summons_service.escalate(app_configured, second.id)  # type: ignore[arg-type]
    history = summons_service.for_party(app_configured, room.id)
    assert (history.total, history.not_rectified, history.weighs_on_discretion) == (2, 1, True)


def test_an_administrator_adjusts_the_wording(app_configured: AppContext, tmp_path: Path) -> None:
    _, room, _ = make_parties(app_configured)
    saved = summons_service.save(app_configured, new(app_configured, room.id))  # type: ignore[arg-type]
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "summons_notice.txt").write_text(
        "@kind summons_notice\n@title 约谈通知书\n@numbered 约\n\n@org {{ authority.name }}\n"
        "@title 约谈通知书\n@number {{ number }}\n本局定制的约谈通知措辞：请{{ summons.invited_person }}准时到场。\n",
        "utf-8",
    )
    OVERRIDE_DIRS.insert(0, folder)
    try:
        issued = documents.issue_for_summons(
            app_configured,
            saved.id,  # type: ignore[arg-type]
            "summons_notice",
            dt.date(2026, 11, 5),  # before the 约谈 of 11-10
        )
    finally:
        OVERRIDE_DIRS.remove(folder)
    assert "本局定制的约谈通知措辞：请法定代表人赵某准时到场。" in issued.document.text_lines()


def test_a_notice_dated_on_or_after_the_summons_is_refused(app_configured: AppContext) -> None:
    """A 约谈通知书 is served before the 约谈; its record and the 整改通知书 not before it."""
    _, room, _ = make_parties(app_configured)
    saved = summons_service.save(app_configured, new(app_configured, room.id, record="已约谈"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="应在约谈前送达") as info:
        documents.issue_for_summons(
            app_configured, saved.id, "summons_notice", dt.date(2026, 11, 10)
        )  # type: ignore[arg-type]
    assert info.value.field == "date"
    with pytest.raises(ValidationError, match="早于约谈日期"):
        documents.issue_for_summons(
            app_configured, saved.id, "summons_record", dt.date(2026, 11, 9)
        )  # type: ignore[arg-type]
    assert documents.issue_for_summons(
        app_configured, saved.id, "summons_record", dt.date(2026, 11, 10)
    )  # type: ignore[arg-type]


def test_every_issue_path_records_the_template_version_and_spends_no_number_on_a_refusal(
    app_configured: AppContext, tmp_path: Path
) -> None:
    """One helper owns number → render → store → record → event: a summons' document and a
    case's both leave the definition's version on the event, and the last check on paper
    refuses internal text before a number is taken (the next issue gets number 1)."""
    import json

    from sqlalchemy import select

    from lcregulator.persistence.rows import EventRow

    _, room, _ = make_parties(app_configured)
    saved = summons_service.save(app_configured, new(app_configured, room.id, record="已约谈"))  # type: ignore[arg-type]
    saved.invited_person = "<built-in method items of dict object at 0x7f>"
    saved = summons_service.save(app_configured, saved)
    with pytest.raises(DomainError, match="不应打印的内部文字"):
        documents.issue_for_summons(
            app_configured, saved.id, "summons_notice", dt.date(2026, 11, 5)
        )  # type: ignore[arg-type]
    saved.invited_person = "法定代表人赵某"
    saved = summons_service.save(app_configured, saved)
    notice = documents.issue_for_summons(
        app_configured, saved.id, "summons_notice", dt.date(2026, 11, 5)
    )  # type: ignore[arg-type]
    assert notice.record.number == "杭西市监约〔2026〕1号"  # the refusal spent none
    with app_configured.database.session() as session:
        rows = session.scalars(select(EventRow).where(EventRow.action == "document.issued")).all()
        after = [r.after if isinstance(r.after, dict) else json.loads(r.after) for r in rows]
    assert after[-1]["template"].startswith("package:")
    assert after[-1]["summons_id"] == saved.id
