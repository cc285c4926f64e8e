"""The switches that decide how much a chapter trains: ``D2L_VN_QUICK`` and ``D2L_VN_FROM_RECORDS``.

Readers get the full settings by default. Tests and the website build set
``D2L_VN_QUICK=1`` so that every chapter executes in minutes on two CPU cores:
the training set shrinks to a class-balanced subset (the test set stays whole)
and chapters pass their epoch counts through :func:`epochs`.

``make book`` also sets ``D2L_VN_FROM_RECORDS=1``: then :func:`d2l_vn.run_study` trains
nothing and shows the recorded full runs (``make results``). This module is the only
place that reads these variables; chapters ask :func:`is_quick` or call the helpers.
"""
import math
import os

from .digits import group_digits

__all__ = ["is_quick", "from_records", "epochs", "QUICK_TRAIN_PER_CLASS", "describe"]

#: Training images kept per class in quick mode (10 classes: 5,000 images).
QUICK_TRAIN_PER_CLASS = 500
#: In quick mode an epoch count ``n`` becomes ``max(2, ceil(n * QUICK_EPOCH_FRACTION))``.
QUICK_EPOCH_FRACTION = 0.2


def is_quick():
    """True when the environment variable ``D2L_VN_QUICK`` is set to 1, true or yes."""
    return _on("D2L_VN_QUICK")


def from_records():
    """True when ``D2L_VN_FROM_RECORDS`` is 1, true or yes: studies load records, not train."""
    return _on("D2L_VN_FROM_RECORDS")


def _on(variable):
    return os.environ.get(variable, "").strip().lower() in {"1", "true", "yes"}


def epochs(num_epochs):
    """Return ``num_epochs``, shortened in quick mode: ``epochs(30)`` is 30, or 6 there."""
    if num_epochs < 1:
        raise ValueError(f"num_epochs must be at least 1, got {num_epochs}")
    if not is_quick():
        return num_epochs
    return min(num_epochs, max(2, math.ceil(num_epochs * QUICK_EPOCH_FRACTION)))


def describe():
    """One line that says whether this run uses quick or full settings."""
    if is_quick():
        return (f"QUICK settings (D2L_VN_QUICK=1): {group_digits(QUICK_TRAIN_PER_CLASS * 10)} training "
                f"images, epochs x{QUICK_EPOCH_FRACTION}; unset D2L_VN_QUICK for the full run")
    return "full settings: 60,000 training images, full epoch counts"
