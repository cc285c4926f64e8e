"""Schedules: closed forms, equality with MXNet's built-ins, purity, argument checks."""
import random

from d2l_vn import mxnet as d2l_vn  # noqa: F401  (compat first)
import pytest
from mxnet import lr_scheduler as mx_sched

from d2l_vn import (CosineScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler,
                    SquareRootScheduler)

WARMUPS = [{}, {"warmup_steps": 5, "warmup_begin_lr": 0.01},
           {"warmup_steps": 3, "warmup_begin_lr": 0.05, "warmup_mode": "constant"}]
CASES = [
    (FactorScheduler, mx_sched.FactorScheduler, dict(step=3, factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)),
    (FactorScheduler, mx_sched.FactorScheduler, dict(step=1, factor=0.5, base_lr=1.0)),
    (MultiFactorScheduler, mx_sched.MultiFactorScheduler, dict(step=[15, 30], factor=0.5, base_lr=0.5)),
    (PolyScheduler, mx_sched.PolyScheduler, dict(max_update=40, base_lr=0.3, pwr=2, final_lr=0.01)),
    (PolyScheduler, mx_sched.PolyScheduler, dict(max_update=40, base_lr=0.3, pwr=0.5)),
    (CosineScheduler, mx_sched.CosineScheduler, dict(max_update=20, base_lr=0.5, final_lr=0.01)),
]


@pytest.mark.parametrize("warmup", WARMUPS, ids=["no-warmup", "linear", "constant"])
@pytest.mark.parametrize("ours, theirs, kwargs", CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_matches_mxnet_called_in_order(ours, theirs, kwargs, warmup):
    mine, ref = ours(**kwargs, **warmup), theirs(**kwargs, **warmup)
    for t in range(80):
        assert mine(t) == pytest.approx(ref(t), rel=1e-12, abs=1e-15), f"t={t}"


@pytest.mark.parametrize("ours, theirs, kwargs", CASES, ids=lambda c: getattr(c, "__name__", ""))
def test_same_t_gives_same_value_in_any_order(ours, theirs, kwargs):
    s = ours(**kwargs)
    forward = [s(t) for t in range(60)]
    order = list(range(60))
    random.Random(0).shuffle(order)
    shuffled = {t: s(t) for t in order}
    assert [shuffled[t] for t in range(60)] == forward


def test_mxnet_multifactor_mutates_but_ours_does_not():
    theirs = mx_sched.MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.5)
    ours = MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.5)
    theirs(34), ours(34)
    assert theirs(0) == 0.125  # MXNet remembers the decays of the call at t=34
    assert ours(0) == 0.5


def test_square_root_closed_form():
    s = SquareRootScheduler(base_lr=0.1)
    assert [s(t) for t in (0, 3, 99)] == pytest.approx([0.1, 0.05, 0.01])
    w = SquareRootScheduler(base_lr=0.1, warmup_steps=4)
    assert w(2) == pytest.approx(0.05) and w(4) == pytest.approx(0.1)


def test_closed_forms_of_cosine_and_poly():
    c = CosineScheduler(max_update=20, base_lr=0.5, final_lr=0.01)
    assert c(0) == 0.5 and c(10) == pytest.approx(0.255) and c(20) == c(100) == pytest.approx(0.01)
    p = PolyScheduler(max_update=10, base_lr=1.0, pwr=3, final_lr=0.0)
    assert p(5) == pytest.approx(0.125)


@pytest.mark.parametrize("make, arg", [
    (lambda: CosineScheduler(10, base_lr=0), "base_lr"),
    (lambda: CosineScheduler(10, base_lr=-1), "base_lr"),
    (lambda: FactorScheduler(step=2, factor=1.5), "factor"),
    (lambda: FactorScheduler(step=2, factor=0), "factor"),
    (lambda: FactorScheduler(step=0), "step"),
    (lambda: MultiFactorScheduler(step=[30, 15]), "step"),
    (lambda: MultiFactorScheduler(step=[-1, 15]), "step"),
    (lambda: MultiFactorScheduler(step=[]), "step"),
    (lambda: MultiFactorScheduler(step=[10], factor=2), "factor"),
    (lambda: CosineScheduler(10, warmup_steps=10), "warmup_steps"),
    (lambda: PolyScheduler(10, warmup_steps=12), "warmup_steps"),
    (lambda: PolyScheduler(10, pwr=-1), "pwr"),
    (lambda: PolyScheduler(0), "max_update"),
    (lambda: CosineScheduler(10, warmup_steps=2, warmup_mode="cubic"), "warmup_mode"),
    (lambda: CosineScheduler(10, base_lr=0.1, warmup_steps=2, warmup_begin_lr=0.2), "warmup_begin_lr"),
    (lambda: CosineScheduler(10, warmup_steps=-1), "warmup_steps"),
    (lambda: CosineScheduler(10, final_lr=-0.1), "final_lr"),
    (lambda: SquareRootScheduler(base_lr=float("nan")), "base_lr"),
])
def test_invalid_arguments_name_the_argument(make, arg):
    with pytest.raises(ValueError, match=arg):
        make()


def test_negative_step_is_rejected():
    with pytest.raises(ValueError, match="step t"):
        CosineScheduler(10)(-1)


def test_works_as_gluon_trainer_lr_scheduler():
    from mxnet import autograd, gluon, nd
    net = gluon.nn.Dense(1)
    net.initialize()
    net(nd.ones((2, 3)))
    sched = MultiFactorScheduler(step=[2, 4], factor=0.5, base_lr=1.0)
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"lr_scheduler": sched})
    seen = []
    for _ in range(6):
        with autograd.record():
            loss = net(nd.ones((2, 3))).sum()
        loss.backward()
        trainer.step(2)
        seen.append(trainer.learning_rate)
    # Gluon counts updates from 1: t = 1..6
    assert seen == [sched(t) for t in range(1, 7)] == [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
