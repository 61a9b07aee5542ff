"""Edit distance as a yes/no question: "at most ``limit`` edits apart?".

Shared by look-alike checks (domains and logins imitating brands or maintainers in
``detect``, logins resembling a banned person's in ``policy.evasion``), which all ask it for
a small limit, so only what can decide the answer is computed.
"""

from __future__ import annotations


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` turns into ``b`` with at most ``limit`` single-character insertions,
    deletions or substitutions (Levenshtein distance), computing only what can decide it.

    A common beginning costs no edit, so it is skipped; most pairs then fail a cheap
    necessary test (``_keeps_a_piece``). A cell more than ``limit`` off the diagonal is at
    least that far apart, and a row's smallest value never shrinks further down, so only the
    band around the diagonal is computed (the rest counts as ``limit + 1``, "too far") and
    the first row entirely beyond the limit settles it.
    """
    if abs(len(a) - len(b)) > limit:
        return False
    common, shorter = 0, min(len(a), len(b))
    while common < shorter and a[common] == b[common]:
        common += 1
    a, b = a[common:], b[common:]
    if not _keeps_a_piece(a, b, limit):
        return False
    too_far = limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [too_far] * (len(b) + 1)
        current[0] = i
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1,
                             previous[j - 1] + (ca != b[j - 1]))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _keeps_a_piece(a: str, b: str, limit: int) -> bool:
    """Whether one of ``limit + 1`` disjoint pieces of ``a`` is in ``b``, moved by at most
    ``limit`` places: true whenever ``limit`` edits or fewer turn ``a`` into ``b``, since
    each edit touches one piece at most (and shifts what follows it by one place)."""
    pieces = limit + 1
    if len(a) < pieces:
        return True  # too short to split: this test decides nothing
    size = len(a) // pieces
    for k in range(pieces):
        start, end = k * size, (k + 1) * size if k < limit else len(a)  # the last: the rest
        if b.find(a[start:end], max(0, start - limit), end + limit) >= 0:
            return True
    return False
