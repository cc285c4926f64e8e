"""Summarize training runs: a results table and an overlay of one metric per run.

Both functions take a dict that maps a run's name (for example the schedule) to the
:class:`d2l_vn.History` that :func:`d2l_vn.mxnet.train` returned, so every number they show
comes from a run, never from typed constants. ``lang`` picks the language of the
headers and labels: ``'vi'``, ``'en'`` or ``'both'`` (``"tiếng Việt / English"``).
"""
import math

import matplotlib.pyplot as plt

from .plot import axis_label, words_in
from .tables import Table
from .history import History

__all__ = ["results_table", "plot_metric", "HEADERS"]

#: Column headers of :func:`results_table`, per language.
HEADERS = {
    "en": {"schedule": "schedule", "train_loss": "final train loss",
           "train_acc": "train accuracy", "test_acc": "test accuracy",
           "gap": "train-test gap", "seconds": "seconds per epoch",
           "epoch": "epoch", "loss": "train loss"},
    "vi": {"schedule": "lịch tốc độ học", "train_loss": "mất mát huấn luyện cuối",
           "train_acc": "độ chính xác trên tập huấn luyện",
           "test_acc": "độ chính xác trên tập kiểm tra",
           "gap": "chênh lệch huấn luyện - kiểm tra", "seconds": "giây mỗi epoch",
           "epoch": "epoch", "loss": "mất mát huấn luyện"},
}


def _check_histories(histories):
    if not isinstance(histories, dict) or not histories:
        raise ValueError("histories must be a non-empty dict that maps a name to a "
                         f"d2l_vn.History, got {type(histories).__name__}")
    for name, history in histories.items():
        if not isinstance(history, History):
            raise ValueError(f"histories[{name!r}] must be a d2l_vn.History, "
                             f"got {type(history).__name__}")
        if not history.train_loss:
            raise ValueError(f"histories[{name!r}] has no finished epoch")


def results_table(histories, lang="both", digits=3):
    """One row per run: final train loss, train and test accuracy, their gap, s/epoch.

    The gap is ``train accuracy - test accuracy`` of the last epoch; a large positive
    gap is the sign of overfitting.

    Parameters
    ----------
    histories : dict of str -> d2l_vn.History
        The runs, in the order the rows should appear.
    lang : {'vi', 'en', 'both'}
        Language of the column headers.
    digits : int
        Decimals the numbers are rounded to.

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> run = History(train_loss=[0.9, 0.4], train_acc=[0.7, 0.9], test_acc=[0.7, 0.85],
    ...               epoch_time=[2.0, 3.0])
    >>> print(*results_table({"constant": run}, lang="en").iloc[0])
    constant 0.4 0.9 0.85 0.05 2.5
    """
    _check_histories(histories)
    if not isinstance(digits, int) or isinstance(digits, bool) or digits < 0:
        raise ValueError(f"digits must be an integer >= 0, got {digits!r}")
    words = words_in(HEADERS, lang)
    rows = []
    for name, h in histories.items():
        rows.append({words["schedule"]: name,
                     words["train_loss"]: round(h.train_loss[-1], digits),
                     words["train_acc"]: round(h.train_acc[-1], digits),
                     words["test_acc"]: round(h.test_acc[-1], digits),
                     # + 0.0 turns a rounded -0.0 into 0.0
                     words["gap"]: round(h.train_acc[-1] - h.test_acc[-1], digits) + 0.0,
                     words["seconds"]: round(h.seconds_per_epoch, 1)})
    return Table(rows)


def plot_metric(histories, metric="test_acc", ax=None, lang="both"):
    """Overlay one per-epoch metric of every run (one line per run); return the Axes.

    ``metric`` is ``'train_loss'``, ``'train_acc'`` or ``'test_acc'``. Runs that stopped
    early (``History.diverged``) draw as far as they got; non-finite values are left out.

    >>> run = History(train_loss=[1.0, 0.5], train_acc=[0.6, 0.8], test_acc=[0.5, 0.7])
    >>> ax = plot_metric({"a": run, "b": run}, lang="en")
    >>> [line.get_label() for line in ax.lines], ax.get_ylabel()
    (['a', 'b'], 'test accuracy')
    >>> plt.close("all")
    """
    _check_histories(histories)
    words = words_in(HEADERS, lang)
    if metric not in ("train_loss", "train_acc", "test_acc"):
        raise ValueError(f"metric must be 'train_loss', 'train_acc' or 'test_acc', got {metric!r}")
    ax = plt.subplots(figsize=(5, 3.2))[1] if ax is None else ax
    for name, h in histories.items():
        values = getattr(h, metric)
        points = [(e + 1, v) for e, v in enumerate(values) if math.isfinite(v)]
        ax.plot([p[0] for p in points], [p[1] for p in points], label=name)
    ax.set_xlabel(words["epoch"])
    ax.set_ylabel(axis_label(words["loss" if metric == "train_loss" else metric]))
    ax.grid(True)
    ax.legend()
    return ax
