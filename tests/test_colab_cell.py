"""The first code cell of every chapter: the Colab installer of tools/colab_first_cell.py.

It must be the same in every chapter, do nothing outside Colab, and in Colab install
requirements-colab.txt, d2l without its pins and d2l_vn, then ask for a restart when
an already loaded NumPy (or pandas, matplotlib) was replaced.
"""
import importlib.metadata
import importlib.util
import re
import subprocess
import sys
import types

import numpy
import pytest

from notebooks import CHAPTERS, ROOT, load, source

CELL_PATH = ROOT / "tools" / "colab_first_cell.py"
CELL = CELL_PATH.read_text(encoding="utf-8")
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([0-9][A-Za-z0-9.]*)$")


def pins(path):
    """``{name: version}`` of a requirements file whose every entry is ``name==version``."""
    found = {}
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            match = PIN.match(line)
            assert match, f"{path}: {line!r} is not an exact pin name==version"
            found[match[1].lower()] = match[2]
    return found


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_first_code_cell_is_the_colab_cell(path):
    code = [c for c in load(path)["cells"] if c["cell_type"] == "code"]
    assert code, f"{path.name} has no code cell"
    assert source(code[0]).rstrip("\n") == CELL.rstrip("\n"), (
        f"the first code cell of {path.name} differs from tools/colab_first_cell.py: copy it there")
    assert not code[0].get("outputs"), f"the Colab cell of {path.name} has stored outputs"
    assert "hide-input" in code[0]["metadata"].get("tags", []), \
        f"the Colab cell of {path.name} should be folded on the website: run tools/sync_colab_cell.py"


MXNET_IMPORT = re.compile(
    r"^\s*(import mxnet|from mxnet[ .]|from d2l import|import d2l\b(?!_))", re.M)
D2L_VN_IMPORT = re.compile(r"^\s*(import d2l_vn|from d2l_vn[ .])", re.M)
PY_SOURCES = sorted(p for folder in ("tests", "benchmarks") for p in (ROOT / folder).glob("*.py"))


@pytest.mark.parametrize("path", CHAPTERS + PY_SOURCES, ids=lambda p: p.name)
def test_d2l_vn_is_imported_before_mxnet(path):
    """On NumPy >= 1.24 (Python 3.12, Colab) MXNet only imports after d2l_vn.compat."""
    if path.suffix == ".ipynb":
        text = "\n".join(source(c) for c in load(path)["cells"] if c["cell_type"] == "code")
    else:
        text = path.read_text(encoding="utf-8")
    mx = MXNET_IMPORT.search(text)
    if mx:
        first = D2L_VN_IMPORT.search(text)
        assert first and first.start() < mx.start(), (
            f"{path.name} imports MXNet ({mx[0].strip()!r}) before d2l_vn: "
            "put `import d2l_vn` first, or MXNet fails on Python 3.12 / NumPy 1.26")


def test_outside_colab_the_cell_does_nothing():
    loaded = "sorted(m for m in ('numpy', 'subprocess', 'mxnet') if m in sys.modules)"
    probe = f"{CELL}\nprint({loaded})\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]" and run.stderr == ""


@pytest.fixture
def in_colab(monkeypatch):
    """Pretend to be Colab: record pip calls instead of running them."""
    calls = []
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: calls.append((cmd, kw)))
    return calls


def test_in_colab_installs_the_pins_and_asks_for_a_restart(in_colab, monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "d2l_vn" else real_find_spec(name, *a))
    monkeypatch.setattr(importlib.metadata, "version", lambda name: "0.0.new")
    assert "numpy" in sys.modules
    with pytest.raises(SystemExit, match=r"numpy.*restart the runtime"):
        exec(compile(CELL, str(CELL_PATH), "exec"), {})
    (first, kw1), (second, kw2) = in_colab
    assert first[:4] == [sys.executable, "-m", "pip", "install"]
    assert kw1 == kw2 == {"check": True}
    assert first[-2] == "-r" and first[-1].endswith("/requirements-colab.txt")
    assert "--no-deps" in second and any(arg.startswith("git+https://") for arg in second)
    assert f"d2l=={pins('requirements.txt')['d2l']}" in second


def test_in_colab_with_everything_in_place_the_cell_is_silent(in_colab, capsys):
    exec(compile(CELL, str(CELL_PATH), "exec"), {})
    assert in_colab == [] and capsys.readouterr().out == ""


def test_colab_requirements_fit_python_312():
    colab = pins("requirements-colab.txt")
    assert colab["mxnet"] == "1.9.1" and "setuptools" in colab
    assert numpy.lib.NumpyVersion(colab["numpy"]) >= "1.24.0"  # first NumPy with 3.12 wheels: 1.26
    assert numpy.lib.NumpyVersion(colab["numpy"]) < "2.0.0"    # MXNet 1.9.1 needs NumPy 1.x
    assert "d2l" not in colab, "d2l goes in with --no-deps, outside the requirements file"
    # d2l's mxnet module imports these besides MXNet and IPython
    assert {"matplotlib", "matplotlib-inline", "pandas", "requests"} <= set(colab)


def test_installed_versions_match_the_requirements_in_use():
    """The suite runs on the pins of requirements.txt (3.11) or requirements-colab.txt (3.12)."""
    wanted = pins("requirements-colab.txt" if sys.version_info >= (3, 12) else "requirements.txt")
    for name in ("mxnet", "numpy", "matplotlib", "pandas", "requests"):
        if name in wanted:
            assert importlib.metadata.version(name) == wanted[name], name
    assert importlib.metadata.version("d2l") == pins("requirements.txt")["d2l"]
