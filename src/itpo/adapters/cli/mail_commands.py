"""`itpo mail ...`, `itpo reminders send` and `itpo digest send`: the outbox read and sent,
and the reminders and digests queued in it (run them from cron: each is safe to repeat)."""

from __future__ import annotations

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json, print_record, print_table

# The values of itpo.mail.model's enums; tests/integration/test_mail_cli.py keeps them the same.
STATES = ("waiting", "sent", "failed")
KINDS = (
    "confirmation",
    "password_reset",
    "deal_reminder",
    "renewal_reminder",
    "match_digest",
    "request_expired",
    "review_decision",
)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


@click.group()
def mail() -> None:
    """The outbox: every message the platform writes, sent when a mail server is set."""


@mail.command("list")
@click.option("--state", "states", multiple=True, type=click.Choice(STATES))
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS))
@click.option("--to", help="One recipient's messages.")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--offset", type=int, default=0)
@json_option
@pass_state
@clean_errors
def list_mail(
    state: CliState,
    states: tuple[str, ...],
    kinds: tuple[str, ...],
    to: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Messages, newest first: what went out, what waits and why."""
    from itpo.mail import outbox
    from itpo.mail.model import MailKind, MailState
    from itpo.mail.ports import MailQuery
    from itpo.mail.presenting import message_summary_dict

    platform = state.platform()
    query = MailQuery(
        states=[MailState(s) for s in states],
        kinds=[MailKind(k) for k in kinds],
        to=to,
        limit=limit,
        offset=offset,
    )
    page = outbox.list_messages(uow=platform.uow(), by=state.operator, query=query)
    rows = [message_summary_dict(m) for m in page.items]
    if as_json:
        print_json({"items": rows, "total": page.total})
        return
    print_table(
        rows,
        [
            ("id", "id", 6),
            ("kind", "kind", 16),
            ("to", "to", 30),
            ("subject", "subject", 44),
            ("state", "state", 8),
            ("attempts", "tries", 5),
        ],
        title=f"{len(rows)} of {page.total} messages",
    )


@mail.command("show")
@click.argument("message_id", type=int)
@json_option
@pass_state
@clean_errors
def show_mail(state: CliState, message_id: int, as_json: bool) -> None:
    """One message as it was written (its reading is audited)."""
    from itpo.mail import outbox
    from itpo.mail.presenting import message_dict

    platform = state.platform()
    message = outbox.get_message(
        uow=platform.uow(), by=state.operator, message_id=message_id, now=platform.clock
    )
    shown = message_dict(message)
    if as_json:
        print_json(shown)
        return
    body = shown.pop("body")
    print_record(shown)
    console.print()
    console.print(body, markup=False, highlight=False)


@mail.command("send")
@json_option
@pass_state
@clean_errors
def send_mail(state: CliState, as_json: bool) -> None:
    """Send the messages that are due through the configured mail server."""
    from itpo.adapters.mail.smtp import sender_from
    from itpo.mail import outbox

    platform = state.platform()
    done = outbox.deliver(
        uow_factory=platform.uow,
        by=state.operator,
        sender=sender_from(platform.settings),
        now=platform.clock,
    )
    if as_json:
        print_json(done.as_dict())
        return
    if not done.configured:
        console.print("No mail server is set (ITPO_SMTP_HOST): messages are kept in the outbox.")
        return
    console.print(f"Sent {done.sent}; {done.waiting} to try again later; {done.failed} failed.")


@click.group()
def reminders() -> None:
    """Reminders about quiet deals and opportunities about to expire."""


@reminders.command("send")
@click.option("--quiet-days", type=int, help="Default: the reminder_quiet_days setting.")
@click.option("--notice-days", type=int, help="Default: the renewal_notice_days setting.")
@json_option
@pass_state
@clean_errors
def send_reminders(
    state: CliState, quiet_days: int | None, notice_days: int | None, as_json: bool
) -> None:
    """Queue the reminders due today in the outbox (each one once)."""
    from itpo.mail import reminders as service

    platform = state.platform()
    settings = platform.settings
    done = service.send_reminders(
        uow=platform.uow(),
        by=state.operator,
        links=platform.links(),
        quiet_days=quiet_days or settings.reminder_quiet_days,
        notice_days=notice_days or settings.renewal_notice_days,
        now=platform.clock,
    )
    if as_json:
        print_json(done.as_dict())
        return
    console.print(
        f"Queued {done.deals} reminders about quiet deals and {done.renewals} about "
        f"opportunities about to expire; {done.unaddressed} had nobody to write to."
    )


@click.group()
def digest() -> None:
    """The digest of new matches to the owners of opportunities."""


@digest.command("send")
@json_option
@pass_state
@clean_errors
def send_digest(state: CliState, as_json: bool) -> None:
    """Queue a digest of the matches found since the last one, one per person."""
    from itpo.mail.digest import send_digests

    platform = state.platform()
    done = send_digests(
        uow=platform.uow(), by=state.operator, links=platform.links(), now=platform.clock
    )
    if as_json:
        print_json(done.as_dict())
        return
    console.print(f"Queued {done.messages} digests of {done.matches} new matches.")
