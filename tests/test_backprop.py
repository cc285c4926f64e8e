"""d2l_vn.backprop against mxnet.autograd and finite differences; its input checks.

Every test runs twice (fixture ``array_mode``): with d2l's ``mxnet.np`` arrays after
``npx.set_np()``, and with legacy ``nd`` arrays.
"""
from d2l_vn import mxnet as d2l_vn  # noqa: F401  (first: patches NumPy before MXNet is imported)
import numpy as np
import pytest
from mxnet import autograd

from d2l_vn.mxnet.backprop import ACTIVATIONS, mlp_backward, mlp_forward
from d2l_vn.mxnet.gradcheck import max_abs_diff, numerical_gradient


pytestmark = pytest.mark.usefixtures("array_mode")


def random_problem(seed, n=6, d=5, h=4, q=3, dtype="float64"):
    """Random X, y, W1, W2 of the active array kind."""
    ops = d2l_vn.arrays.NP if d2l_vn.arrays.active_kind() == "np" else d2l_vn.arrays.ND
    rng = np.random.default_rng(seed)
    X = ops.array(rng.normal(size=(n, d)), dtype=dtype)
    y = ops.array(rng.integers(0, q, size=n), dtype="int32")
    W1 = ops.array(rng.normal(size=(h, d)), dtype=dtype)
    W2 = ops.array(rng.normal(size=(q, h)), dtype=dtype)
    return X, y, W1, W2


def test_results_come_back_in_the_kind_given():
    X, y, W1, W2 = random_problem(0)
    J, cache = mlp_forward(X, y, W1, W2, 0.1)
    kind = d2l_vn.arrays.active_kind()
    assert {d2l_vn.arrays.kind_of(a) for a in (J, cache["P"], *mlp_backward(cache))} == {kind}


def test_mixing_array_kinds_says_what_to_call():
    X, y, W1, W2 = random_problem(0)
    other = (W1.as_nd_ndarray() if d2l_vn.arrays.active_kind() == "np"
             else W1.as_np_ndarray())
    with pytest.raises(ValueError, match=r"mixed \(.*W1 is .*as_np_ndarray\(\)"):
        mlp_forward(X, y, other, W2, 0.1)


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
        assert np.abs(ref.asnumpy()).max() > 1e-3  # a real gradient, not zeros


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
    assert d2l_vn.arrays.to_float(J) == pytest.approx(L + s, rel=1e-12)
    assert cache["Z"].shape == cache["H"].shape == (6, 4) and cache["P"].shape == (6, 3)
    assert np.allclose(cache["P"].asnumpy().sum(axis=1), 1)


def test_large_logits_do_not_overflow():
    X, y, W1, W2 = random_problem(5)
    J, cache = mlp_forward(X * 1e3, y, W1, W2, 0.0)
    assert np.isfinite(d2l_vn.arrays.to_float(J))
    assert all(np.isfinite(g.asnumpy()).all() for g in mlp_backward(cache))


@pytest.mark.parametrize("change, message", [
    (lambda a, A: {**a, "W1": A(np.ones((4, 7)))}, r"X \(6, 5\) and W1 \(4, 7\)"),
    (lambda a, A: {**a, "W2": A(np.ones((3, 9)))}, r"W2 \(3, 9\)"),
    (lambda a, A: {**a, "y": A([0, 1])}, r"y \(2,\)"),
    (lambda a, A: {**a, "X": A(np.ones(5))}, "X \\(5,\\)"),
    (lambda a, A: {**a, "X": np.ones((6, 5))}, "X must be an MXNet array"),
    (lambda a, A: {**a, "y": A([0, 1, 2, 3, 0, 1])}, r"\[0, q\)"),
    (lambda a, A: {**a, "y": A([0, 1, 0.5, 1, 0, 1])}, "integer labels"),
    (lambda a, A: {**a, "W2": A(np.ones((3, 4)), dtype="float32")}, "one dtype"),
    (lambda a, A: {**a, "lambd": -0.1}, "lambd"),
    (lambda a, A: {**a, "phi": "gelu"}, "phi must be one of"),
])
def test_bad_inputs_raise_value_errors_that_name_them(change, message, array_mode):
    X, y, W1, W2 = random_problem(0)
    args = change({"X": X, "y": y, "W1": W1, "W2": W2, "lambd": 0.1, "phi": "relu"},
                  lambda values, dtype="float64": array_mode.array(values, dtype=dtype))
    with pytest.raises(ValueError, match=message):
        mlp_forward(**args)
