"""The bare training loop, the yardstick of speed: forward, backward and step, nothing else.

Minibatches are prepared in memory beforehand; there are no metrics and no evaluation.
It runs in d2l's array mode (``mxnet.np``, :func:`d2l_vn.mxnet.arrays.d2l_mode`), as studies train,
whatever mode the caller is in, so the two are compared on the same operators.
``benchmarks/epoch_time.py`` and ``make results`` compare the course's training with it.
"""
import time

from mxnet import autograd, gluon, nd

from . import arrays
from .models import lenet

__all__ = ["bare_epoch_times"]


def bare_epoch_times(images, labels, batch_size, epochs, lr=0.1, optimizer="sgd"):
    """Seconds of each of ``epochs`` passes over ``images`` (uint8, N x 28 x 28) with a fresh LeNet.

    ``optimizer`` is an MXNet optimizer name (``'sgd'``, ``'adam'``, ``'radam'``): compare a
    study with the bare loop of its own optimizer, since Adam's step costs more than SGD's.
    """
    with arrays.d2l_mode():
        return _timed_epochs(images, labels, batch_size, epochs, lr, optimizer)


def _timed_epochs(images, labels, batch_size, epochs, lr, optimizer):
    X_all = images.astype("float32")[:, None] / 255
    y_all = labels.astype("int32")
    batches = [(arrays.NP.array(X_all[i:i + batch_size]),
                arrays.NP.array(y_all[i:i + batch_size], dtype="int32"))
               for i in range(0, len(y_all), batch_size)]
    net = lenet()
    trainer = gluon.Trainer(net.collect_params(), optimizer, {"learning_rate": lr})
    loss = gluon.loss.SoftmaxCrossEntropyLoss()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        for X, y in batches:
            with autograd.record():
                l = loss(net(X), y)
            l.backward()
            trainer.step(X.shape[0])
        nd.waitall()
        times.append(time.perf_counter() - start)
    return times
