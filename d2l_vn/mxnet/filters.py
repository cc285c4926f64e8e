"""Dead first-layer filters: the look inside a network that stalled at chance.

The images are non-negative, so a first-layer filter whose weights and bias have all
turned negative gives a negative sum everywhere, and its ReLU outputs zero on every
image; no gradient flows back through it, so it stays dead. When every filter is
dead the network's output no longer depends on the image.
"""
import numpy as np

__all__ = ["dead_filters"]


def dead_filters(net, data_iter):
    """How many filters of ``net[0]`` (a Conv2D with ReLU) output zero on every image of ``data_iter``.

    Returns ``(dead, total)``.
    """
    layer = net[0]
    if not hasattr(layer, "_channels") or getattr(layer, "act", None) is None:
        raise ValueError("net[0] must be a convolution with an activation, as in d2l_vn.lenet()")
    peak = None
    for X, _ in data_iter:
        largest = layer(X).max(axis=(0, 2, 3)).asnumpy()
        peak = largest if peak is None else np.maximum(peak, largest)
    if peak is None:
        raise ValueError("data_iter yielded no minibatch")
    return int((peak <= 0).sum()), int(peak.size)
