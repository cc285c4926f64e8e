"""Check a gradient against central finite differences.

For a scalar function ``f`` of an array ``x`` the central difference along entry ``i``
is ``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)``; its error shrinks like
``eps^2``, until rounding (about ``machine_eps / eps``) takes over. In float64,
``eps = 1e-6`` leaves errors near 1e-9 for well-scaled functions; in float32 the
rounding error would be near 1e-1, which is why this module insists on float64.
"""
import numbers

import numpy

from . import arrays

__all__ = ["numerical_gradient", "max_abs_diff"]


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function ``f`` at the float64 array ``x``.

    Parameters
    ----------
    f : callable
        ``f(x)`` takes an array shaped like ``x``, of its kind, and returns a number or a
        one-element array. It is called ``2 * x.size`` times; ``x`` is not changed.
    x : mxnet.np.ndarray or NDArray of dtype float64
    eps : float
        Half the width of the difference, > 0.

    Returns
    -------
    Array of ``x``'s kind, float64, shaped like ``x``.

    Examples
    --------
    ``f(x) = sum(x^3)`` has gradient ``3 x^2``, i.e. ``(3, 12)`` at ``x = (1, 2)``:

    >>> from mxnet import np, npx
    >>> npx.set_np()
    >>> g = numerical_gradient(lambda v: (v ** 3).sum(), np.array([1, 2], dtype="float64"))
    >>> g.asnumpy().round(6).tolist()
    [3.0, 12.0]
    """
    ops = arrays.ops_for(x)
    if x.dtype != numpy.float64:
        raise ValueError(f"x must be a float64 array (float32 rounding swamps the "
                         f"differences), got {numpy.dtype(x.dtype).name}")
    if not isinstance(eps, numbers.Real) or not eps > 0:
        raise ValueError(f"eps must be a number > 0, got {eps!r}")

    def value(values):
        return arrays.to_float(f(ops.array(values, ctx=x.context, dtype="float64")))

    base = x.asnumpy()
    grad = numpy.zeros_like(base)
    for i in numpy.ndindex(base.shape):
        step = numpy.zeros_like(base)
        step[i] = eps
        grad[i] = (value(base + step) - value(base - step)) / (2 * eps)
    return ops.array(grad, ctx=x.context, dtype="float64")


def max_abs_diff(a, b):
    """Largest ``|a - b|`` over all entries, as a Python float.

    ``a`` and ``b`` are MXNet arrays of either kind (or NumPy arrays); both are copied
    to NumPy first, so comparing an ``mxnet.np`` result with a legacy one is fine.

    >>> from mxnet import np, npx
    >>> npx.set_np()
    >>> max_abs_diff(np.array([1, 2]), np.array([1.5, 1]))
    1.0
    """
    a, b = (x.asnumpy() if hasattr(x, "asnumpy") else numpy.asarray(x) for x in (a, b))
    if a.shape != b.shape:
        raise ValueError(f"a and b need the same shape, got {a.shape} and {b.shape}")
    return float(numpy.abs(a - b).max())
