"""d2l_vn's RAdam against the plain-NumPy reference, and the reference Adam against MXNet."""
import itertools

import numpy as np
import pytest

from d2l_vn import mxnet as d2l_vn
from d2l_vn.mxnet import RAdam, adam_reference_step, radam_reference_step, rectification, rho
from mxnet import autograd, gluon, nd, npx, optimizer as mx_optimizer
from mxnet import np as mnp

SHAPES = [(3, 4), (7,), (2, 2, 3)]


def _random_problem(seed, steps=50):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(size=s).astype(np.float32) for s in SHAPES]
    grads = [[(rng.normal(size=s) * rng.uniform(0.1, 3.0)).astype(np.float32) for s in SHAPES]
             for _ in range(steps)]
    return weights, grads


def _run_mxnet(opt, weights, grads, ops=d2l_vn.arrays.ND):
    """Apply ``opt`` to every parameter for each step, with arrays made by ``ops.array``;
    return the final weights (NumPy)."""
    ws = [ops.array(w) for w in weights]
    states = [opt.create_state(i, w) for i, w in enumerate(ws)]
    for step_grads in grads:
        for i, (w, g) in enumerate(zip(ws, step_grads)):
            opt.update(i, w, ops.array(g), states[i])
    return [w.asnumpy() for w in ws]


def _run_reference(step, weights, grads, lr_of_step=None, **hp):
    ws = [w.astype(np.float64) for w in weights]
    ms = [np.zeros_like(w) for w in ws]
    vs = [np.zeros_like(w) for w in ws]
    for t, step_grads in enumerate(grads, start=1):
        lr = lr_of_step(t) if lr_of_step else hp["lr"]
        hp = {**hp, "lr": lr}
        for i, g in enumerate(step_grads):
            ws[i], ms[i], vs[i] = step(ws[i], g, ms[i], vs[i], t, **hp)
    return ws


def _assert_close(got, want):
    for a, b in zip(got, want):
        np.testing.assert_allclose(a, b, rtol=2e-4, atol=2e-5)


def test_radam_is_registered_with_mxnet():
    assert mx_optimizer.Optimizer.opt_registry["radam"] is RAdam
    assert isinstance(mx_optimizer.create("radam", learning_rate=0.1), RAdam)


@pytest.mark.parametrize("threshold,wd,clip,decoupled",
                         list(itertools.product([4.0, 5.0, 30.0], [0.0, 0.05], [None, 0.5],
                                                [False, True])))
def test_radam_matches_the_reference_for_50_steps(threshold, wd, clip, decoupled, array_mode):
    weights, grads = _random_problem(seed=int(threshold * 10 + wd * 100 + (clip or 0) * 10))
    hp = dict(beta1=0.9, beta2=0.99, epsilon=1e-6, wd=wd, threshold=threshold,
              rescale_grad=0.5, clip_gradient=clip, decoupled_wd=decoupled)
    opt = RAdam(learning_rate=0.01, **hp)
    got = _run_mxnet(opt, weights, grads, array_mode)
    want = _run_reference(radam_reference_step, weights, grads, lr=0.01, **hp)
    _assert_close(got, want)
    # the run leaves the starting point and takes both kinds of step
    assert max(np.abs(g - w).max() for g, w in zip(got, weights)) > 1e-3
    assert rho(1, 0.99) <= threshold < rho(50, 0.99)


def test_threshold_five_differs_from_four_exactly_at_step_five():
    """rho_5 is about 4.996 for beta2=0.999: the paper adapts at t=5, PyTorch (5) does not."""
    assert 4 < rho(5, 0.999) <= 5 < rho(6, 0.999)
    w, g = np.array([1.0]), np.array([0.3])
    m, v = np.array([0.2]), np.array([0.01])
    paper = radam_reference_step(w, g, m, v, t=5, lr=0.1, threshold=4.0)[0]
    torch_like = radam_reference_step(w, g, m, v, t=5, lr=0.1, threshold=5.0)[0]
    assert not np.allclose(paper, torch_like)


def test_radam_refuses_mixed_array_kinds():
    npx.set_np()
    opt = RAdam(learning_rate=0.01)
    w = mnp.ones(3)
    with pytest.raises(ValueError, match="as_np_ndarray"):
        opt.update(0, w, nd.ones(3), opt.create_state(0, w))


def test_reference_steps_take_mxnet_arrays(array_mode):
    w, g = array_mode.array([1.0, -2.0]), array_mode.array([0.5, 0.25])
    m, v = array_mode.array([0.0, 0.0]), array_mode.array([0.0, 0.0])
    got = radam_reference_step(w, g, m, v, t=1, lr=0.1)
    want = radam_reference_step(np.array([1.0, -2.0]), np.array([0.5, 0.25]), np.zeros(2),
                                np.zeros(2), t=1, lr=0.1)
    assert all(np.array_equal(a, b) for a, b in zip(got, want))


def test_radam_in_a_gluon_trainer_with_a_scheduler(array_mode):
    net = gluon.nn.Dense(3, in_units=4)
    net.initialize()
    schedule = d2l_vn.CosineScheduler(max_update=30, base_lr=0.05, warmup_steps=5)
    trainer = gluon.Trainer(net.collect_params(), "radam",
                            {"learning_rate": 0.05, "lr_scheduler": schedule, "wd": 1e-3,
                             "clip_gradient": 1.0, "threshold": 5.0})
    names = list(net.collect_params().keys())
    start = {n: p.data().asnumpy() for n, p in net.collect_params().items()}
    rng = np.random.default_rng(0)
    X = array_mode.array(rng.normal(size=(8, 4)), dtype="float32")
    y = array_mode.array(rng.normal(size=(8, 3)), dtype="float32")
    grads = []
    for _ in range(30):
        with autograd.record():
            loss = ((net(X) - y) ** 2).sum()
        loss.backward()
        grads.append([net.collect_params()[n].grad().asnumpy().copy() for n in names])
        trainer.step(8)
    want = _run_reference(radam_reference_step, [start[n] for n in names], grads,
                          lr_of_step=schedule, wd=1e-3, clip_gradient=1.0, threshold=5.0,
                          rescale_grad=1 / 8)
    _assert_close([net.collect_params()[n].data().asnumpy() for n in names], want)


@pytest.mark.parametrize("wd,clip", [(0.0, None), (0.01, None), (0.01, 0.3)])
def test_reference_adam_matches_mxnet_adam(wd, clip):
    weights, grads = _random_problem(seed=7)
    hp = dict(beta1=0.9, beta2=0.999, epsilon=1e-8, wd=wd, rescale_grad=2.0,
              clip_gradient=clip)
    got = _run_mxnet(mx_optimizer.create("adam", learning_rate=0.01, **hp), weights, grads)
    _assert_close(got, _run_reference(adam_reference_step, weights, grads, lr=0.01,
                                      epsilon_form="mxnet", **hp))


def test_epsilon_placement_matters_only_for_tiny_gradients():
    w, m, v = np.zeros(1), np.zeros(1), np.zeros(1)
    for g, differs in ((np.array([1.0]), False), (np.array([1e-8]), True)):
        paper = adam_reference_step(w, g, m, v, t=1, lr=1.0, epsilon_form="paper")[0]
        mxnet = adam_reference_step(w, g, m, v, t=1, lr=1.0, epsilon_form="mxnet")[0]
        assert (abs(paper - mxnet) > 0.1).item() is differs


def test_rectification_grows_to_one_and_is_undefined_early():
    values = [rectification(t, 0.999) for t in range(1, 20001)]
    assert values[:4] == [None] * 4 and all(v is not None for v in values[4:])
    defined = np.array(values[4:])
    assert np.all(np.diff(defined) > 0) and 0 < defined[0] < 0.05 and defined[-1] > 0.999
    assert all(rectification(t, 0.6) is None for t in (1, 10, 1000))
    assert all(rho(1, b) == pytest.approx(1.0) for b in (0.0, 0.5, 0.9, 0.999))


def test_step_scalars_are_computed_once_per_step(monkeypatch):
    calls = []
    original = d2l_vn.radam.rectification
    monkeypatch.setattr(d2l_vn.radam, "rectification",
                        lambda t, b: calls.append(t) or original(t, b))
    weights, grads = _random_problem(seed=3, steps=10)
    _run_mxnet(RAdam(learning_rate=0.01), weights, grads)
    assert calls == sorted(set(calls)) and len(calls) == 10 - 4


@pytest.mark.parametrize("kwargs,name", [
    ({"beta1": 1.0}, "beta1"), ({"beta1": -0.1}, "beta1"), ({"beta2": 1.5}, "beta2"),
    ({"epsilon": -1e-8}, "epsilon"), ({"learning_rate": -0.1}, "learning_rate"),
    ({"threshold": 3.0}, "threshold"), ({"wd": -1.0}, "wd"),
    ({"multi_precision": True}, "multi_precision")])
def test_invalid_hyperparameters_raise_value_error(kwargs, name):
    with pytest.raises(ValueError, match=name):
        mx_optimizer.create("radam", **kwargs)


@pytest.mark.parametrize("call", [lambda: rho(0, 0.9), lambda: rho(1.5, 0.9),
                                  lambda: rectification(3, 1.0),
                                  lambda: d2l_vn.bias_correction(2, -0.5)])
def test_pure_functions_reject_bad_arguments(call):
    with pytest.raises(ValueError):
        call()
