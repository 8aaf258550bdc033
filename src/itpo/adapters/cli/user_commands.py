"""`itpo users ...` and `itpo offices ...`, and the first administrator of `itpo init`."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from itpo.accounts.model import Role, UserQuery
from itpo.accounts.principal import Principal
from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_table

if TYPE_CHECKING:
    from itpo.bootstrap import Platform

ADMIN_PASSWORD_VARIABLE = "ITPO_ADMIN_PASSWORD"
DEMO_ADMIN = "admin@itpo-demo.example"

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def read_password(from_stdin: bool, prompt: str = "Password") -> str:
    """One line of standard input, or asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = click.prompt(prompt, hide_input=True, confirmation_prompt=True)
    return password


@click.group()
def users() -> None:
    """Users and their roles: administrators, officers, members."""


@users.command("create")
@click.argument("email")
@click.option("--name", "display_name", required=True, help="The name shown for the user.")
@click.option(
    "--role",
    required=True,
    type=click.Choice([r.value for r in Role]),
    help="administrator or officer (of an office), or member (of an organisation).",
)
@click.option(
    "--office",
    "office_id",
    type=int,
    help="Id of the user's office (`itpo offices list`); needed for staff.",
)
@click.option(
    "--organisation",
    "organisation_id",
    type=int,
    help="Id of the member's organisation (`itpo organisations list`).",
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from one line of standard input instead of asking.",
)
@pass_state
@clean_errors
def create_user(
    state: CliState,
    email: str,
    display_name: str,
    role: str,
    office_id: int | None,
    organisation_id: int | None,
    password_stdin: bool,
) -> None:
    """Create a user with a password."""
    from itpo.accounts import services

    platform = state.platform()
    password = read_password(password_stdin)
    user = services.create_user(
        uow=platform.uow(),
        by=state.operator,
        email=email,
        display_name=display_name,
        role=role,
        password=password,
        office_id=office_id,
        organisation_id=organisation_id,
        policy=platform.settings.account_policy(),
        now=platform.clock,
    )
    console.print(f"User {user.email} created: id {user.id}, {user.role.value}.", markup=False)


@users.command("list")
@click.option("--role", type=click.Choice([r.value for r in Role]), help="Only this role.")
@click.option("--office", "office_id", type=int, help="Only users of this office.")
@click.option(
    "--organisation", "organisation_id", type=int, help="Only members of this organisation."
)
@click.option("--disabled", is_flag=True, help="Only disabled users.")
@json_option
@pass_state
@clean_errors
def list_users(
    state: CliState,
    role: str | None,
    office_id: int | None,
    organisation_id: int | None,
    disabled: bool,
    as_json: bool,
) -> None:
    """List users (never their passwords)."""
    from itpo.accounts import services
    from itpo.accounts.presenting import user_dict

    query = UserQuery(
        roles=(Role(role),) if role else (),
        office_id=office_id,
        organisation_id=organisation_id,
        active=False if disabled else None,
    )
    platform = state.platform()
    page = services.list_users(uow=platform.uow(), by=state.operator, query=query)
    rows = [user_dict(user) for user in page.items]
    if as_json:
        print_json(rows)
        return
    offices = {o.id: o.name for o in services.list_offices(uow=platform.uow(), by=state.operator)}
    locked = services.sign_in_locks(
        uow=platform.uow(), by=state.operator, users=page.items, now=platform.clock
    )
    for row in rows:
        row["office"] = offices.get(row["office_id"])
        row["state"] = "active" if row["active"] else "disabled"
        if row["active"] and row["id"] in locked:
            row["state"] = "locked"
    print_table(
        rows,
        [
            ("id", "id", 5),
            ("email", "email", 36),
            ("display_name", "name", 28),
            ("role", "role", 13),
            ("office", "office", 24),
            ("organisation_id", "organisation", 12),
            ("state", "state", 8),
            ("last_login_at", "last sign-in", 25),
        ],
        title=f"{len(rows)} users",
    )


@users.command("disable")
@click.argument("email")
@pass_state
@clean_errors
def disable_user(state: CliState, email: str) -> None:
    """Stop a user signing in; their sessions end and their API tokens are revoked."""
    from itpo.accounts import services

    platform = state.platform()
    user = services.user_by_email(uow=platform.uow(), by=state.operator, email=email)
    assert user.id is not None
    services.disable_user(
        uow=platform.uow(), by=state.operator, user_id=user.id, now=platform.clock
    )
    console.print(
        f"User {user.email} disabled; their sessions ended and their API tokens were revoked.",
        markup=False,
    )


@users.command("reset")
@click.argument("email")
@pass_state
@clean_errors
def reset_user(state: CliState, email: str) -> None:
    """A one-time password reset token for a user, to hand over; it expires."""
    from itpo.accounts import services

    platform = state.platform()
    user = services.user_by_email(uow=platform.uow(), by=state.operator, email=email)
    assert user.id is not None
    issued = services.issue_password_reset(
        uow=platform.uow(),
        by=state.operator,
        user_id=user.id,
        policy=platform.account_policy,
        now=platform.clock,
    )
    when = issued.expires_at.strftime("%Y-%m-%d %H:%M UTC")
    console.print(
        f"Reset token for {issued.user.email} (shown once, valid until {when}):", markup=False
    )
    console.print(issued.token, markup=False)
    console.print(
        "The user sets a new password with POST /api/v1/auth/password-reset.", markup=False
    )


@users.command("unlock")
@click.argument("email")
@pass_state
@clean_errors
def unlock_user(state: CliState, email: str) -> None:
    """Let a user locked by failed sign-ins sign in again, from every address."""
    from itpo.accounts import services

    platform = state.platform()
    user = services.user_by_email(uow=platform.uow(), by=state.operator, email=email)
    assert user.id is not None
    services.unlock_user(uow=platform.uow(), by=state.operator, user_id=user.id, now=platform.clock)
    console.print(f"User {user.email} unlocked: they may sign in again.", markup=False)


@users.command("enable")
@click.argument("email")
@pass_state
@clean_errors
def enable_user(state: CliState, email: str) -> None:
    """Let a disabled user sign in again."""
    from itpo.accounts import services

    platform = state.platform()
    user = services.user_by_email(uow=platform.uow(), by=state.operator, email=email)
    assert user.id is not None
    services.enable_user(uow=platform.uow(), by=state.operator, user_id=user.id, now=platform.clock)
    console.print(f"User {user.email} enabled.", markup=False)


@click.group()
def offices() -> None:
    """The ITPO offices this installation hosts."""


@offices.command("create")
@click.argument("name")
@click.option("--country", required=True, help="ISO alpha-3 code of the office's country.")
@click.option("--city", help="The office's city.")
@pass_state
@clean_errors
def create_office(state: CliState, name: str, country: str, city: str | None) -> None:
    """Create an office."""
    from itpo.accounts import services

    platform = state.platform()
    office = services.create_office(
        uow=platform.uow(),
        by=state.operator,
        name=name,
        country=country,
        city=city,
        now=platform.clock,
    )
    console.print(f"Office {office.name!r} created: id {office.id}.", markup=False)


@offices.command("list")
@json_option
@pass_state
@clean_errors
def list_offices(state: CliState, as_json: bool) -> None:
    """List the offices."""
    from itpo.accounts import services
    from itpo.accounts.presenting import office_dict

    rows = [
        office_dict(o) for o in services.list_offices(uow=state.platform().uow(), by=state.operator)
    ]
    if as_json:
        print_json(rows)
        return
    print_table(
        rows,
        [("id", "id", 5), ("name", "name", 40), ("country", "country", 7), ("city", "city", 24)],
        title=f"{len(rows)} offices",
    )


def first_administrator(
    platform: Platform,
    *,
    email: str | None,
    name: str | None,
    password_stdin: bool,
    office: str | None,
    office_country: str | None,
    office_city: str | None,
) -> None:
    """Create the first administrator when there is none and an email was given; otherwise
    say how to."""
    from itpo.accounts import services

    if services.has_administrator(uow=platform.uow()):
        if email:
            console.print(
                "An administrator exists already; no other was created "
                "(administrators add users with `itpo users create`)."
            )
        return
    if not email:
        console.print("No administrator yet: `itpo init --admin-email EMAIL` creates the first.")
        return
    from_environment = os.environ.get(ADMIN_PASSWORD_VARIABLE)
    if password_stdin or not from_environment:
        password = read_password(password_stdin, "Administrator's password")
    else:
        password = from_environment
    settings = platform.settings
    country = (office_country or settings.home_country).strip().upper()
    office_name = office or _existing_office(platform) or _office_name(country)
    user = services.bootstrap_administrator(
        uow=platform.uow(),
        email=email,
        display_name=name or "Administrator",
        password=password,
        office_name=office_name,
        office_country=country,
        office_city=office_city,
        by=Principal.system("itpo init"),
        policy=settings.account_policy(),
        now=platform.clock,
    )
    console.print(f"Administrator {user.email} created, of office {office_name!r}.", markup=False)


def demo_administrator(platform: Platform) -> None:
    """A demo administrator with a random password, printed once, when there is none."""
    from itpo.accounts import services
    from itpo.accounts.passwords import generate_password

    if services.has_administrator(uow=platform.uow()):
        return
    password = generate_password(DEMO_ADMIN)
    services.bootstrap_administrator(
        uow=platform.uow(),
        email=DEMO_ADMIN,
        display_name="Demo administrator",
        password=password,
        office_name="ITPO Shanghai (demo)",
        office_country="CHN",
        office_city="Shanghai",
        by=Principal.system("itpo demo"),
        policy=platform.settings.account_policy(),
        now=platform.clock,
    )
    console.print(f"Demo administrator: {DEMO_ADMIN}, password {password}", markup=False)
    console.print("The password is shown this once and stored only as a hash: note it now.")


def demo_deals(platform: Platform) -> None:
    """The demo's illustrative deals, followed by this command line and verified by the
    first administrator (four eyes), unless the platform has deals already."""
    from itpo.accounts import services
    from itpo.demo.deals import load_demo_deals

    operator = Principal.operator()
    admins = services.list_users(
        uow=platform.uow(),
        by=operator,
        query=UserQuery(roles=(Role.ADMINISTRATOR,), active=True, limit=1),
    )
    if not admins.items:
        return
    admin = admins.items[0]
    opened = load_demo_deals(
        uow_factory=platform.uow,
        by=operator,
        verifier=Principal.of(admin),
        officer_id=admin.id,
        today=platform.today(),
        home=platform.settings.home_country,
    )
    if opened:
        console.print(f"Demo deals: {opened} illustrative deals, from introduction to outcome.")
        demo_reminders(platform)
    demo_events(platform, Principal.of(admin))


def demo_events(platform: Platform, officer: Principal) -> None:
    """The demo's illustrative forum and delegation, run by the first administrator."""
    from itpo.demo.events import load_demo_events

    made = load_demo_events(uow_factory=platform.uow, by=officer, today=platform.today())
    if made:
        console.print(f"Demo events: {made} illustrative events, one upcoming and one past.")


def demo_practices(platform: Platform) -> None:
    """The demo's practice cases, published by the office."""
    from itpo.demo.practices import load_demo_practices

    report = load_demo_practices(
        uow_factory=platform.uow, by=Principal.operator(), now=platform.clock
    )
    if report.created or report.updated:
        console.print(
            f"Demo practice cases: {report.created} created, {report.updated} updated, "
            "each from the public source it cites."
        )
    # Their vectors are cached beside the database, so the first page that searches is quick.
    platform.case_index()


def demo_reminders(platform: Platform) -> None:
    """The reminders the demo's quiet deals call for, in the outbox for the administrator."""
    from itpo.mail.reminders import send_reminders

    settings = platform.settings
    queued = send_reminders(
        uow=platform.uow(),
        by=Principal.operator(),
        links=platform.links(),
        quiet_days=settings.reminder_quiet_days,
        notice_days=settings.renewal_notice_days,
        now=platform.clock,
    )
    if queued.deals or queued.renewals:
        console.print(
            f"Outbox: {queued.deals + queued.renewals} reminders to read at /admin/mail "
            "(sent once ITPO_SMTP_HOST names a mail server)."
        )


def _existing_office(platform: Platform) -> str | None:
    from itpo.accounts import services

    known = services.list_offices(uow=platform.uow(), by=Principal.operator())
    return known[0].name if known else None


def _office_name(country: str) -> str:
    from itpo.registry import reference

    return f"ITPO {reference.country(country).name_en}" if reference.is_country(country) else "ITPO"
