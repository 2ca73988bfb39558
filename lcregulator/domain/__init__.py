"""Pure-Python core: law data, engines, case rules and value types.

Nothing here imports Qt, SQLAlchemy, reportlab or python-docx, so the rules can be run and
tested from the command line on a machine without a display or a database.
"""
