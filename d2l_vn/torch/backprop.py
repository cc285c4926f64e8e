"""Forward and backward propagation of a one-hidden-layer MLP, written out by hand, in PyTorch.

The same network and formulas as :mod:`d2l_vn.mxnet.backprop` (no biases, an L2 penalty
on both weight matrices, rows are examples)::

    Z = X W1^T,  H = phi(Z),  O = H W2^T,  L = mean_i l(O_i, y_i),
    s = lambd / 2 (||W1||_F^2 + ||W2||_F^2),  J = L + s

    dJ/dO = (P - E) / n,  dJ/dW2 = (dJ/dO)^T H + lambd W2,
    dJ/dZ = (dJ/dO) W2 * phi'(Z),  dJ/dW1 = (dJ/dZ)^T X + lambd W1

The arrays are ``torch.Tensor`` s on one device. :func:`mlp_forward` uses only
differentiable operators, so it can run with ``requires_grad`` weights to check
:func:`mlp_backward` against ``J.backward()``.
"""
import numbers

import torch

__all__ = ["ACTIVATIONS", "mlp_forward", "mlp_backward"]

#: phi name -> (phi, phi') as functions of a tensor.
ACTIVATIONS = {
    "relu": (torch.relu, lambda z: (z > 0).to(z.dtype)),
    "sigmoid": (torch.sigmoid, lambda z: torch.sigmoid(z) * (1 - torch.sigmoid(z))),
    "tanh": (torch.tanh, lambda z: 1 - torch.tanh(z) ** 2),
}


def _check_inputs(X, y, W1, W2, lambd, phi):
    named = {"X": X, "y": y, "W1": W1, "W2": W2}
    others = [f"{name} is a {type(a).__module__}.{type(a).__name__}" for name, a in named.items()
              if not isinstance(a, torch.Tensor)]
    if others:
        raise ValueError(f"the PyTorch edition needs torch tensors: {', '.join(others)}; "
                         "make them with torch.tensor(...) (or torch.from_numpy)")
    if X.ndim != 2 or W1.ndim != 2 or W2.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected X (n, d), y (n,), W1 (h, d), W2 (q, h); got X {tuple(X.shape)}, "
                         f"y {tuple(y.shape)}, W1 {tuple(W1.shape)}, W2 {tuple(W2.shape)}")
    n, d = X.shape
    h, q = W1.shape[0], W2.shape[0]
    if W1.shape != (h, d) or W2.shape != (q, h) or y.shape != (n,):
        raise ValueError(f"shapes do not fit: X {tuple(X.shape)} and W1 {tuple(W1.shape)} need the same d, "
                         f"W2 {tuple(W2.shape)} needs h = {h} columns, y {tuple(y.shape)} needs n = {n} entries")
    if len({X.dtype, W1.dtype, W2.dtype}) > 1:
        raise ValueError(f"X, W1 and W2 need one dtype, got {X.dtype}, {W1.dtype}, {W2.dtype}")
    if len({X.device, y.device, W1.device, W2.device}) > 1:
        raise ValueError("X, y, W1 and W2 must be on one device: move them with .to(device)")
    if y.dtype.is_floating_point or y.dtype == torch.bool or n == 0 or y.min() < 0 or y.max() >= q:
        raise ValueError(f"y must hold n >= 1 integer labels in [0, q) with q = {q}, as an integer tensor")
    if not isinstance(lambd, numbers.Real) or isinstance(lambd, bool) or not lambd >= 0:
        raise ValueError(f"lambd must be a real number >= 0, got {lambd!r}")
    if phi not in ACTIVATIONS:
        raise ValueError(f"phi must be one of {sorted(ACTIVATIONS)}, got {phi!r}")


def mlp_forward(X, y, W1, W2, lambd, phi="relu"):
    """Run forward propagation; return the objective ``J`` (a 0-d tensor) and the cache for backward.

    The cache holds the inputs and ``Z``, ``H`` and ``P = softmax(O)``, plus ``L`` and ``s``.

    >>> import torch
    >>> J, cache = mlp_forward(torch.tensor([[1.]]), torch.tensor([0]), torch.tensor([[2.]]),
    ...                        torch.tensor([[1.], [-1.]]), lambd=0.1)
    >>> round(float(J), 5), round(float(cache["L"]), 5)
    (0.31815, 0.01815)
    """
    _check_inputs(X, y, W1, W2, lambd, phi)
    Z = X @ W1.T
    H = ACTIVATIONS[phi][0](Z)
    O = H @ W2.T
    log_P = torch.log_softmax(O, dim=1)
    L = -log_P.gather(1, y.long()[:, None]).mean()
    s = lambd / 2 * ((W1 ** 2).sum() + (W2 ** 2).sum())
    J = L + s
    cache = {"X": X, "y": y, "W1": W1, "W2": W2, "lambd": lambd, "phi": phi,
             "Z": Z, "H": H, "P": log_P.exp(), "L": L, "s": s}
    return J, cache


def mlp_backward(cache):
    """Backpropagate through the cache of :func:`mlp_forward`; return ``(dW1, dW2)``.

    >>> import torch
    >>> _, cache = mlp_forward(torch.tensor([[1.]]), torch.tensor([0]), torch.tensor([[2.]]),
    ...                        torch.tensor([[1.], [-1.]]), lambd=0.1)
    >>> dW1, dW2 = mlp_backward(cache)
    >>> [round(float(v), 5) for v in (*dW1.ravel(), *dW2.ravel())]
    [0.16403, 0.06403, -0.06403]
    """
    X, W1, W2, lambd, P = cache["X"], cache["W1"], cache["W2"], cache["lambd"], cache["P"]
    with torch.no_grad():
        n, q = P.shape
        dO = (P - torch.nn.functional.one_hot(cache["y"].long(), q).to(P.dtype)) / n
        dW2 = dO.T @ cache["H"] + lambd * W2
        dH = dO @ W2
        dZ = dH * ACTIVATIONS[cache["phi"]][1](cache["Z"])
        dW1 = dZ.T @ X + lambd * W1
    return dW1, dW2
