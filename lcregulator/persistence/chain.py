"""The timeline's hash chain: each event carries the hash of the one before and of itself.

The hash is SHA-256 over ``prev_hash`` and a canonical JSON of the event's content (sorted keys,
no spaces, Chinese as UTF-8, times as UTC ISO 8601 with ``Z``), so that a later change of
storage (another database, a copy, a time-zone setting) keeps it valid while any edit of a
stored event, a removed event or an event slipped in breaks it at that point.

The chain is local to this database: a case bundle carries its events without it, and an import
appends an import event to the local chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64  # prev_hash of the first event


def utc_z(moment: dt.datetime) -> str:
    """``2026-11-20T02:30:00.000000Z`` — microseconds kept (both backends store them)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime in the event chain")
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(content: Mapping[str, Any]) -> str:
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_content(
    *,
    seq: int,
    case_id: int | None,
    party_id: int | None,
    officer_id: int | None,
    at: dt.datetime,
    action: str,
    summary: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "case_id": case_id,
        "party_id": party_id,
        "officer_id": officer_id,
        "at": utc_z(at),
        "action": action,
        "summary": summary,
        "before": dict(before or {}),
        "after": dict(after or {}),
    }


def event_hash(prev_hash: str, content: Mapping[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(prev_hash.encode("ascii"))
    digest.update(b"\n")
    digest.update(canonical(content).encode("utf-8"))
    return digest.hexdigest()


# Database triggers that make the event table append-only (created by migration i14_chain).
SQLITE_TRIGGERS = {
    "event_append_only_update": (
        "CREATE TRIGGER event_append_only_update BEFORE UPDATE ON event "
        "BEGIN SELECT RAISE(ABORT, 'event rows are append-only (tamper-evident timeline)'); END"
    ),
    "event_append_only_delete": (
        "CREATE TRIGGER event_append_only_delete BEFORE DELETE ON event "
        "BEGIN SELECT RAISE(ABORT, 'event rows are append-only (tamper-evident timeline)'); END"
    ),
}
POSTGRES_FUNCTION = (
    "CREATE OR REPLACE FUNCTION event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'event rows are append-only (tamper-evident timeline)'; END $$"
)
POSTGRES_TRIGGERS = {
    "event_append_only_update": (
        "CREATE TRIGGER event_append_only_update BEFORE UPDATE OR DELETE ON event "
        "FOR EACH ROW EXECUTE FUNCTION event_append_only()"
    ),
    "event_append_only_delete": (
        "CREATE TRIGGER event_append_only_delete BEFORE TRUNCATE ON event "
        "FOR EACH STATEMENT EXECUTE FUNCTION event_append_only()"
    ),
}
TRIGGER_NAMES = tuple(SQLITE_TRIGGERS)


def create_triggers(bind: Any) -> None:
    """Create the append-only triggers on ``bind`` (a Connection), for its dialect."""
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql(POSTGRES_FUNCTION)
        for sql in POSTGRES_TRIGGERS.values():
            bind.exec_driver_sql(sql)
    else:
        for sql in SQLITE_TRIGGERS.values():
            bind.exec_driver_sql(sql)


def drop_triggers(bind: Any) -> None:
    for name in TRIGGER_NAMES:
        if bind.dialect.name == "postgresql":
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON event")
        else:
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    if bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS event_append_only()")


def present_triggers(bind: Any) -> set[str]:
    if bind.dialect.name == "postgresql":
        rows = bind.exec_driver_sql(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'event'::regclass AND NOT tgisinternal"
        )
    else:
        rows = bind.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event'"
        )
    return {r[0] for r in rows} & set(TRIGGER_NAMES)
