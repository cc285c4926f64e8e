"""Full-run records: saved only from full runs, loaded with their provenance."""
import json

import pytest

import d2l_vn
from d2l_vn import records


def _history(quick=False):
    return d2l_vn.History(train_loss=[0.9, 0.4], train_acc=[0.7, 0.9], test_acc=[0.7, 0.85],
                          epoch_time=[2.0, 3.0], device="cpu(0)", quick=quick)


@pytest.fixture
def records_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(records, "RECORDS_DIR", tmp_path)
    return tmp_path


def test_round_trip_keeps_the_figures_and_says_where_they_come_from(records_dir):
    path = d2l_vn.save_record("demo", {"cosine": _history()})
    assert path.parent == records_dir
    record = d2l_vn.load_record("demo")
    assert record["runs"]["cosine"] == {"epochs": 2, "device": "cpu(0)", "train_loss": 0.4,
                                        "train_acc": 0.9, "test_acc": 0.85,
                                        "seconds_per_epoch": 2.5}
    line = d2l_vn.describe_record(record)
    assert "full settings" in line and "cpu(0)" in line and record["created"] in line
    assert f"{record['cpu_count']} cores" in line and "MXNet 1.9.1" in line


def test_quick_runs_are_never_recorded(records_dir):
    with pytest.raises(ValueError, match="only full-settings runs"):
        d2l_vn.save_record("demo", {"cosine": _history(quick=True)})
    assert d2l_vn.load_record("demo") is None


def test_bad_names_and_files_give_clear_errors(records_dir):
    with pytest.raises(ValueError, match="name"):
        d2l_vn.save_record("../escape", {"cosine": _history()})
    with pytest.raises(ValueError, match="History"):
        d2l_vn.save_record("demo", {"cosine": "not a history"})
    (records_dir / "broken.json").write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        d2l_vn.load_record("broken")


def test_shipped_records_are_full_runs():
    for path in records.RECORDS_DIR.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["runs"] and all(run["epochs"] >= 1 for run in record["runs"].values())
        assert record["created"] and record["processor"]
