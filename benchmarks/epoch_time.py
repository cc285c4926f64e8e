"""Time one epoch of LeNet on the full Fashion-MNIST training set, three ways, in one run.

(a) the d2l chapter's way: ``gluon.data.DataLoader`` with a per-sample ``ToTensor``
    transform (d2l's worker count), and a loop that reads the metrics into a
    ``d2l.Accumulator`` after every minibatch (``d2l.accuracy``), in training and in
    evaluation (``d2l.evaluate_accuracy_gpu``);
(b) ``d2l_vn.load_fashion_mnist`` with ``d2l_vn.train`` (evaluation included);
(c) bare compute: forward/backward/step over minibatches already in memory as
    MXNet arrays, no metrics, no evaluation.

All three run in d2l's array mode (``npx.set_np()``), as the chapters do. Each way
trains a fresh network for one warm-up epoch (not timed: hybridization,
allocation) and then ``--repeats`` timed epochs; the best is reported.
Usage: ``python benchmarks/epoch_time.py [--repeats 2]`` (``make bench``).
"""
import argparse
import contextlib
import io
import os
import time

os.environ["D2L_VN_QUICK"] = "0"  # the benchmark always uses the full training set

from d2l_vn import mxnet as d2l_vn  # noqa: E402  (before mxnet)
from d2l import mxnet as d2l  # noqa: E402
from mxnet import autograd, gluon, np, npx  # noqa: E402
from mxnet.gluon.data.vision import transforms  # noqa: E402

from d2l_vn.core import cache  # noqa: E402
from d2l_vn.mxnet.throughput import bare_epoch_times  # noqa: E402

BATCH_SIZE, LR = 256, 0.1


def _fresh():
    net = d2l_vn.lenet()
    return net, gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": LR}), \
        gluon.loss.SoftmaxCrossEntropyLoss()


def d2l_chapter_epoch(arrays, epochs):
    """(a): per-sample transform in a DataLoader, per-minibatch metric reads."""
    to_tensor = transforms.ToTensor()
    def loader(images, labels, shuffle):
        dataset = gluon.data.ArrayDataset(np.array(images[..., None], dtype="uint8"),
                                          labels.astype("int32"))
        return gluon.data.DataLoader(dataset.transform_first(to_tensor), BATCH_SIZE,
                                     shuffle=shuffle, num_workers=d2l.get_dataloader_workers())
    train_iter = loader(arrays["train_images"], arrays["train_labels"], True)
    test_iter = loader(arrays["test_images"], arrays["test_labels"], False)
    net, trainer, loss = _fresh()
    device = d2l.try_gpu()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        metric = d2l.Accumulator(3)
        for X, y in train_iter:
            X, y = X.as_in_context(device), y.as_in_context(device)
            with autograd.record():
                y_hat = net(X)
                l = loss(y_hat, y)
            l.backward()
            trainer.step(X.shape[0])
            metric.add(l.sum(), d2l.accuracy(y_hat, y), X.shape[0])
        d2l.evaluate_accuracy_gpu(net, test_iter, device)
        times.append(time.perf_counter() - start)
    return times


def d2l_vn_epoch(epochs):
    """(b): the course's loader and trainer."""
    with contextlib.redirect_stdout(io.StringIO()):
        train_iter, test_iter = d2l_vn.load_fashion_mnist(BATCH_SIZE)
        net, trainer, loss = _fresh()
        history = d2l_vn.train(net, train_iter, test_iter, epochs, loss, trainer, animate=False)
    return history.epoch_time


def bare_epoch(arrays, epochs):
    """(c): forward, backward and step only, over batches prepared beforehand."""
    return bare_epoch_times(arrays["train_images"], arrays["train_labels"], BATCH_SIZE, epochs, LR)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2, help="timed epochs per way (default 2)")
    args = parser.parse_args()
    npx.set_np()
    arrays, source = cache.read_cache(cache.cache_path())
    epochs = args.repeats + 1
    print(f"LeNet, batch {BATCH_SIZE}, 60,000 training images ({source}), device {d2l.try_gpu()}, "
          f"{os.cpu_count()} CPU cores; best of {args.repeats} timed epochs after one warm-up epoch")
    a = min(d2l_chapter_epoch(arrays, epochs)[1:])
    b = min(d2l_vn_epoch(epochs)[1:])
    c = min(bare_epoch(arrays, epochs)[1:])
    print(f"(a) d2l chapter loop (DataLoader + ToTensor, per-batch reads, eval): {a:6.2f} s/epoch")
    print(f"(b) d2l_vn.load_fashion_mnist + d2l_vn.train (eval included):      {b:6.2f} s/epoch")
    print(f"(c) bare forward/backward/step on in-memory batches:                 {c:6.2f} s/epoch")
    print(f"b/c = {b / c:.3f} (goal <= 1.10)   a/b = {a / b:.2f}")


if __name__ == "__main__":
    main()
