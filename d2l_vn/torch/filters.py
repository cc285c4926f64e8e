"""Dead first-layer filters in PyTorch: the look inside a network that stalled at chance.

A first-layer filter whose ReLU outputs zero on every image passes no gradient back, so it
stays dead (see :mod:`d2l_vn.mxnet.filters`).
"""
import torch

__all__ = ["dead_filters"]


def dead_filters(net, data_iter):
    """How many filters of ``net[0]`` (a Conv2d followed by ReLU) output zero on every image.

    Returns ``(dead, total)``.
    """
    if not isinstance(net[0], torch.nn.Conv2d):
        raise ValueError("net[0] must be a convolution, as in d2l_vn.lenet()")
    device = next(net.parameters()).device
    peak = None
    with torch.no_grad():
        for X, _ in data_iter:
            largest = torch.relu(net[0](X.to(device))).amax(dim=(0, 2, 3))
            peak = largest if peak is None else torch.maximum(peak, largest)
    if peak is None:
        raise ValueError("data_iter yielded no minibatch")
    return int((peak <= 0).sum()), int(peak.numel())
