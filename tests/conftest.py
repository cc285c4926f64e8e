import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from d2l_vn import mxnet as d2l_vn  # noqa: E402  (first: makes MXNet importable on the installed NumPy)
import pytest  # noqa: E402
from mxnet import npx  # noqa: E402

from d2l_vn.mxnet import arrays  # noqa: E402


@pytest.fixture(params=["np", "nd"])
def array_mode(request):
    """Run a test in d2l's convention (``npx.set_np()``, mxnet.np arrays) and in legacy mode.

    Yields the operator namespace of that kind (``arrays.NP`` or ``arrays.ND``): build the
    test's arrays with ``ops.array(...)``. The root conftest resets the mode afterwards.
    """
    if request.param == "np":
        npx.set_np()
        return arrays.NP
    npx.reset_np()
    return arrays.ND
