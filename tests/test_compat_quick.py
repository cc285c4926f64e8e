"""The NumPy/Python shims and the quick switch."""
import json
import math
import pathlib
import re
import subprocess
import sys
import warnings

import numpy
import pytest

from d2l_vn import mxnet as d2l_vn
import mxnet as mx
from d2l_vn.mxnet import compat
from d2l_vn.core import quick
ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_mxnet_imports_and_computes():
    assert mx.__version__ == "1.9.1"
    assert (mx.nd.ones((2, 2)) * 2).sum().asscalar() == 8


COMPAT_PROBE = """
import json, sys, warnings, numpy
warnings.simplefilter("ignore")
lacking = [name for name in sys.argv[1:] if not hasattr(numpy, name)]
before = dict(vars(numpy))
import importlib.util                        # d2l_vn/mxnet/compat.py alone, without d2l_vn and MXNet
spec = importlib.util.spec_from_file_location("compat", "d2l_vn/mxnet/compat.py")
compat = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compat)
changed = sorted(name for name, value in vars(numpy).items()
                 if name not in before or before[name] is not value)
print(json.dumps({"lacking": lacking, "restored": list(compat.RESTORED), "changed": changed}))
"""


def test_only_the_names_numpy_lacks_are_put_back():
    """In a fresh process: what NumPy lacked is exactly what was restored, and nothing else
    on ``numpy`` changed (on NumPy 1.23: nothing at all)."""
    run = subprocess.run([sys.executable, "-c", COMPAT_PROBE, *compat.MXNET_NUMPY_NAMES],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["restored"] == found["lacking"]
    assert found["changed"] == sorted(found["lacking"])
    if numpy.lib.NumpyVersion(numpy.__version__) < "1.24.0":
        assert found["restored"] == []
    else:
        assert "PZERO" in found["restored"] or "bool" in found["restored"]


def test_mxnet_reads_every_restored_name():
    """Every name of the table is read by MXNet 1.9.1: a scan of its sources finds it."""
    sources = pathlib.Path(mx.__file__).parent
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in sources.rglob("*.py"))
    for name in compat.MXNET_NUMPY_NAMES:
        assert re.search(rf"(\b(_?np|onp|numpy)\.{name}\b|'{name}')", text), name


def test_restored_names_mean_what_numpy_1_meant():
    """The same checks pass on NumPy 1.23 (its own functions) and on NumPy 2 (restored ones)."""
    assert (numpy.PZERO, numpy.PINF, numpy.NINF, numpy.Inf) == (0.0, math.inf, -math.inf, math.inf)
    assert math.copysign(1, numpy.NZERO) == -1 and math.isnan(numpy.NaN) and math.isnan(numpy.NAN)
    assert numpy.sometrue([0, 1]) and not numpy.alltrue([0, 1])
    assert numpy.product([2, 3]) == 6 and numpy.round_(1.26, 1) == 1.3
    assert numpy.trapz([1, 2, 3]) == 4.0
    assert numpy.msort(numpy.array([[3, 1], [1, 2]])).tolist() == [[1, 1], [3, 2]]
    assert numpy.in1d([[1, 2], [3, 4]], [2, 3]).tolist() == [False, True, True, False]
    assert numpy.compat.basestring is str
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        with pytest.raises(RuntimeError, match="numpy.financial|numpy_financial"):
            numpy.npv(0.1, [1, 2])


def test_mxnet_numpy_interface_on_this_numpy():
    """MXNet's numpy-like arrays, which read the restored names, work on this NumPy."""
    from mxnet import np, npx
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert np.pad(x, ((1, 1), (1, 1)), mode="constant").shape == (4, 4)  # numpy.compat
    assert bool(numpy.any(x > 3)) and float(numpy.sum(x)) == 10.0  # __array_function__
    assert np.PZERO == 0.0 and np.NINF == -math.inf and npx.relu(x - 2).sum().item() == 3.0


def test_python_scalars_keep_numpy_1_precision():
    """NEP 50 (NumPy 2): float32 scalar / Python int stays float32, where NumPy 1 gave float64.
    d2l_vn converts to Python floats first, so results are the same on both."""
    from mxnet import gluon, nd
    net = gluon.nn.Dense(3)
    net.initialize()
    X, y = nd.ones((3, 4)), nd.array([0, 1, 2])
    predicted = net(X).argmax(axis=1)
    accuracy = d2l_vn.evaluate_accuracy(net, [(X, y)], mx.cpu())
    assert type(accuracy) is float
    assert accuracy == float((predicted == y).sum().asscalar()) / 3  # exact, not float32


def test_missing_distutils_gives_an_instruction(monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 12, 0))
    monkeypatch.setattr(compat.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ImportError, match="pip install setuptools"):
        compat.check_distutils()


def test_quick_switch(monkeypatch):
    monkeypatch.delenv("D2L_VN_QUICK", raising=False)
    monkeypatch.delenv("D2L_VN_FROM_RECORDS", raising=False)
    monkeypatch.setattr(quick, "_chosen", None)
    assert not d2l_vn.is_quick() and d2l_vn.epochs(30) == 30
    assert "full settings" in quick.describe()
    monkeypatch.setenv("D2L_VN_QUICK", "1")
    assert d2l_vn.is_quick() and d2l_vn.epochs(30) == 6 and d2l_vn.epochs(1) == 1
    assert "short settings" in quick.describe()
    with pytest.raises(ValueError, match="num_epochs"):
        d2l_vn.epochs(0)


def test_the_readers_choice_and_the_environment(monkeypatch, capsys):
    monkeypatch.delenv("D2L_VN_QUICK", raising=False)
    monkeypatch.delenv("D2L_VN_FROM_RECORDS", raising=False)
    monkeypatch.setattr(quick, "_chosen", None)
    for choice in quick.TRAINING_CHOICES:
        d2l_vn.choose_training(choice, lang="en")
        assert quick.training() == choice
    assert "Nothing trains" in capsys.readouterr().out
    d2l_vn.choose_training("short", lang="vi")
    assert d2l_vn.is_quick() and "Huấn luyện ngắn" in capsys.readouterr().out
    monkeypatch.setenv("D2L_VN_QUICK", "0")  # make's FULL=1 wins over the chapter's choice
    assert quick.training() == "full"
    monkeypatch.setenv("D2L_VN_FROM_RECORDS", "1")  # make book trains nothing
    assert quick.training() == "recorded" and quick.from_records()
    d2l_vn.choose_training("short", lang="en")  # and says so on the page, under the reader's choice
    assert 'This page shows the recorded full runs' in capsys.readouterr().out
    with pytest.raises(ValueError, match="TRAINING must be one of 'short', 'full', 'recorded'"):
        d2l_vn.choose_training("quick")
