"""Every test, doctests included, starts and ends with MXNet's legacy array mode.

A test or an example that calls ``npx.set_np()`` (d2l's convention) must not leak that
mode into the next one.
"""
import d2l_vn  # noqa: F401  (first: makes MXNet importable on the installed NumPy)
import pytest
from mxnet import npx


@pytest.fixture(autouse=True)
def _legacy_array_mode_around_each_test():
    npx.reset_np()
    yield
    npx.reset_np()
