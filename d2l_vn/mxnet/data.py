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
from ..core.data import TEXT_LABELS, chapter_arrays

__all__ = ["load_fashion_mnist", "ArrayBatches", "TEXT_LABELS"]



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
    """Return ``(train_iter, test_iter)`` over Fashion-MNIST from the local cache, as MXNet arrays.

    The arrays of :func:`d2l_vn.core.data.chapter_arrays` (a short run trains on a
    class-balanced subset); what was loaded is printed once.
    """
    train_x, train_y, test_x, test_y, note = chapter_arrays(root)
    return (ArrayBatches(train_x, train_y, batch_size, shuffle=True, resize=resize, description=note),
            ArrayBatches(test_x, test_y, batch_size, shuffle=False, resize=resize, description=note))
