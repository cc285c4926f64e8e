"""Fashion-MNIST in memory: decoded once, shuffled per epoch, batched without per-sample work.

``load_fashion_mnist`` replaces the chapter's ``gluon.data.DataLoader`` with a
per-sample ``ToTensor`` transform: the cached ``uint8`` arrays are scaled to
``float32`` once, and each minibatch is one NumPy fancy-index and one copy into
an MXNet array of the active kind: ``mxnet.np`` after ``npx.set_np()`` (d2l's
convention), legacy ``nd`` otherwise.
"""
import numpy as np
from mxnet import nd

from . import arrays
from ..core import quick
from ..core.cache import cache_path, read_cache
from ..core.data import TEXT_LABELS, class_balanced_subset
from ..core.digits import group_digits

__all__ = ["load_fashion_mnist", "ArrayBatches", "TEXT_LABELS", "class_balanced_subset"]



class ArrayBatches:
    """Iterate over ``(X, y)`` minibatches of in-memory arrays, as MXNet arrays.

    The kind is decided when a pass starts: ``mxnet.np`` arrays after ``npx.set_np()``,
    legacy ``nd`` arrays otherwise.

    ``X`` has shape (batch, 1, 28, 28) (or ``resize`` squared), ``float32`` in [0, 1];
    ``y`` is ``int32``. With ``shuffle=True`` each pass draws a new permutation from a
    generator seeded once, so runs are reproducible. ``description`` says what the
    data are and where they came from; ``d2l_vn.mxnet.train`` prints it.
    """

    def __init__(self, images, labels, batch_size, shuffle, resize=None, seed=0, description=""):
        if batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size}")
        if resize is not None and resize < 1:
            raise ValueError(f"resize must be a positive integer or None, got {resize}")
        self.X = (images.astype(np.float32) / 255.0)[:, None, :, :]
        self.y = labels.astype(np.int32)
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.resize = resize
        self.description = description
        self._rng = np.random.default_rng(seed)

    def __len__(self):
        return -(-len(self.y) // self.batch_size)

    def __iter__(self):
        n = len(self.y)
        ops = arrays.NP if arrays.active_kind() == "np" else arrays.ND
        order = self._rng.permutation(n) if self.shuffle else None
        if self.resize is None:
            # One copy into MXNet per pass, then views: copying each minibatch from NumPy waits
            # for the engine to finish the previous updates, which would stop Python from
            # queueing the next ones while they compute (measured: 0.73 of the bare loop's speed).
            X = ops.array(self.X if order is None else self.X[order], dtype=np.float32)
            y = ops.array(self.y if order is None else self.y[order], dtype=np.int32)
            for start in range(0, n, self.batch_size):
                yield X[start:start + self.batch_size], y[start:start + self.batch_size]
            return
        for start in range(0, n, self.batch_size):
            idx = slice(start, start + self.batch_size) if order is None else order[start:start + self.batch_size]
            X = nd.contrib.BilinearResize2D(nd.array(self.X[idx], dtype=np.float32),
                                            height=self.resize, width=self.resize)
            yield X.as_np_ndarray() if ops is arrays.NP else X, ops.array(self.y[idx], dtype=np.int32)


def load_fashion_mnist(batch_size, resize=None, root=None):
    """Return ``(train_iter, test_iter)`` over Fashion-MNIST from the local cache.

    60,000 training and 10,000 test images, labels 0-9 in Fashion-MNIST's order
    (:data:`TEXT_LABELS`). An empty cache is filled first (see :mod:`d2l_vn.core.fetch`);
    a damaged one raises :class:`d2l_vn.core.cache.DataError`. In a short run (see
    :mod:`d2l_vn.core.quick`) the training set is a class-balanced subset and the test set
    stays whole. What was loaded is printed once.
    """
    path = cache_path(root)
    if not path.exists():
        from ..core.fetch import fetch  # not at the top: `python -m d2l_vn.core.fetch` must find it unimported
        fetch(root)
    arrays, source = read_cache(path)
    train_x, train_y = arrays["train_images"], arrays["train_labels"]
    note = f"Fashion-MNIST from the local cache (source: {source})"  # no path: outputs are published
    if quick.is_quick():
        keep = class_balanced_subset(train_y, quick.QUICK_TRAIN_PER_CLASS)
        train_x, train_y = train_x[keep], train_y[keep]
        note += f"; short run: {group_digits(len(train_y))} of {group_digits(60_000)} training images"
    print(f"[d2l_vn] {note}; {group_digits(len(train_y))} train / {group_digits(10_000)} test images")
    train_iter = ArrayBatches(train_x, train_y, batch_size, shuffle=True, resize=resize,
                              description=note)
    test_iter = ArrayBatches(arrays["test_images"], arrays["test_labels"], batch_size,
                             shuffle=False, resize=resize, description=note)
    return train_iter, test_iter
