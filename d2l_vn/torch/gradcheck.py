"""Check a gradient against central finite differences, in PyTorch (float64).

``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)``: its error shrinks like ``eps^2`` until
rounding (about ``machine_eps / eps``) takes over, so ``x`` must be float64
(see :mod:`d2l_vn.mxnet.gradcheck`).
"""
import numbers

import numpy
import torch

__all__ = ["numerical_gradient", "max_abs_diff"]


def numerical_gradient(f, x, eps=1e-6):
    """Central-difference gradient of the scalar function ``f`` at the float64 tensor ``x``.

    ``f`` is called ``2 * x.numel()`` times with tensors shaped like ``x`` on its device;
    ``x`` is not changed.

    >>> import torch
    >>> numerical_gradient(lambda v: (v ** 3).sum(), torch.tensor([1., 2.], dtype=torch.float64)).round(decimals=6).tolist()
    [3.0, 12.0]
    """
    if not isinstance(x, torch.Tensor):
        raise ValueError(f"x must be a torch tensor, got {type(x).__name__}")
    if x.dtype != torch.float64:
        raise ValueError(f"x must be a float64 tensor (float32 rounding swamps the differences), got {x.dtype}")
    if not isinstance(eps, numbers.Real) or not eps > 0:
        raise ValueError(f"eps must be a number > 0, got {eps!r}")
    base = x.detach().cpu().numpy()
    grad = numpy.zeros_like(base)

    def value(values):
        return float(f(torch.tensor(values, dtype=torch.float64, device=x.device)))

    with torch.no_grad():
        for i in numpy.ndindex(base.shape):
            step = numpy.zeros_like(base)
            step[i] = eps
            grad[i] = (value(base + step) - value(base - step)) / (2 * eps)
    return torch.tensor(grad, dtype=torch.float64, device=x.device)


def max_abs_diff(a, b):
    """Largest ``|a - b|`` over all entries, as a Python float (tensors or NumPy arrays).

    >>> import torch
    >>> max_abs_diff(torch.tensor([1., 2.]), torch.tensor([1.5, 1.]))
    1.0
    """
    a, b = (x.detach().cpu().numpy() if isinstance(x, torch.Tensor) else numpy.asarray(x) for x in (a, b))
    if a.shape != b.shape:
        raise ValueError(f"a and b need the same shape, got {a.shape} and {b.shape}")
    return float(numpy.abs(a - b).max())
