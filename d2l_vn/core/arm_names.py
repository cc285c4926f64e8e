"""Arm names in the reader's language: "cosine + warmup" is "côsin + khởi động" in Vietnamese.

Studies name their arms in English (the records key on those names); figures and tables show
them through :func:`arm_label`, which translates the words of the glossary that arm names use
and keeps numbers, optimizer names and symbols as they are.
"""
import re

from .plot import words_in

__all__ = ["arm_label"]

#: English phrase -> Vietnamese, longest first so that "square root" wins over a shorter match.
PHRASES = {
    "warmup in epoch 0, then cosine": "khởi động trong epoch 0, rồi côsin",
    "square root": "căn bậc hai",
    "multi-factor": "nhiều hệ số",
    "constant": "không đổi",
    "cosine": "côsin",
    "warmup": "khởi động",
    "momentum": "động lượng",
    "poly": "đa thức",
}
_PATTERN = re.compile("|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)))


def arm_label(name, lang="both"):
    """The arm ``name`` as a reader of ``lang`` ("vi", "en" or "both") reads it.

    >>> arm_label("cosine + warmup", "vi")
    'côsin + khởi động'
    >>> arm_label("Adam + warmup 0.03", "both")
    'Adam + khởi động 0.03 / Adam + warmup 0.03'
    >>> arm_label("RAdam 0.1", "both")
    'RAdam 0.1'
    """
    words_in({"en": {}, "vi": {}}, lang)  # the one check of ``lang``, with its message
    vietnamese = _PATTERN.sub(lambda m: PHRASES[m.group(0)], name)
    if lang == "en" or vietnamese == name:
        return name
    return vietnamese if lang == "vi" else f"{vietnamese} / {name}"
