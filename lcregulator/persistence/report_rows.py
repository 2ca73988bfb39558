"""Tables for Art 9 identity reports, Art 48 sharing and the 一案三查 answers.

Kept apart from ``rows.py`` because a report is bulk data (a million rows a file) written with
Core executemany, never through the ORM unit of work; the ORM classes here only declare the
schema (and serve the small tables: platforms, reports, answers).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class ReportPlatformRow(Base):
    """A platform that reports to this bureau (the bureau's list) and its remembered headers."""

    __tablename__ = "report_platform"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    domicile_region: Mapped[str | None] = mapped_column(String(6))
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="SET NULL"))
    # On the bureau's list of platforms domiciled here, which must report every Jan and Jul.
    listed: Mapped[bool] = mapped_column(Boolean, default=True)
    listed_since: Mapped[dt.date | None] = mapped_column(Date)
    # {header as the platform writes it: logical column}
    header_mapping: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class PlatformReportRow(Base):
    """One imported file: whose, which period, its SHA-256, who took it in."""

    __tablename__ = "platform_report"
    __table_args__ = (Index("ix_platform_report_platform_id_period", "platform_id", "period"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("report_platform.id"))
    period: Mapped[str] = mapped_column(String(7))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(String(260))
    # "platform" (Art 9, sent by the platform) or "province" (Art 48, shared by another bureau)
    source: Mapped[str] = mapped_column(String(16), default="platform")
    source_authority: Mapped[str] = mapped_column(String(100), default="")
    rows: Mapped[int] = mapped_column(Integer)
    imported: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class ReportRecordRow(Base):
    """One reported person (a row of the file), identified by (report, spreadsheet row)."""

    __tablename__ = "report_record"
    __table_args__ = (UniqueConstraint("report_id", "sheet", "row_no"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("platform_report.id", ondelete="CASCADE"))
    sheet: Mapped[int] = mapped_column(Integer, default=0)  # 0-based sheet of an xlsx
    row_no: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), index=True)
    identifier: Mapped[str] = mapped_column(String(18), index=True)
    address: Mapped[str] = mapped_column(String(300))
    region: Mapped[str | None] = mapped_column(String(6))
    contact: Mapped[str] = mapped_column(String(100))
    accounts: Mapped[str] = mapped_column(Text)  # ";"-joined, as reported
    agency: Mapped[str] = mapped_column(String(200), default="")
    qualifications: Mapped[str] = mapped_column(String(300), default="")
    position: Mapped[str] = mapped_column(String(100), default="")


class ReportAccountRow(Base):
    """One live account of a reported row: the index for "who is behind this account"."""

    __tablename__ = "report_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("platform_report.id", ondelete="CASCADE"))
    sheet: Mapped[int] = mapped_column(Integer, default=0)
    row_no: Mapped[int] = mapped_column(Integer)
    account: Mapped[str] = mapped_column(String(100), index=True)


class TripleCheckRow(Base):
    """一案三查: whether the platform's or agency's own duties were checked in this case."""

    __tablename__ = "case_triple_check"
    __table_args__ = (UniqueConstraint("case_id", "target_kind", "target_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(16))  # platform | agency
    target_name: Mapped[str] = mapped_column(String(200))
    answer: Mapped[str] = mapped_column(String(16))  # checked_ok | checked_issue | not_checked
    note: Mapped[str] = mapped_column(Text, default="")
    clue_case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id", ondelete="SET NULL"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
