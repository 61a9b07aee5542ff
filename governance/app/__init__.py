"""The GitHub App edge: webhook server (``server``), App auth (``auth``), wiring, redelivery."""
