"""SMTP servers (aiosmtpd) that misbehave on purpose: answer 451 once, or hold a session mid-send."""

import asyncio
import threading
from collections import Counter

from aiosmtpd.controller import Controller

from tests.smtp import Inbox, free_port


class Sink(Inbox):
    """An inbox that also counts SMTP sessions and can refuse or hold messages."""

    def __init__(self, *, fail_once_for: str | None = None, hold_after: int | None = None):
        super().__init__()
        self.sessions = 0
        self.fail_once_for = fail_once_for
        self.refused = 0
        # After this many messages, the next RCPT waits until `release` is set (the worker is then mid-send).
        self.hold_after = hold_after
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.sessions += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.hold_after is not None and len(self.messages) >= self.hold_after and not self.release.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail_once_for in envelope.rcpt_tos and not self.refused:
            self.refused += 1
            return "451 4.3.0 Mailbox busy, try again later"
        return await super().handle_DATA(server, session, envelope)

    def message_ids(self) -> Counter:
        return Counter(message["Message-ID"] for message in self.messages)

    def recipients(self) -> Counter:
        return Counter(message["To"] for message in self.messages)


class SinkServer:
    def __init__(self, sink: Sink):
        self.sink = sink
        self.port = free_port()
        self.controller = Controller(sink, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "SinkServer":
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.sink.release.set()
        self.controller.stop()
