"""The outbox against a real SMTP server on loopback: messages are stored with the work that
writes them and sent after; while the server is down they wait, and they go out once it is
back. Reminders, digests, confirmation and reset links through the same outbox."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from tests.actors import OPERATOR
from tests.auth import bearer
from tests.deals import DealWorld, introduced_world
from tests.mailserver import PASSWORD, USERNAME, MailServer
from tests.records import opportunity_data

from itpo.accounts import services as accounts
from itpo.accounts.errors import Forbidden
from itpo.accounts.model import AuditQuery
from itpo.adapters.app import create_app
from itpo.adapters.mail.smtp import SmtpSender, sender_from
from itpo.bootstrap import Platform
from itpo.config import Settings
from itpo.mail import outbox, reminders, sending
from itpo.mail.digest import send_digests
from itpo.mail.links import SiteLinks
from itpo.mail.model import Letter, MailKind, MailState, Message
from itpo.mail.outbox import MAX_ATTEMPTS
from itpo.mail.ports import MailQuery
from itpo.matching.decisions import Match
from itpo.pipeline import confirmations, deals, interactions
from itpo.registry import services
from itpo.registry.errors import NotFound, ValidationError

LINKS = SiteLinks("https://exchange.itpo.example")


class Clock:
    """A clock the test moves forward."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at

    def forward(self, **delta: float) -> None:
        self.at += dt.timedelta(**delta)


@pytest.fixture
def server() -> Iterator[MailServer]:
    running = MailServer()
    running.start()
    yield running
    running.stop()


@pytest.fixture
def world(platform: Platform) -> DealWorld:
    return introduced_world(platform)


@pytest.fixture
def clock(platform: Platform) -> Clock:
    return Clock(platform.clock())


def smtp_settings(platform: Platform, server: MailServer, **more: object) -> Settings:
    return platform.settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": server.port, "smtp_security": "none"} | more
    )


def sender(platform: Platform, server: MailServer, **more: object) -> SmtpSender:
    made = sender_from(smtp_settings(platform, server, **more))
    assert isinstance(made, SmtpSender)
    return made


def put(platform: Platform, to: str, clock: Clock, subject: str = "Hello") -> int:
    with (uow := platform.uow()):
        message_id = outbox.queue(
            uow,
            kind=MailKind.CONFIRMATION,
            to=to,
            letter=Letter(subject=subject, body="Dear party,\n\nA link.\n"),
            at=clock(),
        )
        uow.commit()
    assert message_id is not None
    return message_id


def stored(platform: Platform, message_id: int) -> Message:
    with (uow := platform.uow()):
        message = uow.outbox.get(message_id)
    assert message is not None
    return message


def deliver(
    platform: Platform, sending_through: SmtpSender | None, clock: Clock
) -> outbox.Delivery:
    return outbox.deliver(uow_factory=platform.uow, by=OPERATOR, sender=sending_through, now=clock)


def a_deal(world: DealWorld) -> int:
    deal = deals.open_deal_from_match(
        uow=world.platform.uow(), by=world.officer, match_id=world.match, now=world.platform.clock
    )
    assert deal.id is not None
    return deal.id


def test_a_confirmation_link_is_mailed_and_works(
    world: DealWorld, server: MailServer, clock: Clock
) -> None:
    platform = world.platform
    deal_id = a_deal(world)
    services.update_organisation(  # a party that works in English gets its mail in English
        by=OPERATOR,
        uow=platform.uow(),
        organisation_id=world.kenya,
        changes={"languages": ["en", "sw"]},
    )
    issued = sending.send_confirmation_request(
        uow=platform.uow(),
        by=world.officer,
        deal_id=deal_id,
        organisation_id=world.kenya,
        email="Ops@Meru.example",
        links=LINKS,
        now=clock,
    )
    done = deliver(platform, sender(platform, server), clock)
    assert (done.sent, done.waiting, done.failed) == (1, 0, 0)
    [received] = server.received
    assert received.recipients == ["ops@meru.example"]
    mail = received.message
    assert mail["Subject"].startswith("Please confirm the outcome of")
    assert mail["From"] == "ITPO Exchange <no-reply@127.0.0.1>"
    assert mail["Auto-Submitted"] == "auto-generated"
    body = mail.get_content()
    link = LINKS.confirmation(issued.token)
    assert link in body.splitlines()  # on a line of its own
    token = link.rsplit("/", 1)[1]
    asked = confirmations.confirmation_request(uow=platform.uow(), token=token, now=clock)
    assert asked.deal.id == deal_id
    assert deliver(platform, sender(platform, server), clock).sent == 0  # sent once


def test_while_the_server_is_down_messages_wait_and_go_out_when_it_is_back(
    platform: Platform, server: MailServer, clock: Clock
) -> None:
    through = sender(platform, server)
    message_id = put(platform, "ops@meru.example", clock)
    server.stop()
    down = deliver(platform, through, clock)
    assert (down.sent, down.waiting, down.failed) == (0, 1, 0)
    waiting = stored(platform, message_id)
    assert waiting.state is MailState.WAITING and waiting.attempts == 1
    assert waiting.last_error and waiting.next_attempt_at > clock()
    assert deliver(platform, through, clock) == outbox.Delivery()  # not due yet: not tried
    server.start()
    assert deliver(platform, through, clock).sent == 0  # still waiting its turn
    clock.forward(minutes=1)
    assert deliver(platform, through, clock).sent == 1
    sent = stored(platform, message_id)
    assert sent.state is MailState.SENT and sent.attempts == 2 and sent.last_error == ""
    assert sent.sent_at == clock()
    assert [r.recipients for r in server.received] == [["ops@meru.example"]]


def test_each_wait_is_longer_and_every_attempt_used_fails_the_message(
    platform: Platform, server: MailServer, clock: Clock
) -> None:
    through = sender(platform, server)
    message_id = put(platform, "ops@meru.example", clock)
    server.stop()
    waits = []
    for _ in range(MAX_ATTEMPTS):
        before = clock()
        deliver(platform, through, clock)
        message = stored(platform, message_id)
        waits.append(message.next_attempt_at - before)
        clock.at = max(clock.at, message.next_attempt_at)
    assert waits[:3] == [dt.timedelta(minutes=m) for m in (1, 2, 4)]
    assert waits[-2] == dt.timedelta(hours=6)  # the longest wait
    failed = stored(platform, message_id)
    assert failed.state is MailState.FAILED and failed.attempts == MAX_ATTEMPTS
    clock.forward(days=1)
    server.start()
    assert deliver(platform, through, clock) == outbox.Delivery()  # failed stays failed


def test_a_refused_recipient_fails_for_good_and_the_others_still_go(
    platform: Platform, server: MailServer, clock: Clock
) -> None:
    refused = put(platform, "nobody@refused.example", clock)
    good = put(platform, "ops@meru.example", clock)
    done = deliver(platform, sender(platform, server), clock)
    assert (done.sent, done.failed) == (1, 1)
    assert stored(platform, refused).state is MailState.FAILED
    assert "550" in stored(platform, refused).last_error
    assert stored(platform, good).state is MailState.SENT


@pytest.fixture
def ca_file(tmp_path: Path) -> Path:
    return tmp_path / "ca.pem"


def test_starttls_and_the_sign_in_at_the_mail_server_are_used(
    platform: Platform, clock: Clock, ca_file: Path
) -> None:
    server = MailServer(security="starttls")
    ca_file.write_bytes(server.ca_pem)
    server.start()
    try:
        message_id = put(platform, "ops@meru.example", clock)
        tls = {"smtp_security": "starttls", "smtp_ca_file": ca_file, "smtp_username": USERNAME}
        wrong = sender(platform, server, **tls, smtp_password=SecretStr("not it"))
        assert deliver(platform, wrong, clock).waiting == 1  # bad credentials: fix, retry
        assert "535" in stored(platform, message_id).last_error
        clock.forward(minutes=1)
        untrusted = sender(platform, server, **(tls | {"smtp_ca_file": None}))
        assert deliver(platform, untrusted, clock).waiting == 1  # an unknown certificate
        assert "CERTIFICATE_VERIFY_FAILED" in stored(platform, message_id).last_error
        clock.forward(minutes=2)
        right = sender(platform, server, **tls, smtp_password=SecretStr(PASSWORD))
        assert deliver(platform, right, clock).sent == 1
        assert len(server.received) == 1
    finally:
        server.stop()


def test_implicit_tls_is_spoken_when_asked(platform: Platform, clock: Clock, ca_file: Path) -> None:
    server = MailServer(security="tls")
    ca_file.write_bytes(server.ca_pem)
    server.start()
    try:
        put(platform, "ops@meru.example", clock)
        through = sender(platform, server, smtp_security="tls", smtp_ca_file=ca_file)
        assert deliver(platform, through, clock).sent == 1
        assert len(server.received) == 1
    finally:
        server.stop()


def test_without_a_mail_server_messages_are_kept_to_be_read(
    platform: Platform, clock: Clock
) -> None:
    assert sender_from(platform.settings) is None
    message_id = put(platform, "ops@meru.example", clock)
    done = deliver(platform, None, clock)
    assert done == outbox.Delivery(configured=False)
    assert stored(platform, message_id).state is MailState.WAITING
    read = outbox.get_message(uow=platform.uow(), by=OPERATOR, message_id=message_id, now=clock)
    assert read.body.startswith("Dear party")
    log = accounts.list_audit(
        uow=platform.uow(), by=OPERATOR, query=AuditQuery(action="mail.view", limit=10)
    )
    assert [e.subject_id for e in log.items] == [str(message_id)]


def test_only_administrators_read_or_send_the_outbox(world: DealWorld, clock: Clock) -> None:
    platform = world.platform
    message_id = put(platform, "ops@meru.example", clock)
    for who in (world.officer, world.kenyan):
        with pytest.raises(Forbidden):
            outbox.list_messages(uow=platform.uow(), by=who, query=MailQuery())
        with pytest.raises(Forbidden):
            outbox.get_message(uow=platform.uow(), by=who, message_id=message_id)
        with pytest.raises(Forbidden):
            outbox.deliver(uow_factory=platform.uow, by=who, sender=None)
        with pytest.raises(Forbidden):
            reminders.send_reminders(uow=platform.uow(), by=who, links=LINKS)
        with pytest.raises(Forbidden):
            send_digests(uow=platform.uow(), by=who, links=LINKS)
    with pytest.raises(NotFound):
        outbox.get_message(uow=platform.uow(), by=OPERATOR, message_id=message_id + 1)
    with pytest.raises(ValidationError) as bad:
        outbox.list_messages(uow=platform.uow(), by=OPERATOR, query=MailQuery(offset=-1))
    assert [e.field for e in bad.value.errors] == ["offset"]


def queued(platform: Platform, kind: MailKind) -> list[Message]:
    query = MailQuery(kinds=(kind,), limit=None)
    return list(outbox.list_messages(uow=platform.uow(), by=OPERATOR, query=query).items)


def remind(platform: Platform, clock: Clock, **days: int) -> reminders.Reminded:
    return reminders.send_reminders(uow=platform.uow(), by=OPERATOR, links=LINKS, now=clock, **days)


def test_a_quiet_deal_reminds_its_officer_once_per_quiet_spell(
    world: DealWorld, clock: Clock
) -> None:
    platform = world.platform
    deal_id = a_deal(world)
    clock.forward(days=29)
    assert remind(platform, clock).deals == 0
    clock.forward(days=1)
    assert remind(platform, clock).deals == 1
    assert remind(platform, clock).deals == 0  # the same spell: not again
    [reminder] = queued(platform, MailKind.DEAL_REMINDER)
    assert reminder.to == "li.wei@itpo.example"
    assert "No interaction for 30 days" in reminder.subject
    assert LINKS.deal(deal_id) in reminder.body
    clock.forward(days=30)
    assert remind(platform, clock).deals == 1  # sixty days quiet: a second reminder
    interactions.log_interaction(
        uow=platform.uow(),
        by=world.officer,
        kind="call",
        occurred_on=clock().date(),
        subject="Follow-up call",
        deal_id=deal_id,
        now=clock,
    )
    clock.forward(days=29)
    assert remind(platform, clock).deals == 0  # heard from lately
    assert remind(platform, clock, quiet_days=7).deals == 1  # a shorter patience


def test_an_opportunity_about_to_expire_asks_its_people_to_renew(
    world: DealWorld, clock: Clock
) -> None:
    platform = world.platform
    soon = (clock() + dt.timedelta(days=20)).date()
    for opportunity_id in (world.need, world.offer):
        services.update_opportunity(
            by=OPERATOR,
            uow=platform.uow(),
            opportunity_id=opportunity_id,
            changes={"valid_until": soon.isoformat()},
        )
    done = remind(platform, clock)
    # Both organisations have one member each; none of their deals is quiet yet.
    assert (done.renewals, done.deals, done.unaddressed) == (2, 0, 0)
    by_person = {m.to: m for m in queued(platform, MailKind.RENEWAL_REMINDER)}
    assert set(by_person) == {"ops@meru.example", "sales@pudong.example"}
    kenyan = by_person["ops@meru.example"]
    assert soon.isoformat() in kenyan.body and LINKS.opportunity_review(world.need) in kenyan.body
    assert "即将到期" in by_person["sales@pudong.example"].subject  # a Chinese organisation
    assert remind(platform, clock).renewals == 0  # once per validity date
    assert remind(platform, clock, notice_days=10).renewals == 0  # not yet within ten days


def test_bad_reminder_days_are_refused_naming_each_field(world: DealWorld, clock: Clock) -> None:
    a_deal(world)
    clock.forward(days=90)
    with pytest.raises(ValidationError) as bad:
        remind(world.platform, clock, quiet_days=0, notice_days=400)
    assert [e.field for e in bad.value.errors] == ["quiet_days", "notice_days"]
    assert queued(world.platform, MailKind.DEAL_REMINDER) == []  # nothing half-written


def test_the_digest_tells_each_side_of_new_matches_once(world: DealWorld, clock: Clock) -> None:
    platform = world.platform
    other = services.create_opportunity(
        by=OPERATOR,
        uow=platform.uow(),
        data=opportunity_data(
            external_id="need-vn",
            organisation="org-vn",
            kind="technology_need",
            trl=None,
            min_trl=5,
            countries=["VNM"],
            title="Dryer for dragon fruit",
            teaser="A Mekong processor needs a dryer.",
        ),
    )
    assert other.id is not None
    clock.forward(hours=1)
    first, second = sorted((world.offer, other.id))
    with (uow := platform.uow()):
        uow.matches.save_many(
            [
                Match(
                    first_id=first,
                    second_id=second,
                    score=64.0,
                    components={"text": 0.6},
                    weights_version=1,
                    created_at=clock(),
                    updated_at=clock(),
                )
            ]
        )
        uow.commit()
    done = send_digests(uow=platform.uow(), by=OPERATOR, links=LINKS, now=clock)
    # The new match only: the introduced one is older than the first digest's week... and
    # decided already.
    assert (done.messages, done.matches) == (2, 1)
    by_person = {m.to: m for m in queued(platform, MailKind.MATCH_DIGEST)}
    assert set(by_person) == {"sales@pudong.example", "buyer@mekong.example"}
    mekong = by_person["buyer@mekong.example"].body
    assert "Dryer for dragon fruit" in mekong and "score 64.00" in mekong
    assert LINKS.opportunity_matches(other.id) in mekong
    assert "Pudong" not in mekong  # the counterpart by title, never by owner
    clock.forward(hours=1)
    again = send_digests(uow=platform.uow(), by=OPERATOR, links=LINKS, now=clock)
    assert (again.messages, again.matches) == (0, 0)


def test_a_reset_link_is_mailed_to_the_user(world: DealWorld, clock: Clock) -> None:
    platform = world.platform
    assert world.kenyan.user_id is not None
    issued = sending.send_password_reset(
        uow=platform.uow(), by=OPERATOR, user_id=world.kenyan.user_id, links=LINKS, now=clock
    )
    [message] = queued(platform, MailKind.PASSWORD_RESET)
    assert message.to == "ops@meru.example"
    assert LINKS.password_reset(issued.token) in message.body
    accounts.finish_password_reset(
        uow=platform.uow(), token=issued.token, password="a new long passphrase 7", now=clock
    )
    with pytest.raises(Forbidden):
        sending.send_password_reset(
            uow=platform.uow(), by=world.officer, user_id=world.kenyan.user_id, links=LINKS
        )
    assert len(queued(platform, MailKind.PASSWORD_RESET)) == 1  # a refusal mails nothing


def test_the_server_sends_the_outbox_while_it_serves(
    platform: Platform, server: MailServer, clock: Clock
) -> None:
    put(platform, "ops@meru.example", clock)
    serving = Platform(
        settings=smtp_settings(platform, server), engine=platform.engine, clock=platform.clock
    )
    with TestClient(create_app(platform=serving)):
        deadline = time.monotonic() + 20
        while not server.received and time.monotonic() < deadline:
            time.sleep(0.05)
    assert [r.recipients for r in server.received] == [["ops@meru.example"]]


def test_the_api_lists_and_shows_the_outbox_to_administrators(
    world: DealWorld, client: TestClient, clock: Clock
) -> None:
    message_id = put(world.platform, "ops@meru.example", clock, subject="Please confirm")
    listed = client.get("/api/v1/mail", params={"state": "waiting", "kind": "confirmation"})
    assert listed.status_code == 200, listed.text
    assert [m["id"] for m in listed.json()["items"]] == [message_id]
    assert "body" not in listed.json()["items"][0]
    shown = client.get(f"/api/v1/mail/{message_id}").json()
    assert shown["subject"] == "Please confirm" and shown["body"].startswith("Dear party")
    bad = client.get("/api/v1/mail", params={"state": "lost"})
    assert bad.status_code == 422 and "state" in bad.text
    officer = TestClient(
        create_app(platform=world.platform), headers=bearer(world.platform, world.officer)
    )
    assert officer.get("/api/v1/mail").status_code == 403
