"""Records of full runs: written run by run, resumable after a kill, and never stale.

The freshness test recomputes each arm's fingerprint (the losses of its first
minibatches, first seed, full-settings data order) and the planned rate of every
recorded epoch; when it fails, the code no longer produces the record: run
``make results CHAPTER=<chapter>`` and commit the new record.
"""
import importlib
import json
import math
import os
import signal
import subprocess
import sys
import time
import warnings

from d2l_vn import mxnet as d2l_vn  # first: makes MXNet importable on the installed NumPy
import pytest
from mxnet import init
from mxnet.gluon import nn

from d2l_vn.studies import records
from d2l_vn.mxnet import study
from d2l_vn.studies import CHAPTERS
from d2l_vn.studies.design import Settings
from d2l_vn.studies.lr_scheduling import COLLAPSE

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: Relative tolerance of fingerprints. Tests pin oneDNN at AVX2, the records' instruction set
#: (conftest.py), where fingerprints repeat exactly; unpinned on an AVX-512 processor they
#: differ by at most 1.0e-5 (measured on every arm, 2026-12-02). Processors without AVX2
#: differ by up to 9.4e-4 and are not covered. A model one filter wider moves them by far more.
TOLERANCE = 1e-4


def not_yet_recorded(record, studies):
    """Declared (study, arm) pairs the record lacks: new, for ``make results`` to train.

    They are allowed (a chapter cannot state their numbers: the prose test and the website
    build need the record), and reported as a warning.
    """
    declared = {(s.name, a.name) for s in studies for a in s.arms}
    recorded = {(s, a) for s, arms in record["fingerprints"].items() for a in arms}
    return sorted(declared - recorded)


def stale_parts(record, studies, framework="mxnet"):
    """What in ``record`` the current code of ``framework`` would no longer produce (empty when fresh)."""
    runner = importlib.import_module(f"d2l_vn.{framework}.study")
    problems = []
    declared = {(s.name, a.name) for s in studies for a in s.arms}
    recorded = {(s, a) for s, arms in record["fingerprints"].items() for a in arms}
    if recorded - declared:
        problems.append(f"arms recorded but not declared: {sorted(recorded - declared)}")
    for s in studies:
        if s.name not in record["provenance"]["settings"]:
            continue
        settings = Settings(**record["provenance"]["settings"][s.name])
        for arm in s.arms:
            stored = record["fingerprints"].get(s.name, {}).get(arm.name)
            if stored is None:
                continue
            now = runner.fingerprint(s, arm.name, steps=len(stored["losses"]))
            if stored["seed"] != s.seeds[0] or not all(
                    math.isclose(a, b, rel_tol=TOLERANCE) for a, b in zip(now, stored["losses"])):
                problems.append(f"{s.name}: {arm.name}: fingerprint {stored['losses']} is now {now}")
            for run in record["runs"]:
                if (run["study"], run["arm"]) == (s.name, arm.name):
                    planned = [arm.planned_lr(e, settings.updates_per_epoch)
                               for e in range(len(run["lr"]))]
                    if not all(math.isclose(a, b, rel_tol=TOLERANCE) for a, b in zip(planned, run["lr"])):
                        problems.append(f"{s.name}: {arm.name}, seed {run['seed']}: rates changed")
    return problems


@pytest.mark.parametrize("framework", records.FRAMEWORKS)
@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_the_records_match_the_code_that_produces_them(chapter, framework):
    record = records.load_record(chapter, framework=framework)
    command = f"make results CHAPTER={chapter}" + (f" FRAMEWORK={framework}" if framework != "mxnet" else "")
    if record is None:
        pytest.skip(f"no {framework} record of {chapter} yet: `{command}` makes it")
    assert stale_parts(record, CHAPTERS[chapter], framework) == [], (
        f"the {framework} record of {chapter} is stale: run `{command}` and commit it")
    pending = not_yet_recorded(record, CHAPTERS[chapter])
    if pending:
        warnings.warn(f"{chapter}: {len(pending)} declared arms not recorded yet "
                      f"(`make results CHAPTER={chapter}`): {pending}")


@pytest.mark.parametrize("framework", records.FRAMEWORKS)
@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_records_hold_every_run_at_full_settings_with_provenance(chapter, framework):
    record = records.load_record(chapter, framework=framework)
    if record is None:
        pytest.skip(f"no {framework} record of {chapter} yet: `make results CHAPTER={chapter}` makes it")
    provenance = record["provenance"]
    for key in ("date", "processor", "cpu_count", "python", "mxnet", "numpy", "wall_seconds",
                "images_per_second", "bare_loop_images_per_second"):
        assert provenance[key], key
    pending = set(not_yet_recorded(record, CHAPTERS[chapter]))
    for s in CHAPTERS[chapter]:
        if all((s.name, a.name) in pending for a in s.arms):
            continue
        settings = s.full_settings(framework)
        assert provenance["settings"][s.name] == settings.as_dict()
        found = sorted((r["arm"], r["seed"]) for r in record["runs"] if r["study"] == s.name)
        assert found == sorted((a.name, seed) for a in s.arms for seed in settings.seeds
                               if (s.name, a.name) not in pending)
    for run in record["runs"]:
        epochs = provenance["settings"][run["study"]]["epochs"]
        lengths = {len(run[k]) for k in ("train_loss", "train_acc", "test_acc", "lr")}
        diverged = not math.isfinite(run["train_loss"][-1])
        assert lengths == {epochs} or (diverged and len(lengths) == 1)


def _wider_lenet(device=None):
    net = nn.HybridSequential()
    net.add(nn.Conv2D(8, kernel_size=5, padding=2, activation="relu"),
            nn.MaxPool2D(pool_size=2, strides=2),
            nn.Conv2D(16, kernel_size=5, activation="relu"),
            nn.MaxPool2D(pool_size=2, strides=2),
            nn.Dense(120, activation="relu"), nn.Dense(84, activation="relu"), nn.Dense(10))
    net.initialize(init.Xavier(), ctx=device)
    net.hybridize()
    return net


def _fresh_record(demo):
    return {"provenance": {"settings": {demo.name: demo.full_settings().as_dict()}},
            "fingerprints": {demo.name: {a.name: {"seed": demo.seeds[0],
                                                   "losses": study.fingerprint(demo, a.name)}
                                         for a in demo.arms}},
            "runs": []}


def test_the_freshness_check_fails_when_the_model_or_an_arm_changes(monkeypatch):
    demo = d2l_vn.Study("demo", "demo", arms=(
        d2l_vn.Arm("constant 0.3", d2l_vn.ConstantScheduler(base_lr=0.3)),), seeds=(3,), epochs=1)
    record = _fresh_record(demo)
    assert stale_parts(record, [demo]) == []
    monkeypatch.setattr(study, "lenet", _wider_lenet)  # first layer: 8 filters instead of 6
    assert "fingerprint" in stale_parts(record, [demo])[0]
    monkeypatch.undo()
    faster = d2l_vn.Study("demo", "demo", arms=(
        d2l_vn.Arm("constant 0.3", d2l_vn.ConstantScheduler(base_lr=0.5)),), seeds=(3,), epochs=1)
    assert "fingerprint" in stale_parts(record, [faster])[0]
    renamed = d2l_vn.Study("demo", "demo", arms=(
        d2l_vn.Arm("constant", d2l_vn.ConstantScheduler(base_lr=0.3)),), seeds=(3,), epochs=1)
    assert "recorded but not declared" in stale_parts(record, [renamed])[0]
    assert not_yet_recorded(record, [renamed]) == [("demo", "constant")]


def test_fingerprints_do_not_depend_on_quick_mode(monkeypatch):
    demo = d2l_vn.Study("demo", "demo", arms=(
        d2l_vn.Arm("constant 0.3", d2l_vn.ConstantScheduler(base_lr=0.3)),), seeds=(0,), epochs=30)
    monkeypatch.setenv("D2L_VN_QUICK", "0")
    full = study.fingerprint(demo, "constant 0.3")
    monkeypatch.setenv("D2L_VN_QUICK", "1")
    assert study.fingerprint(demo, "constant 0.3") == full


def test_records_are_written_atomically_and_bad_files_give_clear_errors(tmp_path):
    path = records.record_path("demo", records_dir=tmp_path)
    records.write_record(path, {"provenance": {}, "runs": [1]})
    assert records.load_record("demo", records_dir=tmp_path)["runs"] == [1]
    assert [p.name for p in tmp_path.iterdir()] == ["demo.json"]  # no temporary file left
    path.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        records.load_record("demo", records_dir=tmp_path)
    path.write_text(json.dumps({"created": "2026", "runs": {}}))
    with pytest.raises(ValueError, match="old or unknown layout"):
        records.load_record("demo", records_dir=tmp_path)
    with pytest.raises(ValueError, match="chapter must be"):
        records.record_path("../escape")


def _results_command(records_dir):
    return [sys.executable, "-m", "d2l_vn.studies.results", "lr_scheduling", "--studies", "collapse",
            "--images", "200", "--test-images", "200", "--epochs", "1", "--seeds", "3",
            "--processes", "1", "--records-dir", str(records_dir)]


def test_an_interrupted_make_results_resumes_and_keeps_every_finished_run(tmp_path):
    env = {**os.environ, "PYTHONPATH": ROOT}
    partial = records.record_path("lr_scheduling", partial=True, records_dir=tmp_path)
    worker = subprocess.Popen(_results_command(tmp_path), cwd=ROOT, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and worker.poll() is None:
            if partial.exists() and len(json.loads(partial.read_text())["runs"]) >= 2:
                break
            time.sleep(0.2)
        assert worker.poll() is None, "make results finished before it could be interrupted"
    finally:
        os.killpg(worker.pid, signal.SIGKILL)  # the process group this test started
        worker.wait()
    kept = json.loads(partial.read_text())["runs"]
    assert 2 <= len(kept) < 24
    assert not records.record_path("lr_scheduling", records_dir=tmp_path).exists()
    resumed = subprocess.run(_results_command(tmp_path), cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"{len(kept)} already recorded" in resumed.stdout
    record = records.load_record("lr_scheduling", records_dir=tmp_path)
    assert record["runs"][:len(kept)] == kept
    assert sorted((r["arm"], r["seed"]) for r in record["runs"]) == sorted(
        (a.name, s) for a in COLLAPSE.arms for s in (0, 1, 2))
    assert not partial.exists()
    again = d2l_vn.train_run(COLLAPSE, kept[0]["arm"], kept[0]["seed"],
                             Settings(**record["provenance"]["settings"]["collapse"]))[1]
    assert again.test_acc == kept[0]["test_acc"]  # the worker's numbers, reproduced here
