"""Penalty settings shared by a bureau: the province's override file for hearing thresholds and
discretion bands (行政处罚法 Art 34; 听证办法 Art 5), loaded by an administrator."""

from __future__ import annotations

from pathlib import Path

from lcregulator.domain.authority import OfficerRole, require_role
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.penalty import Overrides
from lcregulator.domain.penalty_overrides import parse_overrides

from .context import AppContext

KEY = "penalty.overrides"


def load_overrides_file(ctx: AppContext, path: Path) -> Overrides:
    officer = require_role(ctx.officer, "载入本省裁量基准", OfficerRole.ADMIN)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("overrides", f"无法读取文件：{path}（{exc}）") from None
    overrides = parse_overrides(text, path.name)
    with ctx.unit_of_work() as uow:
        uow.settings.set(KEY, text)
        uow.events.add(
            Event(
                action="penalty.overrides_loaded",
                summary=f"载入本省裁量基准：{overrides.name}",
                officer_id=officer.id,
                at=uow.now,
            )
        )
        uow.commit()
    return overrides


def current_overrides(ctx: AppContext) -> Overrides | None:
    with ctx.unit_of_work() as uow:
        text = uow.settings.get(KEY)
    return parse_overrides(text, KEY) if text else None
