"""What a detector may know besides the text: GitHub context and per-repository tuning."""

from __future__ import annotations

from dataclasses import dataclass, field

from governance.model import Association


@dataclass(frozen=True, slots=True)
class DetectContext:
    association: Association = Association.NONE
    repo: str = ""  # owner/name; links into it are the project's own
    own_domains: tuple[str, ...] = ()  # allow.domains: the project's own or trusted domains
    allow_words: tuple[str, ...] = ()
    allow_patterns: tuple[str, ...] = ()  # RE2 syntax
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    ignore_code: bool = True
    malware_research: bool = False
    language_model: bool = False  # rescore language categories with the learned model
    thread_closed: bool = False
    thread_age_days: float | None = None  # age of the issue/PR/discussion when commented
    repeat_count: int = 0  # times the same normalised text was seen recently (spam waves)
    maintainers: tuple[str, ...] = ()  # logins an impersonator would imitate
    author: str = ""  # login of the content's author (for impersonation checks)


DEFAULT_CONTEXT = DetectContext()
