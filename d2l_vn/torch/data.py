"""Fashion-MNIST in memory as PyTorch tensors: decoded once, shuffled per epoch, batched by slicing.

The same cache, subsets and order as :mod:`d2l_vn.mxnet.data` (a NumPy generator seeded
once draws each epoch's permutation), so both editions see the same minibatches.
"""
import numpy as np
import torch

from ..core.data import TEXT_LABELS, chapter_arrays

__all__ = ["load_fashion_mnist", "TensorBatches", "TEXT_LABELS"]


class TensorBatches:
    """Iterate over ``(X, y)`` minibatches of in-memory images as tensors on the CPU.

    ``X`` has shape (batch, 1, 28, 28), ``float32`` in [0, 1]; ``y`` is ``int64`` (what
    ``nn.CrossEntropyLoss`` wants). With ``shuffle=True`` each pass draws a new
    permutation from a NumPy generator seeded once with ``seed``. ``description`` says
    what the data are and where they came from; ``d2l_vn.train`` prints it.
    """

    def __init__(self, images, labels, batch_size, shuffle, seed=0, description=""):
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive integer, got {batch_size!r}")
        self.X = torch.from_numpy((images.astype(np.float32) / 255.0)[:, None, :, :])
        self.y = torch.from_numpy(labels.astype(np.int64))
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.description = description
        self._rng = np.random.default_rng(seed)

    def __len__(self):
        return -(-len(self.y) // self.batch_size)

    def __iter__(self):
        X, y = self.X, self.y
        if self.shuffle:
            order = torch.from_numpy(self._rng.permutation(len(y)))
            X, y = X[order], y[order]
        for start in range(0, len(y), self.batch_size):
            yield X[start:start + self.batch_size], y[start:start + self.batch_size]


def load_fashion_mnist(batch_size, root=None):
    """Return ``(train_iter, test_iter)`` over Fashion-MNIST from the local cache, as tensors.

    The arrays of :func:`d2l_vn.core.data.chapter_arrays` (a short run trains on a
    class-balanced subset); what was loaded is printed once.
    """
    train_x, train_y, test_x, test_y, note = chapter_arrays(root)
    return (TensorBatches(train_x, train_y, batch_size, shuffle=True, description=note),
            TensorBatches(test_x, test_y, batch_size, shuffle=False, description=note))
