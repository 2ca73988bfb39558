"""Every time column becomes ``timestamptz`` on PostgreSQL; existing values were UTC.

Until now the moments were stored as naive UTC (``timestamp without time zone``), which other
SQL tools (a DBA's psql, a report tool) read as local time, 8 h off in Beijing. Each column found
in the schema is converted in place, its values interpreted as UTC, so the instants — and the
timeline's hash chain, which is computed on UTC — do not change. The append-only triggers of
``event`` are row triggers and do not fire on a table rewrite. SQLite has no time zones: its
columns keep naive UTC text and nothing is changed there.

Revision ID: s16_timestamptz
Revises: s18a_case_import
Create Date: 2026-11-29 00:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "s16_timestamptz"
down_revision: str | Sequence[str] | None = "s18a_case_import"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _columns(data_type: str) -> list[tuple[str, str]]:
    rows = op.get_bind().exec_driver_sql(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND data_type = %(type)s "
        "AND table_name <> 'alembic_version' ORDER BY table_name, ordinal_position",
        {"type": data_type},
    )
    return [(str(t), str(c)) for t, c in rows]


def _convert(data_type: str, target: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    by_table: dict[str, list[str]] = {}
    for table, column in _columns(data_type):
        by_table.setdefault(table, []).append(column)
    for table, columns in by_table.items():
        changes = ", ".join(
            f'ALTER COLUMN "{c}" TYPE {target} USING "{c}" AT TIME ZONE \'UTC\'' for c in columns
        )
        op.execute(f'ALTER TABLE "{table}" {changes}')


def upgrade() -> None:
    _convert("timestamp without time zone", "timestamptz")


def downgrade() -> None:
    _convert("timestamp with time zone", "timestamp")
