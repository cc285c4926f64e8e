"""Forward and backward propagation of a one-hidden-layer MLP, written out by hand.

The network has no biases and an L2 penalty on both weight matrices. For a
minibatch ``X`` of shape ``(n, d)`` with integer labels ``y`` of shape ``(n,)``,
``W1`` of shape ``(h, d)`` and ``W2`` of shape ``(q, h)``, rows are examples::

    Z = X W1^T          (n, h)      column form: z = W1 x
    H = phi(Z)          (n, h)                   h = phi(z)
    O = H W2^T          (n, q)                   o = W2 h
    L = mean_i l(O_i, y_i)          softmax cross-entropy
    s = lambd / 2 (||W1||_F^2 + ||W2||_F^2)
    J = L + s

and backpropagation (``P = softmax(O)``, ``E`` the one-hot labels)::

    dJ/dO  = (P - E) / n                          (n, q)
    dJ/dW2 = (dJ/dO)^T H + lambd W2                (q, h)
    dJ/dH  = (dJ/dO) W2                            (n, h)
    dJ/dZ  = dJ/dH * phi'(Z)   (elementwise)       (n, h)
    dJ/dW1 = (dJ/dZ)^T X + lambd W1                (h, d)

Row ``i`` of ``(dJ/dO)^T H`` summed over ``i`` is the outer product
``dJ/do_i h_i^T`` of the column-vector equations, added up over the minibatch.
The arrays are MXNet arrays of one kind, ``mxnet.np`` (after ``npx.set_np()``, as in
d2l) or legacy ``nd``, and the results come back in that kind (:mod:`d2l_vn.mxnet.arrays`).
:func:`mlp_forward` uses only differentiable operators, so it can run inside
``autograd.record()`` to check :func:`mlp_backward`.
"""
import numbers

import numpy

from . import arrays

__all__ = ["ACTIVATIONS", "mlp_forward", "mlp_backward"]

#: phi name -> (phi, phi') as functions of an array and the operators of its kind.
ACTIVATIONS = {
    "relu": (lambda ops, z: ops.relu(z), lambda ops, z: z > 0),
    "sigmoid": (lambda ops, z: ops.sigmoid(z),
                lambda ops, z: ops.sigmoid(z) * (1 - ops.sigmoid(z))),
    "tanh": (lambda ops, z: ops.tanh(z), lambda ops, z: 1 - ops.tanh(z) ** 2),
}


def _check_inputs(X, y, W1, W2, lambd, phi):
    arrays.check_kinds(X=X, y=y, W1=W1, W2=W2)
    if X.ndim != 2 or W1.ndim != 2 or W2.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected X (n, d), y (n,), W1 (h, d), W2 (q, h); got X {X.shape}, "
                         f"y {y.shape}, W1 {W1.shape}, W2 {W2.shape}")
    n, d = X.shape
    h, q = W1.shape[0], W2.shape[0]
    if W1.shape != (h, d) or W2.shape != (q, h) or y.shape != (n,):
        raise ValueError(f"shapes do not fit: X {X.shape} and W1 {W1.shape} need the same d, "
                         f"W2 {W2.shape} needs h = {h} columns, y {y.shape} needs n = {n} "
                         f"entries")
    dtypes = [numpy.dtype(a.dtype).name for a in (X, W1, W2)]
    if len(set(dtypes)) > 1:
        raise ValueError(f"X, W1 and W2 need one dtype, got {', '.join(dtypes)}")
    labels = y.asnumpy()
    if n == 0 or (labels != labels.round()).any() or labels.min() < 0 or labels.max() >= q:
        raise ValueError(f"y must hold n >= 1 integer labels in [0, q) with q = {q}")
    if not isinstance(lambd, numbers.Real) or isinstance(lambd, bool) or not lambd >= 0:
        raise ValueError(f"lambd must be a real number >= 0, got {lambd!r}")
    if phi not in ACTIVATIONS:
        raise ValueError(f"phi must be one of {sorted(ACTIVATIONS)}, got {phi!r}")


def mlp_forward(X, y, W1, W2, lambd, phi="relu"):
    """Run forward propagation; return the objective ``J`` and the cache for backward.

    Parameters
    ----------
    X : mxnet.np.ndarray or NDArray, shape (n, d)
        Minibatch, one example per row.
    y : array of the same kind, shape (n,)
        Integer class labels in ``[0, q)`` (any dtype holding integers).
    W1 : array of the same kind, shape (h, d)
        Hidden-layer weights.
    W2 : array of the same kind, shape (q, h)
        Output-layer weights.
    lambd : float
        L2 strength: ``J = L + lambd / 2 (||W1||_F^2 + ||W2||_F^2)``.
    phi : {'relu', 'sigmoid', 'tanh'}
        Activation of the hidden layer.

    Returns
    -------
    J : one-element array of the inputs' kind
        Mean softmax cross-entropy ``L`` plus the penalty ``s``.
    cache : dict
        The inputs and the activations backward needs: ``Z``, ``H`` and
        ``P = softmax(O)`` (``O`` itself is not kept), plus the scalars ``L`` and ``s``.

    Examples
    --------
    One example, ``z = 2 * 1``, ``h = 2``, ``o = (2, -2)``, label 0:
    ``L = log(1 + e^-4) = 0.01815`` and ``s = 0.05 (4 + 1 + 1) = 0.3``.

    >>> from mxnet import np, npx
    >>> npx.set_np()
    >>> J, cache = mlp_forward(np.array([[1.]]), np.array([0]), np.array([[2.]]),
    ...                        np.array([[1.], [-1.]]), lambd=0.1)
    >>> round(float(J), 5), round(float(cache["L"]), 5)
    (0.31815, 0.01815)
    """
    _check_inputs(X, y, W1, W2, lambd, phi)
    ops = arrays.ops_for(X)
    Z = ops.dot(X, W1.T)
    H = ACTIVATIONS[phi][0](ops, Z)
    O = ops.dot(H, W2.T)
    shifted = O - O.max(axis=1, keepdims=True)
    log_P = shifted - ops.log(ops.exp(shifted).sum(axis=1, keepdims=True))
    L = -ops.pick(log_P, y, axis=1).mean()
    s = lambd / 2 * ((W1 ** 2).sum() + (W2 ** 2).sum())
    J = L + s
    cache = {"X": X, "y": y, "W1": W1, "W2": W2, "lambd": lambd, "phi": phi,
             "Z": Z, "H": H, "P": ops.exp(log_P), "L": L, "s": s}
    return J, cache


def mlp_backward(cache):
    """Backpropagate through the cache of :func:`mlp_forward`; return ``(dW1, dW2)``.

    ``dJ/dO = (P - onehot(y)) / n``, ``dW2 = dJ/dO^T H + lambd W2``,
    ``dJ/dZ = (dJ/dO W2) * phi'(Z)``, ``dW1 = dJ/dZ^T X + lambd W1``.

    Examples
    --------
    The example of :func:`mlp_forward`: ``p = softmax(2, -2) = (0.98201, 0.01799)``,
    ``dJ/do = (-0.01799, 0.01799)``, so ``dW2 = dJ/do h + 0.1 W2 = (0.06403, -0.06403)``,
    ``dJ/dz = W2^T dJ/do * 1 = -0.03597`` and ``dW1 = -0.03597 + 0.1 * 2 = 0.16403``.

    >>> from mxnet import np, npx
    >>> npx.set_np()
    >>> _, cache = mlp_forward(np.array([[1.]]), np.array([0]), np.array([[2.]]),
    ...                        np.array([[1.], [-1.]]), lambd=0.1)
    >>> dW1, dW2 = mlp_backward(cache)
    >>> [round(float(v), 5) for v in (*dW1.asnumpy().ravel(), *dW2.asnumpy().ravel())]
    [0.16403, 0.06403, -0.06403]
    """
    X, W1, W2, lambd = cache["X"], cache["W1"], cache["W2"], cache["lambd"]
    P = cache["P"]
    ops = arrays.ops_for(P)
    n, q = P.shape
    dO = (P - ops.one_hot(cache["y"], q, dtype=P.dtype)) / n
    dW2 = ops.dot(dO.T, cache["H"]) + lambd * W2
    dH = ops.dot(dO, W2)
    dZ = dH * ACTIVATIONS[cache["phi"]][1](ops, cache["Z"])
    dW1 = ops.dot(dZ.T, X) + lambd * W1
    return dW1, dW2
