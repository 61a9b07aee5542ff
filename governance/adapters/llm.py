"""LLM second opinion over an OpenAI-compatible chat-completions endpoint (aiohttp).

Any failure (timeout, connection error, non-200 status, malformed body or answer) keeps
the local verdict: the second opinion can only refine, never block, a decision. The API
key is passed in by the edge that read it from the environment.
"""

from __future__ import annotations

import logging
from typing import Any

import aiohttp

from governance.detect import llm
from governance.model import Verdict

log = logging.getLogger(__name__)


class LlmSecondOpinion:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        url: str,
        model: str,
        api_key: str,
        timeout_seconds: float = 5.0,
        band: tuple[float, float] = (0.45, 0.85),
    ) -> None:
        self._session = session
        self._url = url
        self._model = model
        self._api_key = api_key
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._band = band

    async def review(self, text: str, verdict: Verdict) -> Verdict:
        """The verdict after a second opinion, or the verdict unchanged."""
        if llm.borderline_category(verdict, self._band) is None:
            return verdict
        content = await self._ask(llm.build_request(text, verdict, self._model))
        return llm.combine(verdict, llm.parse_answer(content), self._band)

    async def _ask(self, body: dict[str, Any]) -> object:
        headers = {"Authorization": f"Bearer {self._api_key}", "Accept": "application/json"}
        try:
            async with self._session.post(
                self._url, json=body, headers=headers, timeout=self._timeout
            ) as response:
                if response.status != 200:
                    log.warning("LLM second opinion: HTTP %s, keeping the local verdict",
                                response.status)
                    return None
                data = await response.json(content_type=None)
            return data["choices"][0]["message"]["content"]
        except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
            log.warning("LLM second opinion failed (%s), keeping the local verdict",
                        type(exc).__name__)
        except (KeyError, IndexError, TypeError):
            log.warning("LLM second opinion: unexpected answer shape, keeping the local verdict")
        return None
