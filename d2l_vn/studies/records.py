"""Records of full runs: one JSON file per chapter, written run by run by ``make results``.

``d2l_vn/records/<chapter>.json`` (shipped with the package) holds::

    {"chapter": ..., "provenance": {...}, "fingerprints": {...}, "runs": [...]}

``provenance`` says when, on which processor and with which versions the runs were
made, the settings of every study (training images, epochs, batch size, seeds), how
they ran in parallel and how long it took; every run has its ``study``, ``arm`` and
``seed``, one value per epoch of ``train_loss``, ``train_acc``, ``test_acc`` and ``lr``,
and its ``seconds``; ``fingerprints`` are the losses of the first minibatches of every
arm (:func:`d2l_vn.mxnet.study.fingerprint`), which ``tests/test_records.py`` recomputes.

While ``make results`` runs, the finished runs go to ``<chapter>.partial.json``,
rewritten after every run through a temporary file and ``os.replace``, so a run is
never half written and an interrupted ``make results`` resumes from it; at the end
the complete record replaces ``<chapter>.json``.
"""
import datetime
import importlib.metadata
import json
import os
import pathlib
import platform

import subprocess

import numpy

from . import instruction_set

__all__ = ["load_record", "write_record", "record_path", "machine",
           "RECORDS_DIR", "LEGACY_MACHINE_KEYS", "LEGACY_SESSION"]

RECORDS_DIR = pathlib.Path(__file__).resolve().parent.parent / "records"
#: What records made before 2026-12 kept of their one session, and what we know of the rest:
#: they were made on AMD EPYC processors (AVX2, no AVX-512) with no cap on oneDNN.
LEGACY_MACHINE_KEYS = ("date", "processor", "cpu_count", "python", "mxnet", "numpy", "parallel",
                       "wall_seconds")
LEGACY_SESSION = {"dnnl_max_cpu_isa": "unlimited", "processor_isa": "AVX2", "d2l": "1.0.3",
                  "commit": "not kept (before 2026-12)", "data_sha256": "not kept (before 2026-12)"}


#: The frameworks the studies train in; the records of each but MXNet's lie in a folder of its name.
FRAMEWORKS = ("mxnet", "torch")


def record_path(chapter, partial=False, records_dir=None, framework="mxnet"):
    """Where the record of ``chapter`` lives (``partial=True``: the one being written).

    MXNet's records are ``d2l_vn/records/<chapter>.json``, PyTorch's ``d2l_vn/records/torch/<chapter>.json``.
    """
    if framework not in FRAMEWORKS:
        raise ValueError(f"framework must be one of {FRAMEWORKS}, got {framework!r}")
    if not isinstance(chapter, str) or not chapter.replace("_", "").isalnum():
        raise ValueError(f"chapter must be letters, digits and '_', got {chapter!r}")
    folder = pathlib.Path(records_dir) if records_dir is not None else RECORDS_DIR
    if framework != "mxnet":
        folder = folder / framework
    return folder / f"{chapter}{'.partial' if partial else ''}.json"


def load_record(chapter, partial=False, records_dir=None, framework="mxnet"):
    """The record of ``chapter`` (in ``framework``) as a dict, or ``None`` when none was made yet."""
    path = record_path(chapter, partial, records_dir, framework)
    if not path.exists():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise ValueError(f"the record {path.name} of chapter {chapter!r} is not valid JSON ({e}); "
                         f"delete it and run `make results CHAPTER={chapter}` again") from None
    if not isinstance(record, dict) or not {"provenance", "runs"} <= set(record):
        raise ValueError(f"the record {path.name} has an old or unknown layout (it needs "
                         f"'provenance' and 'runs'): run `make results CHAPTER={chapter}` again")
    return record


def write_record(path, record):
    """Write ``record`` to ``path`` atomically: a reader sees the old file or the new one."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def _processor():
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit():
    """The course's git commit, with ``+changes`` when the package differs from it."""
    root = pathlib.Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, text=True,
                              capture_output=True, check=True).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain", "--", "d2l_vn", ":!d2l_vn/records"],
                                 cwd=root, text=True, capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return head + ("+changes" if changed else "")


def _d2l_version():
    try:
        return importlib.metadata.version("d2l")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine(framework="mxnet"):
    """Today's date and this machine: processor, instruction-set cap, versions and commit."""
    versions = {"torch": importlib.metadata.version("torch")} if framework == "torch" else {}
    return {"framework": framework, **versions, "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "processor": _processor(), "cpu_count": os.cpu_count(), **instruction_set.describe(),
            "python": platform.python_version(), "mxnet": importlib.metadata.version("mxnet"),
            "numpy": numpy.__version__, "d2l": _d2l_version(), "commit": _commit()}
