"""Studies: paired by seed, reproducible, quiet while running, loaded from records for the website."""
import dataclasses

import matplotlib
import numpy as np
import pytest

from d2l_vn import mxnet as d2l_vn
from d2l_vn.core import quick
from d2l_vn.studies import records
from d2l_vn.mxnet import study
from d2l_vn.studies.design import Arm, Settings, Study, StudyResults

matplotlib.use("Agg")

TINY = Settings(training_images=200, epochs=1, batch_size=64, seeds=(0, 1), test_images=200)
DEMO = Study("demo", "demo_chapter", arms=(
    Arm("constant 0.3", d2l_vn.ConstantScheduler(base_lr=0.3)),
    Arm("warmup", d2l_vn.ConstantScheduler(base_lr=0.3, warmup_steps=3), per="update"),
), seeds=(0, 1), epochs=1, batch_size=64)


def _weights(net):
    return [p.data().asnumpy() for p in net.collect_params().values()]


def test_arms_with_the_same_seed_start_from_the_same_weights_and_minibatches():
    nets, first = [], []
    for arm in DEMO.arms:
        net, _, train_iter, _ = study._build(arm, 7, TINY)
        X = next(iter(train_iter))[0]
        net(X)  # the initialization (seeded) happens at the first forward pass
        nets.append(_weights(net))
        first.append(X.asnumpy())
    assert all(np.array_equal(a, b) for a, b in zip(*nets))
    assert np.array_equal(*first)
    other, _, other_iter, _ = study._build(DEMO.arms[0], 8, TINY)
    X = next(iter(other_iter))[0]
    other(X)
    assert not np.array_equal(_weights(other)[0], nets[0][0])
    assert not np.array_equal(X.asnumpy(), first[0])


def test_the_same_arm_and_seed_give_the_same_numbers():
    first = d2l_vn.train_run(DEMO, "constant 0.3", 0, TINY)[1]
    again = d2l_vn.train_run(DEMO, "constant 0.3", 0, TINY)[1]
    assert (first.train_loss, first.test_acc, first.lr) == (again.train_loss, again.test_acc, again.lr)
    warmup = d2l_vn.train_run(DEMO, "warmup", 0, TINY)[1]
    assert warmup.train_loss != first.train_loss  # the arm matters
    updates = TINY.updates_per_epoch
    assert warmup.lr == [DEMO.arm("warmup").planned_lr(0, updates)] == [0.3]
    # MXNet counts the first update as t = 1
    assert warmup.step_lr[:3] == pytest.approx([0.1, 0.2, 0.3])


def test_a_study_says_in_the_readers_language_what_it_trained(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("D2L_VN_QUICK", "1")
    monkeypatch.setattr(quick, "QUICK_TRAIN_PER_CLASS", 20)
    monkeypatch.setattr(records, "RECORDS_DIR", tmp_path)
    titled = dataclasses.replace(DEMO, title=("Two arms", "Hai nhánh"))
    results = d2l_vn.run_study(titled, lang="en")
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "Two arms: training 2 arms × 2 seeds, 1 epoch, 200 training images..."
    assert lines[1].startswith("Two arms: trained now, 2 arms × 2 seeds") and len(lines) == 2
    assert "no recorded full runs yet" in lines[1]
    assert "/" not in "".join(lines) and "\\" not in "".join(lines)
    assert results.source == "this run" and results.settings.training_images == 200
    assert [(r["arm"], r["seed"]) for r in results.runs] == [
        (a.name, s) for a in DEMO.arms for s in DEMO.seeds[:quick.QUICK_SEEDS]]
    d2l_vn.run_study(titled, lang="vi")
    assert capsys.readouterr().out.startswith("Hai nhánh: đang huấn luyện 2 nhánh × 2 hạt giống")


def _record(runs, settings=TINY):
    return {"chapter": "demo_chapter",
            "provenance": {**records.machine(), "settings": {"demo": settings.as_dict()},
                           "wall_seconds": 4000.0},
            "runs": runs}


def _run(arm, seed, final):
    return {"study": "demo", "arm": arm, "seed": seed, "train_loss": [1.0, 0.5],
            "train_acc": [0.5, final], "test_acc": [0.4, final], "lr": [0.3, 0.3], "seconds": 1.0}


def test_the_website_switch_loads_the_record_and_trains_nothing(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(records, "RECORDS_DIR", tmp_path)
    monkeypatch.setenv("D2L_VN_FROM_RECORDS", "1")
    monkeypatch.setattr(study, "train_run", lambda *a, **k: pytest.fail("trained"))
    with pytest.raises(ValueError, match="make results CHAPTER=demo_chapter"):
        d2l_vn.run_study(DEMO)
    records.write_record(records.record_path("demo_chapter"),
                         _record([_run("constant 0.3", 0, 0.8), _run("warmup", 0, 0.1)]))
    results = d2l_vn.run_study(DEMO, lang="en")
    line = capsys.readouterr().out.strip()
    assert results.source == "recorded" and len(results.runs) == 2
    assert line == "demo: recorded full runs, 2 arms × 2 seeds, 1 epoch, 200 training images."


def _results(finals, recorded=None):
    runs = [_run(arm, seed, final) for arm, values in finals.items()
            for seed, final in enumerate(values)]
    return StudyResults(DEMO, TINY, runs, "this run", recorded=recorded)


def test_numbers_table_and_figures_come_from_the_runs():
    recorded = dataclasses.replace(_results({"constant 0.3": [0.85, 0.9, 0.88],
                                             "warmup": [0.1, 0.86, 0.1]}), source="recorded")
    results = _results({"constant 0.3": [0.8, 0.7], "warmup": [0.12, 0.75]}, recorded)
    numbers = d2l_vn.study_numbers(recorded)
    assert numbers["warmup"] == {"median": 0.1, "min": 0.1, "max": 0.86, "endpoint_median": 0.1,
                                 "endpoint_min": 0.1, "endpoint_max": 0.86, "runs": 3,
                                 "learned": 1, "stalled": 2, "diverged": 0}  # 2 epochs: endpoint = final
    assert numbers["constant 0.3"]["median"] == 0.88
    table = d2l_vn.study_table(results, lang="en")
    assert table.columns[0] == "arm" and list(table["arm"]) == ["constant 0.3", "warmup"]
    assert list(table["learned / stalled / diverged (this run)"]) == ["2 / 0 / 0", "1 / 1 / 0"]
    assert list(table["learned / stalled / diverged (recorded full runs)"]) == ["3 / 0 / 0", "1 / 2 / 0"]
    assert list(table["range (min-max) (recorded full runs)"]) == ["0.850-0.900", "0.100-0.860"]
    assert list(table["endpoint: median test accuracy (recorded full runs)"]) == [0.88, 0.1]
    ax = d2l_vn.plot_study(recorded, lang="both")
    median = ax.lines[1].get_ydata()
    assert list(median) == [0.4, 0.1] and ax.get_ylabel() == "độ chính xác trên tập kiểm tra /\ntest accuracy"
    assert len(ax.collections) == 2  # one min-max band per arm
    with pytest.raises(ValueError, match="metric"):
        d2l_vn.plot_study(recorded, metric="accuracy")


def test_dead_filters_counts_filters_silent_on_every_image():
    net, _, _, test_iter = study._build(DEMO.arms[0], 0, TINY)
    assert d2l_vn.dead_filters(net, test_iter) == (0, 6)
    conv = net[0]
    weight = conv.weight.data()
    weight[:2] = -abs(weight[:2])
    conv.weight.set_data(weight)
    assert d2l_vn.dead_filters(net, test_iter) == (2, 6)


def test_bad_declarations_give_clear_errors():
    with pytest.raises(ValueError, match="per must be"):
        Arm("x", d2l_vn.ConstantScheduler(base_lr=0.1), per="batch")
    with pytest.raises(ValueError, match="learning_rate"):
        Arm("x", d2l_vn.ConstantScheduler(base_lr=0.1), hyperparams={"learning_rate": 0.1})
    with pytest.raises(ValueError, match="distinct names"):
        Study("s", "c", arms=(DEMO.arms[0], DEMO.arms[0]), seeds=(0,), epochs=1)
    with pytest.raises(ValueError, match="training_images"):
        Settings(training_images=123, epochs=1, batch_size=64, seeds=(0,))
    with pytest.raises(ValueError, match="no arm 'cosine'"):
        DEMO.arm("cosine")


def test_an_adam_arm_trains_at_its_schedules_rate_not_adams_default(capsys):
    # Adam's learning_rate defaults to 0.001 and MXNet lets it overwrite the scheduler's
    # base_lr: the study must hand over the schedule's own rate, and leave the arm alone.
    schedule = d2l_vn.ConstantScheduler(base_lr=0.05, warmup_steps=4)
    sweep = Study("sweep", "demo_chapter", arms=(
        Arm("adam", schedule, per="update", optimizer="adam"),
        Arm("radam", schedule, per="update", optimizer="radam")), seeds=(0,), epochs=1)
    for name in ("adam", "radam"):
        history = d2l_vn.train_run(sweep, name, 0, TINY)[1]
        assert history.step_lr == pytest.approx([0.0125, 0.025, 0.0375, 0.05])
    assert schedule.base_lr == 0.05
    assert "overwritten" not in capsys.readouterr().out


SWEEP = Study("sweep", "demo_chapter", arms=tuple(
    Arm(f"{label} {rate:g}", d2l_vn.ConstantScheduler(base_lr=rate), per="update", optimizer=opt)
    for rate in (0.001, 0.01) for label, opt in (("Adam", "adam"), ("RAdam", "radam"))),
    seeds=(0, 1, 2), epochs=2)
GRID = {label: {rate: f"{label} {rate:g}" for rate in (0.001, 0.01)} for label in ("Adam", "RAdam")}


def test_a_rate_sweep_counts_stalled_and_diverged_runs_apart():
    def run(arm, seed, final, loss=0.5):
        return {**_run(arm, seed, final), "study": "sweep", "train_loss": [1.0, loss]}
    runs = [run("Adam 0.001", 0, 0.8), run("Adam 0.001", 1, 0.82), run("Adam 0.001", 2, 0.84),
            run("Adam 0.01", 0, 0.1, loss=2.3026), run("Adam 0.01", 1, 0.1, loss=float("nan")),
            run("Adam 0.01", 2, 0.7),
            run("RAdam 0.001", 0, 0.79), run("RAdam 0.001", 1, 0.8), run("RAdam 0.001", 2, 0.81),
            run("RAdam 0.01", 0, 0.83), run("RAdam 0.01", 1, 0.85), run("RAdam 0.01", 2, 0.86)]
    results = StudyResults(SWEEP, TINY, runs, "recorded")
    numbers = d2l_vn.sweep_numbers(results, GRID)
    assert numbers["Adam"][0.01] == {"median": 0.1, "min": 0.1, "max": 0.7, "runs": 3,
                                     "stalled": 1, "diverged": 1}
    assert numbers["RAdam"][0.01]["median"] == 0.85
    spread = d2l_vn.sweep_spread(results, GRID)
    assert spread["Adam"]["spread"] == pytest.approx(0.72) and spread["Adam"]["trained"] == [0.001]
    assert spread["RAdam"]["best_rate"] == 0.01 and spread["RAdam"]["trained"] == [0.001, 0.01]
    table = d2l_vn.sweep_table(results, GRID, lang="en")
    assert list(table["learned / stalled / diverged (recorded full runs)"]) == [
        "3 / 0 / 0", "1 / 1 / 1", "3 / 0 / 0", "3 / 0 / 0"]
    now = StudyResults(SWEEP, TINY, runs[:3], "this run", recorded=results)
    beside = d2l_vn.sweep_table(now, GRID, lang="en")
    assert list(beside["median test accuracy (this run)"]) == [0.82]
    assert list(beside["median test accuracy (recorded full runs)"]) == [0.82]
    assert list(d2l_vn.spread_table(results, GRID, lang="en")["rates with no failed run"]) == [
        "0.001", "0.001, 0.01"]
    ax = d2l_vn.plot_sweep(results, GRID, lang="en")
    assert list(ax.lines[0].get_ydata()) == [0.82, 0.1] and ax.get_xscale() == "log"
    with pytest.raises(ValueError, match="lacks"):
        d2l_vn.sweep_numbers(results, {"Adam": {0.1: "Adam 0.1"}})


def test_the_dead_filter_table_lists_stalled_runs_only():
    def run(arm, seed, final, dead, first_loss):
        return {**_run(arm, seed, final), "dead_filters": dead, "train_loss": [first_loss, 2.3]}
    runs = [run("constant 0.3", 0, 0.1, 6, 1.31), run("constant 0.3", 1, 0.8, 0, 0.9),
            run("warmup", 0, 0.1, 4, 2.31), run("warmup", 1, 0.1, 6, float("nan"))]
    table = d2l_vn.dead_filter_table(StudyResults(DEMO, TINY, runs, "recorded"), lang="en")
    assert list(table["runs stalled at chance"]) == ["1/2", "1/2"]  # the NaN run diverged
    assert list(table["dead filters, stalled runs"]) == ["6", "4"]
    assert list(table["first-epoch training loss, stalled runs"]) == ["1.3", "2.3"]


def test_a_framework_may_record_fewer_seeds_and_says_so_in_its_settings():
    from d2l_vn.studies import lr_scheduling
    assert lr_scheduling.COLLAPSE.full_settings().seeds == tuple(range(20))
    assert lr_scheduling.COLLAPSE.full_settings("torch").seeds == tuple(range(10))
    assert lr_scheduling.WARMUP_OR_DECAY.full_settings("torch").seeds == (0, 1, 2)
    assert lr_scheduling.SCHEDULES.full_settings("torch") == lr_scheduling.SCHEDULES.full_settings()
