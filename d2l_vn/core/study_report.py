"""Figures, tables and the numbers of a study (:class:`d2l_vn.studies.design.StudyResults`).

Curves show the median over seeds with the min-max band of each arm. Tables give the
endpoint (:func:`d2l_vn.core.evidence.endpoint`: mean test accuracy of the last 5 epochs)
as median and range over the seeds, and how the runs ended, classed by
:mod:`d2l_vn.core.outcomes` (learned / stalled / diverged). Comparisons of arms are paired by
seed (:func:`paired_table`); failure rates carry Clopper-Pearson intervals
(:func:`failure_table`, :func:`plot_failure_rates`). ``lang`` is ``'vi'``, ``'en'`` or ``'both'``.
"""
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from . import evidence
from .arm_names import arm_label
from .outcomes import count_outcomes, failure_update, outcome
from .plot import axis_label, words_in
from .tables import Table

__all__ = ["study_numbers", "study_table", "published_table", "plot_study", "dead_filter_table", "paired_table",
           "failure_table", "failure_comparison_table", "framework_table", "plot_failure_rates", "plot_failure_updates",
           "sweep_numbers", "sweep_spread", "sweep_table", "spread_table", "plot_sweep", "WORDS"]

WORDS = {
    "en": {"arm": "arm", "median": "median test accuracy", "range": "range (min-max)",
           "stalled": "runs stalled at chance", "recorded": "recorded full runs",
           "this_run": "this run", "epoch": "epoch", "test_acc": "test accuracy",
           "train_acc": "training accuracy", "train_loss": "training loss", "lr": "learning rate",
           "fraction": "fraction of runs stalled", "dead_stalled": "dead filters, stalled runs",
           "dead_healthy": "dead filters, other runs", "optimizer": "optimizer",
           "first_loss": "first-epoch training loss, stalled runs",
           "best": "best median", "at_rate": "at rate",
           "worst": "worst median", "trained": "rates with no failed run",
           "endpoint": "endpoint: median test accuracy", "outcomes": "learned / stalled / diverged",
           "comparison": "comparison (B minus A)", "per_seed": "difference per seed",
           "mean_diff": "mean difference", "interval": "95% interval", "sign_p": "sign test p",
           "failed_rate": "failed runs (95% Clopper-Pearson interval)", "failure_at": "failed at update: median (min-max)",
           "after_warmup": "failed after the warmup", "update": "minibatch update",
           "first_rate": "first learning rate", "failed_fraction": "fraction of runs that failed",
           "no warmup": "no warmup", "warmup": "warmup",
           "stalled_run": "stalled", "diverged_run": "diverged", "warmup_end": "end of warmup",
           "schedule": "schedule", "published": "published", "failed": "failed",
           "only": "seeds where only this failed", "mcnemar": "McNemar exact p (paired)",
           "fisher": "Fisher exact p",
           "learned_median": "learned: median test accuracy", "ours": "ours, recorded, final epoch: median (range)"},
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
           "best": "trung vị tốt nhất", "at_rate": "tại tốc độ học",
           "worst": "trung vị kém nhất", "trained": "tốc độ học không có lần chạy hỏng",
           "endpoint": "điểm cuối: trung vị độ chính xác trên tập kiểm tra", "outcomes": "học được / kẹt / phân kỳ",
           "comparison": "so sánh (B trừ A)", "per_seed": "hiệu theo từng hạt giống",
           "mean_diff": "hiệu trung bình", "interval": "khoảng tin cậy 95%", "sign_p": "p của kiểm định dấu",
           "failed_rate": "lần chạy hỏng (khoảng tin cậy Clopper-Pearson 95%)", "failure_at": "hỏng ở lần cập nhật: trung vị (nhỏ nhất-lớn nhất)",
           "after_warmup": "hỏng sau khởi động", "update": "lần cập nhật (theo minibatch)",
           "first_rate": "tốc độ học ban đầu", "failed_fraction": "tỉ lệ lần chạy hỏng",
           "no warmup": "không khởi động", "warmup": "có khởi động",
           "stalled_run": "kẹt", "diverged_run": "phân kỳ", "warmup_end": "hết khởi động",
           "schedule": "lịch", "published": "công bố", "failed": "hỏng",
           "only": "số hạt giống chỉ hỏng ở nhánh này", "mcnemar": "p của kiểm định chính xác McNemar (theo cặp)",
           "fisher": "p của kiểm định chính xác Fisher",
           "learned_median": "học được: trung vị độ chính xác trên tập kiểm tra",
           "ours": "của ta, đã ghi, epoch cuối: trung vị (khoảng)"},
}


def _readable(table, lang):
    """A table with its arm, optimizer and comparison columns in the reader's language."""
    words = words_in(WORDS, lang)
    table = pd.DataFrame(table)
    for key in ("arm", "optimizer", "comparison"):
        if words[key] in table.columns:
            table[words[key]] = [arm_label(name, lang) for name in table[words[key]]]
    return Table(table)


def study_numbers(results):
    """Per arm: the final and endpoint test accuracy (median, min, max) and how the runs ended.

    Returns ``{arm: {"median", "min", "max", "endpoint_median", "endpoint_min",
    "endpoint_max", "runs", "learned", "stalled", "diverged"}}`` in arm order; ``median``,
    ``min`` and ``max`` are of the final epoch.
    """
    numbers = {}
    for arm in results.study.arms:
        runs = results.arm_runs(arm.name)
        if not runs:
            continue
        finals = [run["test_acc"][-1] for run in runs]
        ends = [evidence.endpoint(run) for run in runs]
        numbers[arm.name] = {"median": float(np.median(finals)), "min": min(finals),
                             "max": max(finals), "endpoint_median": float(np.median(ends)),
                             "endpoint_min": min(ends), "endpoint_max": max(ends),
                             "runs": len(runs), **count_outcomes(runs)}
    if not numbers:
        raise ValueError(f"no runs of study {results.study.name!r} in these results")
    return numbers


def _p_value(p):
    """A p-value with at most three decimals and no trailing zeros: "0.031", "0.25", "1"."""
    return f"{p:.3f}".rstrip("0").rstrip(".")


def _range(low, high, digits):
    """``low-high``, or one number when they are equal (one seed)."""
    return f"{low:.{digits}f}" if round(low, digits) == round(high, digits) else f"{low:.{digits}f}-{high:.{digits}f}"


def _columns(results, words, label, digits):
    numbers = study_numbers(results)
    return {f"{words['endpoint']} ({label})": [round(n["endpoint_median"], digits) for n in numbers.values()],
            f"{words['range']} ({label})": [_range(n["endpoint_min"], n["endpoint_max"], digits)
                                            for n in numbers.values()],
            f"{words['outcomes']} ({label})": [f"{n['learned']} / {n['stalled']} / {n['diverged']}"
                                               for n in numbers.values()]}, list(numbers)


def study_table(results, lang="both", digits=3):
    """Per arm: median and range of the endpoint, and runs learned / stalled / diverged.

    The endpoint is the mean test accuracy of the last 5 epochs (:mod:`d2l_vn.core.evidence`);
    outcomes are classed by :mod:`d2l_vn.core.outcomes`. Results trained now that carry
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
    return _readable(table, lang)


def published_table(results, published, lang="both", digits=3):
    """Others' published final test accuracies (``{edition: {arm: value}}``) beside our recorded ones.

    One row per arm named in any edition; our column gives the final-epoch median and range
    of the recorded full runs, since published numbers are final-epoch numbers; "—" where
    a number does not exist.
    """
    words = words_in(WORDS, lang)
    full = results.full_runs
    ours = study_numbers(full) if full is not None else {}
    arms = list(dict.fromkeys(arm for numbers in published.values() for arm in numbers))
    table = {words["schedule"]: arms}
    for edition, numbers in published.items():
        table[f"d2l {edition}: {words['published']}"] = [
            f"{numbers[arm]:.{digits}f}" if arm in numbers else "—" for arm in arms]
    table[words["ours"]] = [f"{ours[arm]['median']:.{digits}f} ({_range(ours[arm]['min'], ours[arm]['max'], digits)})"
                            if arm in ours else "—" for arm in arms]
    return _readable(table, lang)


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
        line, = ax.plot(epochs, np.median(values, axis=0), label=arm_label(name, lang))
        ax.fill_between(epochs, values.min(axis=0), values.max(axis=0),
                        color=line.get_color(), alpha=0.2, linewidth=0)
    ax.set_xlabel(words["epoch"])
    ax.set_ylabel(axis_label(words[metric]))
    ax.grid(True)
    ax.legend()
    return ax


def dead_filter_table(results, lang="both"):
    """Per arm with stalled runs: their dead first-layer filters and first-epoch training loss.

    A dead filter outputs zero on every test image (:mod:`d2l_vn.mxnet.filters`); each cell
    lists the stalled runs in seed order, for example ``6, 4`` for two of them. Only
    stalled runs are listed: a diverged run's filters say nothing (ReLU of NaN). A first-epoch
    loss below ln 10 = 2.3 means the run learned something before it stalled. The counts
    go with the stall; they do not show what caused it.
    """
    words = words_in(WORDS, lang)
    rows = []
    for arm in results.study.arms:
        runs = results.arm_runs(arm.name)
        stalled = [r for r in runs if outcome(r) == "stalled"]
        if not stalled:
            continue
        rows.append({words["arm"]: arm.name, words["stalled"]: f"{len(stalled)}/{len(runs)}",
                     words["dead_stalled"]: ", ".join(str(r["dead_filters"]) for r in stalled),
                     words["first_loss"]: ", ".join(_loss_label(r["train_loss"][0]) for r in stalled)})
    return _readable(rows, lang)


def paired_table(results, pairs, lang="both", digits=3):
    """One row per ``(A, B)`` in ``pairs``: B minus A in endpoint per seed, mean, 95% interval, sign-test p."""
    words = words_in(WORDS, lang)
    rows = []
    for a, b in pairs:
        d = evidence.paired_difference(results, a, b)
        rows.append({words["comparison"]: f"{b} − {a}",
                     words["per_seed"]: ", ".join(f"{x:+.{digits}f}" for x in d.differences),
                     words["mean_diff"]: f"{d.mean:+.{digits}f}",
                     words["interval"]: f"{d.low:+.{digits}f} … {d.high:+.{digits}f}",
                     words["sign_p"]: _p_value(d.sign_p)})
    return _readable(rows, lang)


def _grid_rows(results, grid):
    _check_grid(results, grid)
    for label, rates in grid.items():
        for rate, name in rates.items():
            runs = results.arm_runs(name)
            if runs:
                yield label, rate, name, runs


def failure_table(results, grid, lang="both"):
    """Per group and rate of ``grid`` (``{label: {rate: arm}}``): outcomes, failure rate, when runs failed.

    The failure rate (stalled or diverged) has its Clopper-Pearson 95% interval; for a
    traced study (``trace_every``) the update at which failed runs failed is given, and
    how many failed after their warmup ended.
    """
    words = words_in(WORDS, lang)
    rows = []
    for label, rate, name, runs in _grid_rows(results, grid):
        counts = count_outcomes(runs)
        failed = counts["stalled"] + counts["diverged"]
        low, high = evidence.rate_interval(failed, len(runs))
        row = {words["arm"]: name, words["outcomes"]: f"{counts['learned']} / {counts['stalled']} / "
               f"{counts['diverged']}", words["failed_rate"]: f"{failed}/{len(runs)} ({low:.2f}-{high:.2f})"}
        if results.study.trace_every:
            updates = [failure_update(r, results.study.trace_every) for r in runs if outcome(r) != "learned"]
            warmup = getattr(results.study.arm(name).schedule, "warmup_steps", 0)
            row[words["failure_at"]] = (f"{int(np.median(updates))} ({min(updates)}-{max(updates)})"
                                        if updates else "—")
            row[words["after_warmup"]] = f"{sum(u > warmup for u in updates)}/{failed}" if warmup and failed else "—"
        rows.append(row)
    return _readable(rows, lang)


def failure_comparison_table(results, grid, lang="both"):
    """Per rate: failed runs of the first two groups of ``grid``, compared seed by seed.

    The arms share their seeds, so the exact test is McNemar's (only the seeds on which
    one arm failed and the other learned count); Fisher's exact test, which ignores the
    pairing, is given beside it.
    """
    words = words_in(WORDS, lang)
    (label_a, rates_a), (label_b, rates_b) = list(grid.items())[:2]
    failed = lambda run: outcome(run) != "learned"  # noqa: E731
    rows = []
    for rate in rates_a:
        a, b = rates_a[rate], rates_b[rate]
        runs_a, runs_b = results.arm_runs(a), results.arm_runs(b)
        if not runs_a or not runs_b:
            continue
        k_a, k_b = sum(map(failed, runs_a)), sum(map(failed, runs_b))
        only_a, only_b, p = evidence.paired_failures(results, a, b, failed)
        rows.append({words["lr"]: f"{rate:g}",
                     f"{words['failed']}: {label_a}": f"{k_a}/{len(runs_a)}",
                     f"{words['failed']}: {label_b}": f"{k_b}/{len(runs_b)}",
                     f"{words['only']}: {label_a} / {label_b}": f"{only_a} / {only_b}",
                     words["mcnemar"]: _p_value(p),
                     words["fisher"]: _p_value(evidence.compare_counts(k_a, len(runs_a), k_b, len(runs_b)))})
    return _readable(rows, lang)


def framework_table(results_by_framework, grid=None, lang="both"):
    """The arms of one study in each framework's record, side by side.

    ``results_by_framework`` maps a framework's name to its :class:`StudyResults` of the
    study. With ``grid`` (``{group: {rate: arm}}``), one row per rate of each group: failed
    runs and the median final test accuracy of those that learned. Without it, one row per
    arm of the study: the endpoint's median and range, and the failed runs. A seed is not
    paired across frameworks (each draws its own initial weights), so failure counts are
    compared with Fisher's exact test, which ignores seeds.
    """
    words = words_in(WORDS, lang)
    names = list(results_by_framework)
    if len(names) != 2:
        raise ValueError(f"framework_table compares two frameworks, got {names}")
    if grid is None:
        study = results_by_framework[names[0]].study
        rows_of = [({words["arm"]: arm.name}, arm.name) for arm in study.arms]
    else:
        rows_of = [({words["optimizer"]: group, words["lr"]: f"{rate:g}"}, arm)
                   for group, rates in grid.items() for rate, arm in sorted(rates.items())]
    rows = []
    for row, arm in rows_of:
        counts = []
        for name in names:
            runs = results_by_framework[name].arm_runs(arm)
            failed = sum(outcome(run) != "learned" for run in runs)
            counts.append((failed, len(runs)))
            if grid is None:
                ends = [evidence.endpoint(run) for run in runs]
                row[f"{words['endpoint']}: {name}"] = (f"{np.median(ends):.3f} ({_range(min(ends), max(ends), 3)})"
                                                       if ends else "—")
            else:
                learned = [run["test_acc"][-1] for run in runs if outcome(run) == "learned"]
                row[f"{words['learned_median']}: {name}"] = f"{np.median(learned):.3f}" if learned else "—"
            row[f"{words['failed']}: {name}"] = f"{failed}/{len(runs)}"
        row[words["fisher"]] = _p_value(evidence.compare_counts(*counts[0], *counts[1]))
        rows.append(row)
    return _readable(rows, lang)


def plot_failure_rates(results, grid, ax=None, lang="both"):
    """Fraction of failed runs (stalled or diverged) at each rate, one marker per group, 95% bars.

    The bars are Clopper-Pearson intervals (:func:`d2l_vn.core.evidence.rate_interval`). The rates
    are categories, evenly spaced and labelled with their values, and the groups sit side by
    side within each: no point lies at a rate that was not run, and no line joins two rates.
    """
    words = words_in(WORDS, lang)
    ax = plt.subplots(figsize=(5, 3.2))[1] if ax is None else ax
    rates = sorted({rate for group in grid.values() for rate in group})
    width = 0.5 / max(1, len(grid) - 1) if len(grid) > 1 else 0.0
    for i, (label, group) in enumerate(grid.items()):
        xs, ys, lows, highs = [], [], [], []
        for rate, name in sorted(group.items()):
            runs = results.arm_runs(name)
            if not runs:
                continue
            failed = sum(outcome(r) != "learned" for r in runs)
            low, high = evidence.rate_interval(failed, len(runs))
            xs.append(rates.index(rate) - 0.25 + i * width if len(grid) > 1 else rates.index(rate))
            ys.append(failed / len(runs))
            lows.append(ys[-1] - low)
            highs.append(high - ys[-1])
        ax.errorbar(xs, ys, yerr=[lows, highs], marker="o", linestyle="none", capsize=3,
                    label=words.get(label, arm_label(label, lang)))
    ax.set_xticks(range(len(rates)), [f"{rate:g}" for rate in rates])
    ax.set_xlim(-0.6, len(rates) - 0.4)
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlabel(words["first_rate"])
    ax.set_ylabel(axis_label(words["failed_fraction"]))
    ax.grid(True, axis="y")
    ax.legend()
    return ax


def plot_failure_updates(results, grid, ax=None, lang="both"):
    """When each failed run failed (traced studies): one row per arm, a dot per run, warmup's end marked."""
    words = words_in(WORDS, lang)
    if not results.study.trace_every:
        raise ValueError(f"study {results.study.name!r} keeps no loss trace (trace_every=0)")
    ax = plt.subplots(figsize=(6, 3.5))[1] if ax is None else ax
    names, warmups = [], set()
    for row, (label, rate, name, runs) in enumerate(_grid_rows(results, grid)):
        names.append(name)
        for kind, marker in (("stalled", "o"), ("diverged", "x")):
            updates = [failure_update(r, results.study.trace_every) for r in runs if outcome(r) == kind]
            ax.scatter(updates, [row] * len(updates), marker=marker, color="C0" if kind == "stalled" else "C3",
                       label=words[f"{kind}_run"] if row == 0 else None, alpha=0.7)
        warmups.add(getattr(results.study.arm(name).schedule, "warmup_steps", 0))
    for warmup in sorted(warmups - {0}):
        ax.axvline(warmup, color="gray", linestyle="--", linewidth=1, label=words["warmup_end"])
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel(words["update"])
    ax.grid(True, axis="x")
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return ax


def _loss_label(loss):
    """A mean training loss, one decimal; ``nan`` or ``> 100`` where training blew up."""
    if not math.isfinite(loss):
        return "nan"
    return f"{loss:.1f}" if loss < 100 else "> 100"


def _check_grid(results, grid):
    names = {arm.name for arm in results.study.arms}
    missing = sorted({name for rates in grid.values() for name in rates.values()} - names)
    if missing:
        raise ValueError(f"grid names arms that study {results.study.name!r} lacks: {missing}")


def sweep_numbers(results, grid):
    """Per optimizer and rate: the final test accuracy's median, min and max, and failures.

    ``grid`` maps an optimizer's label to ``{rate: arm name}`` (for example
    ``d2l_vn.studies.adam_radam.GRID``). Returns ``{label: {rate: {"median", "min", "max",
    "stalled", "diverged", "runs"}}}``, runs classed by :mod:`d2l_vn.core.outcomes`.
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
            counts = count_outcomes(runs)
            numbers[label][rate] = {
                "median": float(np.median(finals)), "min": min(finals), "max": max(finals),
                "runs": len(runs), "diverged": counts["diverged"], "stalled": counts["stalled"]}
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
        f"{words['range']} ({label})": [_range(n["min"], n["max"], digits) for _, _, n in rows],
        f"{words['outcomes']} ({label})": [f"{n['runs'] - n['stalled'] - n['diverged']} / {n['stalled']} / "
                                           f"{n['diverged']}" for _, _, n in rows]})


def sweep_table(results, grid, lang="both", digits=3):
    """One row per optimizer and rate: median and range of the final test accuracy, failures.

    Outcomes read ``learned / stalled / diverged`` (:mod:`d2l_vn.core.outcomes`). Results trained
    now that carry recorded full runs get the recorded columns beside their own.
    """
    words = words_in(WORDS, lang)
    own_label = words["recorded"] if results.source == "recorded" else words["this_run"]
    table = _sweep_columns(results, grid, words, own_label, digits)
    if results.recorded is not None:
        table = table.merge(_sweep_columns(results.recorded, grid, words, words["recorded"], digits),
                            on=[words["optimizer"], words["lr"]], how="left")
    return _readable(table, lang)


def plot_sweep(results, grid, ax=None, lang="both"):
    """Final test accuracy against the learning rate (log scale): median line, min-max band."""
    words = words_in(WORDS, lang)
    ax = plt.subplots(figsize=(6, 3.5))[1] if ax is None else ax
    for (label, rates), marker in zip(sweep_numbers(results, grid).items(), "osd^v<>"):
        xs = sorted(rates)
        line, = ax.plot(xs, [rates[r]["median"] for r in xs], marker=marker,
                        label=arm_label(label, lang))
        ax.fill_between(xs, [rates[r]["min"] for r in xs], [rates[r]["max"] for r in xs],
                        color=line.get_color(), alpha=0.2, linewidth=0)
    ax.set_xscale("log")
    ax.set_xlabel(words["lr"])
    ax.set_ylabel(axis_label(words["test_acc"]))
    ax.axhline(0.1, color="gray", linewidth=0.8, linestyle=":")
    ax.grid(True)
    ax.legend()
    return ax


def spread_table(results, grid, lang="both", digits=3):
    """One row per optimizer: best and worst median over the rates, and the rates that trained."""
    words = words_in(WORDS, lang)
    return _readable([{words["optimizer"]: label,
                          words["best"]: round(s["best"], digits), words["at_rate"]: f"{s['best_rate']:g}",
                          words["worst"]: round(s["worst"], digits),
                          words["trained"]: ", ".join(f"{r:g}" for r in s["trained"]) or "—"}
                         for label, s in sweep_spread(results, grid).items()], lang)
