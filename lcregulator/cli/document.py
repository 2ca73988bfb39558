"""``lcregulator document kinds|issue``: the documents a case can be given (DESIGN §9.1).

``document kinds`` lists each kind with the questions it asks (key, label, type, required,
choices, default — with ``--case``, what the case already knows). ``document issue`` issues one
for a case (for one party when the kind is addressed), numbering it in the same transaction,
and copies its PDF and DOCX to ``--out``. A required answer missing, a party not on the case, or
an addressed kind without ``--party`` on a case with several parties exits 2 naming the field.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .framework import (
    CommandError,
    Exit,
    add_officer_argument,
    command_group,
    emit,
    open_context,
    roles_help,
    sign_in,
)

ISSUE_ROLES = frozenset({"handler", "head", "reviewer"})


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    group = command_group(subparsers, "document", "document kinds and issuing documents")
    kinds = group.add_parser(
        "kinds",
        help="the document kinds and what each asks; with --case, the case's defaults. "
        + roles_help(None),
        description="列出文书种类及出具时需回答的事项。" + roles_help(None),
    )
    kinds.add_argument("--case", metavar="CASE", help="立案编号, or id:N before filing")
    kinds.set_defaults(run=run_kinds)
    issue = group.add_parser(
        "issue",
        help="issue a document for a case (numbered, stored, copied to --out). "
        + roles_help(ISSUE_ROLES),
        description="为案件出具文书（编号、存档，并将PDF和DOCX复制到 --out）。"
        + roles_help(ISSUE_ROLES),
    )
    issue.add_argument("--case", metavar="CASE", required=True, help="立案编号, or id:N")
    issue.add_argument("--kind", metavar="KIND", required=True, help="see `document kinds`")
    issue.add_argument("--party", metavar="NAME", help="the addressee (name, or id:N)")
    issue.add_argument("--answers", metavar="FILE.json", help="answers keyed by ask key")
    issue.add_argument("--out", metavar="DIR", required=True, help="folder for the PDF and DOCX")
    add_officer_argument(issue)
    issue.set_defaults(run=run_issue)


def _case(context: Any, text: str) -> Any:
    from lcregulator.services import cases

    from .register import find_case

    return cases.get_case(context, find_case(context, text))


def run_kinds(args: argparse.Namespace) -> int:
    from lcregulator.services import documents

    context = open_context()
    try:
        case = _case(context, args.case) if args.case else None
        emit({"kinds": documents.kinds(context, case)})
        return int(Exit.OK)
    finally:
        context.database.dispose()


def _answers(path: str | None) -> dict[str, Any]:
    if not path:
        return {}
    file = Path(path).expanduser()
    try:
        data = json.loads(file.read_text("utf-8"))
    except OSError as exc:
        raise CommandError(
            Exit.BAD_INPUT, "answers", f"无法读取答案文件：{exc.strerror or exc}"
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise CommandError(Exit.BAD_INPUT, "answers", "答案文件不是有效的UTF-8 JSON。") from None
    if not isinstance(data, dict):
        raise CommandError(Exit.BAD_INPUT, "answers", "答案文件应为以事项键为键的JSON对象。")
    return data


def _typed(spec: Any, value: Any, choices: list[str] | None) -> str:
    """An answer checked against its type and put as the document prints it."""
    from lcregulator.domain.formatting import amount_text, chinese_date

    field = f"answers.{spec.key}"
    if spec.type == "amount":
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            raise CommandError(Exit.BAD_INPUT, field, f"{spec.label}应为金额（元）。") from None
        if amount < 0:
            raise CommandError(Exit.BAD_INPUT, field, f"{spec.label}不能为负数。")
        return amount_text(amount)
    if not isinstance(value, str):
        raise CommandError(Exit.BAD_INPUT, field, f"{spec.label}应为文字。")
    text = value.strip()
    if spec.type == "date":
        try:
            return chinese_date(dt.date.fromisoformat(text))
        except ValueError:
            raise CommandError(
                Exit.BAD_INPUT, field, f"{spec.label}应为日期（YYYY-MM-DD）。"
            ) from None
    if spec.type == "datetime":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text):
            raise CommandError(Exit.BAD_INPUT, field, f"{spec.label}应为时间（YYYY-MM-DDTHH:MM）。")
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            raise CommandError(
                Exit.BAD_INPUT, field, f"{spec.label}不是有效的时间：{text}。"
            ) from None
        return f"{chinese_date(moment.date())}{moment.hour}时{moment.minute:02d}分"
    if choices is not None and text not in choices:
        shown = "、".join(choices) or "（本案尚无可选项）"
        raise CommandError(Exit.BAD_INPUT, field, f"{spec.label}应为以下之一：{shown}。")
    return text


def _party(context: Any, case: Any, name: str | None) -> tuple[int | None, str | None]:
    from lcregulator.services import parties

    if name is None:
        return None, None
    found = parties.get_parties(context, [int(cp.party_id) for cp in case.parties])
    wanted = name.strip()
    for cp in case.parties:
        party = found.get(int(cp.party_id))
        if party is None:
            continue
        if party.name == wanted or wanted == f"id:{int(cp.party_id)}":
            return int(cp.party_id), party.name
    raise CommandError(Exit.BAD_INPUT, "party", f"“{wanted}”不是本案当事人。")


def run_issue(args: argparse.Namespace) -> int:
    from lcregulator.documents.template import MissingFields, definition
    from lcregulator.domain.cases import CaseId
    from lcregulator.domain.errors import ValidationError
    from lcregulator.services import documents

    context = open_context()
    try:
        sign_in(context, args, roles=ISSUE_ROLES)
        answers = _answers(args.answers)
        case = _case(context, args.case)
        if args.kind not in documents.KINDS:
            raise CommandError(
                Exit.BAD_INPUT, "kind", f"没有“{args.kind}”这种文书，请用 document kinds 查看。"
            )
        d = definition(args.kind)
        party_id, party_name = _party(context, case, args.party)
        described = {
            a["key"]: a
            for a in next(k for k in documents.kinds(context, case) if k["kind"] == args.kind)[
                "asks"
            ]
        }
        ask: dict[str, str] = {}
        for spec in d.specs:
            value = answers.get(spec.key)
            if value is None or (isinstance(value, str) and not value.strip()):
                value = described[spec.key]["default"]
            if value is None or (isinstance(value, str) and not value.strip()):
                if spec.required:
                    raise CommandError(
                        Exit.BAD_INPUT, f"answers.{spec.key}", f"请填写：{spec.label}。"
                    )
                continue
            ask[spec.key] = _typed(spec, value, described[spec.key]["choices"])
        ask = documents.resolve_answers(context, case, args.kind, ask)
        out = Path(args.out).expanduser().resolve()
        try:  # before a number is taken: a folder that cannot be written costs none
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(
                Exit.BAD_INPUT, "out", f"无法创建输出文件夹：{exc.strerror or exc}"
            ) from None
        try:
            issued = documents.issue(
                context, CaseId(int(case.id)), args.kind, ask, party_id=party_id
            )
        except MissingFields as exc:
            # an answer the case made necessary (e.g. what the 陈述申辩 said) is the answer's
            # field; anything else the case itself lacks
            keys = [s.key for s in d.specs if s.label in exc.labels]
            field = f"answers.{keys[0]}" if keys else "case"
            raise CommandError(Exit.BAD_INPUT, field, exc.message) from None
        except ValidationError as exc:
            # a date the case record contradicts is the case's problem, not an input's
            field = "case" if exc.field == "date" else exc.field
            raise CommandError(Exit.BAD_INPUT, field, exc.message) from None
        stem = issued.record.number or d.title
        if party_name:
            stem += f"-{party_name}"
        stem = re.sub(r'[\\/:*?"<>|]', "_", stem)
        pdf, docx = out / f"{stem}.pdf", out / f"{stem}.docx"
        try:
            shutil.copyfile(issued.pdf_path, pdf)
            shutil.copyfile(issued.docx_path, docx)
        except OSError as exc:
            raise CommandError(
                Exit.BAD_INPUT,
                "out",
                f"文书已出具并存档，但无法写入输出文件夹：{exc.strerror or exc}",
            ) from None
        if party_name is None and d.addressed and len(case.parties) == 1:
            party_name = _only_party_name(context, case)
        emit(
            {
                "kind": args.kind,
                "number": issued.record.number or None,
                "party": party_name,
                "pdf": str(pdf),
                "docx": str(docx),
                "sha256": issued.record.pdf_sha256,
            }
        )
        return int(Exit.OK)
    finally:
        context.database.dispose()


def _only_party_name(context: Any, case: Any) -> str | None:
    from lcregulator.services import parties

    found = parties.get_parties(context, [int(case.parties[0].party_id)])
    party = found.get(int(case.parties[0].party_id))
    return party.name if party else None
