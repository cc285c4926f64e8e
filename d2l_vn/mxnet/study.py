"""Studies in MXNet: one (arm, seed) trained with Gluon, as ``make results`` and the chapters train it.

``mx.random.seed(seed)`` right before the network is built fixes its initialization; the
data order comes from a generator seeded with the same seed (:mod:`d2l_vn.studies.design`).
Runs always train in d2l's array mode (:func:`d2l_vn.mxnet.arrays.d2l_mode`), whatever mode
the caller is in, so ``make results`` and a chapter agree.
"""
import copy
import functools

import mxnet as mx
from mxnet import gluon

from ..studies.design import fashion_mnist_arrays, run_study_with, subset
from .arrays import d2l_mode
from .data import ArrayBatches
from .filters import dead_filters
from .models import lenet
from .train import train

__all__ = ["run_study", "train_run", "fingerprint", "count_dead_filters"]


def _train_batches(settings, seed):
    """The training minibatches of ``settings``, in the order of ``seed``."""
    arrays = fashion_mnist_arrays()
    images, labels = subset(arrays["train_images"], arrays["train_labels"],
                             settings.training_images)
    return ArrayBatches(images, labels, settings.batch_size, shuffle=True, seed=seed)


@functools.lru_cache(maxsize=4)
def _test_batches(test_images, batch_size):
    """The test set in its fixed order; unshuffled batches keep no state, so runs share them."""
    arrays = fashion_mnist_arrays()
    images, labels = subset(arrays["test_images"], arrays["test_labels"], test_images)
    return ArrayBatches(images, labels, batch_size, shuffle=False)


def _build(arm, seed, settings):
    """Data, a fresh LeNet initialized from ``seed``, and the arm's trainer."""
    train_iter = _train_batches(settings, seed)
    test_iter = _test_batches(settings.test_images, settings.batch_size)
    mx.random.seed(seed)
    net = lenet()
    params = dict(arm.hyperparams)
    if arm.per == "update":
        # A copy, and its own base rate as learning_rate: optimizers whose learning_rate
        # has a default (Adam's is 0.001) would otherwise overwrite the schedule's base_lr.
        params["lr_scheduler"] = copy.deepcopy(arm.schedule)
        params["learning_rate"] = params["lr_scheduler"].base_lr
    else:
        params["learning_rate"] = arm.schedule(0)
    trainer = gluon.Trainer(net.collect_params(), arm.optimizer, params)
    return net, trainer, train_iter, test_iter


def train_run(study, arm_name, seed, settings=None):
    """Train one (arm, seed) of ``study``; return ``(net, history)``.

    ``settings`` defaults to :meth:`Study.settings`; pass a recorded run's settings
    (``results.settings``, fewer epochs if you like) to retrain it as it was trained.
    """
    arm = study.arm(arm_name)
    settings = settings or study.settings()
    with d2l_mode():
        net, trainer, train_iter, test_iter = _build(arm, seed, settings)
        history = train(net, train_iter, test_iter, settings.epochs,
                        gluon.loss.SoftmaxCrossEntropyLoss(), trainer,
                        scheduler=arm.schedule if arm.per == "epoch" else None,
                        animate=False, verbose=False, trace_every=study.trace_every)
    return net, history


def count_dead_filters(net, settings):
    """First-layer filters of a trained ``net`` that output zero on every test image.

    The look inside a run that stalled at chance (:mod:`d2l_vn.mxnet.filters`).
    """
    with d2l_mode():
        return dead_filters(net, _test_batches(settings.test_images, settings.batch_size))[0]


def fingerprint(study, arm_name, steps=4):
    """Losses of the first ``steps`` minibatches of an arm, first seed, full-settings data.

    Any change to the data, its order, the model, its initialization, the loss or the
    arm's optimizer and first rates changes these numbers; quick mode does not.
    """
    arm = study.arm(arm_name)
    settings = study.full_settings()
    loss = gluon.loss.SoftmaxCrossEntropyLoss()
    losses = []
    with d2l_mode():
        net, trainer, train_iter, _ = _build(arm, settings.seeds[0], settings)
        for X, y in train_iter:
            with mx.autograd.record():
                l = loss(net(X), y)
            l.backward()
            trainer.step(X.shape[0])
            losses.append(float(l.mean()))
            if len(losses) == steps:
                return losses
    raise ValueError(f"study {study.name!r} has fewer than {steps} minibatches per epoch")


def run_study(study, lang="both"):
    """Train every arm of ``study`` with every seed in MXNet (or load the record); see :func:`d2l_vn.studies.design.run_study_with`."""
    return run_study_with(train_run, count_dead_filters, study, lang)
