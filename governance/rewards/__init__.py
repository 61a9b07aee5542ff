"""Contributor recognition: merch codes by e-mail for merged outside pull requests, once.

``flow`` carries a reward out (claim, allocate, send, thank) against the private ledger;
``usecases`` holds what the CLI and the Service call.
"""
