"""Draw schedules and training histories on a matplotlib Axes, in Vietnamese, English or both.

Each function takes ``ax=None`` (then makes a new figure), draws, and returns the
Axes; no global style is changed. ``lang`` defaults to ``'both'``, the course's
convention for every figure and table (CONTRIBUTING.md).
"""
import matplotlib.pyplot as plt

__all__ = ["plot_schedule", "plot_history", "words_in", "axis_label", "LABELS"]

LABELS = {
    "en": {"epoch": "epoch", "lr": "learning rate", "train_loss": "train loss",
           "train_acc": "train accuracy", "test_acc": "test accuracy"},
    "vi": {"epoch": "epoch", "lr": "tốc độ học", "train_loss": "mất mát huấn luyện",
           "train_acc": "độ chính xác trên tập huấn luyện",
           "test_acc": "độ chính xác trên tập kiểm tra"},
}


def words_in(table, lang):
    """The words of ``table[lang]``; ``'both'`` joins them as ``"tiếng Việt / English"``.

    ``table`` maps ``'vi'`` and ``'en'`` to dicts with the same keys. A word that is the
    same in both languages is written once.

    >>> words_in(LABELS, "both")["lr"], words_in(LABELS, "both")["epoch"]
    ('tốc độ học / learning rate', 'epoch')
    """
    if lang == "both":
        return {key: vi if vi == table["en"][key] else f"{vi} / {table['en'][key]}"
                for key, vi in table["vi"].items()}
    if lang not in table:
        raise ValueError(f"lang must be 'vi', 'en' or 'both', got {lang!r}")
    return table[lang]


def axis_label(text, width=30):
    r"""Break a long ``"tiếng Việt / English"`` label after its first half so it fits an axis.

    >>> axis_label("độ chính xác trên tập kiểm tra / test accuracy")
    'độ chính xác trên tập kiểm tra /\ntest accuracy'
    """
    return text.replace(" / ", " /\n", 1) if len(text) > width else text


def _axes(ax):
    return plt.subplots(figsize=(4.5, 3))[1] if ax is None else ax


def plot_schedule(scheduler, num_epochs, ax=None, lang="both", label=None):
    """Plot ``scheduler(e)`` for the epochs ``e = 0, ..., num_epochs - 1``; return the Axes."""
    words = words_in(LABELS, lang)
    ax = _axes(ax)
    epochs = range(num_epochs)
    ax.plot(epochs, [scheduler(e) for e in epochs], label=label)
    ax.set_xlabel(words["epoch"])
    ax.set_ylabel(axis_label(words["lr"]))
    if label is not None:
        ax.legend()
    return ax


def plot_history(history, ax=None, lang="both"):
    """Plot train loss, train accuracy and test accuracy per epoch; return the Axes."""
    words = words_in(LABELS, lang)
    ax = _axes(ax)
    epochs = range(1, len(history.train_loss) + 1)
    for key, style in (("train_loss", "-"), ("train_acc", "--"), ("test_acc", "-.")):
        ax.plot(epochs, getattr(history, key), style, label=words[key])
    ax.set_xlabel(words["epoch"])
    # below the axes: bilingual labels are long and would hide the curves
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), fontsize="small", frameon=False)
    ax.grid(True)
    return ax
