"""Every test, doctests included, starts and ends with MXNet's legacy array mode.

A test or an example that calls ``npx.set_np()`` (d2l's convention) must not leak that
mode into the next one.
"""
from d2l_vn import mxnet as d2l_vn  # noqa: F401  (first: makes MXNet importable on the installed NumPy)
from d2l_vn.studies import instruction_set
import pytest
from mxnet import npx

# Before any kernel runs: oneDNN at the records' instruction set (unless DNNL_MAX_CPU_ISA is
# set), so recorded runs reproduce bit for bit here and in the notebooks' kernels.
instruction_set.pin()


@pytest.fixture(autouse=True)
def _legacy_array_mode_around_each_test():
    npx.reset_np()
    yield
    npx.reset_np()
