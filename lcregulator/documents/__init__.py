"""Enforcement documents (文书): one document tree per kind, rendered to PDF and DOCX.

Sits beside ``persistence`` above ``domain``: it may read domain results but never the database
or Qt. The renderers arrive with the documents issue.
"""

from pathlib import Path

# Folders an administrator may put adjusted definitions in (``<kind>.txt``); the application
# adds ``<data folder>/templates`` at start. A bureau adjusts the wording of, say, its 约谈通知书
# there without touching the installed package. Kept here, not in ``template``, so that start-up
# can register the folder without importing Jinja2 and the renderers before the window shows.
OVERRIDE_DIRS: list[Path] = []
