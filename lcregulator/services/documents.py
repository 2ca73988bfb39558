"""Issuing documents: the case's facts into a definition, a 文号, PDF and DOCX, kept on file.

Everything about one issue happens in one transaction: the number is taken, the files (already
written to the content-addressed store) are recorded with their SHA-256, and an event is left on
the case. A definition that needs facts the case lacks raises ``MissingFields``; the officer is
asked for them (or fixes the case) and nothing is numbered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from lcregulator.documents.docx_writer import render_docx
from lcregulator.documents.pdf import render_pdf
from lcregulator.documents.pdf import warm_up as load_fonts
from lcregulator.documents.template import MissingFields, definition, render
from lcregulator.documents.tree import Document
from lcregulator.domain.cases import Case, CaseId
from lcregulator.domain.errors import DomainError, ReadOnlyError
from lcregulator.domain.events import Event
from lcregulator.domain.formatting import CHINA_TZ, amount_text, chinese_date
from lcregulator.domain.parties import Party, PartyKind
from lcregulator.domain.provisions import provision
from lcregulator.domain.regions import regions
from lcregulator.persistence.documents_repo import IssuedDocument
from lcregulator.persistence.rows import IssuedDocumentRow

from . import evidence as evidence_service
from . import parties as party_service
from . import setup
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
    "no_penalty_decision",
    "service_address_confirmation",
    "service_receipt",
    "transfer_letter",
    "closure_approval",
    "criminal_referral_letter",
    "criminal_referral_report",
    "seized_items_list",
)
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
        "id_label": "公民身份号码" if natural else "统一社会信用代码",
        "identifier": p.id_number if natural else (p.uscc or p.id_number),
        "legal_representative": p.legal_representative,
        "address": address,
        "phone": p.phone,
        "email": p.email,
        "accounts": [f"{a.platform}：{a.account_id}" for a in p.accounts],
    }


def _decision_text(case: Case) -> tuple[str, str]:
    """(拟处理意见 / decision, closure result) built from the saved assessments."""
    parts = []
    for v in case.violations:
        a = v.assessment or {}
        result = a.get("result") or {}
        proposed = (a.get("input") or {}).get("proposed_fine")
        measures = [result.get("order")] if result.get("order") else []
        if proposed:
            measures.append(f"罚款{amount_text(Decimal(proposed))}")
        if result.get("confiscate_illegal_gains"):
            measures.append("没收违法所得")
        measures += [m for m in result.get("other_measures", []) if "可以" not in m]
        if measures:
            parts.append("；".join(m for m in measures if m))
    proposal = "；".join(parts)
    return (proposal + "。") if proposal else "", proposal


def context(
    ctx: AppContext, case: Case, ask: dict[str, str] | None = None, on: dt.date | None = None
) -> dict[str, Any]:
    authority = setup.our_authority(ctx)
    if authority is None:
        raise DomainError("尚未设置本机关信息。")
    officers = {o.id: o for o in setup.all_officers(ctx, authority.id)}  # type: ignore[arg-type]
    found = party_service.get_parties(ctx, [int(cp.party_id) for cp in case.parties])
    parties = [
        _party(found[int(cp.party_id)], cp.role.label)
        for cp in case.parties
        if int(cp.party_id) in found
    ]
    case_officers = [officers[i] for i in case.officer_ids if i in officers]
    files = evidence_service.list_evidence(ctx, CaseId(case.id)) if case.id else []
    violations = []
    for v in case.violations:
        p = provision(v.provision_id)
        duties = "、".join(d.label for d in p.duties)
        result = (v.assessment or {}).get("result") or {}
        applied = result.get("applied") or []
        basis = (
            "、".join(
                f"《{c['instrument']}》第{c['article']}条" if False else _cite_text(c)
                for c in applied
            )
            or p.citation
        )
        violations.append(
            {
                "label": p.label,
                "citation": p.citation,
                "duties": f"《{p.instrument}》{duties}" if duties else p.citation,
                "facts": v.facts,
                "act_start": chinese_date(v.act_start) if v.act_start else "",
                "explanation": result.get("explanation", ""),
                "penalty_basis": basis,
            }
        )
    proposal, result_text = _decision_text(case)
    procedure = case.procedure
    hearing_right = procedure.hearing_right or any(
        ((v.assessment or {}).get("result") or {}).get("hearing_right") for v in case.violations
    )
    statement = ""
    if procedure.statement_received_on:
        statement = "当事人在规定期限内提出了陈述、申辩，本局进行了复核。"
    elif case.notice_served_on:
        statement = "当事人在规定期限内未提出陈述、申辩。"
    if procedure.hearing_held_on:
        statement += f"应当事人要求，本局于{chinese_date(procedure.hearing_held_on)}举行了听证。"
    price = any(v.provision_id.startswith("M60") for v in case.violations)
    day = on or ctx.today()
    me = ctx.officer
    return {
        "authority": {
            "name": authority.name,
            "short_name": authority.short_name,
            "address": authority.address,
            "phone": authority.phone,
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
        else {"name": None, "address": None, "phone": None, "identifier": None, "email": None},
        "parties_names": "、".join(p["name"] for p in parties),
        "accounts_text": "；".join(a for p in parties for a in p["accounts"]),
        "officer": {"name": me.name if me else ""},
        "officers_names": "、".join(o.name for o in case_officers),
        "officers_text": "、".join(f"{o.name}（执法证号 {o.badge_number}）" for o in case_officers)
        if len(case_officers) >= 2
        else None,
        "violations": violations,
        "violations_facts": "；".join(v["facts"] for v in violations if v["facts"]) or None,
        "violations_duties": "、".join(dict.fromkeys(v["duties"] for v in violations)) or None,
        "violations_text": "；".join(f"{v['label']}（{v['citation']}）" for v in violations)
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
        "statement_text": statement,
        "price_remedy_note": "依据《价格违法行为行政处罚规定》第二十条，对价格违法行为处罚不服的，应当先依法申请行政复议。"
        if price
        else "",
        "evidence": [
            {
                "name": e.original_name,
                "size": f"{e.size:,} 字节",
                "sha256": e.sha256,
                "captured": chinese_date(e.captured_at.astimezone().date()),
                "source": e.source_url,
            }
            for e in files
        ]
        or None,
        "evidence_text": "、".join(e.original_name for e in files[:6])
        + ("等" if len(files) > 6 else "")
        if files
        else "现场检查笔录、询问笔录、电子数据",
        "evidence_count": len(files),
        "jurisdiction_text": "本案依据《直播电商监督管理办法》第四十七条确定管辖。",
        "referral_text": _referral_text(procedure.referral_screening),
        "crimes_names": "、".join(
            c["name"]
            for c in ((procedure.referral_screening or {}).get("result") or {}).get("crimes", [])
        ),
        "referral_team": "、".join(
            f"{officers[i].name}（执法证号 {officers[i].badge_number}）"
            for i in procedure.referral_team
            if i in officers
        )
        or None,
        "date": chinese_date(day),
        "ask": dict(ask or {}),
        "triple_check_text": _triple_check_text(ctx, case),
    }


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


def _cite_text(c: dict[str, Any]) -> str:
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
) -> Document:
    """The document tree as it would be issued (for preview: with a placeholder 文号)."""
    return render(kind, context(ctx, case, case_answers(case, kind, ask), on), number)


def preview(ctx: AppContext, case: Case, kind: str, ask: dict[str, str] | None = None) -> bytes:
    d = definition(kind)
    placeholder = "（出具时编号）" if d.number_code else ""
    return render_pdf(build(ctx, case, kind, ask, placeholder))


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


def issue(
    ctx: AppContext,
    case_id: CaseId,
    kind: str,
    ask: dict[str, str] | None = None,
    on: dt.date | None = None,
    replaces: int | None = None,
) -> Issued:
    """Number (if the kind is numbered), render both formats, store and record — one transaction."""
    officer = ctx.require_officer()
    day = on or ctx.today()
    d = definition(kind)
    # The first PDF of a process spends seconds loading fonts: do it before the transaction,
    # which holds the write lock (and the number) while the document is rendered.
    load_fonts()
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        from .workflow import require_case_handler

        require_case_handler(officer, case, "制作文书")
        if case.read_only:
            raise ReadOnlyError("案件已归档，不能再出具文书。")
        ask = case_answers(case, kind, ask)
        # check the facts before taking a number: a refusal must not consume one
        render(kind, context(ctx, case, ask, day), "（预检）")
        authority_id = case.authority_id
        authority = uow.authorities.get(authority_id)
        seq = None
        number = ""
        if d.number_code:
            seq = uow.documents.next_number(authority_id, kind, day.year)
            number = number_text(authority.short_name, d.number_code, day.year, seq)
        document = render(kind, context(ctx, case, ask, day), number)
        pdf, docx = render_pdf(document), render_docx(document)
        pdf_sha, docx_sha = _store(ctx, pdf, ".pdf"), _store(ctx, docx, ".docx")
        record = uow.documents.add(
            IssuedDocumentRow(
                case_id=case_id,
                authority_id=authority_id,
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
        uow.events.add(
            Event(
                action="document.issued",
                summary=f"出具{d.title}{('（' + number + '）') if number else ''}"
                + ("，替代此前出具的文书" if replaces else ""),
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                after={
                    "kind": kind,
                    "number": number,
                    "pdf_sha256": pdf_sha,
                    "template": document.template,
                },
            )
        )
        uow.commit()
    return Issued(
        record, store_path(ctx, pdf_sha, ".pdf"), store_path(ctx, docx_sha, ".docx"), document
    )


def issued(ctx: AppContext, case_id: CaseId) -> list[IssuedDocument]:
    with ctx.unit_of_work() as uow:
        return uow.documents.for_case(case_id)


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
    return {
        "authority": {
            "name": authority.name,
            "phone": authority.phone,
            "address": authority.address,
        },
        "party": _party(party, "被约谈方"),
        "summons": {
            "grounds_text": summons.grounds_text,
            "ground_details": summons.ground_details,
            "departments": summons.departments,
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
    """The same machinery for a summons, which may stand alone without a case."""
    officer = ctx.require_officer()
    day = on or ctx.today()
    d = definition(kind)
    load_fonts()  # before the write lock, as in issue()
    with ctx.unit_of_work() as uow:
        summons = uow.summonses.get(summons_id)
        authority_id = int(uow.settings.get("authority_id") or 0)
        authority = uow.authorities.get(authority_id)
        context_ = summons_context(ctx, summons, day)
        render(kind, context_, "（预检）")
        number = ""
        seq = None
        if d.number_code:
            seq = uow.documents.next_number(authority_id, kind, day.year)
            number = number_text(authority.short_name, d.number_code, day.year, seq)
        document = render(kind, context_, number)
        pdf, docx = render_pdf(document), render_docx(document)
        pdf_sha, docx_sha = _store(ctx, pdf, ".pdf"), _store(ctx, docx, ".docx")
        record = uow.documents.add(
            IssuedDocumentRow(
                case_id=summons.case_id,
                summons_id=summons_id,
                authority_id=authority_id,
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
            )
        )
        uow.events.add(
            Event(
                action="document.issued",
                summary=f"出具{d.title}{('（' + number + '）') if number else ''}",
                officer_id=officer.id,
                at=uow.now,
                case_id=summons.case_id,
                after={"kind": kind, "number": number, "summons_id": summons_id},
            ),
            party_id=summons.party_id,
        )
        uow.commit()
    return Issued(
        record, store_path(ctx, pdf_sha, ".pdf"), store_path(ctx, docx_sha, ".docx"), document
    )


def issue_standalone(
    ctx: AppContext, kind: str, context_: dict[str, Any], on: dt.date | None = None
) -> Issued:
    """A document that belongs to no case (an Art 48 sharing letter): numbered, stored, recorded."""
    officer = ctx.require_officer()
    day = on or ctx.today()
    d = definition(kind)
    with ctx.unit_of_work() as uow:
        authority_id = int(uow.settings.get("authority_id") or 0)
        authority = uow.authorities.get(authority_id)
        render(kind, context_, "（预检）")
        number, seq = "", None
        if d.number_code:
            seq = uow.documents.next_number(authority_id, kind, day.year)
            number = number_text(authority.short_name, d.number_code, day.year, seq)
        document = render(kind, context_, number)
        pdf, docx = render_pdf(document), render_docx(document)
        pdf_sha, docx_sha = _store(ctx, pdf, ".pdf"), _store(ctx, docx, ".docx")
        record = uow.documents.add(
            IssuedDocumentRow(
                authority_id=authority_id,
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
            )
        )
        uow.events.add(
            Event(
                action="document.issued",
                summary=f"出具{d.title}{('（' + number + '）') if number else ''}",
                officer_id=officer.id,
                at=uow.now,
                after={"kind": kind, "number": number, "pdf_sha256": pdf_sha},
            )
        )
        uow.commit()
    return Issued(
        record, store_path(ctx, pdf_sha, ".pdf"), store_path(ctx, docx_sha, ".docx"), document
    )
