"""d2l_vn.backprop against mxnet.autograd and finite differences; its input checks."""
import d2l_vn  # noqa: F401  (first: patches NumPy before MXNet is imported)
import numpy as np
import pytest
from mxnet import autograd, nd

from d2l_vn.backprop import ACTIVATIONS, mlp_backward, mlp_forward
from d2l_vn.gradcheck import max_abs_diff, numerical_gradient


def random_problem(seed, n=6, d=5, h=4, q=3, dtype="float64"):
    rng = np.random.default_rng(seed)
    X = nd.array(rng.normal(size=(n, d)), dtype=dtype)
    y = nd.array(rng.integers(0, q, size=n), dtype="int32")
    W1 = nd.array(rng.normal(size=(h, d)), dtype=dtype)
    W2 = nd.array(rng.normal(size=(q, h)), dtype=dtype)
    return X, y, W1, W2


def autograd_gradients(X, y, W1, W2, lambd, phi):
    W1, W2 = W1.copy(), W2.copy()
    W1.attach_grad()
    W2.attach_grad()
    with autograd.record():
        J, _ = mlp_forward(X, y, W1, W2, lambd, phi)
    J.backward()
    return W1.grad, W2.grad


@pytest.mark.parametrize("phi", sorted(ACTIVATIONS))
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_backward_matches_autograd(phi, seed):
    X, y, W1, W2 = random_problem(seed)
    _, cache = mlp_forward(X, y, W1, W2, 0.3, phi)
    for mine, ref in zip(mlp_backward(cache), autograd_gradients(X, y, W1, W2, 0.3, phi)):
        assert max_abs_diff(mine, ref) < 1e-12
        assert float(nd.abs(ref).max().asscalar()) > 1e-3  # a real gradient, not zeros


@pytest.mark.parametrize("phi", sorted(ACTIVATIONS))
def test_backward_matches_finite_differences(phi):
    X, y, W1, W2 = random_problem(7)
    _, cache = mlp_forward(X, y, W1, W2, 0.1, phi)
    dW1, dW2 = mlp_backward(cache)
    num_dW1 = numerical_gradient(lambda w: mlp_forward(X, y, w, W2, 0.1, phi)[0], W1)
    num_dW2 = numerical_gradient(lambda w: mlp_forward(X, y, W1, w, 0.1, phi)[0], W2)
    assert max_abs_diff(dW1, num_dW1) < 1e-7 and max_abs_diff(dW2, num_dW2) < 1e-7


def test_float32_matches_autograd_too():
    X, y, W1, W2 = random_problem(3, dtype="float32")
    _, cache = mlp_forward(X, y, W1, W2, 0.01, "tanh")
    for mine, ref in zip(mlp_backward(cache), autograd_gradients(X, y, W1, W2, 0.01, "tanh")):
        assert mine.dtype == np.float32 and max_abs_diff(mine, ref) < 1e-5


def test_objective_is_cross_entropy_plus_penalty():
    X, y, W1, W2 = random_problem(4)
    J, cache = mlp_forward(X, y, W1, W2, 0.5, "sigmoid")
    O = 1 / (1 + np.exp(-X.asnumpy() @ W1.asnumpy().T)) @ W2.asnumpy().T
    log_p = O - np.log(np.exp(O).sum(axis=1, keepdims=True))
    L = -log_p[np.arange(6), y.asnumpy()].mean()
    s = 0.25 * ((W1.asnumpy() ** 2).sum() + (W2.asnumpy() ** 2).sum())
    assert J.asscalar() == pytest.approx(L + s, rel=1e-12)
    assert cache["Z"].shape == cache["H"].shape == (6, 4) and cache["P"].shape == (6, 3)
    assert np.allclose(cache["P"].asnumpy().sum(axis=1), 1)


def test_large_logits_do_not_overflow():
    X, y, W1, W2 = random_problem(5)
    J, cache = mlp_forward(X * 1e3, y, W1, W2, 0.0)
    assert np.isfinite(J.asscalar())
    assert all(np.isfinite(g.asnumpy()).all() for g in mlp_backward(cache))


@pytest.mark.parametrize("change, message", [
    (lambda a: {**a, "W1": nd.ones((4, 7), dtype="float64")}, r"X \(6, 5\) and W1 \(4, 7\)"),
    (lambda a: {**a, "W2": nd.ones((3, 9), dtype="float64")}, r"W2 \(3, 9\)"),
    (lambda a: {**a, "y": nd.array([0, 1])}, r"y \(2,\)"),
    (lambda a: {**a, "X": nd.ones(5, dtype="float64")}, "X \\(5,\\)"),
    (lambda a: {**a, "X": np.ones((6, 5))}, "X must be an mxnet NDArray"),
    (lambda a: {**a, "y": nd.array([0, 1, 2, 3, 0, 1])}, r"\[0, q\)"),
    (lambda a: {**a, "y": nd.array([0, 1, 0.5, 1, 0, 1])}, "integer labels"),
    (lambda a: {**a, "W2": nd.ones((3, 4), dtype="float32")}, "one dtype"),
    (lambda a: {**a, "lambd": -0.1}, "lambd"),
    (lambda a: {**a, "phi": "gelu"}, "phi must be one of"),
])
def test_bad_inputs_raise_value_errors_that_name_them(change, message):
    X, y, W1, W2 = random_problem(0)
    args = change({"X": X, "y": y, "W1": W1, "W2": W2, "lambd": 0.1, "phi": "relu"})
    with pytest.raises(ValueError, match=message):
        mlp_forward(**args)
