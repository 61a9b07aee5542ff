"""The one fake of an OpenAI-compatible chat-completions endpoint, served on loopback.

Shapes follow the documented chat-completions API: a POST of ``messages`` answered with
``choices[0].message.content``; tests set what it answers, its status, a delay or a raw body.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class FakeChat:
    """Answers like an OpenAI-compatible endpoint; tests set what it says next."""

    content: str = '{"label": "abuse", "confidence": 1.0, "reason": "insult"}'
    status: int = 200
    delay: float = 0.0
    raw_body: str | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(await request.json())
        self.headers.append(request.headers.get("Authorization", ""))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.raw_body is not None:
            return web.Response(text=self.raw_body, status=self.status)
        body = {"choices": [{"index": 0, "message": {"role": "assistant",
                                                     "content": self.content}}]}
        return web.json_response(body, status=self.status)


@asynccontextmanager
async def serve_chat(fake: FakeChat | None = None) -> AsyncIterator[tuple[FakeChat, str]]:
    """``fake`` (a new one by default) on a free loopback port, with its endpoint URL."""
    fake = fake or FakeChat()
    app = web.Application()
    app.router.add_post("/chat/completions", fake.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield fake, f"http://127.0.0.1:{port}/chat/completions"
    finally:
        await runner.cleanup()
