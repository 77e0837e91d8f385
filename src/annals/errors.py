"""Errors that annals reports to users as one clear line, without a stack trace."""


class AnnalsError(Exception):
    """Base class of errors shown to the user as a message (exit code in ``exit_code``)."""

    exit_code = 3


class InputError(AnnalsError):
    """An input (file, line, record) that cannot be read; the run goes on without it."""

    exit_code = 1

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(AnnalsError):
    """The store cannot be opened, migrated or written."""

    exit_code = 4
