"""The PySide6 desktop interface — the only package that imports Qt.

Thin by design: widgets call services and show what they return.
"""
