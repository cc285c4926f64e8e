"""Outcomes, paired comparisons, exact tests and the tables and figures built on them."""
import math

import matplotlib
import pytest

from d2l_vn import mxnet as d2l_vn
from d2l_vn.core import evidence, outcomes
from d2l_vn.studies.design import Arm, Settings, Study, StudyResults

matplotlib.use("Agg")

TINY = Settings(training_images=200, epochs=2, batch_size=64, seeds=(0, 1, 2), test_images=200)
TRACED = Study("traced", "demo_chapter", arms=(
    Arm("0.5", d2l_vn.ConstantScheduler(base_lr=0.5), per="update"),
    Arm("0.5 + warmup", d2l_vn.ConstantScheduler(base_lr=0.5, warmup_steps=4), per="update"),
), seeds=(0, 1, 2), epochs=2, batch_size=64, trace_every=1)
GRID = {"no warmup": {0.5: "0.5"}, "warmup": {0.5: "0.5 + warmup"}}
CHANCE = math.log(10)


def _run(arm, seed, final, trace, loss=(1.0, 0.5)):
    return {"study": "traced", "arm": arm, "seed": seed, "train_loss": list(loss),
            "train_acc": [0.5, final], "test_acc": [0.4, final], "lr": [0.5, 0.5],
            "loss_trace": list(trace), "dead_filters": 0, "seconds": 1.0}


LEARNED = [2.3, 1.9, 1.2, 0.8, 0.7, 0.6, 0.5, 0.5]
STALLED_EARLY = [2.3, 2.1, CHANCE + 0.2, CHANCE, CHANCE + 0.01, CHANCE, CHANCE, CHANCE]
STALLED_LATE = [2.3, 1.9, 1.2, 0.9, 1.5, CHANCE + 0.3, CHANCE, CHANCE]
DIVERGED = [2.3, 5.0, 8e7, float("nan"), float("nan"), float("nan"), float("nan"), float("nan")]


def _results():
    runs = [_run("0.5", 0, 0.8, LEARNED), _run("0.5", 1, 0.1, STALLED_EARLY, (CHANCE, CHANCE)),
            _run("0.5", 2, 0.1, DIVERGED, (float("nan"),) * 2),
            _run("0.5 + warmup", 0, 0.85, LEARNED), _run("0.5 + warmup", 1, 0.1, STALLED_LATE),
            _run("0.5 + warmup", 2, 0.82, LEARNED)]
    return StudyResults(TRACED, TINY, runs, "recorded")


def test_runs_are_classed_once_learned_stalled_or_diverged():
    runs = _results().runs
    assert [outcomes.outcome(r) for r in runs] == ["learned", "stalled", "diverged",
                                                   "learned", "stalled", "learned"]
    exploded = {**runs[0], "loss_trace": [], "train_loss": [6.5e17, 2.3], "test_acc": [0.1, 0.1]}
    assert outcomes.outcome(exploded) == "diverged"  # finite, but far beyond any learning run
    assert outcomes.count_outcomes(runs) == {"learned": 3, "stalled": 2, "diverged": 1}


def test_the_failure_update_dates_the_collapse_from_the_trace():
    runs = _results().runs
    assert outcomes.failure_update(runs[0]) is None
    assert outcomes.failure_update(runs[1]) == 4   # at chance from its fourth update on
    assert outcomes.failure_update(runs[2]) == 3   # 8e7 at the third update
    assert outcomes.failure_update(runs[4]) == 7   # learned until update 6, after the warmup of 4
    assert outcomes.failure_update(runs[4], trace_every=10) == 61
    with pytest.raises(ValueError, match="no loss trace"):
        outcomes.failure_update({**runs[1], "loss_trace": []})


def test_paired_differences_use_the_same_seeds_and_an_exact_sign_test():
    runs = [_run(arm, seed, final, LEARNED) for arm, finals in
            (("0.5", (0.80, 0.82, 0.84)), ("0.5 + warmup", (0.81, 0.85, 0.86))) for seed, final in
            enumerate(finals)]
    d = evidence.paired_difference(StudyResults(TRACED, TINY, runs, "recorded"), "0.5", "0.5 + warmup",
                                   value=lambda run: run["test_acc"][-1])
    assert d.seeds == (0, 1, 2) and d.differences == pytest.approx((0.01, 0.03, 0.02))
    assert d.mean == pytest.approx(0.02) and d.wins == 3 and d.sign_p == 0.25  # 3 seeds: never below
    assert d.low == pytest.approx(0.02 - 4.302653 * 0.01 / math.sqrt(3), rel=1e-5)
    with pytest.raises(ValueError, match="share 0 seed"):
        evidence.paired_difference(StudyResults(TRACED, TINY, runs[:3], "recorded"), "0.5", "0.5 + warmup")


def test_counts_get_exact_intervals_and_fisher_tests():
    assert evidence.rate_interval(0, 10) == pytest.approx((0.0, 0.3085), abs=1e-4)
    assert evidence.compare_counts(2, 3, 0, 3) == pytest.approx(0.4)
    results = _results()  # seed 1 failed in both arms, seed 2 only without warmup
    failed = lambda run: outcomes.outcome(run) != "learned"
    assert evidence.paired_failures(results, "0.5", "0.5 + warmup", failed) == (1, 0, 1.0)
    with pytest.raises(ValueError, match="count <= runs"):
        evidence.rate_interval(4, 3)
    assert evidence.endpoint({"test_acc": [0.5] * 25 + [0.6, 0.7, 0.8, 0.9, 1.0]}) == pytest.approx(0.8)
    assert evidence.endpoint({"test_acc": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]}) == pytest.approx(0.55)
    assert evidence.endpoint({"test_acc": [0.1, 0.2, 0.3, 0.4, 0.5]}) == 0.5  # a short run: its final epoch


def test_failure_tables_and_figures_show_rates_with_intervals_and_timing():
    results = _results()
    table = d2l_vn.failure_table(results, GRID, lang="en")
    assert list(table["learned / stalled / diverged"]) == ["1 / 1 / 1", "2 / 1 / 0"]
    assert list(table["failed runs (95% Clopper-Pearson interval)"]) == ["2/3 (0.09-0.99)", "1/3 (0.01-0.91)"]
    assert list(table["failed at update: median (min-max)"]) == ["3 (3-4)", "7 (7-7)"]
    assert list(table["failed after the warmup"]) == ["—", "1/1"]
    ax = d2l_vn.plot_failure_rates(results, GRID, lang="en")
    assert [list(bars.lines[0].get_ydata()) for bars in ax.containers] == [[2 / 3], [1 / 3]]
    ax = d2l_vn.plot_failure_updates(results, GRID, lang="vi")
    assert ax.get_xlabel() == "lần cập nhật (theo minibatch)"
    assert [list(c.get_offsets()[:, 0]) for c in ax.collections if len(c.get_offsets())] == [[4], [3], [7]]
    compared = d2l_vn.failure_comparison_table(results, GRID, lang="en")
    assert list(compared["failed: no warmup"]) == ["2/3"] and list(compared["failed: warmup"]) == ["1/3"]
    assert list(compared["seeds where only this failed: no warmup / warmup"]) == ["1 / 0"]
    assert list(compared["McNemar exact p (paired)"]) == ["1"]
    paired = d2l_vn.paired_table(results, [("0.5", "0.5 + warmup")], lang="en")
    assert list(paired["sign test p"]) == ["0.5"]  # two wins and a tie (seed 1, both stalled)
    assert list(paired["difference per seed"]) == ["+0.050, +0.000, +0.720"]


def test_the_framework_table_compares_two_records_arm_by_arm():
    results = _results()
    other = StudyResults(results.study, results.settings,
                         [{**run, "test_acc": [0.4, 0.9], "train_loss": [1.0, 0.5], "loss_trace": LEARNED}
                          for run in results.runs],
                         "recorded", {})
    table = d2l_vn.framework_table({"MXNet": results, "PyTorch": other}, GRID, lang="en")
    assert list(table["failed: MXNet"]) == ["2/3", "1/3"] and list(table["failed: PyTorch"]) == ["0/3", "0/3"]
    assert list(table["Fisher exact p"]) == ["0.4", "1"]
    assert list(table["learned: median test accuracy: PyTorch"]) == ["0.900", "0.900"]
    by_arm = d2l_vn.framework_table({"MXNet": results, "PyTorch": other}, lang="en")
    assert list(by_arm["arm"]) == ["0.5", "0.5 + warmup"]
    assert list(by_arm["endpoint: median test accuracy: PyTorch"]) == ["0.900 (0.900)"] * 2  # a 2-epoch run: its final epoch
    assert list(by_arm["failed: MXNet"]) == ["2/3", "1/3"]
    with pytest.raises(ValueError, match="compares two frameworks"):
        d2l_vn.framework_table({"MXNet": results}, GRID)


def test_a_traced_run_keeps_the_loss_of_its_updates_and_a_warmup_control_keeps_the_decay():
    net, history = d2l_vn.train_run(TRACED, "0.5 + warmup", 0, TINY)
    assert len(history.loss_trace) == 2 * 4 and all(math.isfinite(x) for x in history.loss_trace)
    control = d2l_vn.WarmupThenEpochs(d2l_vn.CosineScheduler(max_update=20, base_lr=0.3), 235)
    cosine = d2l_vn.CosineScheduler(max_update=20, base_lr=0.3)
    assert control(235) == pytest.approx(0.3) and control(117) == pytest.approx(0.3 * 117 / 235)
    assert [control(e * 235 + 1) for e in range(1, 30)] == [cosine(e) for e in range(1, 30)]
    with pytest.raises(ValueError, match="trace_every"):
        d2l_vn.train(net, [], [], 1, None, None, trace_every=-1)
