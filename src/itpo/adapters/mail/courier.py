"""The courier: a thread beside the server that sends the outbox every so often while a mail
server is configured. Several server processes may each run one: a message is claimed before
it is sent, so it goes out once."""

from __future__ import annotations

import logging
import threading

from itpo.accounts.principal import Principal
from itpo.bootstrap import Platform
from itpo.mail.outbox import Delivery, deliver
from itpo.mail.ports import MailSender

log = logging.getLogger(__name__)
COURIER = Principal.system("mail courier")


def deliver_now(platform: Platform, sender: MailSender | None) -> Delivery:
    return deliver(uow_factory=platform.uow, by=COURIER, sender=sender, now=platform.clock)


class Courier:
    def __init__(
        self, platform: Platform, sender: MailSender, *, every_seconds: float = 30
    ) -> None:
        self.platform, self.sender, self.every = platform, sender, every_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mail-courier", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.every + 30)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                done = deliver_now(self.platform, self.sender)
                if done.sent or done.failed:
                    log.info("outbox: %s", done.as_dict())
            except Exception:  # the next round tries again; the server keeps serving
                log.exception("the outbox could not be sent")
            self._stop.wait(self.every)
