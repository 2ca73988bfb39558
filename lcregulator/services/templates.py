"""工具 → 文书模板: an administrator installs (or removes) a bureau's wording of a document.

An override is checked before it is installed (header, Jinja syntax, the fields it prints,
layout commands — the message names the file and the line), rendered in Jinja2's immutable
sandbox, and written to ``<data folder>/templates/<kind>.txt``; the timeline records who
installed which version. Documents name the template version that produced them.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from lcregulator.documents.template import (
    TemplateProblem,
    check_override,
    definition,
    packaged_kinds,
)
from lcregulator.domain.authority import OfficerRole, require_role
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.events import Event

from .context import AppContext


@dataclass(frozen=True)
class TemplateInfo:
    kind: str
    title: str
    overridden: bool
    version: str


def overrides_folder(ctx: AppContext) -> Path:
    return ctx.paths.home / "templates"


def list_templates(ctx: AppContext) -> list[TemplateInfo]:
    out = []
    for kind in packaged_kinds():
        d = definition(kind)
        out.append(TemplateInfo(kind, d.title, d.is_override, d.version))
    return out


def install_override(ctx: AppContext, source: Path) -> TemplateInfo:
    """Check ``source`` (named ``<kind>.txt``) and install it; administrators only."""
    admin = require_role(ctx.officer, "安装文书模板", OfficerRole.ADMIN)
    kind = source.stem
    if kind not in packaged_kinds():
        raise ValidationError(
            "template", f"{source.name}：文件名应为文书种类加 .txt，如 summons_notice.txt。"
        )
    try:
        text = source.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("template", f"无法读取 {source}（{exc}）。") from None
    try:
        checked = check_override(kind, text, str(source))
    except TemplateProblem as exc:
        raise ValidationError("template", exc.message) from None
    folder = overrides_folder(ctx)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = folder / f"{kind}.txt"
    tmp = folder / f".{kind}.txt.new"
    tmp.write_text(text, "utf-8")
    os.replace(tmp, target)
    with ctx.unit_of_work() as uow:
        uow.events.add(
            Event(
                action="template.installed",
                summary=f"管理员{admin.name}安装文书模板：{checked.title}（{checked.version}）",
                officer_id=admin.id,
                at=uow.now,
                after={
                    "kind": kind,
                    "version": checked.version,
                    "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                },
            )
        )
        uow.commit()
    return TemplateInfo(kind, checked.title, True, checked.version)


def remove_override(ctx: AppContext, kind: str) -> None:
    admin = require_role(ctx.officer, "撤销文书模板", OfficerRole.ADMIN)
    target = overrides_folder(ctx) / f"{kind}.txt"
    if not target.is_file():
        return
    target.unlink()
    with ctx.unit_of_work() as uow:
        uow.events.add(
            Event(
                action="template.removed",
                summary=f"管理员{admin.name}撤销文书模板：{definition(kind).title}，恢复内置模板",
                officer_id=admin.id,
                at=uow.now,
                after={"kind": kind},
            )
        )
        uow.commit()
