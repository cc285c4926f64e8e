"""Make the retired ``mxnet==1.9.1`` import on today's NumPy and Python.

Import this module before ``mxnet`` (``import d2l_vn`` does it first). It checks
and patches three things:

* MXNet 1.9.1 requires NumPy < 2 (its metadata says ``numpy<2.0.0``). Colab ships
  NumPy 2, so a NumPy 2 that is already loaded fails here with the fix (install
  ``numpy==1.26.4`` and restart) instead of somewhere inside MXNet.
* NumPy 1.24 removed the alias ``numpy.bool``; MXNet 1.9.1 still uses it
  (``mxnet/numpy/utils.py`` reads it at import time). We restore it as the
  builtin ``bool``, which is what the alias always meant, and only when it is
  missing, so NumPy 1.23 is left untouched.
* Python 3.12 removed ``distutils``; MXNet 1.9.1 imports
  ``distutils.version``. ``setuptools`` ships a drop-in ``distutils``; when it
  is not installed we fail here with an instruction instead of deep inside MXNet.

>>> import numpy
>>> numpy.bool is bool or not NUMPY_BOOL_PATCHED
True
"""
import importlib.util
import sys

import numpy

__all__ = ["NUMPY_BOOL_PATCHED", "check_numpy", "check_distutils"]


def check_numpy(version=numpy.__version__):
    """Raise ImportError with a fix if NumPy ``version`` is 2 or newer (MXNet 1.9.1 needs 1.x).

    >>> check_numpy("1.26.4")
    >>> check_numpy("2.0.2")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ImportError: MXNet 1.9.1 needs NumPy < 2, found 2.0.2. Run: pip install numpy==1.26.4 ...
    """
    if numpy.lib.NumpyVersion(version) >= "2.0.0":
        raise ImportError(
            f"MXNet 1.9.1 needs NumPy < 2, found {version}. Run: pip install numpy==1.26.4 "
            "(in Colab: run the first cell of the notebook), then restart Python "
            "(Runtime > Restart session in Colab).")


def check_distutils():
    """Raise ImportError with a fix if ``distutils`` cannot be imported (Python >= 3.12)."""
    if sys.version_info >= (3, 12) and importlib.util.find_spec("distutils") is None:
        raise ImportError(
            "MXNet 1.9.1 needs 'distutils', which Python 3.12 removed. "
            "Install setuptools, which provides it: pip install setuptools")


check_numpy()
check_distutils()

#: True when this module restored ``numpy.bool`` (NumPy 1.24 to 1.26).
NUMPY_BOOL_PATCHED = ("bool" not in vars(numpy)
                      and numpy.lib.NumpyVersion(numpy.__version__) >= "1.24.0")
if NUMPY_BOOL_PATCHED:
    numpy.bool = bool
