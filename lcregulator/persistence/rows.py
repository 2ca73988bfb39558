"""ORM rows (``CaseRow`` …), distinct from the domain classes (``Case`` …) they store.

Relationships are ``lazy="raise"``: a repository says exactly what it loads, so a list of 100k
cases never triggers one query per row by accident.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, UTCDateTime


class SettingRow(Base):
    """Installation-wide settings shared by every workstation on the same database."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuthorityRow(Base):
    __tablename__ = "authority"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(20))
    region: Mapped[str] = mapped_column(String(6))
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")


class OfficerRow(Base):
    __tablename__ = "officer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id"))
    name: Mapped[str] = mapped_column(String(50))
    badge_number: Mapped[str] = mapped_column(String(32), default="")
    role: Mapped[str] = mapped_column(String(16))
    # Every role held, comma-separated code words ("handler,admin"); includes ``role``.
    roles: Mapped[str] = mapped_column(String(64), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CredentialRow(Base):
    """How an officer proves who they are: a slow salted hash, never the password itself.

    Kept apart from ``officer`` so that lists of officers never carry hashes, and so that a
    Ukey (or another credential) can take its place later behind the same interface.
    """

    __tablename__ = "officer_credential"
    officer_id: Mapped[int] = mapped_column(
        ForeignKey("officer.id", ondelete="CASCADE"), primary_key=True
    )
    password_hash: Mapped[str | None] = mapped_column(String(255))
    must_change: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class PartyRow(Base):
    __tablename__ = "party"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200), index=True)
    uscc: Mapped[str | None] = mapped_column(String(18), index=True)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    legal_representative: Mapped[str] = mapped_column(String(50), default="")
    channel: Mapped[str | None] = mapped_column(String(16))
    domicile_region: Mapped[str | None] = mapped_column(String(6))
    domicile_address: Mapped[str] = mapped_column(String(300), default="")
    household_region: Mapped[str | None] = mapped_column(String(6))
    household_address: Mapped[str | None] = mapped_column(String(300))
    business_region: Mapped[str | None] = mapped_column(String(6))
    business_address: Mapped[str | None] = mapped_column(String(300))
    registered: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    updated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    roles: Mapped[list[PartyRoleRow]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="PartyRoleRow.role"
    )
    accounts: Mapped[list[LiveAccountRow]] = relationship(
        cascade="all, delete-orphan",
        lazy="raise",
        foreign_keys="LiveAccountRow.party_id",
        order_by="LiveAccountRow.id",
    )
    links: Mapped[list[PartyLinkRow]] = relationship(
        cascade="all, delete-orphan",
        lazy="raise",
        foreign_keys="PartyLinkRow.source_id",
        order_by="PartyLinkRow.id",
    )

    # The application bumps the version on every save of the aggregate (children included);
    # SQLAlchemy still puts the old value in the UPDATE's WHERE clause.
    __mapper_args__: ClassVar[dict[str, Any]] = {  # type: ignore[misc]
        "version_id_col": version,
        "version_id_generator": False,
    }


class PartyRoleRow(Base):
    __tablename__ = "party_role"
    party_id: Mapped[int] = mapped_column(
        ForeignKey("party.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(24), primary_key=True)


class LiveAccountRow(Base):
    __tablename__ = "live_account"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(50))
    account_id: Mapped[str] = mapped_column(String(100), index=True)
    room_name: Mapped[str] = mapped_column(String(200), default="")
    platform_operator_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"))


class PartyLinkRow(Base):
    __tablename__ = "party_link"
    __table_args__ = (UniqueConstraint("source_id", "kind", "target_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("party.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(24))
    target_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)


class ClueRow(Base):
    __tablename__ = "clue"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(24))
    received_on: Mapped[dt.date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text)
    reporter: Mapped[str] = mapped_column(String(100), default="")
    reporter_contact: Mapped[str] = mapped_column(String(100), default="")
    registered_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"), index=True)


class CaseRow(Base):
    __tablename__ = "case"
    __table_args__ = (
        UniqueConstraint("authority_id", "case_number"),
        Index("ix_case_received_on_id", "received_on", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id"))
    case_number: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(24), index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    received_on: Mapped[dt.date] = mapped_column(Date)
    filed_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    notice_served_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decision_served_on: Mapped[dt.date | None] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    # The Art 47 conclusion as confirmed by an officer, with the law data version it used.
    jurisdiction: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Approvals, extensions, suspensions, notice, hearing, review, decision, payments (JSON).
    procedure: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The bureau's earliest pending deadline, kept with every save so that the 期限预警 page
    # and the register's overdue filter read one indexed column across 100,000 cases.
    next_deadline_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    next_deadline_id: Mapped[str | None] = mapped_column(String(40))

    officers: Mapped[list[CaseOfficerRow]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="CaseOfficerRow.position"
    )
    parties: Mapped[list[CasePartyRow]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="CasePartyRow.id"
    )
    violations: Mapped[list[ViolationRow]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="ViolationRow.id"
    )

    # The application bumps the version on every save of the aggregate (children included);
    # SQLAlchemy still puts the old value in the UPDATE's WHERE clause.
    __mapper_args__: ClassVar[dict[str, Any]] = {  # type: ignore[misc]
        "version_id_col": version,
        "version_id_generator": False,
    }


class CaseOfficerRow(Base):
    __tablename__ = "case_officer"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), primary_key=True
    )
    officer_id: Mapped[int] = mapped_column(ForeignKey("officer.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class CasePartyRow(Base):
    __tablename__ = "case_party"
    __table_args__ = (UniqueConstraint("case_id", "party_id", "role"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    role: Mapped[str] = mapped_column(String(24))


class CaseSearchRow(Base):
    """One line of searchable text per case: number, title, parties' names, codes, accounts.

    On SQLite an FTS5 trigram index (``case_search_fts``, created by migration 0003, kept in
    step by triggers) serves terms of three or more characters; shorter terms use LIKE here.
    """

    __tablename__ = "case_search"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)


class ViolationRow(Base):
    __tablename__ = "violation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"), index=True)
    provision_id: Mapped[str] = mapped_column(String(40))
    facts: Mapped[str] = mapped_column(Text, default="")
    act_start: Mapped[dt.date | None] = mapped_column(Date)
    act_end: Mapped[dt.date | None] = mapped_column(Date)
    continuing: Mapped[bool] = mapped_column(Boolean, default=False)
    assessment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    party_id: Mapped[int | None] = mapped_column(Integer)


class EvidenceRow(Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("case_id", "sha256"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(260))
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    source_url: Mapped[str] = mapped_column(String(2000), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    captured_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    captured_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))


class EventRow(Base):
    __tablename__ = "event"
    __table_args__ = (Index("ix_event_case_id_at", "case_id", "at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id", ondelete="SET NULL"))
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    action: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(Text)
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The hash chain (persistence/chain.py): position, previous event's hash, this one's.
    seq: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class EventChainRow(Base):
    """The chain's head: how many events it holds and the last one's hash.

    Every event insert first updates this single row, which serialises appends on both
    backends (the row lock on PostgreSQL, the write lock on SQLite) and lets ``verify`` see
    events deleted from the end of the chain.
    """

    __tablename__ = "event_chain"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    length: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))


class DocumentSequenceRow(Base):
    """The last 文号 number used, per authority, document kind and year."""

    __tablename__ = "document_sequence"
    authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


class IssuedDocumentRow(Base):
    """A document as issued: its 文号, files (by SHA-256) and, later, how it was served."""

    __tablename__ = "issued_document"
    __table_args__ = (UniqueConstraint("authority_id", "kind", "year", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), index=True
    )
    summons_id: Mapped[int | None] = mapped_column(
        ForeignKey("summons.id", ondelete="CASCADE"), index=True
    )
    authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id"))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(60))
    number: Mapped[str] = mapped_column(String(80), default="")
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int | None] = mapped_column(Integer)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    docx_sha256: Mapped[str] = mapped_column(String(64))
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("issued_document.id"))
    served_on: Mapped[dt.date | None] = mapped_column(Date)
    service_method: Mapped[str | None] = mapped_column(String(40))
    # 作废: the number stays taken and the files unchanged; prints carry a 作废 overlay
    voided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    voided_by: Mapped[int | None] = mapped_column(Integer)
    void_reason: Mapped[str | None] = mapped_column(String(200))


class SummonsRow(Base):
    """约谈 (Art 52): belongs to a case, or stands alone as a supervision matter."""

    __tablename__ = "summons"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    authority_id: Mapped[int] = mapped_column(ForeignKey("authority.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    grounds: Mapped[str] = mapped_column(String(20))  # "1,3"
    ground_details: Mapped[str] = mapped_column(Text, default="")
    invited_person: Mapped[str] = mapped_column(String(100))
    scheduled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    place: Mapped[str] = mapped_column(String(200))
    officer_ids: Mapped[str] = mapped_column(String(100))  # "1,2"
    joint_with_cyberspace: Mapped[bool] = mapped_column(Boolean, default=False)
    record: Mapped[str] = mapped_column(Text, default="")
    commitments: Mapped[str] = mapped_column(Text, default="")
    rectification_required: Mapped[str] = mapped_column(Text, default="")
    rectification_deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    outcome: Mapped[str | None] = mapped_column(String(20))
    outcome_on: Mapped[dt.date | None] = mapped_column(Date)
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    escalated_case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))


class CaseArchiveRow(Base):
    """A case's 卷宗 as bound at 归档: one PDF kept by its SHA-256 beside the issued documents."""

    __tablename__ = "case_archive"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), unique=True, index=True
    )
    volume_number: Mapped[str] = mapped_column(String(60))  # 卷号
    retention: Mapped[str] = mapped_column(String(20))  # 保管期限
    pages: Mapped[int] = mapped_column(Integer)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    archived_on: Mapped[dt.date] = mapped_column(Date)
    archived_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    archived_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))


class StoredFileRow(Base):
    """A file kept in the database store (a bureau's PostgreSQL server): which store
    (``evidence``/``documents``), its SHA-256 and suffix; the bytes are in :class:`StoredChunkRow`."""

    __tablename__ = "stored_file"
    store: Mapped[str] = mapped_column(String(16), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    suffix: Mapped[str] = mapped_column(String(16), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class StoredChunkRow(Base):
    """One chunk (1 MiB) of a stored file's bytes, shared by every entry with that SHA-256."""

    __tablename__ = "stored_chunk"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CaseImportRow(Base):
    """Where an imported case came from (``case import``): the bundle's SHA-256, the sending
    bureau, and the names of the bundle's officers that have no account here, kept as text
    (``names``: who did what on the imported timeline, evidence and documents)."""

    __tablename__ = "case_import"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), unique=True, index=True
    )
    bundle_sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[dict[str, Any]] = mapped_column(JSON)
    names: Mapped[dict[str, Any]] = mapped_column(JSON)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("officer.id"))
