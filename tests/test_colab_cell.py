"""The first code cell of every chapter: the Colab installer of tools/colab_first_cell.py.

It must be the same in every chapter, name the repository of _config.yml, do nothing outside
Colab, and in Colab install only what Colab lacks (mxnet, d2l, d2l_vn, without dependencies),
leaving Colab's NumPy alone: no restart.
"""
import importlib.metadata
import importlib.util
import json
import os
import re
import subprocess
import sys
import textwrap
import types

import numpy
import pytest
import yaml

from notebooks import CHAPTERS, ROOT, load, source

CELL_PATH = ROOT / "tools" / "colab_first_cell.py"
CELL = CELL_PATH.read_text(encoding="utf-8")
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([0-9][A-Za-z0-9.]*)$")
COLAB_KEEPS = ("numpy", "pandas", "matplotlib", "scipy", "ipython", "requests")


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


def first_code_cell(path):
    return next(c for c in load(path)["cells"] if c["cell_type"] == "code")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_first_code_cell_is_the_colab_cell(path):
    cell = first_code_cell(path)
    assert source(cell).rstrip("\n") == CELL.rstrip("\n"), (
        f"the first code cell of {path.name} differs from tools/colab_first_cell.py: "
        "run tools/sync_colab_cell.py")
    assert not cell.get("outputs"), f"the Colab cell of {path.name} has stored outputs"
    assert "hide-input" in cell["metadata"].get("tags", []), \
        f"the Colab cell of {path.name} should be folded on the website: run tools/sync_colab_cell.py"


def test_the_cell_and_the_colab_buttons_name_the_same_repository():
    """Colab buttons open <repository.url>/blob/<branch>; the cell installs d2l_vn from there."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert config["launch_buttons"]["colab_url"] == "https://colab.research.google.com"
    repository = config["repository"]
    assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", repository["url"]), \
        "Colab buttons need repository.url = https://github.com/<owner>/<name>"
    wanted = f'D2L_VN = "git+{repository["url"]}@{repository["branch"]}"'
    assert wanted in CELL, f"the cell should say {wanted}: run tools/sync_colab_cell.py"
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "sync_colab_cell.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_cell_installs_the_pinned_mxnet_and_d2l():
    pinned = pins("requirements.txt")
    for name in ("mxnet", "d2l"):
        assert f'"{name}=={pinned[name]}"' in CELL, f"the cell should pin {name}=={pinned[name]}"


MXNET_IMPORT = re.compile(
    r"^\s*(import mxnet|from mxnet[ .]|from d2l import|import d2l\b(?!_))", re.M)
D2L_VN_IMPORT = re.compile(r"^\s*(import d2l_vn|from d2l_vn[ .])", re.M)
PY_SOURCES = sorted(p for folder in ("tests", "benchmarks") for p in (ROOT / folder).glob("*.py"))


@pytest.mark.parametrize("path", CHAPTERS + PY_SOURCES, ids=lambda p: p.name)
def test_d2l_vn_is_imported_before_mxnet(path):
    """On NumPy >= 1.24 (Colab: NumPy 2) MXNet only imports after d2l_vn.compat."""
    if path.suffix == ".ipynb":
        text = "\n".join(source(c) for c in load(path)["cells"] if c["cell_type"] == "code")
    else:
        text = path.read_text(encoding="utf-8")
    mx = MXNET_IMPORT.search(text)
    if mx:
        first = D2L_VN_IMPORT.search(text)
        assert first and first.start() < mx.start(), (
            f"{path.name} imports MXNet ({mx[0].strip()!r}) before d2l_vn: "
            "put `from d2l_vn import mxnet as d2l_vn` first, or MXNet fails on NumPy 2")


def test_outside_colab_the_cell_does_nothing():
    loaded = "sorted(m for m in ('numpy', 'subprocess', 'mxnet') if m in sys.modules)"
    probe = f"{CELL}\nprint({loaded})\n"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]" and run.stderr == ""


# A Colab kernel in a fresh process: NumPy already imported, google.colab importable, and
# mxnet, d2l, d2l_vn not installed (hidden from find_spec). The chapter's first cell runs with
# a fake pip (a `pip` package first on PYTHONPATH) that records its arguments, prints what the
# FAKE_PIP_* variables say and exits with FAKE_PIP_STATUS: no network. Then the chapter's next
# imports run on the same interpreter.
FAKE_PIP = """\
import json, os, sys
with open(os.environ["FAKE_PIP_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
print(os.environ.get("FAKE_PIP_STDOUT", ""))
print(os.environ.get("FAKE_PIP_STDERR", ""), file=sys.stderr)
sys.exit(int(os.environ.get("FAKE_PIP_STATUS", "0")))
"""
COLAB_KERNEL = """\
import importlib.util, json, sys, types
import numpy                                  # Colab's kernel imports NumPy at start
sys.modules["google.colab"] = types.ModuleType("google.colab")
before = (id(numpy), numpy.__version__)
real_find_spec = importlib.util.find_spec
importlib.util.find_spec = lambda name, *args: (
    None if name in ("mxnet", "d2l", "d2l_vn") else real_find_spec(name, *args))
exec(compile(sys.argv[1], "first cell", "exec"), {})
importlib.util.find_spec = real_find_spec
from d2l_vn import mxnet as d2l_vn          # what the chapters import next
import mxnet
from d2l import mxnet as d2l
assert (id(sys.modules["numpy"]), sys.modules["numpy"].__version__) == before
print(json.dumps({"numpy": numpy.__version__, "restored": list(d2l_vn.compat.RESTORED)}))
"""


def run_as_colab(cell, tmp_path, **fake_pip):
    (tmp_path / "pip").mkdir()
    (tmp_path / "pip" / "__init__.py").write_text("")
    (tmp_path / "pip" / "__main__.py").write_text(FAKE_PIP)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(tmp_path), str(ROOT), os.environ.get("PYTHONPATH", "")]),
        FAKE_PIP_LOG=str(tmp_path / "pip.log"), **fake_pip)
    run = subprocess.run([sys.executable, "-c", COLAB_KERNEL, cell], env=env,
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    log = tmp_path / "pip.log"
    calls = [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return run, calls


def test_a_chapter_first_cell_in_colab_installs_only_what_is_missing(tmp_path):
    cell = source(first_code_cell(CHAPTERS[0]))
    run, calls = run_as_colab(cell, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "restart" not in (run.stdout + run.stderr).lower()
    (args,) = calls
    assert args[:3] == ["install", "--quiet", "--no-deps"]
    pinned = pins("requirements.txt")
    assert args[3:] == [f"mxnet=={pinned['mxnet']}", f"d2l=={pinned['d2l']}",
                        re.search(r'D2L_VN = "([^"]+)"', CELL)[1]]
    assert not any(arg.split("=")[0].lower() in COLAB_KEEPS for arg in args)
    *cell_output, result = run.stdout.strip().splitlines()
    assert re.fullmatch(r"Installed mxnet, d2l, d2l_vn \(without dependencies\) in \d+ s\.",
                        "\n".join(cell_output)), cell_output
    # NumPy is the one of the environment (Colab's in .venv-colab), the same module as before
    assert json.loads(result)["numpy"] == importlib.metadata.version("numpy")
    if sys.version_info >= (3, 12):
        assert json.loads(result)["numpy"] == pins("requirements-colab.txt")["numpy"]


def test_in_colab_a_pip_failure_shows_pips_own_words(tmp_path):
    cell = source(first_code_cell(CHAPTERS[0]))
    run, calls = run_as_colab(cell, tmp_path, FAKE_PIP_STATUS="1",
                              FAKE_PIP_STDERR="ERROR: No matching distribution found for mxnet")
    assert len(calls) == 1 and run.returncode != 0
    assert "pip could not install mxnet, d2l, d2l_vn" in run.stderr
    assert "ERROR: No matching distribution found for mxnet" in run.stderr


@pytest.fixture
def in_colab(monkeypatch):
    """Pretend to be Colab in this process: record pip calls instead of running them."""
    calls = []
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    monkeypatch.setattr(subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    return calls


def test_in_colab_on_an_unsupported_python_the_cell_says_so_at_once(in_colab, monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 14, 0, "final", 0))
    with pytest.raises(SystemExit, match=r"Python 3\.11 to 3\.13, this runtime has Python 3\.14"):
        exec(compile(CELL, str(CELL_PATH), "exec"), {})
    assert in_colab == []


def test_in_colab_with_everything_in_place_the_cell_is_silent(in_colab, capsys):
    exec(compile(CELL, str(CELL_PATH), "exec"), {})
    assert in_colab == [] and capsys.readouterr().out == ""


def test_colab_versions_are_pinned_with_their_source():
    colab = pins("requirements-colab.txt")
    assert numpy.lib.NumpyVersion(colab["numpy"]) >= "2.0.0"  # Colab's default runtime: NumPy 2
    assert {"mxnet", "d2l"}.isdisjoint(colab), "mxnet and d2l go in with --no-deps, as in Colab"
    # MXNet imports requests; d2l's mxnet module imports these; Python >= 3.12 needs setuptools
    assert {"requests", "matplotlib", "matplotlib-inline", "pandas", "ipython",
            "setuptools"} <= set(colab)
    lines = (ROOT / "requirements-colab.txt").read_text(encoding="utf-8").splitlines()
    header = " ".join(line for line in lines if line.startswith("#"))
    assert re.search(r"googlecolab/backend-info.*\d{4}-\d{2}-\d{2}", header), \
        "requirements-colab.txt should say where its versions come from, and when"


def test_installed_versions_match_the_requirements_in_use():
    """The suite runs on requirements.txt (Python 3.11) or Colab's versions (.venv-colab)."""
    wanted = pins("requirements-colab.txt" if sys.version_info >= (3, 12) else "requirements.txt")
    for name in ("numpy", "matplotlib", "pandas", "requests", "ipython", "networkx"):
        if name in wanted:
            assert importlib.metadata.version(name) == wanted[name], name
    for name in ("mxnet", "d2l"):
        assert importlib.metadata.version(name) == pins("requirements.txt")[name], name
