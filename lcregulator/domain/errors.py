"""Errors the core raises, each carrying a Chinese message an officer can act on.

The field is a dotted path (``party.id_number``) so that the GUI can put the message beside the
widget and the command line can print ``{"error": {"field", "message"}}`` as DESIGN §9 asks.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base class for every error meant to be shown to an officer."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(DomainError):
    """Input that the law or the data model does not accept; nothing has been written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"

    def as_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"field": self.field, "message": self.message}}


class ConflictError(DomainError):
    """Someone else saved the same record first; the caller's change was not written."""

    def __init__(self, message: str, changed_by: str | None = None) -> None:
        super().__init__(message)
        self.changed_by = changed_by


class PermissionDenied(DomainError):
    """The signed-in officer lacks the role the action needs; nothing has been written.

    ``roles`` holds the code words (``head``, ``admin`` …) any one of which would do.
    """

    def __init__(self, message: str, roles: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.roles = tuple(str(r) for r in roles)


class ReadOnlyError(DomainError):
    """The record may no longer be changed (an archived case)."""


class NotFoundError(DomainError):
    """A record the caller named does not exist (any more)."""
