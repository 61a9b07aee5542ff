"""Connection limits the App's server enforces before aiohttp sees a request.

aiohttp waits for a request's headers without a time limit, and accepts any number of
connections: 1,100 connections each sending a byte now and then held every descriptor
under a 1,024 limit, and ``/healthz`` and real deliveries stalled. ``governance serve``
therefore wraps each connection (``GuardedSite``):

- **headers in time**: a connection must have sent a whole request head within
  ``header_timeout`` seconds of opening, and again of its last answer (keep-alive); else it
  is cut. While a request is being handled no timer runs: the webhook handler bounds its
  body read itself (``server.BODY_TIMEOUT``) and its handling (``server.DEADLINE``);
- **connections per client**: at most ``per_client`` open connections from one address;
  more are closed as they arrive. Behind a reverse proxy every connection comes from the
  proxy's address: raise the limit there, or turn it off (0), and let the proxy limit
  clients.

Only the webhook server is guarded this way; the registration page runs briefly, once.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

log = logging.getLogger("governance.app")

HEADER_TIMEOUT = 5.0  # GitHub sends a delivery's head at once
PER_CLIENT = 64  # GitHub sends at most a few dozen deliveries at once from one address
# Connections the kernel queues before they are accepted (capped by net.core.somaxconn).
# aiohttp's 128 filled up under a connection flood, and a new client's SYN was dropped
# and retried only a second later: a health check waited 1 s. asyncio also accepts up to
# its backlog argument at a time without returning to the loop, so it gets a smaller
# batch and the kernel's queue is enlarged on the listening socket afterwards.
BACKLOG = 4096
ACCEPT_BATCH = 64


@dataclass(frozen=True, slots=True)
class Limits:
    header_timeout: float = HEADER_TIMEOUT
    per_client: int = PER_CLIENT  # 0: no limit


DEFAULT_LIMITS = Limits()


class _Connection(asyncio.Protocol):
    """aiohttp's protocol for one connection, with a deadline for each request head.
    aiohttp's own protocol is made only for an admitted connection (``inner``)."""

    def __init__(self, guard: ConnectionGuard, make_inner: Callable[[], asyncio.Protocol]
                 ) -> None:
        self.guard, self._make_inner = guard, make_inner
        self.inner: asyncio.Protocol = asyncio.Protocol()
        self.transport: asyncio.Transport | None = None
        self.client = ""
        self._timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        peer = transport.get_extra_info("peername")
        self.client = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        if not self.guard.admit(self):
            transport.abort()  # no answer: an answer would cost what the limit saves
            return
        self.transport = transport
        self.inner = self._make_inner()
        self.guard.track(self)
        self.wait_for_head()
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if self.transport is not None:
            self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received() if self.transport is not None else None

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        if self.transport is not None:
            self.guard.release(self)
            self.transport = None
            self.inner.connection_lost(exc)

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    # ------------------------------------------------------------------ the deadline

    def wait_for_head(self) -> None:
        """(Re)start the clock: a request head must arrive within the header timeout."""
        self._cancel()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self.guard.limits.header_timeout, self._expire)

    def handling(self) -> None:
        self._cancel()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self) -> None:
        self._timer = None
        if self.transport is not None:
            self.guard.expired += 1
            self.transport.abort()


class ConnectionGuard:
    """Open connections by client address, and the middleware that stops each one's head
    deadline while its request is handled."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.open: Counter[str] = Counter()
        self.refused = 0  # connections closed for the per-client limit
        self.expired = 0  # connections cut for a late request head
        self._by_transport: dict[asyncio.BaseTransport, _Connection] = {}

    def protocol_factory(self, inner: Callable[[], asyncio.Protocol]
                         ) -> Callable[[], asyncio.Protocol]:
        return lambda: _Connection(self, inner)

    def admit(self, connection: _Connection) -> bool:
        limit = self.limits.per_client
        if limit and self.open[connection.client] >= limit:
            self.refused += 1
            return False
        self.open[connection.client] += 1
        return True

    def release(self, connection: _Connection) -> None:
        self.open[connection.client] -= 1
        if self.open[connection.client] <= 0:
            del self.open[connection.client]
        if connection.transport is not None:
            self._by_transport.pop(connection.transport, None)

    def track(self, connection: _Connection) -> None:
        if connection.transport is not None:
            self._by_transport[connection.transport] = connection

    @web.middleware
    async def middleware(self, request: web.Request,
                         handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                         ) -> web.StreamResponse:
        connection = self._by_transport.get(request.transport) if request.transport else None
        if connection is not None:
            connection.handling()
        try:
            return await handler(request)
        finally:
            if connection is not None and connection.transport is not None:
                connection.wait_for_head()  # the next request on this connection, if any


class GuardedSite(web.TCPSite):
    """A TCP site whose connections go through ``guard`` before aiohttp's protocol."""

    def __init__(self, runner: web.BaseRunner, host: str, port: int,
                 guard: ConnectionGuard) -> None:
        super().__init__(runner, host, port)
        self._guard = guard

    async def start(self) -> None:
        await web.BaseSite.start(self)  # registers the site with its runner
        server = self._runner.server
        assert server is not None
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._guard.protocol_factory(server),
                                                self._host, self._port, reuse_address=True,
                                                backlog=ACCEPT_BATCH)
        for listening in self._server.sockets:  # listen() again: only the queue grows
            with socket.fromfd(listening.fileno(), listening.family, listening.type) as raw:
                raw.listen(BACKLOG)


async def serve_guarded(app: web.Application, host: str, port: int, guard: ConnectionGuard,
                        shutdown_timeout: float,
                        started: Callable[[int], None] = lambda _port: None) -> None:
    """Serve ``app`` until SIGINT or SIGTERM, then finish in-flight requests for up to
    ``shutdown_timeout`` seconds (what ``web.run_app`` does, with the guard in front)."""
    app.middlewares.append(guard.middleware)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=shutdown_timeout)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        site = GuardedSite(runner, host, port, guard)
        await site.start()
        started(_bound_port(site))
        await stop.wait()
    finally:
        await runner.cleanup()


def _bound_port(site: GuardedSite) -> int:
    server: Any = site._server
    sockets = server.sockets if server is not None else ()
    return int(sockets[0].getsockname()[1]) if sockets else 0
