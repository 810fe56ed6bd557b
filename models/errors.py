"""fugi's error classes: one root, user problems vs bugs, transient vs terminal."""

from __future__ import annotations


class FugiError(Exception):
    """Root of every error fugi raises on purpose."""

    transient = False

    def __init__(self, message: str, *, file: str | None = None, page: int | None = None):
        self.file = file
        self.page = page
        super().__init__(message)


class InputError(FugiError):
    """A bad or unsupported input: the user's problem. Quarantined, never retried.

    ``reason`` is the short machine code stored in the quarantine table
    (``password_required``, ``truncated``, ``not_a_pdf``, ``not_a_submission`` …).
    """

    def __init__(self, reason: str, message: str, **kw: object):
        self.reason = reason
        super().__init__(message, **kw)  # type: ignore[arg-type]


class TransientError(FugiError):
    """A failure worth retrying: locked database file, OCR worker killed."""

    transient = True


class InternalError(FugiError):
    """A bug in fugi. Reported with the file so it can be reproduced."""
