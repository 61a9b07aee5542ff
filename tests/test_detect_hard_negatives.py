"""Realistic, legitimate GitHub comments (our own text) that must stay ok."""

from __future__ import annotations

import pytest

from governance.detect import classify
from governance.model import Label
from tests.known_model_limits import MODEL_FP_ACT, MODEL_REVIEW

HARD_NEGATIVES = [
    '```json\n{"name": "foo", "author": "John Smith <john.smith@gmail.com>"}\n```',
    "My docker-compose:\n```yaml\nenvironment:\n  POSTGRES_PASSWORD: postgres\n```",
    "+1 for this feature, we need it too",
    "+1, also seeing this on 3.2.1 (build 20240115)",
    "Error: connect ETIMEDOUT 52.84.125.33:443",
    "This is a dumb question but how do I enable debug logging?",
    "Sorry, my bad, I am an idiot - forgot to rebuild.",
    "You can kill the worker with kill -9 and it restarts",
    "Thanks @alice! You are a lifesaver.",
    "This library is garbage at handling unicode, honestly.",
    "The default timeout is stupid low, can we raise it?",
    "What the hell happened to the CI? Everything is red.",
    "Damn, this is a nasty bug. Good catch!",
    'Call `phone.dial("+14155552671")` in the test; it uses a mock.',
    "Our company uses this in production at scale, thanks for the great work!",
    "I wrote a blog post about this: https://myblog.dev/posts/fix-timeouts",
    pytest.param("You can reach me on Discord if you want to pair on this.", marks=MODEL_REVIEW),
    "The installer (setup.exe from the releases page) fails on Windows 11 with 0x80070005.",
    "Download the zip from the releases page and extract it to C:\\tools",
    "ssn field in our schema is VARCHAR(11), should we hash it?",
    "My number one issue with this is the startup time.",
    "Free trial of the hosted CI helped me reproduce this, but the bug is in the parser.",
    "you guys are amazing, thanks!",
    pytest.param("Stop being lazy and write tests for your PR please.", marks=MODEL_REVIEW),
    "Tested on my Pixel 7 (Android 14), phone number login still fails.",
    "I have 10 years of experience with Go and would be happy to help review this PR.",
    "Can I work on this issue? I am new to open source.",
    "they are garbage collected once the handle is dropped",
    pytest.param("The workers are slow on arm64, they are dumb pipes anyway.", marks=MODEL_REVIEW),
    "Trash\nRecycle bin\nDownloads",
    "Who broke main? Whoever merged #812 please revert, it kills the scheduler.",
    "Build log:\n```\nDownloading https://cdn.example.net/deps/lib-1.2.zip\n```",
    "you idiot-proofed the installer nicely, thanks",
    "Shut up and take my money, this feature is exactly what we needed",
    "what a noob mistake by me, fixed in the next commit",
    "Please don't be a stranger, ping me on Discord if you need help with the setup",
    "You are right, this is a dumb mistake on my side",
    "Who wrote this regex? Oh right, it was me. What a dumb way to parse dates.",
    pytest.param("I can fix this for you quickly if you want, just assign me", marks=MODEL_FP_ACT),
    "Check out our docs at https://widget.dev/docs for the migration guide",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_legitimate_comment_stays_ok(text):
    verdict = classify(text)
    assert verdict.label is Label.OK, [(h.rule_id, h.score) for h in verdict.hits]
