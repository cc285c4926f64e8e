"""Fashion-MNIST, framework-neutral: its class names, class-balanced subsets, and the arrays a chapter trains on (NumPy)."""
import numpy as np

from . import quick
from .cache import cache_path, read_cache
from .digits import group_digits

__all__ = ["TEXT_LABELS", "class_balanced_subset", "chapter_arrays"]

TEXT_LABELS = ("t-shirt", "trouser", "pullover", "dress", "coat",
               "sandal", "shirt", "sneaker", "bag", "ankle boot")


def class_balanced_subset(labels, per_class, seed=0):
    """Indices of ``per_class`` examples of every class, chosen with a fixed seed."""
    rng = np.random.default_rng(seed)
    picks = [rng.permutation(np.flatnonzero(labels == c))[:per_class] for c in np.unique(labels)]
    return np.sort(np.concatenate(picks))


def chapter_arrays(root=None):
    """``(train_x, train_y, test_x, test_y, note)``: what a chapter trains and tests on, as NumPy arrays.

    60,000 training and 10,000 test images, labels 0-9 in Fashion-MNIST's order
    (:data:`TEXT_LABELS`). An empty cache is filled first (see :mod:`d2l_vn.core.fetch`);
    a damaged one raises :class:`d2l_vn.core.cache.DataError`. In a short run (see
    :mod:`d2l_vn.core.quick`) the training set is a class-balanced subset and the test set
    stays whole. ``note`` says where the data came from; it and the sizes are printed once.
    """
    path = cache_path(root)
    if not path.exists():
        from .fetch import fetch  # not at the top: `python -m d2l_vn.core.fetch` must find it unimported
        fetch(root)
    arrays, source = read_cache(path)
    train_x, train_y = arrays["train_images"], arrays["train_labels"]
    note = f"Fashion-MNIST from the local cache (source: {source})"  # no path: outputs are published
    if quick.is_quick():
        keep = class_balanced_subset(train_y, quick.QUICK_TRAIN_PER_CLASS)
        train_x, train_y = train_x[keep], train_y[keep]
        note += f"; short run: {group_digits(len(train_y))} of {group_digits(60_000)} training images"
    print(f"[d2l_vn] {note}; {group_digits(len(train_y))} train / {group_digits(10_000)} test images")
    return train_x, train_y, arrays["test_images"], arrays["test_labels"], note
