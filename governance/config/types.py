"""Typed, frozen view of a validated configuration.

The JSON Schema in ``schema.json`` is the single source of defaults and documentation;
``defaults.fill`` completes a validated mapping from it, and ``Config.from_mapping``
only reshapes that complete mapping into dataclasses (it invents no defaults).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from governance.model import Association, Category, HideClassifier, Step, Surface

STEP_NAMES: dict[str, Step] = {
    "correction": Step.CORRECTION,
    "warning": Step.WARNING,
    "temporary-ban": Step.TEMPORARY_BAN,
    "permanent-ban": Step.PERMANENT_BAN,
}


@dataclass(frozen=True, slots=True)
class RuleConfig:
    enabled: bool
    act_threshold: float
    review_threshold: float
    action: str  # hide | redact | label | report-only
    classifier: HideClassifier
    label: str
    lock: bool
    disabled_rules: frozenset[str]
    label_thread: bool
    notice: bool


@dataclass(frozen=True, slots=True)
class Exempt:
    associations: frozenset[Association]
    bots: bool
    logins: frozenset[str]  # lower-cased


@dataclass(frozen=True, slots=True)
class Allow:
    words: tuple[str, ...]
    domains: tuple[str, ...]
    patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccountSignalsConfig:
    enabled: bool
    new_account_days: int
    max_followers: int
    max_public_repos: int
    boost: float


@dataclass(frozen=True, slots=True)
class SpamWavesConfig:
    enabled: bool
    window_hours: int
    min_threads: int
    max_distance: int
    boost: float


@dataclass(frozen=True, slots=True)
class BreakerConfig:
    enabled: bool
    max_actions: int
    window_minutes: int
    cooldown_hours: int


@dataclass(frozen=True, slots=True)
class Moderation:
    enabled: bool
    on_edit: bool
    surfaces: frozenset[Surface]
    body_action: str  # redact | label | lock | report-only
    pii_comment_action: str  # delete | redact
    rules: Mapping[Category, RuleConfig]
    exempt: Exempt
    allow: Allow
    ignore_code: bool
    language_model: bool
    malware_research: bool
    account_signals: AccountSignalsConfig
    spam_waves: SpamWavesConfig
    breaker: BreakerConfig


@dataclass(frozen=True, slots=True)
class LLM:
    enabled: bool
    url: str
    model: str
    api_key_env: str
    timeout_seconds: float
    band: tuple[float, float]


@dataclass(frozen=True, slots=True)
class Ledger:
    repository: str
    moderators_team: str


@dataclass(frozen=True, slots=True)
class Ladder:
    enabled: bool
    window_days: int
    temporary_ban_days: int
    max_automatic_step: Step
    start: Mapping[Category, Step]
    severe_start: Step
    first_timer_spam: Step | None  # None: same as any solicitation
    first_timer_malware: Step | None  # None: same as any malware incident
    warning_channel: str
    warning_quiet_days: int
    user_repository_bans: str  # "report-only" or "collaborators-only"; see schema.json
    correction_public_note: bool
    appeal_days: int


@dataclass(frozen=True, slots=True)
class Tier:
    name: str
    description: str
    repositories: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Codes:
    provider: str
    pool_path: str
    low_stock: int
    shopify_shop: str
    shopify_price_rules: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class RecognitionExclude:
    logins: frozenset[str]
    teams: tuple[str, ...]
    associations: frozenset[Association]


@dataclass(frozen=True, slots=True)
class Recognition:
    enabled: bool
    tiers: tuple[Tier, ...]
    raise_label: str
    once_per: str
    period_days: int
    base_branches: tuple[str, ...]
    exclude: RecognitionExclude
    codes: Codes
    contact: str
    store_url: str  # where codes are spent; empty: the Shopify shop, or by reply
    hold_if_step_within_days: int


@dataclass(frozen=True, slots=True)
class Experts:
    enabled: bool
    team: str
    logins: tuple[str, ...]
    repositories: tuple[str, ...]
    minimum: float
    grace_days: int
    question_label: str
    weights: Mapping[str, float]
    label: str
    publish_repository: str = ""
    publish_category: str = ""
    publish_path: str = ""


@dataclass(frozen=True, slots=True)
class Notifications:
    email: tuple[str, ...]
    digest: str  # hourly | daily
    webhook: bool  # post to the deployment's MODERATORS_WEBHOOK_URL
    remind_after_days: int

    @property
    def enabled(self) -> bool:
        return bool(self.email or self.webhook)


class Mode(enum.StrEnum):
    """What the bot does with a decision (``mode``): carry it out, only write it to the
    ledger as a shadow entry, or open a review item for everything that would act."""

    ACT = "act"
    SHADOW = "shadow"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class Config:
    dry_run: bool
    mode: Mode
    moderation: Moderation
    llm: LLM
    ledger: Ledger
    ladder: Ladder
    recognition: Recognition
    experts: Experts
    notifications: Notifications

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Config:
        """Build from a validated mapping whose defaults have been filled in."""
        return cls(
            dry_run=bool(data["dry_run"]),
            mode=Mode(data["mode"]),
            moderation=_moderation(data["moderation"]),
            llm=_llm(data["llm"]),
            ledger=Ledger(**data["ledger"]),
            ladder=_ladder(data["ladder"]),
            recognition=_recognition(data["recognition"]),
            experts=_experts(data["experts"]),
            notifications=Notifications(
                email=tuple(data["notifications"]["email"]),
                digest=data["notifications"]["digest"],
                webhook=data["notifications"]["webhook"],
                remind_after_days=data["notifications"]["remind_after_days"]),
        )


def _rule(d: Mapping[str, Any]) -> RuleConfig:
    return RuleConfig(
        enabled=d["enabled"],
        act_threshold=float(d["act_threshold"]),
        review_threshold=float(d["review_threshold"]),
        action=d["action"],
        classifier=HideClassifier(d["classifier"]),
        label=d["label"],
        lock=d["lock"],
        disabled_rules=frozenset(d["disabled_rules"]),
        label_thread=d["label_thread"],
        notice=d["notice"],
    )


def _moderation(d: Mapping[str, Any]) -> Moderation:
    ex, allow = d["exempt"], d["allow"]
    return Moderation(
        enabled=d["enabled"],
        on_edit=d["on_edit"],
        surfaces=frozenset(Surface(s) for s in d["surfaces"]),
        body_action=d["body_action"],
        pii_comment_action=d["pii_comment_action"],
        rules={Category(k): _rule(v) for k, v in d["rules"].items()},
        exempt=Exempt(
            associations=frozenset(Association(a) for a in ex["associations"]),
            bots=ex["bots"],
            logins=frozenset(s.lower() for s in ex["logins"]),
        ),
        allow=Allow(tuple(allow["words"]), tuple(allow["domains"]), tuple(allow["patterns"])),
        ignore_code=d["ignore_code"],
        language_model=d["language_model"],
        malware_research=d["malware_research"],
        account_signals=_account_signals(d["account_signals"]),
        spam_waves=_spam_waves(d["spam_waves"]),
        breaker=BreakerConfig(**d["breaker"]),
    )


def _account_signals(d: Mapping[str, Any]) -> AccountSignalsConfig:
    return AccountSignalsConfig(
        enabled=d["enabled"],
        new_account_days=d["new_account_days"],
        max_followers=d["max_followers"],
        max_public_repos=d["max_public_repos"],
        boost=float(d["boost"]),
    )


def _spam_waves(d: Mapping[str, Any]) -> SpamWavesConfig:
    return SpamWavesConfig(
        enabled=d["enabled"],
        window_hours=d["window_hours"],
        min_threads=d["min_threads"],
        max_distance=d["max_distance"],
        boost=float(d["boost"]),
    )


def _llm(d: Mapping[str, Any]) -> LLM:
    low, high = d["band"]
    return LLM(
        enabled=d["enabled"],
        url=d["url"],
        model=d["model"],
        api_key_env=d["api_key_env"],
        timeout_seconds=float(d["timeout_seconds"]),
        band=(float(low), float(high)),
    )


def _ladder(d: Mapping[str, Any]) -> Ladder:
    spam, malware = d["first_timer_spam"], d["first_timer_malware"]
    return Ladder(
        enabled=d["enabled"],
        window_days=d["window_days"],
        temporary_ban_days=d["temporary_ban_days"],
        max_automatic_step=STEP_NAMES[d["max_automatic_step"]],
        start={Category(k): STEP_NAMES[v] for k, v in d["start"].items()},
        severe_start=STEP_NAMES[d["severe_start"]],
        first_timer_spam=None if spam == "same" else STEP_NAMES[spam],
        first_timer_malware=None if malware == "same" else STEP_NAMES[malware],
        warning_channel=d["warning_channel"],
        warning_quiet_days=d["warning_quiet_days"],
        user_repository_bans=d["user_repository_bans"],
        correction_public_note=d["correction_public_note"],
        appeal_days=d["appeal_days"],
    )


def _recognition(d: Mapping[str, Any]) -> Recognition:
    ex, codes = d["exclude"], d["codes"]
    return Recognition(
        enabled=d["enabled"],
        tiers=tuple(
            Tier(t["name"], t.get("description", ""), tuple(t["repositories"])) for t in d["tiers"]
        ),
        raise_label=d["raise_label"],
        once_per=d["once_per"],
        period_days=d["period_days"],
        base_branches=tuple(d["base_branches"]),
        exclude=RecognitionExclude(
            logins=frozenset(s.lower() for s in ex["logins"]),
            teams=tuple(ex["teams"]),
            associations=frozenset(Association(a) for a in ex["associations"]),
        ),
        codes=Codes(
            provider=codes["provider"],
            pool_path=codes["pool_path"],
            low_stock=codes["low_stock"],
            shopify_shop=codes["shopify_shop"],
            shopify_price_rules=dict(codes["shopify_price_rules"]),
        ),
        contact=d["contact"],
        store_url=d["store_url"],
        hold_if_step_within_days=d["hold_if_step_within_days"],
    )


def _experts(d: Mapping[str, Any]) -> Experts:
    return Experts(
        enabled=d["enabled"],
        team=d["team"],
        logins=tuple(d["logins"]),
        repositories=tuple(d["repositories"]),
        minimum=float(d["minimum"]),
        grace_days=d["grace_days"],
        question_label=d["question_label"],
        weights={k: float(v) for k, v in d["weights"].items()},
        label=d["label"],
        publish_repository=d["publish"]["repository"],
        publish_category=d["publish"]["discussion_category"],
        publish_path=d["publish"]["path"],
    )
