"""Integers written as the course writes numbers, in printed output as in the prose.

No separator below 10 000; from 10 000 on, groups of three digits separated by a narrow
no-break space (U+202F), in both languages (CONTRIBUTING.md, "Numbers").
"""

__all__ = ["group_digits"]


def group_digits(n):
    """``n`` as text: ``5000``, ``60 000`` (with U+202F).

    >>> group_digits(5000), group_digits(60000) == "60\\u202f000", group_digits(-12345) == "-12\\u202f345"
    ('5000', True, True)
    """
    return f"{n}" if abs(n) < 10_000 else f"{n:,}".replace(",", "\u202f")
