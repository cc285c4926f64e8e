"""Studies in PyTorch: one (arm, seed) trained as the MXNet edition trains it (:mod:`d2l_vn.mxnet.study`).

The same data, subsets and order for a seed (:mod:`d2l_vn.studies.design`), ``torch.manual_seed(seed)``
right before the network is built, the arm's schedule through ``LambdaLR`` stepped per epoch or
per update, and MXNet's count of updates: MXNet asks the schedule for the rate of update ``t``
with ``t = 1`` for the first update, so a per-update arm here uses ``schedule(k + 1)`` after ``k``
steps and trains at the same rates, update by update. What differs is the framework: PyTorch's
kernels, and RAdam's threshold (:mod:`.optimizers`). A run trains on the first GPU when PyTorch
sees one (:func:`d2l_vn.try_gpu`), else on the CPU, where the records were made.
"""
import copy
import dataclasses
import functools

import torch

from ..studies.design import fashion_mnist_arrays, run_study_with, subset
from .data import TensorBatches
from .device import try_gpu
from .filters import dead_filters
from .models import lenet
from .optimizers import make_optimizer
from .schedules import lambda_lr
from .train import train

__all__ = ["run_study", "train_run", "fingerprint", "count_dead_filters"]

@dataclasses.dataclass(frozen=True)
class _FromFirstUpdate:
    """``schedule(k + 1)``: MXNet's count, where the first update is update 1."""
    schedule: object

    def __call__(self, k):
        return self.schedule(k + 1)


def _train_batches(settings, seed):
    arrays = fashion_mnist_arrays()
    images, labels = subset(arrays["train_images"], arrays["train_labels"], settings.training_images)
    return TensorBatches(images, labels, settings.batch_size, shuffle=True, seed=seed)


@functools.lru_cache(maxsize=4)
def _test_batches(test_images, batch_size):
    arrays = fashion_mnist_arrays()
    images, labels = subset(arrays["test_images"], arrays["test_labels"], test_images)
    return TensorBatches(images, labels, batch_size, shuffle=False)


def _build(arm, seed, settings):
    """Data, a fresh LeNet initialized from ``seed``, the arm's optimizer and its LambdaLR."""
    train_iter = _train_batches(settings, seed)
    test_iter = _test_batches(settings.test_images, settings.batch_size)
    torch.manual_seed(seed)
    net = lenet(try_gpu())
    schedule = copy.deepcopy(arm.schedule)
    optimizer = make_optimizer(arm.optimizer, net.parameters(), 1.0, arm.hyperparams)
    scheduler = lambda_lr(optimizer, _FromFirstUpdate(schedule) if arm.per == "update" else schedule)
    return net, optimizer, scheduler, train_iter, test_iter


def train_run(study, arm_name, seed, settings=None):
    """Train one (arm, seed) of ``study`` in PyTorch; return ``(net, history)``."""
    arm = study.arm(arm_name)
    settings = settings or study.settings()
    net, optimizer, scheduler, train_iter, test_iter = _build(arm, seed, settings)
    history = train(net, train_iter, test_iter, settings.epochs, torch.nn.CrossEntropyLoss(), optimizer,
                    device=next(net.parameters()).device, scheduler=scheduler, scheduler_per=arm.per,
                    animate=False, verbose=False, trace_every=study.trace_every)
    return net, history


def count_dead_filters(net, settings):
    """First-layer filters of a trained ``net`` that output zero on every test image."""
    return dead_filters(net, _test_batches(settings.test_images, settings.batch_size))[0]


def fingerprint(study, arm_name, steps=4):
    """Losses of the first ``steps`` minibatches of an arm, first seed, full-settings data."""
    arm = study.arm(arm_name)
    settings = study.full_settings()
    net, optimizer, scheduler, train_iter, _ = _build(arm, settings.seeds[0], settings)
    loss = torch.nn.CrossEntropyLoss()
    device = next(net.parameters()).device
    losses = []
    for X, y in train_iter:
        l = loss(net(X.to(device)), y.to(device))
        optimizer.zero_grad()
        l.backward()
        optimizer.step()
        if arm.per == "update":
            scheduler.step()
        losses.append(l.item())
        if len(losses) == steps:
            return losses
    raise ValueError(f"study {study.name!r} has fewer than {steps} minibatches per epoch")


def run_study(study, lang="both"):
    """Train every arm of ``study`` with every seed in PyTorch (or load the record); see :func:`run_study_with`."""
    return run_study_with(train_run, count_dead_filters, study, lang, framework="torch")
