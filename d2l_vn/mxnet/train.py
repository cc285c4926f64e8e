"""Train a classifier for some epochs and return its per-epoch history.

The schedule that is plotted is the schedule that is trained: ``scheduler`` is a
function of the epoch, and every minibatch of epoch ``e`` uses ``scheduler(e)``.
Metrics accumulate on the device and are read once per epoch, so the hot loop never
waits for the host. Minibatches are MXNet arrays of the active kind: ``mxnet.np`` after
``npx.set_np()`` (d2l's convention), legacy ``nd`` otherwise.
"""
import time

from d2l import mxnet as d2l
from mxnet import autograd
from mxnet.gluon.parameter import DeferredInitializationError

from . import arrays
from ..core.history import History, block_means

__all__ = ["train", "evaluate_accuracy", "History"]


def _correct(y_hat, y):
    """Number of rows of ``y_hat`` whose largest entry is at the label ``y`` (on the device).

    Four operators per minibatch: the labels take the dtype of ``argmax`` (int64 for
    ``mxnet.np``, float32 for legacy ``nd``), and the count is exact either way.
    """
    predicted = y_hat.argmax(axis=1)
    return (predicted == y.astype(predicted.dtype)).sum()


def _check_batch(X, y, where):
    """Raise a clear ValueError unless ``(X, y)`` are arrays of the active kind."""
    kind = arrays.check_kinds(X=X, y=y)
    if kind != arrays.active_kind():
        fix = (".as_np_ndarray()" if kind == "nd" else ".as_nd_ndarray()")
        mode = ("npx.set_np() is active (d2l's convention)" if kind == "nd"
                else "npx.set_np() has not been called")
        raise ValueError(f"{where} yields {'legacy nd' if kind == 'nd' else 'mxnet.np'} arrays "
                         f"but {mode}: convert each minibatch with {fix}, or use "
                         "d2l_vn.load_fashion_mnist, whose minibatches follow the active mode")


def evaluate_accuracy(net, data_iter, device=None):
    """Fraction of correctly classified examples in ``data_iter`` (one host read)."""
    device = device or d2l.try_gpu()
    correct, n = 0, 0
    for X, y in data_iter:
        if n == 0:
            _check_batch(X, y, "the evaluation data")
        X, y = X.as_in_context(device), y.as_in_context(device)
        correct = correct + _correct(net(X), y)
        n += X.shape[0]
    return arrays.to_float(correct) / n if n else 0.0


def _check_network(net, device):
    """Raise a clear ValueError unless every parameter is initialized on ``device``.

    The network must also be built for the active array mode: Gluon layers choose their
    operators (and parameters their array kind) for the mode they were built in.
    """
    try:
        params = list(net.collect_params().values())
        contexts = {ctx for p in params for ctx in p.list_ctx()}
    except RuntimeError:
        raise ValueError("the network's parameters are not initialized: call "
                         "net.initialize(init.Xavier(), ctx=device) before building the "
                         "gluon.Trainer (d2l_vn.lenet() does this for you)") from None
    if contexts != {device}:
        raise ValueError(f"the network's parameters live on {sorted(map(str, contexts))} but "
                         f"training runs on {device}: initialize the network with ctx={device}")
    built = getattr(net, "array_kind", None)  # set by d2l_vn.lenet(); Gluon layers fix
    if built is None:                          # their operators when they are built
        try:  # parameters take the kind of the mode of their first forward pass
            built = arrays.kind_of(params[0].data(device)) if params else None
        except DeferredInitializationError:
            built = None
    if built not in (None, arrays.active_kind()):
        now = "npx.set_np() is active" if arrays.active_kind() == "np" else "npx.set_np() is off"
        raise ValueError(f"the network was built for {'mxnet.np' if built == 'np' else 'legacy nd'}"
                         f" arrays but {now}: build it again (e.g. d2l_vn.lenet()) after "
                         "choosing the array mode (d2l's convention: npx.set_np() first)")


def train(net, train_iter, test_iter, num_epochs, loss, trainer, device=None,
          scheduler=None, animate=True, verbose=True, trace_every=0):
    """Train ``net`` for ``num_epochs`` epochs and return a :class:`History`.

    ``train_iter``/``test_iter`` are any iterables of ``(X, y)`` MXNet arrays of the
    active kind (``mxnet.np`` after ``npx.set_np()``, else legacy ``nd``).
    ``device=None`` uses a GPU when MXNet sees one, else the CPU; either way it is
    printed, and the parameters must already be initialized there. With ``scheduler`` (a function of the epoch) the learning rate of epoch
    ``e`` is ``scheduler(e)``; a ``trainer`` built with its own ``lr_scheduler``
    steps per minibatch instead, and ``History.step_lr`` shows it. ``animate=True``
    draws d2l's ``Animator`` in a notebook. Training stops early, saying so, when the
    loss stops being finite. ``verbose=False`` leaves out the two printed lines (studies
    print one line per run themselves). With ``trace_every=k`` > 0, ``History.loss_trace``
    gets the mean minibatch loss of every ``k`` updates (5 significant digits), read once
    per epoch: when a run failed, this says at which update.
    """
    History.check_run(num_epochs, trace_every)
    if scheduler is not None and trainer.optimizer.lr_scheduler is not None:
        raise ValueError("the trainer already has an lr_scheduler (stepped per minibatch); "
                         "pass scheduler=None, or build the trainer without lr_scheduler")
    device = device or d2l.try_gpu()
    _check_network(net, device)
    history = History.for_run(device, train_iter, verbose)
    animator = None
    if animate:
        animator = d2l.Animator(xlabel="epoch", xlim=[1, num_epochs],
                                legend=["train loss", "train acc", "test acc"])
    for epoch in range(num_epochs):
        if scheduler is not None:
            trainer.set_learning_rate(scheduler(epoch))
        start = time.perf_counter()
        loss_sum, correct, n = 0, 0, 0
        step_losses = []
        for X, y in train_iter:
            if n == 0:
                _check_batch(X, y, "train_iter")
            X, y = X.as_in_context(device), y.as_in_context(device)
            with autograd.record():
                y_hat = net(X)
                l = loss(y_hat, y)
            l.backward()
            trainer.step(X.shape[0])
            history.step_lr.append(trainer.learning_rate)
            loss_sum = loss_sum + l.sum()
            if trace_every:
                step_losses.append(l.mean())
            correct = correct + _correct(y_hat, y)
            n += X.shape[0]
        if n == 0:
            raise ValueError("train_iter yielded no minibatch: check the data and batch_size")
        train_loss, train_acc = arrays.to_float(loss_sum) / n, arrays.to_float(correct) / n
        if trace_every:
            history.loss_trace += block_means([arrays.to_float(v) for v in step_losses], trace_every)
        test_acc = evaluate_accuracy(net, test_iter, device)
        if not history.add_epoch(train_loss, train_acc, test_acc, time.perf_counter() - start, animator):
            break
    if verbose:
        print(f"[d2l_vn] {history.summary()}")
    return history
