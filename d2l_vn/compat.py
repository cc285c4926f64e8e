"""Make the retired ``mxnet==1.9.1`` import on today's NumPy and Python.

Import this module before ``mxnet`` (``import d2l_vn`` does it first). Two shims:

* NumPy 1.24 removed the alias ``numpy.bool``; MXNet 1.9.1 still uses it
  (``mxnet/numpy/utils.py`` reads it at import time). We restore it as the
  builtin ``bool``, which is what the alias always meant, and only when it is
  missing, so NumPy 1.23 is left untouched.
* Python 3.12 removed ``distutils``; MXNet 1.9.1 imports
  ``distutils.version``. ``setuptools`` ships a drop-in ``distutils``; when it
  is not installed we fail here with an instruction instead of deep inside MXNet.
"""
import importlib.util
import sys

import numpy

__all__ = ["NUMPY_BOOL_PATCHED", "check_distutils"]

#: True when this module restored ``numpy.bool`` (NumPy 1.24 to 1.26).
NUMPY_BOOL_PATCHED = ("bool" not in vars(numpy)
                      and numpy.lib.NumpyVersion(numpy.__version__) >= "1.24.0")
if NUMPY_BOOL_PATCHED:
    numpy.bool = bool


def check_distutils():
    """Raise ImportError with a fix if ``distutils`` cannot be imported (Python >= 3.12)."""
    if sys.version_info >= (3, 12) and importlib.util.find_spec("distutils") is None:
        raise ImportError(
            "MXNet 1.9.1 needs 'distutils', which Python 3.12 removed. "
            "Install setuptools, which provides it: pip install setuptools")


check_distutils()
