"""The community expert programme: activity measure, inactivity notices, grace and revocation.

``months`` and ``activity`` are the vocabulary, ``policy`` the pure decisions, ``records`` the
private-ledger encoding, ``report`` the monthly spotlight, ``service`` the use cases.
"""
