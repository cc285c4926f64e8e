"""Draw schedules and training histories on a matplotlib Axes, in Vietnamese or English.

Each function takes ``ax=None`` (then makes a new figure), draws, and returns the
Axes; no global style is changed.
"""
import matplotlib.pyplot as plt

__all__ = ["plot_schedule", "plot_history", "LABELS"]

LABELS = {
    "en": {"epoch": "epoch", "lr": "learning rate", "train_loss": "train loss",
           "train_acc": "train acc", "test_acc": "test acc"},
    "vi": {"epoch": "epoch", "lr": "tốc độ học", "train_loss": "mất mát huấn luyện",
           "train_acc": "độ chính xác huấn luyện", "test_acc": "độ chính xác kiểm tra"},
}


def _labels(lang):
    if lang not in LABELS:
        raise ValueError(f"lang must be one of {sorted(LABELS)}, got {lang!r}")
    return LABELS[lang]


def _axes(ax):
    return plt.subplots(figsize=(4.5, 3))[1] if ax is None else ax


def plot_schedule(scheduler, num_epochs, ax=None, lang="vi", label=None):
    """Plot ``scheduler(e)`` for the epochs ``e = 0, ..., num_epochs - 1``; return the Axes."""
    words = _labels(lang)
    ax = _axes(ax)
    epochs = range(num_epochs)
    ax.plot(epochs, [scheduler(e) for e in epochs], label=label)
    ax.set_xlabel(words["epoch"])
    ax.set_ylabel(words["lr"])
    if label is not None:
        ax.legend()
    return ax


def plot_history(history, ax=None, lang="vi"):
    """Plot train loss, train accuracy and test accuracy per epoch; return the Axes."""
    words = _labels(lang)
    ax = _axes(ax)
    epochs = range(1, len(history.train_loss) + 1)
    for key, style in (("train_loss", "-"), ("train_acc", "--"), ("test_acc", "-.")):
        ax.plot(epochs, getattr(history, key), style, label=words[key])
    ax.set_xlabel(words["epoch"])
    ax.legend()
    ax.grid(True)
    return ax
