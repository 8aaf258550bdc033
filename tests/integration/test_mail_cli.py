"""`itpo mail ...`, `itpo reminders send` and `itpo digest send` against a real database and a
real SMTP server on loopback: reminders queued once, read back, and sent."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner, Result
from tests.actors import OPERATOR
from tests.deals import introduced_world
from tests.mailserver import MailServer

from itpo.adapters.cli import cli
from itpo.adapters.cli.mail_commands import KINDS, STATES
from itpo.bootstrap import Platform
from itpo.mail.model import MailKind, MailState
from itpo.registry import services


def run(platform: Platform, *args: str, **environment: str) -> Result:
    database = platform.settings.database_url
    assert database is not None
    env = {"ITPO_DATA_DIR": str(platform.settings.data_dir), **environment}
    return CliRunner(env=env).invoke(cli, ["--db", database, *args], catch_exceptions=False)


def test_the_choices_are_the_outboxs_own() -> None:
    assert tuple(s.value for s in MailState) == STATES
    assert tuple(k.value for k in MailKind) == KINDS


def test_reminders_are_queued_once_read_back_and_sent(platform: Platform) -> None:
    world = introduced_world(platform)
    soon = dt.date.today() + dt.timedelta(days=10)  # the command line runs on today's clock
    services.update_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        opportunity_id=world.need,
        changes={"valid_until": soon.isoformat()},
    )
    queued = run(platform, "reminders", "send", "--json")
    assert queued.exit_code == 0, queued.output
    assert json.loads(queued.output) == {"deals": 0, "renewals": 1, "unaddressed": 0}
    assert json.loads(run(platform, "reminders", "send", "--json").output)["renewals"] == 0

    listed = json.loads(run(platform, "mail", "list", "--state", "waiting", "--json").output)
    [message] = listed["items"]
    assert message["to"] == "ops@meru.example" and message["kind"] == "renewal_reminder"
    shown = run(platform, "mail", "show", str(message["id"]))
    assert shown.exit_code == 0 and soon.isoformat() in shown.output

    kept = run(platform, "mail", "send")
    assert "No mail server is set" in kept.output
    server = MailServer()
    server.start()
    try:
        smtp = {
            "ITPO_SMTP_HOST": "127.0.0.1",
            "ITPO_SMTP_PORT": str(server.port),
            "ITPO_SMTP_SECURITY": "none",
            "ITPO_MAIL_FROM": "ITPO Shanghai <itpo@itpo.example>",
        }
        sent = run(platform, "mail", "send", "--json", **smtp)
        assert json.loads(sent.output) == {
            "sent": 1,
            "waiting": 0,
            "failed": 0,
            "configured": True,
        }
    finally:
        server.stop()
    [received] = server.received
    assert received.message["From"] == "ITPO Shanghai <itpo@itpo.example>"
    assert run(platform, "digest", "send", "--json").exit_code == 0


def test_bad_input_is_refused_in_one_line_naming_it(platform: Platform) -> None:
    refused = run(platform, "reminders", "send", "--quiet-days", "400")
    assert refused.exit_code == 1 and "quiet_days" in refused.output
    assert "Traceback" not in refused.output
    missing = run(platform, "mail", "show", "999")
    assert missing.exit_code == 1 and "999" in missing.output
    unknown = run(platform, "mail", "list", "--state", "lost")
    assert unknown.exit_code == 2 and "--state" in unknown.output
    bad_setting = run(platform, "mail", "send", ITPO_SMTP_SECURITY="ssl3")
    assert bad_setting.exit_code != 0 and "smtp_security" in bad_setting.output.lower()
