"""Issuing documents: the case's facts into a definition, a 文号, PDF and DOCX, kept on file.

Everything about one issue happens in one transaction: the number is taken, the files (already
written to the content-addressed store) are recorded with their SHA-256, and an event is left on
the case. A definition that needs facts the case lacks raises ``MissingFields``; the officer is
asked for them (or fixes the case) and nothing is numbered.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lcregulator.documents.docx_writer import render_docx
from lcregulator.documents.pdf import render_pdf
from lcregulator.documents.pdf import warm_up as load_fonts
from lcregulator.documents.template import MissingFields, definition, render
from lcregulator.documents.tree import SIGN_LINE, Document
from lcregulator.domain.assessment import ViolationAssessment
from lcregulator.domain.cases import Case, CaseId, Violation
from lcregulator.domain.errors import DomainError, ReadOnlyError, ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.formatting import CHINA_TZ, amount_text, chinese_date
from lcregulator.domain.parties import Party, PartyKind
from lcregulator.domain.provisions import provision
from lcregulator.domain.regions import regions
from lcregulator.persistence.documents_repo import IssuedDocument
from lcregulator.persistence.rows import IssuedDocumentRow

from . import bureau, setup
from . import evidence as evidence_service
from . import parties as party_service
from .context import AppContext

KINDS: tuple[str, ...] = (
    "case_source_registration",
    "filing_approval",
    "not_filing_approval",
    "inquiry_notice",
    "materials_notice",
    "assistance_letter",
    "electronic_evidence_record",
    "correction_order",
    "investigation_report",
    "case_review_form",
    "legal_review_form",
    "penalty_notice",
    "penalty_decision",
    "joint_penalty_decision",
    "no_penalty_decision",
    "service_address_confirmation",
    "service_receipt",
    "transfer_letter",
    "closure_approval",
    "criminal_referral_letter",
    "criminal_referral_report",
    "seized_items_list",
)
# kinds that share another kind's 文号 sequence: a joint 行政处罚决定书 is numbered among the
# bureau's 处罚决定书 (one 文书代字, so one sequence, or two decisions could share a 文号)
SEQUENCE_OF = {"joint_penalty_decision": "penalty_decision"}
# how the window lists a kind whose title another kind shares
KIND_LABELS = {"joint_penalty_decision": "行政处罚决定书（共同违法，各当事人合并）"}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind) or definition(kind).title


SUMMONS_KINDS: tuple[str, ...] = ("summons_notice", "summons_record", "rectification_notice")

__all__ = ["KINDS", "MissingFields", "build", "issue", "issued", "preview"]


def _party(p: Party, role_label: str) -> dict[str, Any]:
    place = p.business_place if p.business_place and p.business_place.region else p.domicile
    address = ""
    if place.region:
        address = regions().full_name(place.region)
    address += place.address
    natural = p.kind is PartyKind.NATURAL_PERSON
    return {
        "name": p.name,
        "role_label": role_label,
        "kind_label": p.kind.label,
        "natural": natural,
        "id_label": "公民身份号码" if natural else "统一社会信用代码",
        "identifier": p.id_number if natural else (p.uscc or p.id_number),
        "legal_representative": p.legal_representative,
        "address": address,
        "phone": p.phone,
        "email": p.email,
        "accounts": [f"{a.platform}：{a.account_id}" for a in p.accounts],
    }


_FLAGGED = re.compile(r"（[^（）]*(?:未经核实|verified)[^（）]*）|verified: ?(?:false|true)")


def paper(text: str) -> str:
    """Text bound for paper without the verification flags the screen shows (older saved
    assessments carry them inside their explanation)."""
    return _FLAGGED.sub("", text or "")


def _measures(a: ViolationAssessment | None) -> list[str]:
    """The penalties one saved assessment proposes, as printed: no 罚款0元, the confiscated
    amount named (行政处罚法 Art 59(3): the 种类和依据 of the penalty, amounts included)."""
    if a is None:
        return []
    measures = [a.order] if a.order else []
    if a.proposed_fine and a.proposed_fine > 0:
        measures.append(f"罚款{amount_text(a.proposed_fine)}")
    if a.confiscates_gains:
        gains = a.illegal_gains
        measures.append(f"没收违法所得{amount_text(gains)}" if gains else f"没收违法所得{NO_GAINS}")
    measures += [m for m in a.other_measures if "可以" not in m]
    return [m for m in measures if m]


def _decision_text(violations: list[Violation]) -> tuple[str, str]:
    """(拟处理意见 / decision, closure result) built from the saved assessments."""
    parts = ["；".join(_measures(v.assessment)) for v in violations]
    proposal = "；".join(p for p in parts if p)
    return (proposal + "。") if proposal else "", proposal


def _duties(p: Any, roles: set[str]) -> tuple[str, str]:
    """(the duties breached, the act's name) for the parties' roles: Art 62 ¶1 punishes a breach
    of Art 34 (room operators, marketers: their own promotion) or of Art 44 (a 直播营销人员服务机构
    helping by fake transactions or reviews) — never both unless both kinds of party are charged."""
    duties = list(p.duties)
    label = p.label
    if p.article == 62 and p.paragraph == 1:
        agency = "service_agency" in roles
        others = bool(roles - {"service_agency"})
        if agency and not others:
            duties = [d for d in duties if d.article == 44]
            if p.id.endswith("promotion"):
                label = "通过组织虚假交易、虚假评价等方式帮助进行虚假或者引人误解的商业宣传"
        elif not agency:
            duties = [d for d in duties if d.article != 44]
            if p.id.endswith("promotion"):
                label = "虚假或者引人误解的商业宣传"
    text = f"《{p.instrument}》{'、'.join(d.label for d in duties)}" if duties else p.citation
    return text, label


def _circumstances(a: ViolationAssessment) -> list[str]:
    from lcregulator.domain.penalty import circumstances

    table = circumstances()
    return [table[c]["label"] for c in a.circumstances if c in table]


def _reasoning(v: Violation, duties: str, label: str, verb: str, subject: str | None = None) -> str:
    """The 定性 and 裁量 paragraph, written for paper from the structured assessment: ``verb``
    is 决定 (决定书), 拟 (告知书) or 建议 (调查终结报告, where the investigators only propose)."""
    a = v.assessment
    if a is None or not a.result:
        return ""
    if subject is None:  # a 告知书 speaks to its addressee; a joint decision names each party
        subject = "你（单位）" if verb == "拟" else "当事人"
    parts = [f"{subject}的上述行为违反了{duties}的规定，构成{label}的违法行为。"]
    basis = "、".join(_cite_text(c) for c in a.applied)
    fine = a.fine_range
    consequences = [f"应当{a.order}"] if a.order else []
    if fine:
        lo, hi, mandatory = fine
        kind = "应当" if mandatory else "可以"
        span = (
            f"{amount_text(hi)}以下" if lo == 0 else f"{amount_text(lo)}以上{amount_text(hi)}以下"
        )
        consequences.append(f"{kind}处{span}的罚款")
    if basis and consequences:
        parts.append(f"依据{basis}的规定，{'，'.join(consequences)}。")
    if a.confiscates_gains:
        # the fine's provision (反不正当竞争法 Art 25 ¶1 and most others) says nothing of
        # confiscation: it rests on 行政处罚法 Art 28(2), which paper must cite for it
        parts.append(
            f"依据《中华人民共和国行政处罚法》第二十八条第二款的规定，{subject}的违法所得应当予以没收。"
        )
    notes = _circumstances(a)
    band = a.band
    if notes:
        how = (
            f"依法予以{band}处罚" if band in ("从轻", "从重", "减轻") else "综合考虑，予以一般处罚"
        )
        parts.append(f"鉴于{subject}{'、'.join(notes)}，{how}。")
    elif fine:
        parts.append(
            f"{subject}无法定从轻、减轻或者从重处罚情节，综合考虑违法行为的事实、性质、情节和社会危害程度，予以一般处罚。"
        )
    measures = _measures(a)
    if measures and verb == "建议":
        parts.append(f"建议对{subject}作出如下处理：{'；'.join(measures)}。")
    return paper("".join(parts))


def context(
    ctx: AppContext,
    case: Case,
    ask: dict[str, str] | None = None,
    on: dt.date | None = None,
    party_id: int | None = None,
) -> dict[str, Any]:
    """What a template reads. With ``party_id`` the document is that party's: its name alone as
    当事人 and addressee (a notice served on one party says nothing of another's penalty)."""
    authority = setup.our_authority(ctx)
    if authority is None:
        raise DomainError("尚未设置本机关信息。")
    officers = {o.id: o for o in setup.all_officers(ctx, authority.id)}  # type: ignore[arg-type]
    found = party_service.get_parties(ctx, [int(cp.party_id) for cp in case.parties])
    chosen = [
        cp
        for cp in case.parties
        if int(cp.party_id) in found and (party_id is None or int(cp.party_id) == party_id)
    ]
    if party_id is not None and not chosen:
        raise ValidationError("party", "所选当事人不是本案当事人。")
    parties = [_party(found[int(cp.party_id)], cp.role.label) for cp in chosen]
    roles = {cp.role.value for cp in chosen}
    case_officers = [officers[i] for i in case.officer_ids if i in officers]
    day = on or ctx.today()
    # a document cites only what was on file by its date (an 提取笔录 dated before the files
    # were taken would record a 提取时间 after its own)
    files = [
        e
        for e in (evidence_service.list_evidence(ctx, CaseId(case.id)) if case.id else [])
        if e.captured_at.astimezone(CHINA_TZ).date() <= day
    ]
    charged = [v for v in case.violations if party_id is None or v.party_id in (None, party_id)]
    # a document about several parties' conduct names whose each fact and finding is
    named = len({v.party_id for v in charged if v.party_id in found}) > 1
    role_of = {int(cp.party_id): cp.role.value for cp in case.parties}
    violations: list[dict[str, Any]] = []
    for v in charged:
        p = provision(v.provision_id)
        duties, label = _duties(p, {role_of[v.party_id]} if v.party_id in role_of else roles)
        applied = v.assessment.applied if v.assessment else ()
        basis = "、".join(_cite_text(c) for c in applied) or p.citation
        violations.append(
            {
                "label": label,
                "citation": p.citation,
                "duties": duties,
                "facts": v.facts,
                "named_facts": f"{found[v.party_id].name}{v.facts}"
                if named and v.party_id in found and v.facts
                else v.facts,
                "act_start": chinese_date(v.act_start) if v.act_start else "",
                "explanation": _reasoning(v, duties, label, "决定"),
                "proposed": _reasoning(v, duties, label, "拟"),
                "suggested": _reasoning(
                    v,
                    duties,
                    label,
                    "建议",
                    found[v.party_id].name if named and v.party_id in found else None,
                ),
                "penalty_basis": basis,
                "party_id": v.party_id,
                "named_explanation": _reasoning(v, duties, label, "决定", found[v.party_id].name)
                if v.party_id in found
                else "",
            }
        )
    proposal, result_text = _decision_text(charged)
    if named:  # each party's penalty after its name (a form about the whole case)
        by_party = [
            (found[int(cp.party_id)].name, [v for v in charged if v.party_id == int(cp.party_id)])
            for cp in chosen
        ]
        parts = [f"对{name}：{_decision_text(own)[1]}" for name, own in by_party if own]
        parts = [p for p in parts if not p.endswith("：")]
        if parts:
            result_text = "；".join(parts)
            proposal = result_text + "。"
    # a joint decision (共同违法): each party named, with its own facts and penalty
    joint = []
    joint_ids = set(joint_parties(case))
    for cp in chosen:
        own = [v for v in charged if v.party_id == int(cp.party_id)]
        if not own or int(cp.party_id) not in joint_ids:
            continue
        entry = next(p for p in parties if p["name"] == found[int(cp.party_id)].name)
        joint.append(
            {
                "party": entry,
                "violations": [v for v in violations if v["party_id"] == int(cp.party_id)],
                "proposal": _decision_text(own)[1] or None,
            }
        )
    procedure = case.procedure
    hearing_right = procedure.hearing_right or any(
        v.assessment.hearing_right for v in charged if v.assessment
    )
    statement = ""
    if procedure.statement_received_on:
        statement = "当事人在规定期限内提出了陈述、申辩。"
    elif case.notice_served_on:
        statement = "当事人在规定期限内未提出陈述、申辩。"
    hearing = ""
    if procedure.hearing_held_on:
        hearing = f"应当事人要求，本局于{chinese_date(procedure.hearing_held_on)}举行了听证。"
    price = any(v.provision_id.startswith("M60") for v in charged)
    settings = bureau.effective(ctx, authority)
    me = ctx.officer
    return {
        "authority": {
            "name": authority.name,
            "seal_name": settings.seal_text.strip() or authority.name,
            "short_name": authority.short_name,
            "address": authority.address,
            "phone": authority.phone,
        },
        "bureau": {
            "review_body": settings.review_body or None,
            "court": settings.court or None,
            "payment_text": _payment_text(settings),
            "missing": "、".join(settings.missing_for_decision()) or None,
        },
        "case": {
            "title": case.title,
            "number": case.case_number,
            "source_label": case.source.label,
            "received": chinese_date(case.received_on),
            "filed": chinese_date(case.filed_on) if case.filed_on else None,
            "notice_served": chinese_date(case.notice_served_on) if case.notice_served_on else None,
            "summary": case.summary,
            "not_filed_reason": procedure.not_filed_reason,
        },
        "parties": parties,
        "party": parties[0]
        if parties
        else {
            "name": None,
            "address": None,
            "phone": None,
            "identifier": None,
            "email": None,
            "natural": False,
        },
        "parties_names": "、".join(p["name"] for p in parties),
        # a form about the case names every party's identifier, address and phone, each by name
        "parties_identifiers": _per_party(parties, "identifier"),
        "parties_addresses": _per_party(parties, "address"),
        "parties_phones": _per_party(parties, "phone"),
        "accounts_text": "；".join(a for p in parties for a in p["accounts"]),
        "officer": {"name": me.name if me else ""},
        "officers_names": "、".join(o.name for o in case_officers),
        "officers_text": "、".join(f"{o.name}（执法证号 {o.badge_number}）" for o in case_officers)
        if len(case_officers) >= 2
        else None,
        "violations": violations,
        "joint": joint,
        "joint_copies": _chinese_count(len(joint) + 1),
        "violations_facts": "；".join(v["named_facts"] for v in violations if v["facts"]) or None,
        "facts_named": named,
        # 没收违法所得 rests on 行政处罚法 Art 28(2), whatever the fine's provision says
        "confiscates": any(v.assessment.confiscates_gains for v in charged if v.assessment),
        "violations_duties": "、".join(dict.fromkeys(v["duties"] for v in violations)) or None,
        "violations_text": "；".join(
            dict.fromkeys(f"{v['label']}（违反{v['duties']}）" for v in violations)
        )
        or None,
        "violations_penalty_basis": "、".join(dict.fromkeys(v["penalty_basis"] for v in violations))
        or None,
        "proposal": proposal or None,
        "result_text": result_text
        or (
            procedure.decision_kind
            and {"no_penalty": "不予行政处罚", "revoke": "撤销立案"}.get(procedure.decision_kind)
        )
        or None,
        "execution_text": _execution_text(case),
        "hearing_right": hearing_right,
        "statement_received": bool(procedure.statement_received_on),
        "statement_text": statement,
        "hearing_text": hearing,
        "remedy_text": _remedy_text(settings, price),
        "pays": any(
            "罚款" in m or "没收违法所得" in m for v in charged for m in _measures(v.assessment)
        ),
        "evidence": [
            {
                "name": e.original_name,
                "size": f"{e.size:,} 字节",
                "sha256": e.sha256,
                "captured": _moment(e.captured_at),  # to the minute, as the 笔录 records it
                "source": e.source_url,
            }
            for e in files
        ]
        or None,
        # what is on file, never a made-up list (a document citing evidence the file lacks is
        # refused: the template asks for it); the template adds 等
        "evidence_text": "、".join(e.original_name for e in files[:6]) or None,
        "evidence_count": len(files),
        "jurisdiction_text": _jurisdiction_text(ctx, case, authority),
        "referral_text": _referral_text(procedure.referral_screening),
        "crimes_names": "、".join(
            c["name"]
            for c in ((procedure.referral_screening or {}).get("result") or {}).get("crimes", [])
        ),
        "referral_team": "、".join(
            f"{officers[i].name}（执法证号 {officers[i].badge_number}）"  # type: ignore[index]
            for i in procedure.referral_team
            if i in officers
        )
        or None,
        "date": chinese_date(day),
        # an approval form's opinion rows: room to sign and date by hand under each opinion
        "sign_space": "\n" + SIGN_LINE,
        "ask": dict(ask or {}),
        "triple_check_text": _triple_check_text(ctx, case),
    }


def _chinese_count(n: int) -> str:
    """一式三份: counts on paper in Chinese numerals (两 for two)."""
    from lcregulator.domain.statute import to_chinese_number

    return "两" if n == 2 else to_chinese_number(n)


def _moment(at: dt.datetime) -> str:
    """2026年3月12日9时30分, Beijing time."""
    local = at.astimezone(CHINA_TZ)
    return f"{chinese_date(local.date())}{local.hour}时{local.minute:02d}分"


def _per_party(parties: list[dict[str, Any]], key: str) -> str | None:
    """One party's value alone; several parties' values each after the party's name."""
    if len(parties) == 1:
        return parties[0][key] or None
    return "；".join(f"{p['name']}：{p[key] or '—'}" for p in parties) or None


def _payment_text(s: bureau.DocumentSettings) -> str | None:
    """Where the fine goes (行政处罚法 Art 59(4), Art 67 ¶3)."""
    if s.payee and s.bank and s.account:
        text = f"缴至{s.payee}（开户银行：{s.bank}；账号：{s.account}）"
        if s.payment_code:
            text += f"，或者{s.payment_code}"
        return text
    if s.payment_code:
        return s.payment_code
    return None


def _remedy_text(s: bureau.DocumentSettings, price: bool) -> str:
    """The remedy clause, written once and right for the case. A price violation goes to 复议
    first (价格违法行为行政处罚规定 Art 20); otherwise 复议 (行政复议法 Art 20 ¶1: sixty days)
    or 诉讼 (行政诉讼法 Art 46 ¶1: six months), each with its body named (行政处罚法 Art 59(5))."""
    review = s.review_body or "（复议机关）"
    court = s.court or "（人民法院）"
    if price:
        return (
            f"当事人对本决定不服的，应当先依法申请行政复议，即自收到本决定书之日起六十日内向{review}"
            "申请行政复议；对行政复议决定不服的，可以依法向人民法院提起诉讼。"
        )
    return (
        f"当事人对本决定不服的，可以自收到本决定书之日起六十日内向{review}申请行政复议，"
        f"也可以自收到本决定书之日起六个月内依法向{court}提起行政诉讼。"
    )


def case_answers(case: Case, kind: str, given: dict[str, str] | None = None) -> dict[str, str]:
    """The answers for ``kind``: what the officer gave, else what the case already holds.

    The officer is then not asked to retype a fact the file records (the 不予立案 reason)."""
    out: dict[str, str] = {}
    if kind == "not_filing_approval" and case.procedure.not_filed_reason:
        out["reason"] = case.procedure.not_filed_reason
    return out | {k: v for k, v in (given or {}).items() if v and v.strip()}


def issued_kinds(ctx: AppContext, case_ids: list[int]) -> list[tuple[str, int]]:
    """The kinds issued on any of ``case_ids``, in procedural order, with how many cases each.

    Batch printing offers only these: a kind no selected case holds would print nothing."""
    held: dict[str, set[int]] = {}
    for case_id in case_ids:
        for d in issued(ctx, CaseId(case_id)):
            held.setdefault(d.kind, set()).add(case_id)
    order = {kind: i for i, kind in enumerate(KINDS)}
    return [
        (kind, len(ids)) for kind, ids in sorted(held.items(), key=lambda kv: order.get(kv[0], 99))
    ]


def served_document_choices(ctx: AppContext, case_id: CaseId) -> list[str]:
    """The numbered documents issued on the case, newest first, as 文书名称（文号）.

    A 送达回证 names one of these; offering them avoids retyping a 文号 wrongly."""
    return [
        f"{d.title}（{d.number}）"
        for d in reversed(issued(ctx, case_id))
        if d.number and d.kind != "service_receipt"
    ]


def _triple_check_text(ctx: AppContext, case: Case) -> str | None:
    """一案三查 answers (platform and agency duties checked), for the 结案审批表."""
    from . import platform_reports

    return platform_reports.triple_check_text(ctx, int(case.id)) if case.id else None


def _cite_text(c: Mapping[str, Any]) -> str:
    from lcregulator.domain.statute import to_chinese_number

    out = f"《{c['instrument']}》第{to_chinese_number(c['article'])}条"
    if c.get("paragraph"):
        out += f"第{to_chinese_number(c['paragraph'])}款"
    if c.get("item"):
        out += f"第{to_chinese_number(c['item'])}项"
    return out


def _referral_text(screening: dict[str, Any] | None) -> str | None:
    from lcregulator.domain.statute import to_chinese_number

    result = (screening or {}).get("result") or {}
    crimes = result.get("crimes") or []
    if not crimes:
        return None
    parts = []
    for c in crimes:
        basis = c["basis"]
        parts.append(
            f"{'、'.join(c['met'])}，达到《{basis['instrument']}》第{to_chinese_number(basis['article'])}条"
            f"规定的{c['name']}立案追诉标准"
        )
    return "；".join(parts)


def _jurisdiction_text(ctx: AppContext, case: Case, authority: Any) -> str:
    """管辖依据 for the 立案审批表: the paragraph of Art 47 each party's role places it under
    (¶1 住所地, ¶2 a room operator's 实际经营地, ¶3 a marketer with its live room) — the bare
    article names three different rules. The article alone when a party's places are not on
    file (or a provider is placed by analogy): paper never guesses a paragraph."""
    from . import jurisdiction

    bare = "本案依据《直播电商监督管理办法》第四十七条确定管辖。"
    paragraphs: list[int] = []
    for r in jurisdiction.for_case(ctx, case, authority):
        b = r.result.basis if r.result else None
        if r.result is None or r.result.by_analogy or b is None or b.article != 47:
            return bare
        if not b.paragraph or b.instrument != "直播电商监督管理办法":
            return bare
        paragraphs.append(b.paragraph)
    if not paragraphs:
        return bare
    from lcregulator.domain.statute import to_chinese_number

    cited = "、".join(f"第{to_chinese_number(n)}款" for n in sorted(set(paragraphs)))
    return f"本案依据《直播电商监督管理办法》第四十七条{cited}确定管辖。"


def _execution_text(case: Case) -> str | None:
    p = case.procedure
    if p.decision_kind == "revoke":
        return "撤销立案，无须执行。"
    if p.decision_kind == "no_penalty":
        return "不予行政处罚，已对当事人进行教育。"
    if p.fine:
        paid = p.paid()
        text = f"应缴罚款{amount_text(p.fine)}，已缴{amount_text(paid)}。"
        if p.court_applied_on:
            text += f"已于{chinese_date(p.court_applied_on)}申请人民法院强制执行。"
        return text
    return None


def number_text(short_name: str, code: str, year: int, seq: int) -> str:
    """杭西市监处罚〔2026〕12号: 机关代字 + 文书代字, year in 六角括号, n without padding."""
    return f"{short_name}{code}〔{year}〕{seq}号"


def build(
    ctx: AppContext,
    case: Case,
    kind: str,
    ask: dict[str, str] | None = None,
    number: str = "",
    on: dt.date | None = None,
    party_id: int | None = None,
) -> Document:
    """The document tree as it would be issued (for preview: with a placeholder 文号)."""
    return render(
        kind,
        context(ctx, case, case_answers(case, kind, ask), on, _addressee(case, kind, party_id)),
        number,
    )


def preview(
    ctx: AppContext,
    case: Case,
    kind: str,
    ask: dict[str, str] | None = None,
    party_id: int | None = None,
) -> bytes:
    d = definition(kind)
    placeholder = "（出具时编号）" if d.number_code else ""
    return render_pdf(build(ctx, case, kind, ask, placeholder, party_id=party_id))


def check_answers(
    ctx: AppContext,
    case: Case,
    kind: str,
    ask: dict[str, str] | None = None,
    party_id: int | None = None,
) -> None:
    """Raise ``MissingFields`` (or the party's ``ValidationError``) for what the officer must
    still answer — at once: the check that every character is printable, which loads the fonts
    (seconds, the first time), is left to the preview drawn off the UI thread."""
    answers = case_answers(case, kind, ask)
    render(kind, context(ctx, case, answers, None, _addressee(case, kind, party_id)), glyphs=False)


def _addressee(case: Case, kind: str, party_id: int | None) -> int | None:
    """An addressed kind is one party's: the one chosen, or the only one; a case with several
    parties must say which (a notice to "the first party" leaves the others unnotified)."""
    if not definition(kind).addressed:
        return None
    if party_id is not None:
        if all(int(cp.party_id) != party_id for cp in case.parties):
            raise ValidationError("party", "所选当事人不是本案当事人。")
        return party_id
    if len(case.parties) == 1:
        return int(case.parties[0].party_id)
    if not case.parties:
        return None
    raise ValidationError(
        "party", f"本案有{len(case.parties)}个当事人，请选择本文书的受送达当事人。"
    )


@dataclass(frozen=True)
class Issued:
    record: IssuedDocument
    pdf_path: Path
    docx_path: Path
    document: Document


def store_path(ctx: AppContext, sha256: str, suffix: str) -> Path:
    return ctx.document_store.path(sha256, suffix)


def _store(ctx: AppContext, data: bytes, suffix: str) -> str:
    """Durably into the store (temporary name, fsync, rename) before the row is committed."""
    return ctx.document_store.put(data, suffix)[0]


@dataclass(frozen=True)
class _Target:
    """What one issue is about, prepared inside the issuing transaction: the template's
    context and where the record belongs (a case, a summons, or neither)."""

    context: dict[str, Any]
    authority_id: int
    case_id: int | None = None
    summons_id: int | None = None
    party_id: int | None = None  # the event's party (a summons' addressee)
    replaces: IssuedDocument | None = None  # the document this one corrects (更正)


def _issue(ctx: AppContext, kind: str, day: dt.date, prepare: Callable[[Any], _Target]) -> Issued:
    """The one path every issued document takes: number → render → store → record → event.

    Fonts and the definition are loaded before the transaction (the first PDF of a process
    spends seconds on fonts, and the transaction holds the write lock and the number while the
    document renders). Inside it ``prepare`` gathers the facts and makes its checks; the
    document is rendered once unnumbered first, so a refusal (missing facts, internal text,
    dates out of order) spends no number. The template version is recorded on every path."""
    officer = ctx.require_officer()
    d = definition(kind)
    load_fonts()
    with ctx.unit_of_work() as uow:
        target = prepare(uow)
        _check_paper(_with_correction(render(kind, target.context, "（预检）"), target.replaces))
        authority = uow.authorities.get(target.authority_id)
        seq = None
        number = ""
        if d.number_code:
            seq = uow.documents.next_number(
                target.authority_id, SEQUENCE_OF.get(kind, kind), day.year
            )
            number = number_text(authority.short_name, d.number_code, day.year, seq)
        document = _with_correction(render(kind, target.context, number), target.replaces)
        _check_paper(document)
        pdf, docx = render_pdf(document), render_docx(document)
        pdf_sha, docx_sha = _store(ctx, pdf, ".pdf"), _store(ctx, docx, ".docx")
        replaces = target.replaces.id if target.replaces else None
        record = uow.documents.add(
            IssuedDocumentRow(
                case_id=target.case_id,
                summons_id=target.summons_id,
                authority_id=target.authority_id,
                kind=kind,
                title=d.title,
                number=number,
                year=day.year,
                seq=seq,
                issued_on=day,
                issued_at=uow.now,
                issued_by=officer.id,
                pdf_sha256=pdf_sha,
                docx_sha256=docx_sha,
                replaces_id=replaces,
            )
        )
        after: dict[str, Any] = {
            "kind": kind,
            "number": number,
            "pdf_sha256": pdf_sha,
            "template": document.template,
        }
        if target.summons_id is not None:
            after["summons_id"] = target.summons_id
        if target.party_id is not None:  # whose it is: a correction is addressed alike
            after["party_id"] = target.party_id
        if target.replaces is not None:
            after["corrects"] = target.replaces.number or target.replaces.id
        uow.events.add(
            Event(
                action="document.issued",
                summary=f"出具{d.title}{('（' + number + '）') if number else ''}"
                + (_corrects_phrase(target.replaces) if target.replaces else ""),
                officer_id=officer.id,
                at=uow.now,
                case_id=target.case_id,
                after=after,
            ),
            **({"party_id": target.party_id} if target.party_id is not None else {}),
        )
        uow.commit()
    return Issued(
        record, store_path(ctx, pdf_sha, ".pdf"), store_path(ctx, docx_sha, ".docx"), document
    )


def _corrects_phrase(old: IssuedDocument) -> str:
    return f"，更正{old.title}{('（' + old.number + '）') if old.number else ''}"


def _with_correction(document: Document, old: IssuedDocument | None) -> Document:
    """A correction says on paper which document it corrects (its 文号 and date), in a note
    at the foot: the replaced one stays on file, marked 已更正."""
    if old is None:
        return document
    from dataclasses import replace as replaced

    from lcregulator.documents.tree import Note

    which = f"{old.title}（{old.number}）" if old.number else old.title
    note = Note(f"本文书系对本局{chinese_date(old.issued_on)}出具的{which}的更正，原文书不再执行。")
    return replaced(document, nodes=(*document.nodes, note))


def issue(
    ctx: AppContext,
    case_id: CaseId,
    kind: str,
    ask: dict[str, str] | None = None,
    on: dt.date | None = None,
    replaces: int | None = None,
    party_id: int | None = None,
) -> Issued:
    """A case's document: number (if the kind is numbered), render both formats, store and
    record — one transaction (see :func:`_issue`). ``replaces`` makes it a correction (更正)
    of that issued document (see :func:`correct`)."""
    officer = ctx.require_officer()
    day = on or ctx.today()

    def prepare(uow: Any) -> _Target:
        case = uow.cases.get(case_id)
        from .workflow import require_case_handler

        require_case_handler(officer, case, "制作文书")
        if case.read_only:
            raise ReadOnlyError("案件已归档，不能再出具文书。")
        old = None
        if replaces is not None:
            old = _correctable(uow.documents.for_case(case_id), replaces, kind)
        addressee = _addressee(case, kind, party_id)
        if kind == "joint_penalty_decision":
            check_joint(case)
        answers = case_answers(case, kind, ask)
        context_ = context(ctx, case, answers, day, addressee)
        check_dates(ctx, case, kind, day, context_)
        return _Target(
            context_, case.authority_id, case_id=case_id, party_id=addressee, replaces=old
        )

    return _issue(ctx, kind, day, prepare)


NO_GAINS = "（数额未填写）"
_INTERNAL = re.compile(r"未经核实|verified|<built-in|<bound method|object at 0x|\bNone\b")


def _check_paper(document: Document) -> None:
    """The last guard before a number is spent: nothing internal reaches paper."""
    for _where, _font, text in document.texts():
        if NO_GAINS in text:
            raise DomainError("没收违法所得须写明数额：请在“处罚裁量”中填写违法所得后再出具。")
        found = _INTERNAL.search(text)
        if found:
            raise DomainError(
                f"文书内容含有不应打印的内部文字“{found.group(0)}”，未出具。请检查案件信息或者联系管理员。"
            )


def kinds(ctx: AppContext, case: Case | None = None) -> list[dict[str, Any]]:
    """The kinds a case can be given, with their questions (DESIGN §9.1 ``document kinds``):
    ``document`` questions list the case's issued documents by 文号, and default to the last."""
    numbers = (
        [d.number for d in issued(ctx, CaseId(case.id)) if d.number] if case and case.id else []
    )
    out = []
    for kind in KINDS:
        d = definition(kind)
        asks = []
        for spec in d.specs:
            choices: list[str] | None = list(spec.choices) if spec.type == "choice" else None
            default: str | None = None
            if spec.type == "document":
                choices = numbers if case is not None else None
                default = numbers[-1] if numbers else None
            asks.append(
                {
                    "key": spec.key,
                    "label": spec.label,
                    "type": spec.type,
                    "required": spec.required,
                    "choices": choices,
                    "default": default,
                }
            )
        out.append(
            {
                "kind": kind,
                "title": d.title,
                "numbered": bool(d.number_code),
                "addressed": d.addressed,
                "asks": asks,
            }
        )
    return out


def resolve_answers(ctx: AppContext, case: Case, kind: str, ask: dict[str, str]) -> dict[str, str]:
    """Answers as printed: a ``document`` answer given as a 文号 names the document too."""
    out = dict(ask)
    docs = {d.number: d for d in issued(ctx, CaseId(case.id))} if case.id else {}
    for spec in definition(kind).specs:
        value = out.get(spec.key)
        if spec.type == "document" and value in docs:
            out[spec.key] = f"{docs[value].title}（{value}）"
    return out


def issued(ctx: AppContext, case_id: CaseId) -> list[IssuedDocument]:
    with ctx.unit_of_work() as uow:
        return uow.documents.for_case(case_id)


def void(ctx: AppContext, case_id: CaseId, document_id: int, reason: str) -> IssuedDocument:
    """作废 an issued document: by its issuer or a 负责人, with a reason. The 文号 stays recorded
    (never reused), the files are kept unchanged (their SHA-256 still verifies), and prints of
    it carry a 作废 overlay made at print time. A correction is a new document (``replaces``)."""
    from lcregulator.domain.authority import OfficerRole

    officer = ctx.require_officer()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "请写明作废的理由。")
    if len(reason) > 200:
        raise ValidationError("reason", "作废理由不能超过200个字。")
    with ctx.unit_of_work() as uow:
        doc = next((d for d in uow.documents.for_case(case_id) if d.id == document_id), None)
        if doc is None:
            raise DomainError("该文书不属于本案。")
        if doc.voided:
            raise DomainError(f"{doc.title}{doc.number}已于此前作废。")
        if doc.issued_by != officer.id and not officer.has_role(OfficerRole.HEAD):
            raise DomainError("只有出具该文书的执法人员或者负责人可以作废文书。")
        uow.documents.void(document_id, uow.now, officer.id, reason)
        uow.events.add(
            Event(
                action="document.voided",
                summary=f"作废{doc.title}{('（' + doc.number + '）') if doc.number else ''}：{reason}",
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                after={"document_id": document_id, "number": doc.number, "reason": reason},
            )
        )
        uow.commit()
        return next(d for d in uow.documents.for_case(case_id) if d.id == document_id)


def printable_pdf(ctx: AppContext, doc: IssuedDocument) -> bytes:
    """The PDF to print: the stored file itself, or for a voided document a copy with a 作废
    overlay on every page (the stored file stays as it was issued)."""
    data = store_path(ctx, doc.pdf_sha256, ".pdf").read_bytes()
    if not doc.voided:
        return data
    import io

    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.colors import Color
    from reportlab.pdfgen.canvas import Canvas

    from lcregulator.documents import fonts

    writer = PdfWriter(clone_from=io.BytesIO(data))
    font = fonts.load().roles["hei"].name
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=(width, height))
        canvas.setFillColor(Color(0.8, 0, 0, alpha=0.45))
        canvas.setFont(font, 150)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -50, "作废")
        canvas.setFont(font, 14)
        canvas.drawCentredString(0, -90, f"（{(doc.void_reason or '')[:40]}）")
        canvas.save()
        page.merge_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SERVICE_METHODS = ("直接送达", "留置送达", "邮寄送达", "电子送达", "委托送达", "公告送达")


def record_service(
    ctx: AppContext, case_id: CaseId, document_id: int, on: dt.date, method: str
) -> None:
    """Record from the 送达回证 when and how a document was served."""
    officer = ctx.require_officer()
    if method not in SERVICE_METHODS:
        raise DomainError(f"送达方式应为：{'、'.join(SERVICE_METHODS)}。")
    if on > ctx.today():
        raise DomainError("送达日期不能晚于今天。")
    with ctx.unit_of_work() as uow:
        if uow.cases.get(case_id).read_only:
            raise ReadOnlyError("案件已归档，不能再登记送达。")
        docs = {d.id: d for d in uow.documents.for_case(case_id)}
        doc = docs.get(document_id)
        if doc is None:
            raise DomainError("该文书不属于本案。")
        if on < doc.issued_on:
            raise DomainError("送达日期不能早于出具日期。")
        uow.documents.record_service(document_id, on, method)
        uow.events.add(
            Event(
                action="document.served",
                summary=f"{doc.title}{doc.number}于{chinese_date(on)}{method}",
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
            )
        )
        uow.commit()


def latest_of_kind(ctx: AppContext, case_ids: list[int], kind: str) -> list[IssuedDocument]:
    """For batch printing: each case's most recent document of one kind."""
    out = []
    for case_id in case_ids:
        docs = [d for d in issued(ctx, CaseId(case_id)) if d.kind == kind]
        if docs:
            out.append(docs[-1])
    return out


def summons_context(ctx: AppContext, summons: Any, on: dt.date) -> dict[str, Any]:
    authority = setup.our_authority(ctx)
    if authority is None:
        raise DomainError("尚未设置本机关信息。")
    officers = {o.id: o for o in setup.all_officers(ctx, authority.id)}  # type: ignore[arg-type]
    party = party_service.get_party(ctx, summons.party_id)
    local = summons.scheduled_at.astimezone(CHINA_TZ)
    from lcregulator.domain.statute import to_chinese_number
    from lcregulator.domain.summons import grounds

    known = grounds()
    # paper names the instrument in full (a bare "办法" is defined nowhere on the page) and the
    # bureau that summons (the seal's), not "市场监督管理部门" in general
    cited = "、".join(
        f"第{to_chinese_number(g)}项“{known[g]}”" for g in sorted(summons.grounds) if g in known
    )
    joint = " 会同网信部门" if summons.joint_with_cyberspace else ""
    return {
        "authority": {
            "name": authority.name,
            "seal_name": bureau.seal_name(ctx, authority),
            "phone": authority.phone,
            "address": authority.address,
        },
        "party": _party(party, "被约谈方"),
        "summons": {
            "grounds_text": summons.grounds_text,
            "ground_details": summons.ground_details,
            "departments": summons.departments,
            "grounds_paper": f"《直播电商监督管理办法》第五十二条{cited}",
            "convenor": "本局" + joint.strip(),
            "unit": authority.name + joint.strip(),
            "invited_person": summons.invited_person,
            "time": f"{chinese_date(local.date())}{local:%H}时{local:%M}分",
            "date": chinese_date(local.date()),
            "place": summons.place,
            "officers": "、".join(officers[i].name for i in summons.officer_ids if i in officers),
            "record": summons.record,
            "commitments": summons.commitments,
            "rectification_required": summons.rectification_required,
            "deadline": chinese_date(summons.rectification_deadline)
            if summons.rectification_deadline
            else None,
        },
        "date": chinese_date(on),
        "ask": {},
    }


def issue_for_summons(
    ctx: AppContext, summons_id: int, kind: str, on: dt.date | None = None
) -> Issued:
    """A summons' document (it may stand alone without a case), by the same path."""
    day = on or ctx.today()

    def prepare(uow: Any) -> _Target:
        summons = uow.summonses.get(summons_id)
        _check_summons_date(kind, day, summons.scheduled_at.astimezone(CHINA_TZ).date())
        return _Target(
            summons_context(ctx, summons, day),
            int(uow.settings.get("authority_id") or 0),
            case_id=summons.case_id,
            summons_id=summons_id,
            party_id=summons.party_id,
        )

    return _issue(ctx, kind, day, prepare)


def _check_summons_date(kind: str, day: dt.date, held: dt.date) -> None:
    """A 约谈通知书 goes out before the 约谈; its record and the 整改通知书 come on or after it."""
    label = definition(kind).title
    if kind == "summons_notice" and day >= held:
        raise _refuse(label, day, f"不早于约谈日期（{chinese_date(held)}），应在约谈前送达")
    if kind in ("summons_record", "rectification_notice") and day < held:
        raise _refuse(label, day, f"早于约谈日期（{chinese_date(held)}）")


def issue_standalone(
    ctx: AppContext, kind: str, context_: dict[str, Any], on: dt.date | None = None
) -> Issued:
    """A document that belongs to no case (an Art 48 sharing letter), by the same path."""
    day = on or ctx.today()

    def prepare(uow: Any) -> _Target:
        return _Target(context_, int(uow.settings.get("authority_id") or 0))

    return _issue(ctx, kind, day, prepare)


DECISION_DOCUMENTS = ("penalty_decision", "joint_penalty_decision")
# kinds an investigation produces once the case is filed (an 提取笔录, a 协助调查函 or a
# 责令改正通知书 may come during 核查, before filing)
AFTER_FILING = (
    "investigation_report",
    "case_review_form",
    "legal_review_form",
    "penalty_notice",
    *DECISION_DOCUMENTS,
    "no_penalty_decision",
    "closure_approval",
)


def _refuse(label: str, day: dt.date, what: str) -> ValidationError:
    return ValidationError("date", f"{label}的日期（{chinese_date(day)}）{what}，未出具。")


def check_dates(
    ctx: AppContext, case: Case, kind: str, day: dt.date, context_: dict[str, Any]
) -> None:
    """A document dated against the case's own record is refused, with the field named: a
    decision before the 告知书 was served and the 陈述申辩 (and 听证申请) period ran out
    (行政处罚法 Art 62, 程序规定 Art 57), a 送达回证 before the document it serves was issued,
    an 提取笔录 before the files it records were taken, anything before the clue came in."""
    d = definition(kind)
    label = d.title
    if day < case.received_on:
        raise _refuse(label, day, f"早于线索接收日期（{chinese_date(case.received_on)}）")
    if kind in AFTER_FILING and case.filed_on and day < case.filed_on:
        raise _refuse(label, day, f"早于立案日期（{chinese_date(case.filed_on)}）")
    p = case.procedure
    if kind in DECISION_DOCUMENTS:
        served = case.notice_served_on  # none yet: the template asks for it (MissingFields)
        if served is not None and day < served:
            raise _refuse(label, day, f"早于告知书送达日期（{chinese_date(served)}）")
        from .workflow import case_deadlines

        due = {x.id: x.due for x in case_deadlines(ctx, case)}
        statement = due.get("statement_defence")
        if (
            statement
            and day <= statement
            and not (p.statement_received_on and p.statement_received_on <= day)
        ):
            raise _refuse(label, day, f"在陈述、申辩期（至{chinese_date(statement)}）届满之前")
        hearing = due.get("hearing_request")
        if p.hearing_right and p.hearing_requested_on is None and hearing and day <= hearing:
            raise _refuse(label, day, f"在听证申请期（至{chinese_date(hearing)}）届满之前")
        if p.hearing_held_on and day < p.hearing_held_on:
            raise _refuse(label, day, f"早于听证日期（{chinese_date(p.hearing_held_on)}）")
    decided = case.decided_on
    after_decision = (*DECISION_DOCUMENTS, "no_penalty_decision", "closure_approval")
    if kind in after_decision and decided and day < decided:
        raise _refuse(label, day, f"早于决定日期（{chinese_date(decided)}）")
    if kind == "service_receipt":
        named = (context_.get("ask") or {}).get("document") or ""
        for doc in issued(ctx, CaseId(case.id)) if case.id else []:
            if doc.number and doc.number in named and day < doc.issued_on:
                raise _refuse(
                    label,
                    day,
                    f"早于所送达的{doc.title}（{doc.number}）的出具日期"
                    f"（{chinese_date(doc.issued_on)}）",
                )
    if kind == "electronic_evidence_record" and case.id and not context_.get("evidence"):
        taken = [
            e.captured_at.astimezone(CHINA_TZ).date()
            for e in evidence_service.list_evidence(ctx, CaseId(case.id))
        ]
        if taken:
            raise _refuse(label, day, f"早于证据的提取时间（{chinese_date(min(taken))}）")


def joint_parties(case: Case) -> list[int]:
    """The parties a joint decision (共同违法) names: those penalised for a conduct (the same
    provision) that at least one other party is penalised for too."""
    by_conduct: dict[str, set[int]] = {}
    for v in case.violations:
        if v.party_id is not None and _measures(v.assessment):
            by_conduct.setdefault(v.provision_id, set()).add(int(v.party_id))
    return sorted({pid for ids in by_conduct.values() if len(ids) >= 2 for pid in ids})


def check_joint(case: Case) -> None:
    """DESIGN §9.1: a joint decision is the bureau's choice where two or more parties are
    penalised for the same conduct; otherwise each party gets its own decision."""
    if len(joint_parties(case)) < 2:
        raise ValidationError(
            "kind",
            "共同违法的行政处罚决定书须有两个以上当事人因同一违法行为被处罚（各自的处罚裁量已保存）；"
            "否则请分别为各当事人出具行政处罚决定书。",
        )


def _correctable(docs: list[IssuedDocument], document_id: int, kind: str) -> IssuedDocument:
    """The document a correction replaces: on this case, of the same kind, not already
    corrected (a voided one may be reissued: the new one says which it replaces)."""
    old = next((x for x in docs if x.id == document_id), None)
    if old is None:
        raise DomainError("要更正的文书不属于本案。")
    if old.kind != kind:
        raise DomainError(f"更正文书应与原文书种类相同（原文书为{old.title}）。")
    later = next((x for x in docs if x.replaces_id == old.id), None)
    if later is not None:
        raise DomainError(
            f"{old.title}{old.number}已由{later.title}{later.number}更正，请更正后者。"
        )
    return old


def addressee_of(ctx: AppContext, doc: IssuedDocument) -> int | None:
    """The party an issued document was addressed to, as its issue event recorded it."""
    if doc.case_id is None:
        return None
    with ctx.unit_of_work() as uow:
        events = uow.events.for_case(doc.case_id)
    for event in events:
        if event.action == "document.issued" and event.after.get("pdf_sha256") == doc.pdf_sha256:
            party = event.after.get("party_id")
            return int(party) if party is not None else None
    return None


def corrected_by(docs: list[IssuedDocument]) -> dict[int, IssuedDocument]:
    """For the register: each replaced document's id → the document that corrects it."""
    return {x.replaces_id: x for x in docs if x.replaces_id is not None}


def correct(
    ctx: AppContext,
    case_id: CaseId,
    document_id: int,
    ask: dict[str, str] | None = None,
    on: dt.date | None = None,
    party_id: int | None = None,
) -> Issued:
    """更正 an issued document: a new document of the same kind (a new 文号 when numbered)
    that says on paper which one it corrects. The replaced one keeps its number and files
    unchanged and shows as 已更正 in the register, linked to its correction. Only its issuer
    or a 负责人 may correct it, as for 作废."""
    from lcregulator.domain.authority import OfficerRole

    officer = ctx.require_officer()
    docs = issued(ctx, case_id)
    old = next((x for x in docs if x.id == document_id), None)
    if old is None:
        raise DomainError("要更正的文书不属于本案。")
    if old.issued_by != officer.id and not officer.has_role(OfficerRole.HEAD):
        raise DomainError("只有出具该文书的执法人员或者负责人可以更正文书。")
    return issue(ctx, case_id, old.kind, ask, on, replaces=document_id, party_id=party_id)
