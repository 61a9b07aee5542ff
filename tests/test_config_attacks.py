"""Hostile `.github/governance.yml` files: refused as config errors, quickly, with a position.

A "billion laughs" alias bomb, a file too big to be a config, nesting too deep to walk and a
file that is not UTF-8; each is one ``file:line:col`` error from the loader and from
``governance config validate``, never seconds of CPU or hundreds of MB.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from governance.config.load import (
    MAX_CONFIG_BYTES,
    ConfigError,
    load_config,
    load_config_text,
    validate_file,
)

# Nine aliases of nine aliases ...: 343 bytes that expand to 9**8 strings.
ALIAS_BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{n}: &{n} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]"
       for p, n in zip("abcdefg", "bcdefgh", strict=True)]
    + ["moderation: {allow: {patterns: *h}}"]) + "\n"


def refused(text: str, name: str = "gov.yml") -> list[str]:
    started = time.perf_counter()
    with pytest.raises(ConfigError) as caught:
        load_config_text(text, name)
    assert time.perf_counter() - started < 1.0, "refusing must not cost the expansion"
    return caught.value.errors


def test_an_alias_bomb_is_refused_at_the_alias_that_crossed_the_bound():
    assert len(ALIAS_BOMB) < 400
    [error] = refused(ALIAS_BOMB)
    assert error.startswith("gov.yml:") and "aliases expand to more than" in error
    line, column = error.split(":")[1:3]
    assert 1 < int(line) <= 9 and int(column) > 1


def test_a_few_aliases_still_work():
    text = ("moderation:\n  allow:\n    patterns: &p ['^thanks$', '^lgtm$']\n"
            "    words: [lgtm]\n"
            "ledger: {repository: acme/coc-ledger}\n")
    assert load_config_text(text, "gov.yml")["moderation"]["allow"]["patterns"] == [
        "^thanks$", "^lgtm$"]
    reused = "x: &x {enabled: false}\nmoderation: *x\n"
    assert "x" in " ".join(refused(reused)), "the unknown key is reported, not the alias"


def test_a_self_referencing_alias_does_not_hang():
    errors = refused("moderation:\n  allow:\n    patterns: &a ['x', *a]\n")
    assert errors and all(e.startswith("gov.yml:") for e in errors)


def test_a_file_over_the_size_cap_is_refused_before_parsing():
    text = "# " + "x" * MAX_CONFIG_BYTES + "\ndry_run: true\n"
    [error] = refused(text)
    assert error.startswith("gov.yml:1:1:") and "at most 64 kB" in error
    with pytest.raises(ConfigError):
        load_config(text, None)


def test_nesting_too_deep_is_refused_with_its_position():
    [error] = refused("dry_run: " + "[" * 5000 + "]" * 5000 + "\n")
    assert error.startswith("gov.yml:1:") and "nested deeper than" in error


def test_validate_reports_a_file_that_is_not_utf8_at_its_first_bad_byte(tmp_path: Path):
    path = tmp_path / "governance.yml"
    path.write_bytes(b"moderation:\n  enabled: tru\xe9\n")
    assert validate_file(path) == [f"{path}:2:15: not UTF-8 text (byte 0xe9); save the file "
                                   "as UTF-8"]


def test_validate_refuses_an_alias_bomb_and_a_huge_file_in_milliseconds(tmp_path: Path):
    bomb, huge = tmp_path / "bomb.yml", tmp_path / "huge.yml"
    bomb.write_text(ALIAS_BOMB)
    huge.write_bytes(b"#" * (2 * 1024 * 1024))
    started = time.perf_counter()
    [bomb_error], [huge_error] = validate_file(bomb), validate_file(huge)
    assert time.perf_counter() - started < 1.0
    assert "aliases expand" in bomb_error and f"{2 * 1024 * 1024} bytes" in huge_error
