"""Let the retired ``mxnet==1.9.1`` import and run on NumPy 1.23 to 2.x, Python 3.11 to 3.13.

Import this module before ``mxnet`` (``import d2l_vn`` does it first).

MXNet 1.9.1 was written for NumPy 1.x. It reads NumPy names that later releases removed:
at import time (``numpy.PZERO``, ``numpy.sometrue``, ``numpy.mirr``, ...) and inside a few
functions (``mxnet.np.pad`` reads ``numpy.compat.basestring``). :data:`MXNET_NUMPY_NAMES`
lists them; it comes from importing MXNet on NumPy 2.1 and 2.5 and from a scan of MXNet
1.9.1's sources for attributes of its ``numpy`` imports. For each one the installed NumPy
lacks, this module puts back what NumPy 1.x meant by it: the same constant, the same
function under its old name, or, for the financial functions that NumPy 1.20 had already
retired, a stub that raises NumPy 1.x's own error when called. Names the installed NumPy
has are left alone: on NumPy 1.23 nothing changes. :data:`RESTORED` says what was put back.

Python 3.12 removed ``distutils``, which MXNet 1.9.1 imports; ``setuptools`` provides it.
Without it this module stops with an instruction instead of failing deep inside MXNet.

>>> import numpy
>>> float(numpy.PZERO), bool(numpy.sometrue([0, 1])), int(numpy.product([2, 3]))
(0.0, True, 6)
"""
import importlib.util
import math
import sys
import types
import warnings

import numpy

__all__ = ["MXNET_NUMPY_NAMES", "RESTORED", "check_distutils", "restore_numpy_names"]


def _renamed(old, function):
    """``function`` under NumPy 1.x's name ``old`` (a separate object, so that MXNet's
    ``__array_function__`` table keeps today's NumPy functions mapped as they are)."""
    def restored(*args, **kwargs):
        return function(*args, **kwargs)
    restored.__name__ = restored.__qualname__ = old
    restored.__doc__ = f"NumPy 1.x's numpy.{old}, put back by d2l_vn.mxnet.compat for MXNet 1.9.1."
    return restored


def _retired(name):
    """NumPy 1.x's stub for a financial function it removed in 1.20 (NEP 32)."""
    def stub(*args, **kwargs):
        raise RuntimeError(
            f"numpy.{name} was removed from NumPy in version 1.20 (NEP 32); d2l_vn.mxnet.compat only "
            "restores the name for MXNet. The numpy_financial package has it: "
            "pip install numpy-financial")
    stub.__name__ = stub.__qualname__ = name
    return stub


def _compat_module():
    """NumPy 1.x's ``numpy.compat`` as far as MXNet reads it (``basestring``, i.e. ``str``)."""
    module = types.ModuleType("numpy.compat", "NumPy 1.x's numpy.compat, the part MXNet reads.")
    module.basestring = str
    return module


#: NumPy names MXNet 1.9.1 reads that some NumPy from 1.24 on lacks, and how to rebuild each
#: as NumPy 1.x had it (a function, called only when the name is missing).
MXNET_NUMPY_NAMES = {
    # constants (mxnet/numpy/utils.py, mxnet/gluon/contrib/estimator/event_handler.py)
    "PZERO": lambda: 0.0,
    "NZERO": lambda: -0.0,
    "PINF": lambda: math.inf,
    "NINF": lambda: -math.inf,
    "Inf": lambda: math.inf,
    "NaN": lambda: math.nan,
    "NAN": lambda: math.nan,
    # alias of the builtin, removed in NumPy 1.24 (NumPy 2 brings numpy.bool back as numpy.bool_)
    "bool": lambda: bool,
    # functions with a new name (mxnet/numpy_dispatch_protocol.py, mxnet/numpy/fallback.py)
    "sometrue": lambda: _renamed("sometrue", numpy.any),
    "alltrue": lambda: _renamed("alltrue", numpy.all),
    "product": lambda: _renamed("product", numpy.prod),
    "round_": lambda: _renamed("round_", numpy.round),
    "trapz": lambda: _renamed("trapz", numpy.trapezoid),
    "msort": lambda: _renamed("msort", lambda a: numpy.sort(a, axis=0)),
    "in1d": lambda: _renamed(
        "in1d", lambda ar1, ar2, *args, **kwargs: numpy.isin(ar1, ar2, *args, **kwargs).ravel()),
    # financial functions, already stubs in NumPy 1.20 to 1.26 (mxnet/numpy/fallback.py)
    **{name: (lambda name=name: _retired(name))
       for name in ("mirr", "npv", "pmt", "ppmt", "pv", "rate")},
    # mxnet.np.pad (mxnet/ndarray/numpy/_op.py, mxnet/symbol/numpy/_symbol.py)
    "compat": _compat_module,
}


def _has(name):
    with warnings.catch_warnings():  # NumPy 1.x warns when some of these are read
        warnings.simplefilter("ignore")
        return hasattr(numpy, name)


def restore_numpy_names():
    """Put back on ``numpy`` each name of :data:`MXNET_NUMPY_NAMES` it lacks; return them."""
    restored = tuple(name for name in MXNET_NUMPY_NAMES if not _has(name))
    for name in restored:
        setattr(numpy, name, MXNET_NUMPY_NAMES[name]())
    return restored


def check_distutils():
    """Raise ImportError with a fix if ``distutils`` cannot be imported (Python >= 3.12)."""
    if sys.version_info >= (3, 12) and importlib.util.find_spec("distutils") is None:
        raise ImportError(
            "MXNet 1.9.1 needs 'distutils', which Python 3.12 removed. "
            "Install setuptools, which provides it: pip install setuptools")


check_distutils()

#: The names this process put back on ``numpy`` (empty on NumPy 1.23).
RESTORED = restore_numpy_names()
