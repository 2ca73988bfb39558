"""Enforcement documents (文书): one document tree per kind, rendered to PDF and DOCX.

Sits beside ``persistence`` above ``domain``: it may read domain results but never the database
or Qt. The renderers arrive with the documents issue.
"""
