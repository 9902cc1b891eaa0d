"""Errors a user can act on, typed so the CLI and the app can say exactly what is wrong.

`exit_code` is what the `careerdata` command returns: 2 for bad input, 3 for an unusable database.
"""

from __future__ import annotations


class CareerDataError(Exception):
    """Base of errors a user can act on; `exit_code` is what the CLI returns."""

    exit_code = 1


class InputError(CareerDataError):
    """Bad input: a file, a form value or a command-line argument."""

    exit_code = 2


class DatabaseUnusableError(CareerDataError):
    """The database file cannot be used as it is (locked, newer, not DuckDB)."""

    exit_code = 3


class DatabaseLockedError(DatabaseUnusableError):
    pass


class SchemaTooNewError(DatabaseUnusableError):
    pass


class NotADatabaseError(DatabaseUnusableError):
    pass
