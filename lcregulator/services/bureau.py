"""What the bureau's decisions must name and the case cannot know: the bodies a party may turn to
and where the money goes.

A 行政处罚决定书 must state the 复议机关 and the court for 行政诉讼 (行政处罚法 Art 59(5)) and how the
fine is paid (Art 59(4), Art 67: a designated bank, or the electronic payment system with a
非税收入 payment code). After the 2023 行政复议法 (Art 24 ¶1(1)) the 复议机关 of a county-level or
city-level market-supervision bureau is the 本级人民政府, so it defaults from the bureau's region;
the court cannot default (many cities concentrate administrative cases in one court), nor can
the account. A decision is refused while any of them is missing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from lcregulator.domain.authority import Authority, OfficerRole, require_role
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.regions import regions

from .context import AppContext

KEY = "document_settings"

LABELS = {
    "review_body": "行政复议机关",
    "court": "行政诉讼管辖法院",
    "payee": "罚没款收款单位",
    "bank": "开户银行",
    "account": "账号",
    "payment_code": "非税收入缴款方式（缴款码说明）",
    "seal_text": "印章文字",
}

# region names that are containers rather than governments (北京市 → 市辖区 → 东城区)
_MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
_CONTAINERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass
class DocumentSettings:
    review_body: str = ""
    court: str = ""
    payee: str = ""
    bank: str = ""
    account: str = ""
    payment_code: str = ""
    seal_text: str = ""

    def missing_for_decision(self) -> list[str]:
        """The labels a 决定书 cannot be issued without: the bodies, and a payment route (a
        bank account in full, or a payment-code instruction)."""
        out = [LABELS[k] for k in ("review_body", "court") if not getattr(self, k).strip()]
        bank_route = all(getattr(self, k).strip() for k in ("payee", "bank", "account"))
        if not bank_route and not self.payment_code.strip():
            out.append("罚没款缴纳方式（收款单位、开户银行和账号，或者非税收入缴款方式）")
        return out


def default_review_body(authority: Authority | None) -> str:
    """The 本级人民政府 of the bureau's region (行政复议法 2023 Art 24 ¶1(1)): 杭州市西湖区人民政府."""
    if authority is None or not authority.region:
        return ""
    chain = [r.name for r in regions().chain(authority.region) if r.name not in _CONTAINERS]
    if not chain:
        return ""
    if len(chain) == 1:
        name = chain[0]
    elif len(chain) == 2:
        name = "".join(chain) if chain[0] in _MUNICIPALITIES else chain[1]
    else:  # a district is named with its city (杭州市西湖区); a county or county-level city alone
        name = chain[-2] + chain[-1] if chain[-1].endswith("区") else chain[-1]
    return f"{name}人民政府"


def seal_name(ctx: AppContext, authority: Authority) -> str:
    """The 署名 over the 成文日期, where the seal is pressed: the words of the seal the bureau
    uses (GB/T 9704-2012 7.3.5.1: the seal covers the issuing organ's 署名 and the date, so the
    two must agree), else the bureau's name."""
    return load(ctx).seal_text.strip() or authority.name


def load(ctx: AppContext) -> DocumentSettings:
    with ctx.unit_of_work() as uow:
        raw = uow.settings.get(KEY)
    stored = json.loads(raw) if raw else {}
    known = {f.name for f in fields(DocumentSettings)}
    return DocumentSettings(**{k: str(v) for k, v in stored.items() if k in known})


def effective(ctx: AppContext, authority: Authority | None) -> DocumentSettings:
    """The saved settings, the 复议机关 defaulted from the region while none is saved."""
    s = load(ctx)
    if not s.review_body.strip():
        s.review_body = default_review_body(authority)
    return s


def save(ctx: AppContext, settings: DocumentSettings) -> DocumentSettings:
    require_role(ctx.officer, "修改文书设置", OfficerRole.ADMIN)
    for f in fields(DocumentSettings):
        value = getattr(settings, f.name)
        if not isinstance(value, str):
            raise ValidationError(f"document_settings.{f.name}", f"{LABELS[f.name]}应为文字。")
        if len(value) > 200:
            raise ValidationError(
                f"document_settings.{f.name}", f"{LABELS[f.name]}不能超过200个字。"
            )
        setattr(settings, f.name, value.strip())
    with ctx.unit_of_work() as uow:
        uow.settings.set(KEY, json.dumps(asdict(settings), ensure_ascii=False))
        uow.events.add(
            Event(
                action="settings.documents_saved",
                summary="修改文书设置（复议机关、诉讼法院、罚没款缴纳方式）",
                officer_id=ctx.officer.id if ctx.officer else None,
                at=uow.now,
                after=asdict(settings),
            )
        )
        uow.commit()
    return settings


def save_initial(ctx: AppContext, settings: DocumentSettings) -> None:
    """The first-run wizard's answers, written without the administrator check (the wizard's
    officer is the administrator being created)."""
    with ctx.unit_of_work() as uow:
        uow.settings.set(KEY, json.dumps(asdict(settings), ensure_ascii=False))
        uow.commit()
