"""The LLM adapter against a loopback fake of the chat-completions API."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from governance.adapters.llm import LlmSecondOpinion
from governance.detect import llm
from governance.model import Category, Label, RuleHit, Verdict
from tests.fake_llm import FakeChat, serve_chat

BAND = (0.45, 0.85)
BORDERLINE = Verdict(Label.ABUSE, 0.6, (RuleHit("abuse.insult.standalone", Category.ABUSE, 0.6),))


@pytest.fixture
async def chat() -> AsyncIterator[tuple[FakeChat, str]]:
    async with serve_chat() as served:
        yield served


async def review(url: str, verdict: Verdict, text: str = "you are a clown", **kw: Any) -> Verdict:
    async with aiohttp.ClientSession() as session:
        client = LlmSecondOpinion(session, url=url, model="test-model", api_key="k-123",
                                  band=BAND, **kw)
        return await client.review(text, verdict)


async def test_agreement_raises_a_borderline_score_above_the_act_threshold(chat):
    fake, url = chat
    out = await review(url, BORDERLINE)
    assert out.label is Label.ABUSE and out.score >= 0.85
    assert fake.headers == ["Bearer k-123"]
    assert fake.requests[0]["model"] == "test-model"
    assert "you are a clown" in fake.requests[0]["messages"][1]["content"]


async def test_an_ok_opinion_lowers_the_score_below_the_label_threshold(chat):
    fake, url = chat
    fake.content = '```json\n{"label": "ok", "confidence": 0.9}\n```'
    out = await review(url, BORDERLINE)
    assert out.label is Label.OK and out.score < 0.5
    assert out.category_score(Category.ABUSE) == out.score


@pytest.mark.parametrize("content", ["sure, it's abuse", '{"label": "spam", "confidence": 1}',
                                     '{"label": "abuse", "confidence": 3}',
                                     '{"label": "abuse", "confidence": 1, "extra": 1}'])
async def test_malformed_answers_keep_the_local_verdict(chat, content):
    fake, url = chat
    fake.content = content
    assert await review(url, BORDERLINE) == BORDERLINE


async def test_http_errors_and_bad_bodies_keep_the_local_verdict(chat):
    fake, url = chat
    fake.status = 500
    assert await review(url, BORDERLINE) == BORDERLINE
    fake.status, fake.raw_body = 200, "not json"
    assert await review(url, BORDERLINE) == BORDERLINE
    fake.raw_body = json.dumps({"choices": []})
    assert await review(url, BORDERLINE) == BORDERLINE


async def test_a_slow_endpoint_times_out_and_keeps_the_local_verdict(chat):
    fake, url = chat
    fake.delay = 1.0
    assert await review(url, BORDERLINE, timeout_seconds=0.1) == BORDERLINE


async def test_unreachable_endpoint_keeps_the_local_verdict():
    assert await review("http://127.0.0.1:9/chat/completions", BORDERLINE) == BORDERLINE


async def test_clear_verdicts_are_not_sent(chat):
    fake, url = chat
    clear = Verdict(Label.ABUSE, 0.95, (RuleHit("abuse.threat.harm", Category.ABUSE, 0.95),))
    assert await review(url, clear) == clear
    assert await review(url, Verdict.ok()) == Verdict.ok()
    assert fake.requests == []


async def test_pii_evidence_is_redacted_before_sending(chat):
    fake, url = chat
    text = "call her at +44 7700 900123 please"
    hit = RuleHit("pii.phone_number", Category.PII, 0.6, ((12, 27),))
    verdict = Verdict(Label.PII, 0.6, (hit,))
    await review(url, verdict, text=text)
    sent = fake.requests[0]["messages"][1]["content"]
    assert "7700" not in sent and "[redacted]" in sent


def test_parse_answer_accepts_only_the_documented_object():
    assert llm.parse_answer('{"label": "pii", "confidence": 0.5}') == llm.Opinion(Label.PII, 0.5)
    assert llm.parse_answer('{"label": "pii", "confidence": true}') is None
    assert llm.parse_answer(None) is None
    assert llm.parse_answer("[1, 2]") is None
