"""Check a gradient against central finite differences.

For a scalar function ``f`` of an array ``x`` the central difference along entry ``i``
is ``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)``; its error shrinks like
``eps^2``, until rounding (about ``machine_eps / eps``) takes over. In float64,
``eps = 1e-6`` leaves errors near 1e-9 for well-scaled functions; in float32 the
rounding error would be near 1e-1, which is why this module insists on float64.
"""
import numbers

import numpy as np
from mxnet import nd

__all__ = ["numerical_gradient", "max_abs_diff"]


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function ``f`` at the float64 NDArray ``x``.

    Parameters
    ----------
    f : callable
        ``f(x)`` takes an NDArray shaped like ``x`` and returns a number or a
        one-element NDArray. It is called ``2 * x.size`` times; ``x`` is not changed.
    x : NDArray of dtype float64
    eps : float
        Half the width of the difference, > 0.

    Returns
    -------
    NDArray, float64, shaped like ``x``.

    Examples
    --------
    ``f(x) = sum(x^3)`` has gradient ``3 x^2``, i.e. ``(3, 12)`` at ``x = (1, 2)``:

    >>> from mxnet import nd
    >>> g = numerical_gradient(lambda v: (v ** 3).sum(), nd.array([1, 2], dtype="float64"))
    >>> g.asnumpy().round(6).tolist()
    [3.0, 12.0]
    """
    if not isinstance(x, nd.NDArray) or x.dtype != np.float64:
        raise ValueError(f"x must be a float64 NDArray (float32 rounding swamps the "
                         f"differences), got {getattr(x, 'dtype', type(x).__name__)}")
    if not isinstance(eps, numbers.Real) or not eps > 0:
        raise ValueError(f"eps must be a number > 0, got {eps!r}")

    def value(array):
        out = f(nd.array(array, ctx=x.context, dtype="float64"))
        return out.asscalar() if isinstance(out, nd.NDArray) else float(out)

    base = x.asnumpy()
    grad = np.zeros_like(base)
    for i in np.ndindex(base.shape):
        step = np.zeros_like(base)
        step[i] = eps
        grad[i] = (value(base + step) - value(base - step)) / (2 * eps)
    return nd.array(grad, ctx=x.context, dtype="float64")


def max_abs_diff(a, b):
    """Largest ``|a - b|`` over all entries, as a Python float.

    >>> from mxnet import nd
    >>> max_abs_diff(nd.array([1, 2]), nd.array([1.5, 1]))
    1.0
    """
    if a.shape != b.shape:
        raise ValueError(f"a and b need the same shape, got {a.shape} and {b.shape}")
    return float(nd.abs(a - b).max().asscalar())
