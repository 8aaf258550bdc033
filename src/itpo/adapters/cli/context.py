"""What every command shares: settings, the platform, and one-line errors instead of tracebacks."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import click

from itpo.accounts.errors import Forbidden
from itpo.accounts.principal import Principal
from itpo.adapters.cli.output import error_console, fail

if TYPE_CHECKING:
    from itpo.bootstrap import Platform
    from itpo.config import Settings

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class CliState:
    database_url: str | None = None

    def settings(self) -> Settings:
        from itpo.config import Settings

        overrides: dict[str, Any] = {}
        if self.database_url:
            overrides["database_url"] = self.database_url
        return Settings(**overrides)

    def platform(self, *, initialise: bool = False) -> Platform:
        """The platform, closed (its connections with it) when the command ends."""
        from itpo.bootstrap import bootstrap

        platform = bootstrap(self.settings(), initialise=initialise)
        context = click.get_current_context(silent=True)
        if context is not None:
            context.call_on_close(platform.close)
        return platform

    @property
    def operator(self) -> Principal:
        """Who the command acts as: the person at this server's command line, named in the
        audit log by their system account and host."""
        return Principal.operator()


pass_state = click.make_pass_decorator(CliState, ensure=True)


def clean_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Known failures become one clear line and exit status 1."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            message = known_failure(error)
            if message is None:
                raise
            fail(message)
        raise SystemExit(1)

    return wrapper


def known_failure(error: Exception) -> str | None:
    """The one line for a failure the command line explains, or None for any other."""
    # Imported here, once a command has failed: these modules are what commands load anyway,
    # and `itpo --help` should not wait for them.
    import pydantic
    import sqlalchemy.exc

    from itpo.adapters.files.csv_files import FileProblem
    from itpo.adapters.storage.database import DatabaseNotReady
    from itpo.registry.errors import Conflict, NotFound, ValidationError
    from itpo.registry.importing import ImportFailed, MovesNotAllowed
    from itpo.registry.reference import UnknownCode

    if isinstance(error, ImportFailed):
        for problem in error.errors:
            error_console.print(f"  {problem}", markup=False)
        return f"the import was refused: {len(error.errors)} problems; nothing was changed"
    if isinstance(error, MovesNotAllowed):
        for change in error.changes:
            error_console.print(f"  {change}", markup=False)
        return (
            f"the import was refused: it renames or moves {len(error.changes)} records that no "
            "import made; nothing was changed. Run it again with --allow-moves to let it"
        )
    if isinstance(error, ValidationError):
        return "; ".join(str(e) for e in error.errors)
    if isinstance(error, NotFound | Conflict | FileProblem | DatabaseNotReady | UnknownCode):
        return str(error)
    if isinstance(error, Forbidden):
        return str(error)
    if isinstance(error, pydantic.ValidationError):
        return "bad setting: " + "; ".join(_setting_problem(e) for e in error.errors())
    if isinstance(error, sqlalchemy.exc.OperationalError):
        return f"cannot use the database: {str(error.orig).splitlines()[0]}"
    if isinstance(error, sqlalchemy.exc.ArgumentError):
        return f"bad database URL: {error}"
    return None


def _setting_problem(error: Any) -> str:
    name = str(error["loc"][0]) if error.get("loc") else "?"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"ITPO_{name.upper()}: {message}"
