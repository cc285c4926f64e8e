"""Figures, tables and the stated numbers of a study (:class:`d2l_vn.study.StudyResults`).

Curves show the median over seeds with the min-max band of each arm; tables give the
median and range of the final test accuracy and how many runs stalled at chance
(final test accuracy at most :data:`STALL_ACCURACY`, 0.15, with chance at 0.1).
:func:`study_numbers` computes the numbers a chapter's text states, so that tests can
check the text against the record. ``lang`` is ``'vi'``, ``'en'`` or ``'both'``.
"""
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .plot import words_in
from .study import STALL_ACCURACY

__all__ = ["study_numbers", "study_table", "plot_study", "plot_stalls", "dead_filter_table",
           "sweep_numbers", "sweep_spread", "sweep_table", "spread_table", "plot_sweep", "diverged",
           "STALL_ACCURACY", "WORDS"]

WORDS = {
    "en": {"arm": "arm", "median": "median test accuracy", "range": "range (min-max)",
           "stalled": "runs stalled at chance", "recorded": "recorded full runs",
           "this_run": "this run", "epoch": "epoch", "test_acc": "test accuracy",
           "train_acc": "training accuracy", "train_loss": "training loss", "lr": "learning rate",
           "fraction": "fraction of runs stalled", "dead_stalled": "dead filters, stalled runs",
           "dead_healthy": "dead filters, other runs", "optimizer": "optimizer",
           "first_loss": "first-epoch training loss, stalled runs",
           "failed": "stalled / diverged", "best": "best median", "at_rate": "at rate",
           "worst": "worst median", "trained": "rates with no failed run"},
    "vi": {"arm": "nhánh", "median": "trung vị độ chính xác trên tập kiểm tra",
           "range": "khoảng (nhỏ nhất-lớn nhất)",
           "stalled": "số lần chạy kẹt ở mức đoán ngẫu nhiên", "recorded": "các lần chạy đầy đủ đã ghi",
           "this_run": "lần chạy này", "epoch": "epoch",
           "test_acc": "độ chính xác trên tập kiểm tra",
           "train_acc": "độ chính xác trên tập huấn luyện", "train_loss": "mất mát huấn luyện",
           "lr": "tốc độ học", "fraction": "tỉ lệ lần chạy bị kẹt",
           "dead_stalled": "bộ lọc chết, lần chạy bị kẹt",
           "dead_healthy": "bộ lọc chết, các lần chạy khác", "optimizer": "bộ tối ưu",
           "first_loss": "mất mát huấn luyện ở epoch đầu, lần chạy bị kẹt",
           "failed": "kẹt / phân kỳ", "best": "trung vị tốt nhất", "at_rate": "tại tốc độ học",
           "worst": "trung vị kém nhất", "trained": "tốc độ học không có lần chạy hỏng"},
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
    gives the counts of the runs, for example ``6, 6`` for two stalled runs. The last
    column gives the stalled runs' mean training loss over their first epoch, in the
    order of the runs: below ln 10 = 2.3 means the run learned something before it stalled.
    """
    words = words_in(WORDS, lang)
    rows = []
    for arm in results.study.arms:
        runs = results.arm_runs(arm.name)
        stalled = [r["dead_filters"] for r in runs if r["test_acc"][-1] <= STALL_ACCURACY]
        other = [r["dead_filters"] for r in runs if r["test_acc"][-1] > STALL_ACCURACY]
        first_loss = [_loss_label(r["train_loss"][0]) for r in runs
                      if r["test_acc"][-1] <= STALL_ACCURACY]
        rows.append({words["arm"]: arm.name, words["stalled"]: f"{len(stalled)}/{len(runs)}",
                     words["dead_stalled"]: ", ".join(map(str, sorted(stalled))) or "-",
                     words["dead_healthy"]: ", ".join(map(str, sorted(other))) or "-",
                     words["first_loss"]: ", ".join(first_loss) or "-"})
    return pd.DataFrame(rows)


def _loss_label(loss):
    """A mean training loss, one decimal; ``nan`` or ``> 100`` where training blew up."""
    if not math.isfinite(loss):
        return "nan"
    return f"{loss:.1f}" if loss < 100 else "> 100"


def diverged(run):
    """Whether the training loss of ``run`` stopped being finite (training then stops)."""
    return not all(math.isfinite(x) for x in run["train_loss"])


def _check_grid(results, grid):
    names = {arm.name for arm in results.study.arms}
    missing = sorted({name for rates in grid.values() for name in rates.values()} - names)
    if missing:
        raise ValueError(f"grid names arms that study {results.study.name!r} lacks: {missing}")


def sweep_numbers(results, grid):
    """Per optimizer and rate: the final test accuracy's median, min and max, and failures.

    ``grid`` maps an optimizer's label to ``{rate: arm name}`` (for example
    ``d2l_vn.studies.adam_radam.GRID``). Returns ``{label: {rate: {"median", "min", "max",
    "stalled", "diverged", "runs"}}}``: ``diverged`` runs had a non-finite loss,
    ``stalled`` runs kept a finite loss but ended at most :data:`STALL_ACCURACY`.
    """
    _check_grid(results, grid)
    numbers = {}
    for label, rates in grid.items():
        numbers[label] = {}
        for rate, name in rates.items():
            runs = results.arm_runs(name)
            if not runs:
                continue
            finals = [run["test_acc"][-1] for run in runs]
            numbers[label][rate] = {
                "median": float(np.median(finals)), "min": min(finals), "max": max(finals),
                "runs": len(runs), "diverged": sum(map(diverged, runs)),
                "stalled": sum(not diverged(run) and run["test_acc"][-1] <= STALL_ACCURACY
                               for run in runs)}
    return numbers


def sweep_spread(results, grid):
    """Per optimizer: best and worst median over the rates, and the rates with no failed run.

    Returns ``{label: {"best", "best_rate", "worst", "worst_rate", "spread", "trained"}}``;
    ``spread`` is best minus worst, ``trained`` the rates none of whose runs stalled or
    diverged.
    """
    spread = {}
    for label, rates in sweep_numbers(results, grid).items():
        if not rates:
            continue
        best = max(rates, key=lambda r: rates[r]["median"])
        worst = min(rates, key=lambda r: rates[r]["median"])
        spread[label] = {"best": rates[best]["median"], "best_rate": best,
                         "worst": rates[worst]["median"], "worst_rate": worst,
                         "spread": rates[best]["median"] - rates[worst]["median"],
                         "trained": [r for r, n in rates.items()
                                     if n["stalled"] + n["diverged"] == 0]}
    return spread


def _sweep_columns(results, grid, words, label, digits):
    rows = [(optimizer, rate, n) for optimizer, rates in sweep_numbers(results, grid).items()
            for rate, n in rates.items()]
    return pd.DataFrame({
        words["optimizer"]: [optimizer for optimizer, _, _ in rows],
        words["lr"]: [f"{rate:g}" for _, rate, _ in rows],
        f"{words['median']} ({label})": [round(n["median"], digits) for _, _, n in rows],
        f"{words['range']} ({label})": [f"{n['min']:.{digits}f}-{n['max']:.{digits}f}"
                                        for _, _, n in rows],
        f"{words['failed']} ({label})": [f"{n['stalled']} / {n['diverged']} ({n['runs']})"
                                         for _, _, n in rows]})


def sweep_table(results, grid, lang="both", digits=3):
    """One row per optimizer and rate: median and range of the final test accuracy, failures.

    Failures read ``stalled / diverged (runs)``. Results trained now that carry recorded
    full runs get the recorded columns beside their own.
    """
    words = words_in(WORDS, lang)
    own_label = words["recorded"] if results.source == "recorded" else words["this_run"]
    table = _sweep_columns(results, grid, words, own_label, digits)
    if results.recorded is not None:
        table = table.merge(_sweep_columns(results.recorded, grid, words, words["recorded"], digits),
                            on=[words["optimizer"], words["lr"]], how="left")
    return table


def plot_sweep(results, grid, ax=None, lang="both"):
    """Final test accuracy against the learning rate (log scale): median line, min-max band."""
    words = words_in(WORDS, lang)
    ax = plt.subplots(figsize=(6, 3.5))[1] if ax is None else ax
    for (label, rates), marker in zip(sweep_numbers(results, grid).items(), "osd^v<>"):
        xs = sorted(rates)
        line, = ax.plot(xs, [rates[r]["median"] for r in xs], marker=marker, label=label)
        ax.fill_between(xs, [rates[r]["min"] for r in xs], [rates[r]["max"] for r in xs],
                        color=line.get_color(), alpha=0.2, linewidth=0)
    ax.set_xscale("log")
    ax.set_xlabel(words["lr"])
    ax.set_ylabel(words["test_acc"])
    ax.axhline(0.1, color="gray", linewidth=0.8, linestyle=":")
    ax.grid(True)
    ax.legend()
    return ax


def spread_table(results, grid, lang="both", digits=3):
    """One row per optimizer: best and worst median over the rates, and the rates that trained."""
    words = words_in(WORDS, lang)
    return pd.DataFrame([{words["optimizer"]: label,
                          words["best"]: round(s["best"], digits), words["at_rate"]: f"{s['best_rate']:g}",
                          words["worst"]: round(s["worst"], digits),
                          words["trained"]: ", ".join(f"{r:g}" for r in s["trained"]) or "-"}
                         for label, s in sweep_spread(results, grid).items()])
