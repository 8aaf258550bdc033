"""The `itpo` command: parse, call a service, print."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

import click

from itpo import __version__
from itpo.adapters.cli.appraisal_commands import appraise_command, appraise_template_command
from itpo.adapters.cli.backup_commands import backup_command, restore_command
from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.deal_commands import (
    deals,
    interactions,
    report_command,
    results_command,
)
from itpo.adapters.cli.diagnostic_commands import demo_diagnostics, diagnostics_group
from itpo.adapters.cli.event_commands import events
from itpo.adapters.cli.files_commands import (
    describe,
    export_command,
    import_command,
    run_import,
    template_command,
)
from itpo.adapters.cli.index_commands import build_index, index_group
from itpo.adapters.cli.learning_commands import learn_command, weights_command
from itpo.adapters.cli.mail_commands import digest, mail, reminders
from itpo.adapters.cli.match_commands import match_command, matches_group
from itpo.adapters.cli.matching_commands import eval_command
from itpo.adapters.cli.output import console, fail, print_table
from itpo.adapters.cli.practice_commands import practices_group
from itpo.adapters.cli.reference_commands import reference_group
from itpo.adapters.cli.registry_edit_commands import opportunities, organisations
from itpo.adapters.cli.review_commands import review_group
from itpo.adapters.cli.sdg_commands import sdg_group
from itpo.adapters.cli.search_commands import search_command
from itpo.adapters.cli.user_commands import (
    ADMIN_PASSWORD_VARIABLE,
    demo_administrator,
    demo_deals,
    demo_practices,
    first_administrator,
    offices,
    users,
)

if TYPE_CHECKING:
    import socket

    from pydantic.fields import FieldInfo

    from itpo.config import Settings

# Every module above imports only click and light domain code when it loads; the database,
# the web framework, numpy and the matching engine are imported by the commands that use them,
# so `itpo --help` and `itpo --version` answer at once.

host_option = click.option(
    "--host", help="Address to listen on (default: setting `host`, 127.0.0.1)."
)
port_option = click.option(
    "--port", type=int, help="Port to listen on (default: setting `port`, 8000)."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="itpo")
@click.option(
    "--db",
    "database_url",
    envvar="ITPO_DATABASE_URL",
    help="Database URL (default: SQLite in ./itpo-data). Also ITPO_DATABASE_URL.",
)
@click.pass_context
def cli(context: click.Context, database_url: str | None) -> None:
    """ITPO Exchange: two-way investment and technology exchange."""
    context.obj = CliState(database_url=database_url)


@cli.command()
@click.option(
    "--admin-email",
    help="Create the first administrator with this email, unless an administrator exists.",
)
@click.option("--admin-name", help="The first administrator's name (default: Administrator).")
@click.option(
    "--admin-password-stdin",
    is_flag=True,
    help="Read the administrator's password from one line of standard input; "
    f"else from {ADMIN_PASSWORD_VARIABLE} when set, else it is asked twice.",
)
@click.option(
    "--office",
    help="The administrator's office: an existing one's name, or a new "
    "one (default: the first office, or ITPO and the home country's name).",
)
@click.option(
    "--office-country",
    help="ISO alpha-3 country of a new office (default: setting `home_country`).",
)
@click.option("--office-city", help="City of a new office.")
@pass_state
@clean_errors
def init(
    state: CliState,
    admin_email: str | None,
    admin_name: str | None,
    admin_password_stdin: bool,
    office: str | None,
    office_country: str | None,
    office_city: str | None,
) -> None:
    """Create the database, or upgrade its schema to this version; create the first
    administrator."""
    from itpo.adapters.storage.database import schema_revision

    platform = state.platform(initialise=True)
    url = platform.engine.url.render_as_string(hide_password=True)
    console.print(f"Database ready at {url} (schema {schema_revision(platform.engine)}).")
    first_administrator(
        platform,
        email=admin_email,
        name=admin_name,
        password_stdin=admin_password_stdin,
        office=office,
        office_country=office_country,
        office_city=office_city,
    )


@cli.command()
@click.option("--no-serve", is_flag=True, help="Load the demo data and stop.")
@host_option
@port_option
@pass_state
@clean_errors
def demo(state: CliState, no_serve: bool, host: str | None, port: int | None) -> None:
    """Create the database, load the demo set, and serve the app."""
    from itpo.demo.loading import demo_batch

    # A busy port is refused before anything is created or loaded, and the port is held
    # while the demo loads, so the server started afterwards gets it.
    settings = state.settings()
    listening = None if no_serve else _claim(host or settings.host, port or settings.port)
    try:
        platform = state.platform(initialise=True)
        report = run_import(
            platform,
            demo_batch(today=platform.today()),
            by=state.operator,
            dry_run=False,
            allow_moves=True,
            source="demo",
        )
        console.print("Demo data loaded. " + describe(report))
        build_index(platform)
        demo_administrator(platform)
        demo_deals(platform)
        demo_practices(platform)
        demo_diagnostics(platform)
        if listening is not None:
            _serve(platform.settings, host, port, listening=listening)
    finally:
        if listening is not None:
            listening.close()


@cli.command()
@host_option
@port_option
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes sharing the port, each with its own matching index and caches; "
    "about one per core.",
)
@pass_state
@clean_errors
def serve(state: CliState, host: str | None, port: int | None, workers: int) -> None:
    """Serve the REST API (OpenAPI at /docs) on the given address."""
    state.platform().close()  # refuses early, with one line, when the database is not ready
    _serve(state.settings(), host, port, workers)


def _claim(host: str, port: int) -> socket.socket:
    """A socket bound to the address (listening starts with the server), or one line and
    exit status 1 when the address is taken or cannot be had."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        # As uvicorn binds: a port whose last connections are closing can be had again.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
        raise SystemExit(1) from error
    return sock


def _serve(
    settings: Settings,
    host: str | None,
    port: int | None,
    workers: int = 1,
    *,
    listening: socket.socket | None = None,
) -> None:
    import uvicorn

    from itpo.adapters.app import create_app

    host, port = host or settings.host, port or settings.port
    if workers == 1 and listening is None:
        listening = _claim(host, port)
    console.print(
        f"Serving ITPO Exchange on http://{host}:{port}/ (API docs at /docs). Ctrl+C stops."
    )
    if listening is not None:
        config = uvicorn.Config(create_app(settings), log_level="warning")
        with listening:
            uvicorn.Server(config).run(sockets=[listening])
        return
    from itpo.adapters.api.serving import serve_workers

    # Each worker builds its app from the settings, which reach it through the environment,
    # and keeps its own index and caches, current with the database: a record changed through
    # one worker is in the others' next match answer.
    os.environ["ITPO_DATABASE_URL"] = settings.resolved_database_url
    try:
        serve_workers(host=host, port=port, workers=workers)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
        raise SystemExit(1) from error


@cli.command("settings")
def settings_command() -> None:
    """Every setting, its environment variable, default and meaning."""
    from itpo.config import Settings

    rows = [
        {"name": f"ITPO_{name.upper()}", "default": shown_default(field), "help": field.description}
        for name, field in Settings.model_fields.items()
    ]
    print_table(
        rows, [("name", "variable", 24), ("default", "default", 16), ("help", "meaning", 90)]
    )


def shown_default(field: FieldInfo) -> str:
    """A setting's default as its environment variable would spell it; empty when unset."""
    value: Any = field.get_default(call_default_factory=True)
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


@cli.command()
@pass_state
@clean_errors
def status(state: CliState) -> None:
    """Where the database is and whether its schema is current."""
    from itpo.adapters.storage.database import head_revision, schema_revision

    platform = state.platform(initialise=False)
    engine = platform.engine
    console.print(f"Database: {engine.url.render_as_string(hide_password=True)}")
    console.print(f"Schema: {schema_revision(engine)} (latest {head_revision(engine)})")


for command in (
    import_command,
    export_command,
    template_command,
    organisations,
    opportunities,
    reference_group,
    appraise_command,
    appraise_template_command,
    eval_command,
    match_command,
    matches_group,
    search_command,
    learn_command,
    weights_command,
    index_group,
    users,
    offices,
    deals,
    interactions,
    results_command,
    report_command,
    mail,
    reminders,
    digest,
    events,
    backup_command,
    restore_command,
    review_group,
    practices_group,
    diagnostics_group,
    sdg_group,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="itpo")
