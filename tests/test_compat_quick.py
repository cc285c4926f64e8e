"""The NumPy/Python shims and the quick switch."""
import sys

import numpy
import pytest

import d2l_vn
from d2l_vn import compat, quick


def test_mxnet_imports_and_computes():
    import mxnet as mx
    assert mx.__version__ == "1.9.1"
    assert (mx.nd.ones((2, 2)) * 2).sum().asscalar() == 8


def test_numpy_bool_is_patched_only_when_missing():
    new_numpy = numpy.lib.NumpyVersion(numpy.__version__) >= "1.24.0"
    assert compat.NUMPY_BOOL_PATCHED == new_numpy
    if new_numpy:
        assert numpy.bool is bool


def test_missing_distutils_gives_an_instruction(monkeypatch):
    monkeypatch.setattr(sys, "version_info", (3, 12, 0))
    monkeypatch.setattr(compat.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ImportError, match="pip install setuptools"):
        compat.check_distutils()


def test_quick_switch(monkeypatch):
    monkeypatch.delenv("D2L_VN_QUICK", raising=False)
    assert not d2l_vn.is_quick() and d2l_vn.epochs(30) == 30
    assert "full settings" in quick.describe()
    monkeypatch.setenv("D2L_VN_QUICK", "1")
    assert d2l_vn.is_quick() and d2l_vn.epochs(30) == 6 and d2l_vn.epochs(1) == 1
    assert "QUICK" in quick.describe()
    with pytest.raises(ValueError, match="num_epochs"):
        d2l_vn.epochs(0)
