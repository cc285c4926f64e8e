"""Records of full-settings runs, so that quick runs can cite them with their provenance.

A chapter run with full settings saves the final figures of its runs with
:func:`save_record` (a JSON file in ``d2l_vn/records/``, shipped with the package);
quick runs, the website build among them, load that file with :func:`load_record`
and show its figures beside :func:`describe_record`, which says when, where and
with which versions they were measured. Quick runs are never saved.
"""
import datetime
import json
import os
import pathlib
import platform

import mxnet
import numpy

from .train import History

__all__ = ["save_record", "load_record", "describe_record", "RECORDS_DIR"]

RECORDS_DIR = pathlib.Path(__file__).resolve().parent / "records"


def _path(name):
    if not isinstance(name, str) or not name.replace("_", "").isalnum():
        raise ValueError(f"name must be letters, digits and '_', got {name!r}")
    return RECORDS_DIR / f"{name}.json"


def _processor():
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def save_record(name, histories):
    """Write the final figures of ``histories`` (name -> History) as record ``name``."""
    if not histories or not all(isinstance(h, History) and h.train_loss for h in histories.values()):
        raise ValueError("histories must map names to d2l_vn.History objects with finished epochs")
    if any(h.quick for h in histories.values()):
        raise ValueError("only full-settings runs are recorded; unset D2L_VN_QUICK and run again")
    record = {
        "created": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "processor": _processor(), "cpu_count": os.cpu_count(),
        "python": platform.python_version(), "mxnet": mxnet.__version__, "numpy": numpy.__version__,
        "runs": {run: {"epochs": len(h.train_loss), "device": h.device,
                       "train_loss": h.train_loss[-1], "train_acc": h.train_acc[-1],
                       "test_acc": h.test_acc[-1], "seconds_per_epoch": h.seconds_per_epoch}
                 for run, h in histories.items()},
    }
    path = _path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def load_record(name):
    """The record ``name`` as a dict, or ``None`` when no full run was recorded yet."""
    path = _path(name)
    if not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise ValueError(f"the record {path} is not valid JSON ({e}); delete it or run the "
                         "chapter with full settings again") from None


def describe_record(record):
    """One line of provenance: when, on what, with which versions the record was measured."""
    devices = sorted({run["device"] for run in record["runs"].values()})
    return (f"full settings, measured on {record['created']} on {', '.join(devices)} "
            f"({record['processor']}, {record['cpu_count']} cores), Python {record['python']}, "
            f"MXNet {record['mxnet']}, NumPy {record['numpy']}")
