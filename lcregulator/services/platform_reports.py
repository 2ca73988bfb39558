"""Art 9 identity reports: import, look-up, missing reports, Art 48 sharing and 一案三查.

Imports stream the file and write with Core executemany in batches (an ORM ``add_all`` is ~5×
slower, DESIGN §11), all inside one transaction: when a row is rejected and the officer has not
accepted importing the valid ones, the transaction is rolled back and nothing is stored. A file is
known by its SHA-256, so the same file is never taken in twice; a later period of the same
platform supersedes the earlier one in look-ups, which stay in the database as history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy import true as sa_true
from sqlalchemy.exc import IntegrityError

from lcregulator.domain.cases import Case, CaseParty, Clue, ClueSource
from lcregulator.domain.errors import DomainError, NotFoundError, ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.formatting import chinese_date
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    LiveAccount,
    Party,
    PartyId,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from lcregulator.domain.platform_reports import (
    COLUMN_LABELS,
    COLUMNS,
    DEFAULT_HEADERS,
    ReportRecord,
    RowProblem,
    RowType,
    RowValidator,
    last_due_period,
    mask_id,
    parse_period,
    period_due,
    period_label,
    plan_columns,
    province_of,
)
from lcregulator.domain.regions import regions
from lcregulator.persistence.report_rows import (
    PlatformReportRow,
    ReportAccountRow,
    ReportPlatformRow,
    ReportRecordRow,
    TripleCheckRow,
)
from lcregulator.persistence.rows import PartyRow

from . import report_files
from .context import AppContext
from .setup import OUR_AUTHORITY

BATCH = 5000


class ImportCancelled(DomainError):
    def __init__(self) -> None:
        super().__init__("导入已取消，没有保存任何数据。")


@dataclass
class ImportResult:
    rows: int = 0
    imported: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    rejected_rows: int = 0
    report_id: int | None = None
    sha256: str = ""
    unknown_headers: list[str] = field(default_factory=list)

    @property
    def stored(self) -> bool:
        return self.report_id is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "imported": self.imported,
            "rejected": [
                {"row": p.row, "field": p.field, "message": p.message} for p in self.rejected
            ],
        }


# --- platforms ------------------------------------------------------------------------------


@dataclass
class Platform:
    name: str
    domicile_region: str | None = None
    listed: bool = True
    listed_since: dt.date | None = None
    header_mapping: dict[str, str] = field(default_factory=dict)
    party_id: int | None = None
    id: int | None = None


def _platform(row: ReportPlatformRow) -> Platform:
    return Platform(
        row.name,
        row.domicile_region,
        row.listed,
        row.listed_since,
        dict(row.header_mapping or {}),
        row.party_id,
        row.id,
    )


def list_platforms(ctx: AppContext) -> list[Platform]:
    with ctx.unit_of_work() as uow:
        rows = uow.session.scalars(select(ReportPlatformRow).order_by(ReportPlatformRow.name))
        return [_platform(r) for r in rows]


def get_platform(ctx: AppContext, name: str) -> Platform | None:
    with ctx.unit_of_work() as uow:
        row = uow.session.scalar(select(ReportPlatformRow).where(ReportPlatformRow.name == name))
        return _platform(row) if row else None


def save_platform(ctx: AppContext, platform: Platform) -> Platform:
    """Add or change a platform on the bureau's list (its domicile decides who it reports to)."""
    officer = ctx.require_officer()
    name = platform.name.strip()
    if not name:
        raise ValidationError("platform.name", "平台名称不能为空。")
    regions().validate(platform.domicile_region, "platform.domicile_region", required=False)
    for header, key in platform.header_mapping.items():
        if key not in COLUMNS:
            raise ValidationError("platform.header_mapping", f"表头“{header}”的对应项无效。")
    with ctx.unit_of_work() as uow:
        row = uow.session.scalar(select(ReportPlatformRow).where(ReportPlatformRow.name == name))
        if row is None:
            row = ReportPlatformRow(name=name)
            uow.session.add(row)
        row.domicile_region = platform.domicile_region or None
        row.listed = platform.listed
        row.listed_since = platform.listed_since or row.listed_since or ctx.today()
        row.header_mapping = dict(platform.header_mapping) or None
        row.party_id = platform.party_id or row.party_id
        uow.session.flush()
        uow.events.add(
            Event(
                action="reports.platform_saved",
                summary=f"保存报送平台：{name}",
                officer_id=officer.id,
                at=uow.now,
                after={"platform": name, "listed": platform.listed},
            )
        )
        saved = _platform(row)
        uow.commit()
    return saved


def remember_mapping(ctx: AppContext, name: str, mapping: dict[str, str]) -> Platform:
    """The column-mapping dialog's answer, kept so the platform's next file imports directly."""
    platform = get_platform(ctx, name) or Platform(name)
    platform.header_mapping = {h: k for h, k in mapping.items() if DEFAULT_HEADERS.get(h) != k}
    return save_platform(ctx, platform)


def read_headers(path: Path) -> list[str]:
    """The header row of the file's first sheet (for the mapping dialog)."""
    for sheet in report_files.open_sheets(path):
        for row in sheet.rows:
            return [c.strip() for c in row]
    return []


# --- import ---------------------------------------------------------------------------------


def import_report(
    ctx: AppContext,
    path: Path,
    *,
    platform: str,
    period: str,
    accept_valid: bool = False,
    dry_run: bool = False,
    mapping: dict[str, str] | None = None,
    source_authority: str = "",
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Check every row and, unless ``dry_run``, store the report in one transaction.

    Without ``accept_valid`` a single rejected row stores nothing (the result lists every
    problem). ``source_authority`` names the other province's bureau for an Art 48 import.
    """
    officer = ctx.require_officer()
    path = Path(path)
    platform_name = (platform or "").strip()
    if not platform_name:
        raise ValidationError("platform", "请填写报送平台名称。")
    period = parse_period(period)
    report_files.kind_of(path)
    if not path.is_file():
        raise ValidationError("file", f"找不到文件：{path}")
    digest = report_files.sha256_of(path)
    result = ImportResult(sha256=digest)
    with ctx.unit_of_work() as uow:
        session = uow.session
        earlier = session.execute(
            select(PlatformReportRow, ReportPlatformRow.name)
            .join(ReportPlatformRow, ReportPlatformRow.id == PlatformReportRow.platform_id)
            .where(PlatformReportRow.sha256 == digest)
        ).first()
        if earlier is not None:
            report, name = earlier
            raise ValidationError(
                "file",
                f"该文件已于{chinese_date(report.imported_at.date())}导入（{name}，"
                f"{period_label(report.period)}，{report.imported}行），不能重复导入。",
            )
        platform_row = session.scalar(
            select(ReportPlatformRow).where(ReportPlatformRow.name == platform_name)
        )
        remembered = dict(platform_row.header_mapping or {}) if platform_row else {}
        remembered.update(mapping or {})
        conn = session.connection()
        if conn.dialect.name == "sqlite" and not dry_run:
            # A million rows go into four B-tree indexes: a 128 MB page cache instead of the
            # default 2 MB keeps the later batches from thrashing (reset when done).
            conn.exec_driver_sql("PRAGMA cache_size=-131072")
        report_id: int | None = None
        if not dry_run:
            if platform_row is None:
                platform_row = ReportPlatformRow(
                    name=platform_name, listed=not source_authority, listed_since=ctx.today()
                )
                session.add(platform_row)
            if mapping:
                platform_row.header_mapping = remembered
            session.flush()
            report_row = PlatformReportRow(
                platform_id=platform_row.id,
                period=period,
                sha256=digest,
                file_name=path.name[:260],
                source="province" if source_authority else "platform",
                source_authority=source_authority[:100],
                rows=0,
                imported=0,
                rejected=0,
                imported_by=officer.id,
                imported_at=uow.now,
            )
            session.add(report_row)
            try:
                session.flush()
            except IntegrityError:
                # another officer is importing the very same file right now (same SHA-256)
                raise ValidationError(
                    "file", "该文件正由其他执法人员导入或者刚刚导入，不能重复导入。"
                ) from None
            report_id = report_row.id
        records: list[tuple[Any, ...]] = []
        accounts: list[tuple[Any, ...]] = []
        # Plain DB-API executemany with tuples: SQLAlchemy's per-row parameter processing
        # would cost more than the insert itself at a million rows.
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        record_sql = _insert_sql("report_record", RECORD_COLUMNS, mark)
        account_sql = _insert_sql(
            "report_account", ("report_id", "sheet", "row_no", "account"), mark
        )

        def flush() -> None:
            if records:
                conn.exec_driver_sql(record_sql, records)
                records.clear()
            if accounts:
                conn.exec_driver_sql(account_sql, accounts)
                accounts.clear()

        sheets = list(_sheet_names(path))
        seen: dict[int, tuple[str, int]] = {}
        for sheet_index, sheet in enumerate(report_files.open_sheets(path)):
            rows = iter(sheet.rows)
            header = next(rows, None)
            if header is None:
                continue
            try:
                plan = plan_columns([str(h) for h in header], remembered)
            except ValidationError as exc:
                if len(sheets) > 1:
                    raise ValidationError(
                        exc.field, f"工作表“{sheet.name}”：{exc.message}"
                    ) from None
                raise
            result.unknown_headers += [h for h in plan.unknown if h not in result.unknown_headers]
            validator = RowValidator(plan, seen, sheet.name)
            prefix = f"工作表“{sheet.name}”：" if len(sheets) > 1 else ""
            total = sheet.total or 0
            for row_no, cells in enumerate(rows, start=2):
                if not any(c.strip() for c in cells):
                    continue
                result.rows += 1
                record, problems = validator.check(row_no, cells)
                if problems:
                    result.rejected_rows += 1
                    for p in problems:
                        if prefix:
                            p.message = prefix + p.message
                        result.rejected.append(p)
                elif record is not None and report_id is not None:
                    if result.rejected and not accept_valid:
                        pass  # everything will be rolled back: stop writing, keep checking
                    else:
                        records.append(_record_values(report_id, sheet_index, record))
                        accounts.extend(
                            (report_id, sheet_index, row_no, account) for account in record.accounts
                        )
                        result.imported += 1
                        if len(records) >= BATCH:
                            flush()
                elif record is not None:
                    result.imported += 1
                if result.rows % 2000 == 0:
                    if cancelled is not None and cancelled():
                        raise ImportCancelled()
                    if progress is not None and total:
                        progress((sheet_index + min(row_no / total, 1.0)) / len(sheets))
            if progress is not None:
                progress((sheet_index + 1) / len(sheets))
        if result.rows == 0:
            raise ValidationError("file", "报送文件没有数据行。")
        if dry_run:
            return result  # ``imported`` counts the rows that would be imported
        if result.rejected and not accept_valid:
            result.imported = 0
            return result  # rolled back on leaving the block
        flush()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA cache_size=-2000")
        session.execute(
            update(PlatformReportRow)
            .where(PlatformReportRow.id == report_id)
            .values(rows=result.rows, imported=result.imported, rejected=result.rejected_rows)
        )
        source = f"（{source_authority}依照办法第四十八条共享）" if source_authority else ""
        uow.events.add(
            Event(
                action="reports.imported",
                summary=f"导入{platform_name}{period_label(period)}身份信息报送{source}："
                f"{result.imported}行，拒收{result.rejected_rows}行",
                officer_id=officer.id,
                at=uow.now,
                after={
                    "report_id": report_id,
                    "sha256": digest,
                    "rows": result.rows,
                    "imported": result.imported,
                    "rejected": result.rejected_rows,
                },
            )
        )
        uow.commit()
        result.report_id = report_id
    return result


def _sheet_names(path: Path) -> Iterator[str]:
    if report_files.kind_of(path) == "csv":
        yield path.name
        return
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception:
        raise ValidationError("file", "无法读取 xlsx 文件（文件可能已损坏）。") from None
    try:
        yield from workbook.sheet_names
    finally:
        workbook.close()


RECORD_COLUMNS = (
    "report_id",
    "sheet",
    "row_no",
    "type",
    "name",
    "identifier",
    "address",
    "region",
    "contact",
    "accounts",
    "agency",
    "qualifications",
    "position",
)


def _insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"


def _record_values(report_id: int, sheet: int, r: ReportRecord) -> tuple[Any, ...]:
    return (
        report_id,
        sheet,
        r.row,
        r.type.value,
        r.name,
        r.identifier,
        r.address,
        r.region,
        r.contact,
        ";".join(r.accounts),
        r.agency,
        r.qualifications,
        r.position,
    )


@dataclass
class ReportSummary:
    id: int
    platform: str
    period: str
    file_name: str
    source: str
    source_authority: str
    rows: int
    imported: int
    rejected: int
    imported_at: dt.datetime
    current: bool


def list_reports(ctx: AppContext) -> list[ReportSummary]:
    with ctx.unit_of_work() as uow:
        latest = _latest_periods(uow.session)
        rows = uow.session.execute(
            select(PlatformReportRow, ReportPlatformRow.name)
            .join(ReportPlatformRow, ReportPlatformRow.id == PlatformReportRow.platform_id)
            .order_by(PlatformReportRow.period.desc(), PlatformReportRow.id.desc())
        ).all()
        return [
            ReportSummary(
                r.id,
                name,
                r.period,
                r.file_name,
                r.source,
                r.source_authority,
                r.rows,
                r.imported,
                r.rejected,
                r.imported_at,
                latest.get(r.platform_id) == r.period,
            )
            for r, name in rows
        ]


def _latest_periods(session: Any) -> dict[int, str]:
    return dict(
        session.execute(
            select(PlatformReportRow.platform_id, func.max(PlatformReportRow.period)).group_by(
                PlatformReportRow.platform_id
            )
        ).all()
    )


# --- look-up --------------------------------------------------------------------------------


@dataclass
class FoundRecord:
    id: int
    type: RowType
    name: str
    identifier: str  # masked for an ID number unless opened
    address: str
    region: str | None
    contact: str
    accounts: list[str]
    agency: str
    qualifications: str
    position: str
    platform: str
    platform_id: int
    period: str
    source: str  # platform | province
    source_authority: str
    current: bool  # from the platform's latest period (a later report supersedes)

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "name": self.name,
            "identifier": self.identifier,
            "address": self.address,
            "accounts": self.accounts,
            "agency": self.agency,
            "platform": self.platform,
            "period": self.period,
        }


def _found(row: Any, latest: dict[int, str], *, unmasked: bool) -> FoundRecord:
    record: ReportRecordRow = row[0]
    report: PlatformReportRow = row[1]
    kind = RowType(record.type)
    identifier = record.identifier
    if kind is not RowType.ROOM_REGISTERED and not unmasked:
        identifier = mask_id(identifier)
    return FoundRecord(
        record.id,
        kind,
        record.name,
        identifier,
        record.address,
        record.region,
        record.contact,
        [a for a in record.accounts.split(";") if a],
        record.agency,
        record.qualifications,
        record.position,
        row[2],
        report.platform_id,
        report.period,
        report.source,
        report.source_authority,
        latest.get(report.platform_id) == report.period,
    )


def _at(report_id: int, sheet: int, row_no: int) -> Any:
    return and_(
        ReportRecordRow.report_id == report_id,
        ReportRecordRow.sheet == sheet,
        ReportRecordRow.row_no == row_no,
    )


def _select_records() -> Any:
    return (
        select(ReportRecordRow, PlatformReportRow, ReportPlatformRow.name)
        .join(PlatformReportRow, PlatformReportRow.id == ReportRecordRow.report_id)
        .join(ReportPlatformRow, ReportPlatformRow.id == PlatformReportRow.platform_id)
    )


def find(
    ctx: AppContext, query: str, *, platform: str | None = None, limit: int = 500
) -> list[FoundRecord]:
    """Records whose live account, name, ID number or USCC is ``query``; newest period first.

    Each look-up is recorded on the timeline (who looked whom up), with ID numbers masked.
    """
    officer = ctx.require_officer()
    text = (query or "").strip()
    if not text:
        raise ValidationError(
            "query", "请输入直播账号、名称（姓名）、身份证件号码或者统一社会信用代码。"
        )
    with ctx.unit_of_work() as uow:
        session = uow.session
        by_account = select(
            ReportAccountRow.report_id, ReportAccountRow.sheet, ReportAccountRow.row_no
        ).where(ReportAccountRow.account == text)
        keys = {(r[0], r[1], r[2]) for r in session.execute(by_account)}
        ids = set(
            session.scalars(
                select(ReportRecordRow.id).where(ReportRecordRow.identifier == text.upper())
            )
        ) | set(session.scalars(select(ReportRecordRow.id).where(ReportRecordRow.name == text)))
        conditions = []
        if ids:
            conditions.append(ReportRecordRow.id.in_(ids))
        for report_id, sheet, row_no in keys:
            conditions.append(_at(report_id, sheet, row_no))
        found: list[FoundRecord] = []
        if conditions:
            statement = _select_records().where(or_(*conditions[:900]))
            if platform:
                statement = statement.where(ReportPlatformRow.name == platform)
            statement = statement.order_by(
                PlatformReportRow.period.desc(), ReportPlatformRow.name, ReportRecordRow.id
            ).limit(limit)
            latest = _latest_periods(session)
            found = [_found(r, latest, unmasked=False) for r in session.execute(statement)]
        shown = mask_id(text) if len(text) == 18 and text[:17].isdigit() else text
        uow.events.add(
            Event(
                action="reports.lookup",
                summary=f"查询平台报送身份信息：“{shown}”，{len(found)}条结果",
                officer_id=officer.id,
                at=uow.now,
                after={"query": shown, "results": len(found)},
            )
        )
        uow.commit()
    return found


@dataclass
class Profile:
    """Who is behind a record: the record itself unmasked and every report naming the same
    identifier — addresses over time, agencies, the other platforms they report from."""

    record: FoundRecord
    history: list[FoundRecord]

    @property
    def platforms(self) -> list[str]:
        return list(dict.fromkeys(r.platform for r in self.history))

    @property
    def agencies(self) -> list[str]:
        return list(dict.fromkeys(r.agency for r in self.history if r.agency))

    @property
    def addresses(self) -> list[tuple[str, str, str]]:
        """(period, platform, address), oldest first, each change once."""
        out: list[tuple[str, str, str]] = []
        for r in sorted(self.history, key=lambda r: (r.period, r.platform)):
            if not out or out[-1][2] != r.address:
                out.append((r.period, r.platform, r.address))
        return out


def open_record(ctx: AppContext, record_id: int) -> Profile:
    """An officer opens one record: full ID number shown, and the opening is on the timeline."""
    officer = ctx.require_officer()
    with ctx.unit_of_work() as uow:
        latest = _latest_periods(uow.session)
        row = uow.session.execute(_select_records().where(ReportRecordRow.id == record_id)).first()
        if row is None:
            raise NotFoundError("报送记录不存在。")
        record = _found(row, latest, unmasked=True)
        rows = uow.session.execute(
            _select_records()
            .where(ReportRecordRow.identifier == row[0].identifier)
            .order_by(PlatformReportRow.period.desc())
            .limit(500)
        )
        history = [_found(r, latest, unmasked=True) for r in rows]
        uow.events.add(
            Event(
                action="reports.opened",
                summary=f"查看平台报送身份信息：{record.name}（{mask_id(record.identifier)}，"
                f"{record.platform}{period_label(record.period)}）",
                officer_id=officer.id,
                at=uow.now,
                after={"record_id": record_id},
            )
        )
        uow.commit()
    return Profile(record, history)


# --- from a record to a party ---------------------------------------------------------------


def _party_for_platform(ctx: AppContext, platform_id: int) -> int | None:
    """The platform's party (created from the bureau's list when it has a domicile)."""
    from . import parties as party_service

    with ctx.unit_of_work() as uow:
        row = uow.session.get(ReportPlatformRow, platform_id)
        if row is None:
            return None
        if row.party_id:
            return row.party_id
        existing = uow.session.scalar(select(PartyRow.id).where(PartyRow.name == row.name).limit(1))
        name, region = row.name, row.domicile_region
    party_id: int | None = existing
    if party_id is None:
        if not region:
            return None
        saved = party_service.save_party(
            ctx,
            Party(
                kind=PartyKind.ORGANIZATION,
                name=name,
                roles={PartyRole.PLATFORM_OPERATOR},
                domicile=Place(region, ""),
            ),
        )
        party_id = int(saved.id)  # type: ignore[arg-type]
    with ctx.unit_of_work() as uow:
        row = uow.session.get(ReportPlatformRow, platform_id)
        if row is not None:
            row.party_id = party_id
        uow.commit()
    return party_id


def party_from_record(ctx: AppContext, record_id: int) -> Party:
    """Create the party a record describes, or fill in the one with the same identifier.

    Roles and links follow Art 2: a room operator is linked to its platform, a marketer to the
    room whose account it streams on and to its agency, when those are already parties. The
    reported actual business place becomes the party's 实际经营地, which the 管辖 tab reads.
    """
    from . import parties as party_service

    profile = open_record(ctx, record_id)
    r = profile.record
    with ctx.unit_of_work() as uow:
        column = PartyRow.uscc if r.type is RowType.ROOM_REGISTERED else PartyRow.id_number
        existing_id = uow.session.scalar(select(PartyRow.id).where(column == r.identifier))
        party = uow.parties.get(PartyId(existing_id)) if existing_id else None
    place = Place(r.region, r.address)
    if party is None:
        if r.type is RowType.ROOM_REGISTERED:
            kind = (
                PartyKind.INDIVIDUAL_BUSINESS
                if r.identifier.startswith("92")
                else PartyKind.ORGANIZATION
            )
            party = Party(kind=kind, name=r.name, uscc=r.identifier, registered=True)
        else:
            party = Party(kind=PartyKind.NATURAL_PERSON, name=r.name, id_number=r.identifier)
        # The report gives no separate 住所; the reported address stands in until checked.
        party.domicile = Place(r.region, r.address)
        party.phone = r.contact[:40]
    if r.type is RowType.MARKETER:
        party.roles.add(PartyRole.MARKETER)
        party.domicile = place  # 经常居住地址 is the 经常居所 (民法典 Art 25)
    else:
        party.roles.add(PartyRole.ROOM_OPERATOR)
        party.channel = party.channel or Channel.PLATFORM
        party.business_place = place
    known = {(a.platform, a.account_id) for a in party.accounts}
    for account in r.accounts:
        if (r.platform, account) not in known:
            party.accounts.append(LiveAccount(r.platform, account))
    links = {(link.kind, int(link.target_id)) for link in party.links}

    def link(kind: LinkKind, target: int | None) -> None:
        if target and (kind, target) not in links and target != party.id:
            party.links.append(PartyLink(kind, PartyId(target)))
            links.add((kind, target))

    if r.type is RowType.MARKETER:
        with ctx.unit_of_work() as uow:
            rooms = uow.session.execute(
                select(ReportRecordRow.identifier, ReportRecordRow.type)
                .join(
                    ReportAccountRow,
                    and_(
                        ReportAccountRow.report_id == ReportRecordRow.report_id,
                        ReportAccountRow.sheet == ReportRecordRow.sheet,
                        ReportAccountRow.row_no == ReportRecordRow.row_no,
                    ),
                )
                .join(PlatformReportRow, PlatformReportRow.id == ReportRecordRow.report_id)
                .where(
                    ReportAccountRow.account.in_(r.accounts or ["\x00"]),
                    PlatformReportRow.platform_id == r.platform_id,
                    ReportRecordRow.type != RowType.MARKETER.value,
                )
            ).all()
            for identifier, kind_text in rooms:
                column = (
                    PartyRow.uscc
                    if kind_text == RowType.ROOM_REGISTERED.value
                    else PartyRow.id_number
                )
                link(
                    LinkKind.APPEARS_FOR,
                    uow.session.scalar(select(PartyRow.id).where(column == identifier).limit(1)),
                )
            if r.agency:
                agency = uow.session.scalar(
                    select(PartyRow.id).where(PartyRow.name == r.agency).limit(1)
                )
                if agency:
                    target = uow.parties.get(PartyId(agency))
                    if PartyRole.SERVICE_AGENCY in target.roles:
                        link(LinkKind.REPRESENTED_BY, agency)
    else:
        platform_party = _party_for_platform(ctx, r.platform_id)
        link(LinkKind.ON_PLATFORM, platform_party)
        for live in party.accounts:
            if live.platform == r.platform and platform_party:
                live.platform_operator_id = PartyId(platform_party)
    return party_service.save_party(ctx, party)


# --- missing reports (期限预警) --------------------------------------------------------------


@dataclass(frozen=True)
class MissingReport:
    platform_id: int
    platform: str
    period: str
    due: dt.date
    basis: str = (
        "《直播电商监督管理办法》第九条（每年一月和七月报送）；"
        "未报送的依照第五十三条第二项、第五十四条第二项处理"
    )


def missing_reports(ctx: AppContext, today: dt.date | None = None) -> list[MissingReport]:
    """Listed platforms with no report (from the platform itself) for the last ended period."""
    day = today or ctx.today()
    period = last_due_period(day)
    due = period_due(period)
    with ctx.unit_of_work() as uow:
        platforms = uow.session.scalars(
            select(ReportPlatformRow).where(ReportPlatformRow.listed.is_(True))
        ).all()
        reported = set(
            uow.session.scalars(
                select(PlatformReportRow.platform_id).where(
                    PlatformReportRow.period == period, PlatformReportRow.source == "platform"
                )
            )
        )
        return [
            MissingReport(p.id, p.name, period, due)
            for p in platforms
            if p.id not in reported and (p.listed_since is None or p.listed_since <= due)
        ]


def clue_for_missing_report(ctx: AppContext, platform_id: int, period: str) -> Case:
    """One step from the warning to a clue (and case file) against the platform."""
    from . import cases

    party_id = _party_for_platform(ctx, platform_id)
    with ctx.unit_of_work() as uow:
        row = uow.session.get(ReportPlatformRow, platform_id)
        if row is None:
            raise NotFoundError("报送平台不存在。")
        name = row.name
        authority_id = int(uow.settings.get(OUR_AUTHORITY) or 0)
    summary = (
        f"{name}未在{period_label(period)}（截至{chinese_date(period_due(period))}）向本局报送"
        "直播间运营者、直播营销人员身份信息，涉嫌违反《直播电商监督管理办法》第九条，"
        "依照第五十三条第二项（第九条第一项、第二项）、第五十四条第二项（第九条第三项）处理。"
    )
    today = ctx.today()
    parties = [CaseParty(PartyId(party_id), PartyRole.PLATFORM_OPERATOR)] if party_id else []
    return cases.create_case(
        ctx,
        Case(
            title=f"{name}未按规定报送身份信息线索",
            source=ClueSource.MONITORING,
            received_on=today,
            authority_id=authority_id,
            summary=summary,
            parties=parties,
        ),
        clue=Clue(source=ClueSource.MONITORING, received_on=today, summary=summary),
    )


# --- Art 48 sharing -------------------------------------------------------------------------

EXPORT_HEADER = [k for k, v in DEFAULT_HEADERS.items()]


@dataclass
class SharedFile:
    province: str
    province_name: str
    rows: int
    xlsx: Path
    letter_pdf: Path | None = None
    letter_docx: Path | None = None
    number: str = ""


def share_by_province(
    ctx: AppContext,
    out_dir: Path,
    *,
    platform: str | None = None,
    period: str | None = None,
    letters: bool = True,
) -> list[SharedFile]:
    """Art 48: per other province, the rows whose actual business place lies there.

    Reads the platforms' own reports (not what other provinces shared with us), the latest
    period of each platform unless ``period`` is given. Room operators go by their actual
    business place; a marketer goes with the room whose account they share, else by the
    habitual residence reported. Files carry full identifiers (the receiving bureau needs them
    to act) and are written 0600; the sharing is recorded on the timeline.
    """
    officer = ctx.require_officer()
    from . import setup

    authority = setup.our_authority(ctx)
    if authority is None:
        raise DomainError("尚未设置本机关信息。")
    ours = province_of(authority.region)
    if period:
        period = parse_period(period)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    table = regions()
    with ctx.unit_of_work() as uow:
        session = uow.session
        latest = _latest_periods(session)
        reports = session.execute(
            select(PlatformReportRow.id, PlatformReportRow.platform_id, PlatformReportRow.period)
            .join(ReportPlatformRow, ReportPlatformRow.id == PlatformReportRow.platform_id)
            .where(PlatformReportRow.source == "platform")
            .where(ReportPlatformRow.name == platform if platform else sa_true())
        ).all()
        chosen = [rid for rid, pid, per in reports if per == (period or latest.get(pid))]
        if not chosen:
            raise ValidationError("period", "没有可共享的平台报送信息。")
        by_province: dict[str, list[list[str]]] = defaultdict(list)
        statement = (
            select(ReportRecordRow)
            .where(ReportRecordRow.report_id.in_(chosen))
            .order_by(ReportRecordRow.report_id, ReportRecordRow.sheet, ReportRecordRow.row_no)
            .execution_options(yield_per=BATCH)
        )
        for record in session.scalars(statement):
            province = province_of(record.region)
            if province is None or province == ours:
                continue
            by_province[province].append(_export_row(record))
        platform_names = sorted(
            {
                name
                for (name,) in session.execute(
                    select(ReportPlatformRow.name)
                    .join(PlatformReportRow, PlatformReportRow.platform_id == ReportPlatformRow.id)
                    .where(PlatformReportRow.id.in_(chosen))
                )
            }
        )
    out: list[SharedFile] = []
    label = period_label(period) if period else "最近一期"
    for province in sorted(by_province):
        name = table.full_name(province) or province
        rows = by_province[province]
        target = out_dir / f"{province}-{name}-直播电商身份信息共享.xlsx"
        report_files.write_xlsx(target, EXPORT_HEADER, iter(rows))
        shared = SharedFile(province, name, len(rows), target)
        if letters:
            _letter(ctx, shared, "、".join(platform_names), label)
        out.append(shared)
    with ctx.unit_of_work() as uow:
        uow.events.add(
            Event(
                action="reports.shared",
                summary="依照办法第四十八条共享身份信息："
                + "；".join(f"{s.province_name}{s.rows}行" for s in out),
                officer_id=officer.id,
                at=uow.now,
                after={"provinces": {s.province: s.rows for s in out}},
            )
        )
        uow.commit()
    return out


def _export_row(record: ReportRecordRow) -> list[str]:
    kind = RowType(record.type)
    return [
        kind.label,
        record.name,
        record.identifier if kind is RowType.ROOM_REGISTERED else "",
        "" if kind is RowType.ROOM_REGISTERED else record.identifier,
        record.address,
        record.contact,
        record.accounts,
        record.agency,
        record.qualifications,
        record.position,
        record.region or "",
    ]


def _letter(ctx: AppContext, shared: SharedFile, platforms: str, period: str) -> None:
    """The covering 函, issued (numbered, stored, recorded) through the documents machinery."""
    from . import documents

    context = {
        "authority": _authority_context(ctx),
        "recipient": f"{shared.province_name}市场监督管理局",
        "platforms": platforms,
        "period": period,
        "rows": shared.rows,
        "file_name": shared.xlsx.name,
        "officer": {"name": ctx.officer.name if ctx.officer else ""},
        "date": chinese_date(ctx.today()),
        "ask": {},
    }
    issued = documents.issue_standalone(ctx, "report_sharing_letter", context)
    pdf = shared.xlsx.with_name(shared.xlsx.stem + "-函.pdf")
    docx = shared.xlsx.with_name(shared.xlsx.stem + "-函.docx")
    for source, target in ((issued.pdf_path, pdf), (issued.docx_path, docx)):
        target.write_bytes(source.read_bytes())
        report_files.private_file(target)
    shared.letter_pdf, shared.letter_docx, shared.number = pdf, docx, issued.record.number


def _authority_context(ctx: AppContext) -> dict[str, str]:
    from . import setup

    authority = setup.our_authority(ctx)
    assert authority is not None
    from .bureau import seal_name

    return {
        "name": authority.name,
        "seal_name": seal_name(ctx, authority),
        "short_name": authority.short_name,
        "address": authority.address,
        "phone": authority.phone,
    }


# --- 一案三查 --------------------------------------------------------------------------------

TRIPLE_CHECK_BASIS = {
    "platform": "直播电商平台经营者责任：《直播电商监督管理办法》第八条至第二十二条",
    "agency": "直播营销人员服务机构责任：《直播电商监督管理办法》第三十九条至第四十五条",
}
TRIPLE_CHECK_ANSWERS = {
    "checked_ok": "已核查，未发现违法行为",
    "checked_issue": "已核查，发现涉嫌违法行为（已转线索）",
    "not_checked": "未核查",
}


@dataclass
class TripleCheckPrompt:
    kind: str  # platform | agency
    name: str
    basis: str
    found_for: list[str]  # the case parties the reports link it to
    answer: str | None = None
    note: str = ""
    clue_case_id: int | None = None


def triple_check(ctx: AppContext, case_id: int) -> list[TripleCheckPrompt]:
    """For a case against a room operator or marketer: the platforms and agencies the reports
    (and the parties' own accounts) name, each with the duties to check and any answer given."""
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        ids = [int(cp.party_id) for cp in case.parties]
        parties = uow.parties.get_many(ids)
        session = uow.session
        prompts: dict[tuple[str, str], TripleCheckPrompt] = {}

        def add(kind: str, name: str, who: str) -> None:
            if not name:
                return
            prompt = prompts.setdefault(
                (kind, name), TripleCheckPrompt(kind, name, TRIPLE_CHECK_BASIS[kind], [])
            )
            if who not in prompt.found_for:
                prompt.found_for.append(who)

        for party in parties.values():
            if not party.roles & {PartyRole.ROOM_OPERATOR, PartyRole.MARKETER}:
                continue
            conditions: list[Any] = []
            for value in (party.uscc, party.id_number):
                if value:
                    conditions.append(ReportRecordRow.identifier == value)
            for account in party.accounts:
                add("platform", _platform_name(session, account), party.name)
            if party.accounts:
                # An account id means something only on its own platform (room0 on 抖音 is
                # not room0 on 快手).
                keys = session.execute(
                    select(
                        ReportAccountRow.report_id, ReportAccountRow.sheet, ReportAccountRow.row_no
                    )
                    .join(PlatformReportRow, PlatformReportRow.id == ReportAccountRow.report_id)
                    .join(ReportPlatformRow, ReportPlatformRow.id == PlatformReportRow.platform_id)
                    .where(
                        or_(
                            *(
                                and_(
                                    ReportAccountRow.account == a.account_id,
                                    ReportPlatformRow.name.in_(
                                        [a.platform, _platform_name(session, a)]
                                    ),
                                )
                                for a in party.accounts
                            )
                        )
                    )
                ).all()
                for report_id, sheet, row_no in keys[:200]:
                    conditions.append(_at(report_id, sheet, row_no))
            if not conditions:
                continue
            for row in session.execute(_select_records().where(or_(*conditions)).limit(500)):
                add("platform", row[2], party.name)
                add("agency", row[0].agency, party.name)
        answers = session.scalars(
            select(TripleCheckRow).where(TripleCheckRow.case_id == case_id)
        ).all()
        for a in answers:
            prompt = prompts.get((a.target_kind, a.target_name))
            if prompt is None:
                prompt = prompts.setdefault(
                    (a.target_kind, a.target_name),
                    TripleCheckPrompt(
                        a.target_kind, a.target_name, TRIPLE_CHECK_BASIS[a.target_kind], []
                    ),
                )
            prompt.answer, prompt.note, prompt.clue_case_id = a.answer, a.note, a.clue_case_id
    return sorted(prompts.values(), key=lambda p: (p.kind != "platform", p.name))


def _platform_name(session: Any, account: LiveAccount) -> str:
    """A party's own account names its platform (抖音); prefer the operator party's name."""
    if account.platform_operator_id:
        name = session.scalar(
            select(PartyRow.name).where(PartyRow.id == account.platform_operator_id)
        )
        if name:
            return str(name)
    return account.platform


def record_triple_check(
    ctx: AppContext, case_id: int, kind: str, name: str, answer: str, note: str = ""
) -> None:
    officer = ctx.require_officer()
    if kind not in TRIPLE_CHECK_BASIS:
        raise ValidationError("triple_check.kind", "核查对象只能是平台或者服务机构。")
    if answer not in TRIPLE_CHECK_ANSWERS:
        raise ValidationError("triple_check.answer", "请选择核查结论。")
    if answer == "not_checked" and not note.strip():
        raise ValidationError("triple_check.note", "未核查的，请说明理由。")
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        if case.read_only:
            raise DomainError("案件已归档，不能修改。")
        row = uow.session.scalar(
            select(TripleCheckRow).where(
                TripleCheckRow.case_id == case_id,
                TripleCheckRow.target_kind == kind,
                TripleCheckRow.target_name == name,
            )
        )
        if row is None:
            row = TripleCheckRow(case_id=case_id, target_kind=kind, target_name=name)
            uow.session.add(row)
        row.answer, row.note, row.officer_id, row.at = answer, note.strip(), officer.id, uow.now
        uow.events.add(
            Event(
                action="case.triple_check",
                summary=f"一案三查：{name}——{TRIPLE_CHECK_ANSWERS[answer]}"
                + (f"（{note.strip()}）" if note.strip() else ""),
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                after={"kind": kind, "name": name, "answer": answer},
            )
        )
        uow.commit()


def triple_check_clue(ctx: AppContext, case_id: int, kind: str, name: str) -> Case:
    """A linked clue against the platform or agency, and the answer recorded with it."""
    from . import cases

    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        authority_id = case.authority_id
        title = case.case_number or case.title
        party_id = uow.session.scalar(select(PartyRow.id).where(PartyRow.name == name).limit(1))
        platform_id = uow.session.scalar(
            select(ReportPlatformRow.id).where(ReportPlatformRow.name == name)
        )
    if party_id is None and kind == "platform" and platform_id:
        party_id = _party_for_platform(ctx, platform_id)
    role = PartyRole.PLATFORM_OPERATOR if kind == "platform" else PartyRole.SERVICE_AGENCY
    parties: list[CaseParty] = []
    if party_id:
        party = cases_party(ctx, party_id)
        if role in party.roles:
            parties = [CaseParty(PartyId(party_id), role)]
    summary = (
        f"一案三查：在办理“{title}”中，需核查{name}是否履行"
        f"{TRIPLE_CHECK_BASIS[kind].split('：')[1]}规定的义务。"
    )
    today = ctx.today()
    clue_case = cases.create_case(
        ctx,
        Case(
            title=f"{name}履行{'平台' if kind == 'platform' else '服务机构'}责任情况核查线索",
            source=ClueSource.MONITORING,
            received_on=today,
            authority_id=authority_id,
            summary=summary,
            parties=parties,
        ),
        clue=Clue(source=ClueSource.MONITORING, received_on=today, summary=summary),
    )
    with ctx.unit_of_work() as uow:
        row = uow.session.scalar(
            select(TripleCheckRow).where(
                TripleCheckRow.case_id == case_id,
                TripleCheckRow.target_kind == kind,
                TripleCheckRow.target_name == name,
            )
        )
        if row is None:
            row = TripleCheckRow(case_id=case_id, target_kind=kind, target_name=name, note="")
            uow.session.add(row)
        row.answer, row.clue_case_id = "checked_issue", clue_case.id
        row.officer_id, row.at = ctx.officer.id if ctx.officer else None, uow.now
        uow.events.add(
            Event(
                action="case.triple_check",
                summary=f"一案三查：对{name}转立线索（{clue_case.title}）",
                officer_id=ctx.officer.id if ctx.officer else None,
                at=uow.now,
                case_id=case_id,
                after={"kind": kind, "name": name, "clue_case_id": clue_case.id},
            )
        )
        uow.commit()
    return clue_case


def cases_party(ctx: AppContext, party_id: int) -> Party:
    with ctx.unit_of_work() as uow:
        return uow.parties.get(PartyId(party_id))


def triple_check_text(ctx: AppContext, case_id: int) -> str | None:
    """One line for the 结案审批表: what was checked about the platform and the agency."""
    with ctx.unit_of_work() as uow:
        answers = uow.session.scalars(
            select(TripleCheckRow)
            .where(TripleCheckRow.case_id == case_id)
            .order_by(TripleCheckRow.target_kind.desc(), TripleCheckRow.target_name)
        ).all()
        if not answers:
            return None
        return "；".join(
            f"{a.target_name}：{TRIPLE_CHECK_ANSWERS[a.answer]}"
            + (f"（{a.note}）" if a.note else "")
            for a in answers
        )


def column_choices() -> list[tuple[str, str]]:
    """(logical column, label) for the mapping dialog."""
    return [(key, COLUMN_LABELS[key]) for key in COLUMNS]
