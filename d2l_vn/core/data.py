"""Fashion-MNIST, framework-neutral: its class names and class-balanced subsets (NumPy)."""
import numpy as np

__all__ = ["TEXT_LABELS", "class_balanced_subset"]

TEXT_LABELS = ("t-shirt", "trouser", "pullover", "dress", "coat",
               "sandal", "shirt", "sneaker", "bag", "ankle boot")


def class_balanced_subset(labels, per_class, seed=0):
    """Indices of ``per_class`` examples of every class, chosen with a fixed seed."""
    rng = np.random.default_rng(seed)
    picks = [rng.permutation(np.flatnonzero(labels == c))[:per_class] for c in np.unique(labels)]
    return np.sort(np.concatenate(picks))
