"""The outbox through the pages: a confirmation link an officer asks for is in the outbox for
the administrator to read, in English and Chinese; the send button sends through a real SMTP
server on loopback; nobody else reads or sends it."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient

from itpo.bootstrap import Platform
from itpo.pipeline import deals
from tests.auth import ADMIN_EMAIL
from tests.deals import DealWorld, introduced_world
from tests.mailserver import MailServer
from tests.web.test_deal_pages import signed_in
from tests.world import csrf_of


def asked_confirmation(world: DealWorld, officer: TestClient) -> int:
    deal = deals.open_deal_from_match(
        uow=world.platform.uow(), by=world.officer, match_id=world.match, now=world.platform.clock
    )
    page = officer.get(f"/deals/{deal.id}")
    asked = officer.post(
        f"/deals/{deal.id}/confirmations",
        data={
            "organisation_id": str(world.kenya),
            "email": "ops@meru.example",
            "csrf_token": csrf_of(page.text),
        },
    )
    assert asked.status_code == 200 and "in the outbox" in asked.text
    assert deal.id is not None
    return deal.id


def test_the_administrator_reads_the_outbox_and_nobody_else_does(platform: Platform) -> None:
    world = introduced_world(platform)
    officer = signed_in(platform, "li.wei@itpo.example")
    asked_confirmation(world, officer)
    admin = signed_in(platform, ADMIN_EMAIL)
    listing = admin.get("/admin/mail")
    assert listing.status_code == 200
    assert "No mail server is set" in listing.text and "ops@meru.example" in listing.text
    found = re.search(r'href="/admin/mail/(\d+)"', listing.text)
    assert found is not None
    message = admin.get(f"/admin/mail/{found.group(1)}")
    assert message.status_code == 200
    assert "/confirm/" in message.text and "Please confirm the outcome" not in message.text
    assert "请确认合作成果" in message.text  # the party works in Chinese first (its languages)
    chinese = admin.get("/admin/mail", headers={"Accept-Language": "zh-CN"})
    assert "发件箱" in chinese.text and "待发送" in chinese.text
    filtered = admin.get("/admin/mail", params={"state": "sent"})
    assert "ops@meru.example" not in filtered.text and "No message yet." in filtered.text
    for visitor in (officer, signed_in(platform, "ops@meru.example")):
        assert visitor.get("/admin/mail").status_code == 403
        assert visitor.get(f"/admin/mail/{found.group(1)}").status_code == 403
        page = visitor.get("/deals")
        sent = visitor.post("/admin/mail/send", data={"csrf_token": csrf_of(page.text)})
        assert sent.status_code == 403


def test_the_send_button_sends_what_is_due(platform: Platform) -> None:
    world = introduced_world(platform)
    asked_confirmation(world, signed_in(platform, "li.wei@itpo.example"))
    server = MailServer()
    settings = platform.settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": server.port, "smtp_security": "none"}
    )
    # The app is not started (no lifespan), so its courier never runs: only the button sends.
    serving = Platform(settings=settings, engine=platform.engine, clock=platform.clock)
    signed = signed_in(serving, ADMIN_EMAIL)
    listing = signed.get("/admin/mail")
    assert f"Sent through 127.0.0.1:{server.port}" in listing.text
    down = signed.post("/admin/mail/send", data={"csrf_token": csrf_of(listing.text)})
    assert "Sent 0; 1 to try again later; 0 failed." in down.text  # the server is not up yet
    server.start()
    try:
        later = platform.clock() + dt.timedelta(minutes=2)  # past the first wait
        serving.clock = lambda: later
        done = signed.post("/admin/mail/send", data={"csrf_token": csrf_of(listing.text)})
        assert "Sent 1; 0 to try again later; 0 failed." in done.text
    finally:
        server.stop()
    assert [r.recipients for r in server.received] == [["ops@meru.example"]]
