"""Train a classifier in PyTorch for some epochs and return its per-epoch history.

The same loop and :class:`d2l_vn.History` as :mod:`d2l_vn.mxnet.train`: metrics
accumulate on the device and are read once per epoch. A rate schedule comes as a PyTorch
LR scheduler (for the course's schedules, :func:`d2l_vn.lambda_lr`), stepped once per
epoch or once per minibatch update, as ``scheduler_per`` says.
"""
import time

import torch

from ..core.history import History, block_means
from .device import try_gpu

__all__ = ["train", "evaluate_accuracy"]


def _correct(y_hat, y):
    return (y_hat.argmax(dim=1) == y).sum()


def _check_batch(X, y, where):
    if not isinstance(X, torch.Tensor) or not isinstance(y, torch.Tensor):
        raise ValueError(f"{where} must yield (X, y) pairs of torch tensors, got "
                         f"{type(X).__name__} and {type(y).__name__}: use d2l_vn.load_fashion_mnist")


def evaluate_accuracy(net, data_iter, device=None):
    """Fraction of correctly classified examples in ``data_iter`` (one host read)."""
    device = device or try_gpu()
    net.eval()
    correct, n = 0, 0
    with torch.no_grad():
        for X, y in data_iter:
            if n == 0:
                _check_batch(X, y, "the evaluation data")
            X, y = X.to(device), y.to(device)
            correct = correct + _correct(net(X), y)
            n += X.shape[0]
    return float(correct) / n if n else 0.0


def _check_network(net, device):
    devices = {p.device for p in net.parameters()}
    if devices != {torch.device(device)}:
        raise ValueError(f"the network's parameters live on {sorted(map(str, devices))} but training "
                         f"runs on {device}: move it with net.to(device) before building the optimizer")


def train(net, train_iter, test_iter, num_epochs, loss, optimizer, device=None, scheduler=None,
          scheduler_per="epoch", animate=True, verbose=True, trace_every=0):
    """Train ``net`` for ``num_epochs`` epochs with ``optimizer`` and return a :class:`d2l_vn.History`.

    ``loss`` is a PyTorch loss (``nn.CrossEntropyLoss()``). ``device=None`` uses a GPU when
    PyTorch sees one, else the CPU; it is printed. ``scheduler`` (a
    ``torch.optim.lr_scheduler`` object on ``optimizer``) is stepped after every epoch
    (``scheduler_per='epoch'``) or after every update (``'update'``); ``History.step_lr``
    holds the rate of every update. Training stops early, saying so, when the loss stops
    being finite. ``trace_every=k`` > 0 keeps the mean minibatch loss of every ``k`` updates.
    """
    History.check_run(num_epochs, trace_every)
    if scheduler_per not in ("epoch", "update"):
        raise ValueError(f"scheduler_per must be 'epoch' or 'update', got {scheduler_per!r}")
    if scheduler is not None and getattr(scheduler, "optimizer", None) is not optimizer:
        raise ValueError("the scheduler belongs to another optimizer: build it on this one "
                         "(d2l_vn.lambda_lr(optimizer, schedule))")
    device = torch.device(device) if device is not None else try_gpu()
    _check_network(net, device)
    history = History.for_run(device, train_iter, verbose)
    animator = None
    if animate:
        from d2l import torch as d2l  # d2l's Animator, only when drawing
        animator = d2l.Animator(xlabel="epoch", xlim=[1, num_epochs],
                                legend=["train loss", "train acc", "test acc"])
    for _ in range(num_epochs):
        net.train()
        start = time.perf_counter()
        loss_sum, correct, n = 0, 0, 0
        step_losses = []
        for X, y in train_iter:
            if n == 0:
                _check_batch(X, y, "train_iter")
            X, y = X.to(device), y.to(device)
            y_hat = net(X)
            l = loss(y_hat, y).mean()
            optimizer.zero_grad()
            l.backward()
            history.step_lr.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            if scheduler is not None and scheduler_per == "update":
                scheduler.step()
            loss_sum = loss_sum + l.detach() * X.shape[0]
            if trace_every:
                step_losses.append(l.detach())
            correct = correct + _correct(y_hat.detach(), y)
            n += X.shape[0]
        if n == 0:
            raise ValueError("train_iter yielded no minibatch: check the data and batch_size")
        if scheduler is not None and scheduler_per == "epoch":
            scheduler.step()
        train_loss, train_acc = float(loss_sum) / n, float(correct) / n
        if trace_every:
            history.loss_trace += block_means(torch.stack(step_losses).tolist(), trace_every)
        test_acc = evaluate_accuracy(net, test_iter, device)
        if not history.add_epoch(train_loss, train_acc, test_acc, time.perf_counter() - start, animator):
            break
    if verbose:
        print(f"[d2l_vn] {history.summary()}")
    return history
