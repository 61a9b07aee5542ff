"""The App's ``/metrics``: Prometheus text exposition format, written by hand.

Counters and one latency histogram live in this process; GitHub call counts and the last
rate-limit figures are read from the adapters at scrape time through ``github_sources``.
Label values are our own vocabulary (known event names, outcomes, action kinds,
installation ids), never content or people, and never a header of an unsigned request.
Installation ids identify the organisations using the App: ``METRICS_TOKEN``
keeps ``/metrics`` to those holding the token.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# The only ``event`` label values: what the App subscribes to (``manifest.EVENTS``), the
# events every App receives, and ``other`` for the rest. Only signed deliveries name their
# event: a header of an unsigned request is anybody's words, and each new label value is
# a time series kept for the process's life.
KNOWN_EVENTS = frozenset({
    "issues", "issue_comment", "pull_request", "pull_request_review",
    "pull_request_review_comment", "discussion", "discussion_comment", "ping",
    "installation", "installation_repositories", "installation_target",
    "github_app_authorization", "meta"})
OTHER_EVENT = "other"


def event_label(event: str) -> str:
    """``event`` when it is a known event name, else ``other`` (also for "", unverified)."""
    return event if event in KNOWN_EVENTS else OTHER_EVENT


# Seconds; GitHub gives a delivery 10 s, so the buckets are dense below that.
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 7.5, 10.0)


@dataclass(frozen=True, slots=True)
class GitHubFigures:
    """What one installation's adapter has done, for the GitHub metrics."""

    installation: str
    calls: int
    retries: int
    rate_limit_remaining: int | None


@dataclass
class Histogram:
    buckets: tuple[float, ...] = LATENCY_BUCKETS
    counts: list[int] = field(default_factory=lambda: [0] * (len(LATENCY_BUCKETS) + 1))
    total: float = 0.0
    observations: int = 0

    def observe(self, seconds: float) -> None:
        index = next((i for i, b in enumerate(self.buckets) if seconds <= b), len(self.buckets))
        self.counts[index] += 1
        self.total += seconds
        self.observations += 1

    def lines(self, name: str) -> list[str]:
        out, running = [], 0
        for bound, count in zip((*self.buckets, float("inf")), self.counts, strict=True):
            running += count
            le = "+Inf" if bound == float("inf") else _number(bound)
            out.append(f'{name}_bucket{{le="{le}"}} {running}')
        out.append(f"{name}_sum {_number(self.total)}")
        out.append(f"{name}_count {self.observations}")
        return out


class Metrics:
    def __init__(self) -> None:
        self.deliveries: Counter[tuple[str, str]] = Counter()  # (event, outcome)
        self.actions: Counter[str] = Counter()  # action kind carried out
        self.latency = Histogram()
        self.github_sources: list[Callable[[], Iterable[GitHubFigures]]] = []

    def delivery(self, event: str, outcome: str, seconds: float,
                 action_kinds: Iterable[str] = ()) -> None:
        self.deliveries[(event, outcome)] += 1
        self.latency.observe(seconds)
        self.actions.update(action_kinds)

    def render(self) -> str:
        lines: list[str] = []
        _family(lines, "governance_webhook_deliveries_total", "counter",
                "Webhook deliveries by event and outcome.")
        for (event, outcome), count in sorted(self.deliveries.items()):
            lines.append(_sample("governance_webhook_deliveries_total",
                                 {"event": event, "outcome": outcome}, count))
        _family(lines, "governance_actions_total", "counter", "Plan actions carried out, by type.")
        for kind, count in sorted(self.actions.items()):
            lines.append(_sample("governance_actions_total", {"type": kind}, count))
        _family(lines, "governance_handler_seconds", "histogram",
                "Time from receiving a delivery to answering it.")
        lines += self.latency.lines("governance_handler_seconds")
        self._github(lines)
        return "\n".join(lines) + "\n"

    def _github(self, lines: list[str]) -> None:
        figures = [f for source in self.github_sources for f in source()]
        _family(lines, "governance_github_requests_total", "counter",
                "HTTP requests sent to GitHub, retries included.")
        for f in figures:
            lines.append(_sample("governance_github_requests_total",
                                 {"installation": f.installation}, f.calls))
        _family(lines, "governance_github_retries_total", "counter",
                "GitHub requests retried after a failure or rate limit.")
        for f in figures:
            lines.append(_sample("governance_github_retries_total",
                                 {"installation": f.installation}, f.retries))
        _family(lines, "governance_github_rate_limit_remaining", "gauge",
                "Requests left in the current rate-limit window, as GitHub last reported.")
        for f in figures:
            if f.rate_limit_remaining is not None:
                lines.append(_sample("governance_github_rate_limit_remaining",
                                     {"installation": f.installation}, f.rate_limit_remaining))


def _family(lines: list[str], name: str, kind: str, help_text: str) -> None:
    lines.append(f"# HELP {name} {help_text}")
    lines.append(f"# TYPE {name} {kind}")


def _sample(name: str, labels: dict[str, str], value: float) -> str:
    inner = ",".join(f'{k}="{_escape(v)}"' for k, v in labels.items())
    return f"{name}{{{inner}}} {_number(value)}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
