"""Storage: SQLAlchemy 2.x rows, repositories that return domain objects, Alembic migrations.

SQLite in the user's data folder by default; PostgreSQL for a bureau that shares cases. Nothing
here creates an engine at import time.
"""
