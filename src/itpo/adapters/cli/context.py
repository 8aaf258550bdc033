"""What every command shares: settings, the platform, and one-line errors instead of tracebacks."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

import click
import pydantic
import sqlalchemy.exc

from itpo.accounts.errors import Forbidden
from itpo.accounts.principal import Principal
from itpo.adapters.cli.output import error_console, fail
from itpo.adapters.files.csv_files import FileProblem
from itpo.adapters.storage.database import DatabaseNotReady
from itpo.bootstrap import Platform, bootstrap
from itpo.config import Settings
from itpo.registry.errors import Conflict, NotFound, ValidationError
from itpo.registry.importing import ImportFailed
from itpo.registry.reference import UnknownCode

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class CliState:
    database_url: str | None = None

    def settings(self) -> Settings:
        overrides: dict[str, Any] = {}
        if self.database_url:
            overrides["database_url"] = self.database_url
        return Settings(**overrides)

    def platform(self, *, initialise: bool = False) -> Platform:
        return bootstrap(self.settings(), initialise=initialise)

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
        except ImportFailed as failed:
            for error in failed.errors:
                error_console.print(f"  {error}", markup=False)
            fail(f"the import was refused: {len(failed.errors)} problems; nothing was changed")
        except ValidationError as invalid:
            fail("; ".join(str(e) for e in invalid.errors))
        except (NotFound, Conflict, FileProblem, DatabaseNotReady, UnknownCode, Forbidden) as error:
            fail(str(error))
        except pydantic.ValidationError as error:
            fail("bad setting: " + "; ".join(_setting_problem(e) for e in error.errors()))
        except sqlalchemy.exc.OperationalError as error:
            fail(f"cannot use the database: {str(error.orig).splitlines()[0]}")
        except sqlalchemy.exc.ArgumentError as error:
            fail(f"bad database URL: {error}")
        raise SystemExit(1)

    return wrapper


def _setting_problem(error: Any) -> str:
    name = str(error["loc"][0]) if error.get("loc") else "?"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"ITPO_{name.upper()}: {message}"
