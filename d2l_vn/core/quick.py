"""How much a chapter trains: the reader's choice, or ``make`` and the tests' environment.

At the top of each chapter the reader picks one of :data:`TRAINING_CHOICES` with a
form field (``TRAINING = "short"  #@param [...]``) and :func:`choose_training`:

* ``"short"`` (the chapters' default): every study trains for real, with its first
  :data:`QUICK_SEEDS` seeds, a class-balanced subset of the training images (the test
  set stays whole) and a fifth of its epochs (:func:`epochs`): minutes on two cores;
  the recorded full runs are shown beside;
* ``"full"``: every study as recorded, all images, seeds and epochs: hours;
* ``"recorded"``: nothing trains; the recorded full runs are shown.

Without a choice (the library used outside a chapter) training is full. The
environment overrides the choice: ``D2L_VN_FROM_RECORDS=1`` (``make book``) means
recorded, ``D2L_VN_QUICK=1`` or ``0`` (``make test``, ``FULL=1``) short or full. This
module is the only place that reads these variables.
"""
import math
import os

from .captions import show_caption
from .digits import group_digits

__all__ = ["choose_training", "training", "is_quick", "from_records", "epochs", "describe",
           "TRAINING_CHOICES", "QUICK_TRAIN_PER_CLASS", "QUICK_SEEDS"]

TRAINING_CHOICES = ("short", "full", "recorded")
#: Training images kept per class in a short run (10 classes: 5,000 images).
QUICK_TRAIN_PER_CLASS = 500
#: In a short run an epoch count ``n`` becomes ``max(2, ceil(n * QUICK_EPOCH_FRACTION))``.
QUICK_EPOCH_FRACTION = 0.2
#: Seeds of each arm in a short run: the study's first ones.
QUICK_SEEDS = 2

_chosen = None


def choose_training(choice, lang="both"):
    """Set how much this chapter trains (one of :data:`TRAINING_CHOICES`) and say it."""
    global _chosen
    if choice not in TRAINING_CHOICES:
        raise ValueError(f"TRAINING must be one of {', '.join(map(repr, TRAINING_CHOICES))}, "
                         f"got {choice!r}")
    _chosen = choice
    now = training()
    if now == "recorded" and choice != "recorded":  # the website: built without training
        en, vi = (f'This page shows the recorded full runs. Run the notebook yourself and '
                  f'TRAINING = "{choice}" trains for real.',
                  f'Trang này hiển thị các lần chạy đầy đủ đã ghi. Khi bạn tự chạy notebook, '
                  f'TRAINING = "{choice}" sẽ huấn luyện thật.')
    else:
        en, vi = _words(now)
    show_caption(en, vi, lang)


def training():
    """``'short'``, ``'full'`` or ``'recorded'``: the environment's, else the reader's choice."""
    if _on("D2L_VN_FROM_RECORDS"):
        return "recorded"
    quick = os.environ.get("D2L_VN_QUICK", "").strip().lower()
    if quick in {"1", "true", "yes"}:
        return "short"
    if quick in {"0", "false", "no"}:
        return "full"
    return _chosen or "full"


def is_quick():
    """True when runs are short (see :func:`training`)."""
    return training() == "short"


def from_records():
    """True when nothing trains and studies show their recorded full runs."""
    return training() == "recorded"


def _on(variable):
    return os.environ.get(variable, "").strip().lower() in {"1", "true", "yes"}


def epochs(num_epochs):
    """Return ``num_epochs``, shortened in a short run: ``epochs(30)`` is 30, or 6 there."""
    if num_epochs < 1:
        raise ValueError(f"num_epochs must be at least 1, got {num_epochs}")
    if not is_quick():
        return num_epochs
    return min(num_epochs, max(2, math.ceil(num_epochs * QUICK_EPOCH_FRACTION)))


def _words(choice):
    images = group_digits(QUICK_TRAIN_PER_CLASS * 10)
    full = group_digits(60_000)
    if choice == "short":
        return (f"Short training: every study trains now with its first {QUICK_SEEDS} seeds, "
                f"{images} training images and a fifth of its epochs (minutes); the recorded "
                f"full runs are shown beside.",
                f"Huấn luyện ngắn: mỗi nghiên cứu được huấn luyện ngay bây giờ với "
                f"{QUICK_SEEDS} hạt giống đầu tiên, {images} ảnh huấn luyện và một phần năm số "
                f"epoch (vài phút); các lần chạy đầy đủ đã ghi được hiển thị bên cạnh.")
    if choice == "full":
        return (f"Full training: every study trains now as it was recorded, on all {full} "
                f"training images with every seed and epoch (hours).",
                f"Huấn luyện đầy đủ: mỗi nghiên cứu được huấn luyện ngay bây giờ như khi được "
                f"ghi lại, trên cả {full} ảnh huấn luyện với mọi hạt giống và epoch (nhiều giờ).")
    return ("Nothing trains: the figures and tables show the recorded full runs.",
            "Không huấn luyện gì: các hình và bảng hiển thị các lần chạy đầy đủ đã ghi.")


def describe():
    """A few words for training logs: which settings runs use now."""
    if is_quick():
        return (f"short settings: {group_digits(QUICK_TRAIN_PER_CLASS * 10)} training images, "
                f"a fifth of the epochs")
    return "full settings: 60,000 training images, full epoch counts"
