"""The App's web server: ``POST /webhook``, ``GET /healthz``, ``GET /metrics``.

``create_app`` takes every dependency as an argument and does nothing at import time.

A delivery is answered 2xx only once its plan has been carried out (or there was nothing to
do), and 5xx when it could not be, so the delivery shows as failed in GitHub's log and
``governance redeliver`` (or a person) can send it again; handlers are idempotent, so a
redelivery finishes the work without doing anything twice. The whole handling runs inside a
deadline below GitHub's 10-second window: past it we answer 503 ourselves rather than let
GitHub cut the connection without telling us.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
import traceback
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aiohttp import web

from governance.app.metrics import Metrics, event_label
from governance.app.signature import verify

log = logging.getLogger("governance.app")

MAX_BODY = 5 * 1024 * 1024  # GitHub caps payloads at 25 MB; ours are tiny, refuse big ones
BODY_TIMEOUT = 5.0  # seconds to receive a body: GitHub sends it at once, a slow drip is an attack
DEADLINE = 9.0  # seconds; GitHub closes the connection at 10
PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8"
HEADER_CHARS = 100  # of X-GitHub-Event/-Delivery kept for the log (GitHub's are shorter)


@dataclass(frozen=True, slots=True)
class Delivery:
    """One verified webhook delivery."""

    id: str
    event: str
    payload: Mapping[str, Any]

    @property
    def action(self) -> str:
        value = self.payload.get("action")
        return value if isinstance(value, str) else ""

    @property
    def installation_id(self) -> int | None:
        installation = self.payload.get("installation")
        value = installation.get("id") if isinstance(installation, Mapping) else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    @property
    def repo(self) -> str:
        repository = self.payload.get("repository")
        name = repository.get("full_name") if isinstance(repository, Mapping) else None
        return name if isinstance(name, str) else ""


@dataclass(frozen=True, slots=True)
class Result:
    """How a delivery ended: what to answer and what to log."""

    status: int
    outcome: str  # done | ignored | dry-run | duplicate | failed | timeout | rejected | ...
    action_kinds: tuple[str, ...] = ()
    detail: str = ""  # safe to log: our own words or an exception class, never content
    trace: tuple[str, ...] = ()  # where an unexpected error came from (no values)
    queued: float = 0.0  # seconds spent waiting for a free handler slot

    @property
    def ok(self) -> bool:
        return self.status < 300


Handle = Callable[[Delivery], Awaitable[Result]]
AddRoutes = Callable[[web.Application], None]


@dataclass
class AppDeps:
    webhook_secret: str
    handle: Handle
    metrics: Metrics = field(default_factory=Metrics)
    deadline: float = DEADLINE
    max_body: int = MAX_BODY
    max_concurrent: int = 32  # GitHub allows 100 concurrent requests per token
    recent_capacity: int = 4096
    monotonic: Callable[[], float] = time.monotonic
    metrics_token: str = ""  # when set, /metrics asks for it as a bearer token
    body_timeout: float = BODY_TIMEOUT


class RecentDeliveries:
    """Delivery ids recently handled to completion by this replica (bounded LRU).

    Only an optimisation: another replica may still see the same delivery, and that is
    safe because every handler is idempotent. In-flight duplicates share one result.
    """

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._done: OrderedDict[str, None] = OrderedDict()
        self._running: dict[str, asyncio.Future[Result]] = {}

    def done(self, delivery_id: str) -> bool:
        return delivery_id in self._done

    def running(self, delivery_id: str) -> asyncio.Future[Result] | None:
        return self._running.get(delivery_id)

    def start(self, delivery_id: str) -> asyncio.Future[Result]:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._running[delivery_id] = future
        return future

    def finish(self, delivery_id: str, result: Result) -> None:
        future = self._running.pop(delivery_id, None)
        if future is not None and not future.done():
            future.set_result(result)
        if result.ok:
            self._done[delivery_id] = None
            self._done.move_to_end(delivery_id)
            while len(self._done) > self._capacity:
                self._done.popitem(last=False)


class Webhooks:
    """The ``POST /webhook`` handler and its per-process state."""

    def __init__(self, deps: AppDeps) -> None:
        if not deps.webhook_secret:
            raise ValueError("a webhook secret is required: the App refuses unsigned webhooks")
        self.deps = deps
        self.recent = RecentDeliveries(deps.recent_capacity)
        self._slots = asyncio.Semaphore(deps.max_concurrent)

    async def receive(self, request: web.Request) -> web.Response:
        started = self.deps.monotonic()
        # Until the signature checks out, both headers are anybody's words: cut them short
        # for the log line and the answer, and never let them become a metrics label.
        delivery_id = request.headers.get("X-GitHub-Delivery", "")[:HEADER_CHARS]
        event = request.headers.get("X-GitHub-Event", "")[:HEADER_CHARS]
        checked = await self._verified(request, delivery_id, event)
        delivery = checked if isinstance(checked, Delivery) else None
        result = await self._once(checked) if isinstance(checked, Delivery) else checked
        elapsed = self.deps.monotonic() - started
        self._record(delivery_id, event, delivery, result, elapsed)
        body = {"delivery": delivery_id, "outcome": result.outcome,
                "actions": list(result.action_kinds)}
        if result.status == 202 and result.detail:
            body["detail"] = result.detail  # what is left to the sweep (our own words)
        return web.json_response(body, status=result.status)

    async def _verified(self, request: web.Request, delivery_id: str, event: str
                        ) -> Delivery | Result:
        """The delivery, once its signature checks out; else the answer refusing it."""
        body = await self._body(request)
        if isinstance(body, Result):
            return body
        if not verify(self.deps.webhook_secret, body, request.headers.get("X-Hub-Signature-256")):
            return Result(401, "unauthorized", detail="missing or wrong signature")
        if not event or not delivery_id:
            return Result(400, "rejected", detail="X-GitHub-Event or -Delivery missing")
        try:
            payload = json.loads(body)
        except ValueError:
            return Result(400, "rejected", detail="body is not JSON")
        except RecursionError:  # signed, but nested deeper than any GitHub payload
            return Result(400, "rejected", detail="body is nested too deeply")
        if not isinstance(payload, dict):
            return Result(400, "rejected", detail="body is not a JSON object")
        return Result(200, "pong") if event == "ping" else Delivery(delivery_id, event, payload)

    async def _body(self, request: web.Request) -> bytes | Result:
        length = request.content_length
        if length is not None and length > self.deps.max_body:
            return Result(413, "too-large")
        try:
            async with asyncio.timeout(self.deps.body_timeout):
                return await request.read()
        except web.HTTPRequestEntityTooLarge:
            return Result(413, "too-large")
        except TimeoutError:
            return Result(408, "slow-body", detail=f"body not received within "
                                                   f"{self.deps.body_timeout:g} s")

    async def _once(self, delivery: Delivery) -> Result:
        """Handle a delivery id once per replica; concurrent duplicates await the first."""
        if self.recent.done(delivery.id):
            return Result(200, "duplicate")
        running = self.recent.running(delivery.id)
        if running is not None:
            result = await asyncio.shield(running)
            return Result(result.status, "duplicate" if result.ok else result.outcome)
        self.recent.start(delivery.id)
        result = Result(500, "failed", detail="handler did not finish")
        try:
            result = await self._within_deadline(delivery)
        finally:
            self.recent.finish(delivery.id, result)
        return result

    async def _within_deadline(self, delivery: Delivery) -> Result:
        """Handle in a free slot (at most ``max_concurrent`` at once) within the deadline.

        The wait for a slot is logged apart (``queued_ms``): deliveries queue here when
        GitHub answers slowly and the slots are all busy waiting on it.
        """
        arrived = self.deps.monotonic()
        started: float | None = None
        try:
            async with asyncio.timeout(self.deps.deadline):
                async with self._slots:
                    started = self.deps.monotonic()
                    result = await self.deps.handle(delivery)
        except TimeoutError:
            result = Result(503, "timeout", detail=f"not finished within {self.deps.deadline:g} s")
        except Exception as exc:  # a bug or an outage: fail it, GitHub's log keeps it
            result = Result(502, "failed", detail=type(exc).__name__, trace=_frames(exc))
        queued = (self.deps.monotonic() if started is None else started) - arrived
        return replace(result, queued=queued)

    def _record(self, delivery_id: str, event: str, delivery: Delivery | None, result: Result,
                elapsed: float) -> None:
        kinds = tuple(k for k in result.action_kinds if k != "skip")
        self.deps.metrics.delivery(event_label(event if delivery or result.outcome == "pong"
                                               else ""), result.outcome, elapsed, kinds)
        line = {
            "delivery": delivery_id,
            "event": event,
            "action": delivery.action if delivery else "",
            "repo": delivery.repo if delivery else "",
            "installation": delivery.installation_id if delivery else None,
            "outcome": result.outcome,
            "status": result.status,
            "actions": list(kinds),
            "duration_ms": round(elapsed * 1000, 1),
            "queued_ms": round(result.queued * 1000, 1),
        }
        if result.detail:
            line["detail"] = result.detail
        if result.trace:
            line["trace"] = list(result.trace)
        level = logging.WARNING if result.status >= 500 else logging.INFO
        log.log(level, json.dumps(line, separators=(",", ":")))


def bearer_matches(request: web.Request, token: str) -> bool:
    """No token configured: open. Else ``Authorization: Bearer <token>``, compared in
    constant time."""
    if not token:
        return True
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(),
                                                              token.encode())


def _frames(exc: BaseException, limit: int = 8) -> tuple[str, ...]:
    """``file:line function`` of the innermost frames: enough to find a bug, no values."""
    frames = traceback.extract_tb(exc.__traceback__)[-limit:]
    return tuple(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames)


def create_app(deps: AppDeps, *, extra: AddRoutes | None = None,
               subapps: Mapping[str, web.Application] | None = None,
               ready: Callable[[], bool] | None = None) -> web.Application:
    """The App's aiohttp application.

    ``extra`` adds routes of its own to the application; ``subapps`` maps path prefixes
    (e.g. ``"/status/"``) to sub-applications mounted there. ``ready`` reports whether the
    process can serve (``/healthz`` answers 503 when it says no).
    """
    webhooks = Webhooks(deps)
    app = web.Application(client_max_size=deps.max_body)

    async def healthz(_request: web.Request) -> web.Response:
        healthy = ready() if ready is not None else True
        return web.json_response({"status": "ok" if healthy else "unavailable"},
                                 status=200 if healthy else 503)

    async def metrics(request: web.Request) -> web.Response:
        if not bearer_matches(request, deps.metrics_token):
            return web.json_response({"error": "a bearer token is required"}, status=401,
                                     headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
        return web.Response(body=deps.metrics.render().encode(),
                            headers={"Content-Type": PROMETHEUS_TYPE})

    app.router.add_post("/webhook", webhooks.receive)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    for prefix, subapp in (subapps or {}).items():
        app.add_subapp(prefix, subapp)
    if extra is not None:
        extra(app)
    return app
