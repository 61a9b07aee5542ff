"""The private ledger: one JSON state file per person (the authority, written with
compare-and-swap) and one issue per person (the human view, rendered from the state).

``state`` and ``render`` are pure; ``store`` talks to GitHub through ``ports.GitHub``;
``bans`` indexes active bans; ``report`` builds ``governance ledger`` output.
"""
