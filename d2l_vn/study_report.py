"""Figures, tables and the stated numbers of a study (:class:`d2l_vn.study.StudyResults`).

Curves show the median over seeds with the min-max band of each arm; tables give the
median and range of the final test accuracy and how many runs stalled at chance
(final test accuracy at most :data:`STALL_ACCURACY`, 0.15, with chance at 0.1).
:func:`study_numbers` computes the numbers a chapter's text states, so that tests can
check the text against the record. ``lang`` is ``'vi'``, ``'en'`` or ``'both'``.
"""
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .plot import words_in
from .study import STALL_ACCURACY

__all__ = ["study_numbers", "study_table", "plot_study", "plot_stalls", "dead_filter_table",
           "STALL_ACCURACY", "WORDS"]

WORDS = {
    "en": {"arm": "arm", "median": "median test accuracy", "range": "range (min-max)",
           "stalled": "runs stalled at chance", "recorded": "recorded full runs",
           "this_run": "this run", "epoch": "epoch", "test_acc": "test accuracy",
           "train_acc": "training accuracy", "train_loss": "training loss", "lr": "learning rate",
           "fraction": "fraction of runs stalled", "dead_stalled": "dead filters, stalled runs",
           "dead_healthy": "dead filters, other runs"},
    "vi": {"arm": "nhánh", "median": "trung vị độ chính xác trên tập kiểm tra",
           "range": "khoảng (nhỏ nhất-lớn nhất)",
           "stalled": "số lần chạy kẹt ở mức đoán ngẫu nhiên", "recorded": "các lần chạy đầy đủ đã ghi",
           "this_run": "lần chạy này", "epoch": "epoch",
           "test_acc": "độ chính xác trên tập kiểm tra",
           "train_acc": "độ chính xác trên tập huấn luyện", "train_loss": "mất mát huấn luyện",
           "lr": "tốc độ học", "fraction": "tỉ lệ lần chạy bị kẹt",
           "dead_stalled": "bộ lọc chết, lần chạy bị kẹt",
           "dead_healthy": "bộ lọc chết, các lần chạy khác"},
}


def study_numbers(results):
    """Per arm: median, min and max final test accuracy, stalled runs and runs, in arm order.

    Returns ``{arm: {"median", "min", "max", "stalled", "runs"}}``.
    """
    numbers = {}
    for arm in results.study.arms:
        finals = [run["test_acc"][-1] for run in results.arm_runs(arm.name)]
        if not finals:
            continue
        numbers[arm.name] = {"median": float(np.median(finals)), "min": min(finals),
                             "max": max(finals), "runs": len(finals),
                             "stalled": sum(f <= STALL_ACCURACY for f in finals)}
    if not numbers:
        raise ValueError(f"no runs of study {results.study.name!r} in these results")
    return numbers


def _columns(results, words, label, digits):
    numbers = study_numbers(results)
    return {f"{words['median']} ({label})": [round(n["median"], digits) for n in numbers.values()],
            f"{words['range']} ({label})": [f"{n['min']:.{digits}f}-{n['max']:.{digits}f}"
                                            for n in numbers.values()],
            f"{words['stalled']} ({label})": [f"{n['stalled']}/{n['runs']}"
                                              for n in numbers.values()]}, list(numbers)


def study_table(results, lang="both", digits=3):
    """Median and range of the final test accuracy per arm, and runs stalled at chance.

    A run counts as stalled when its final test accuracy is at most ``STALL_ACCURACY``
    (0.15; guessing among ten classes gives 0.1). Results trained now that carry
    recorded full runs get the recorded columns beside their own.
    """
    words = words_in(WORDS, lang)
    own_label = words["recorded"] if results.source == "recorded" else words["this_run"]
    columns, arms = _columns(results, words, own_label, digits)
    table = pd.DataFrame({words["arm"]: arms, **columns})
    if results.recorded is not None:
        recorded, recorded_arms = _columns(results.recorded, words, words["recorded"], digits)
        table = table.merge(pd.DataFrame({words["arm"]: recorded_arms, **recorded}),
                            on=words["arm"], how="left")
    return table


def plot_study(results, metric="test_acc", ax=None, lang="both", arms=None):
    """Median over seeds (line) and min-max band (shaded) of ``metric`` per arm; return the Axes.

    ``metric`` is ``'test_acc'``, ``'train_acc'``, ``'train_loss'`` or ``'lr'``; ``arms``
    (names) limits the plot to those arms. Runs that stopped early (a non-finite loss)
    are drawn as far as all seeds got.
    """
    if metric not in ("test_acc", "train_acc", "train_loss", "lr"):
        raise ValueError(f"metric must be 'test_acc', 'train_acc', 'train_loss' or 'lr', "
                         f"got {metric!r}")
    words = words_in(WORDS, lang)
    ax = plt.subplots(figsize=(5, 3.2))[1] if ax is None else ax
    names = [arm.name for arm in results.study.arms]
    unknown = set(arms or ()) - set(names)
    if unknown:
        raise ValueError(f"no arm {sorted(unknown)} in study {results.study.name!r}; arms: {names}")
    for name in (arms or names):
        curves = [run[metric] for run in results.arm_runs(name)]
        if not curves:
            continue
        length = min(map(len, curves))
        values = np.array([curve[:length] for curve in curves], dtype=float)
        epochs = np.arange(1, length + 1)
        line, = ax.plot(epochs, np.median(values, axis=0), label=name)
        ax.fill_between(epochs, values.min(axis=0), values.max(axis=0),
                        color=line.get_color(), alpha=0.2, linewidth=0)
    ax.set_xlabel(words["epoch"])
    ax.set_ylabel(words[metric])
    ax.grid(True)
    ax.legend()
    return ax


def plot_stalls(results, ax=None, lang="both"):
    """Bars: the fraction of runs of each arm that stalled at chance; return the Axes."""
    words = words_in(WORDS, lang)
    numbers = study_numbers(results)
    ax = plt.subplots(figsize=(5, 3.2))[1] if ax is None else ax
    ax.bar(list(numbers), [n["stalled"] / n["runs"] for n in numbers.values()])
    ax.set_ylim(0, 1)
    ax.set_ylabel(words["fraction"])
    ax.tick_params(axis="x", labelrotation=30)
    return ax


def dead_filter_table(results, lang="both"):
    """Per arm: runs stalled at chance, and the dead first-layer filters of stalled and other runs.

    A dead filter outputs zero on every test image (:mod:`d2l_vn.filters`); each cell
    gives the counts of the runs, for example ``6, 6`` for two stalled runs.
    """
    words = words_in(WORDS, lang)
    rows = []
    for arm in results.study.arms:
        runs = results.arm_runs(arm.name)
        stalled = [r["dead_filters"] for r in runs if r["test_acc"][-1] <= STALL_ACCURACY]
        other = [r["dead_filters"] for r in runs if r["test_acc"][-1] > STALL_ACCURACY]
        rows.append({words["arm"]: arm.name, words["stalled"]: f"{len(stalled)}/{len(runs)}",
                     words["dead_stalled"]: ", ".join(map(str, sorted(stalled))) or "-",
                     words["dead_healthy"]: ", ".join(map(str, sorted(other))) or "-"})
    return pd.DataFrame(rows)
