"""The course's network in PyTorch: LeNet with ReLU and max pooling, as :mod:`d2l_vn.mxnet.models`."""
from torch import nn

from .device import try_gpu

__all__ = ["lenet"]


def lenet(device=None):
    """Return a fresh LeNet for 1x28x28 inputs and 10 classes, on ``device`` (default :func:`try_gpu`).

    Two 5x5 convolutions (6 and 16 channels) with ReLU and 2x2 max pooling, then dense
    layers of 120, 84 and 10 units, Xavier-initialized with zero biases like the MXNet
    edition (PyTorch's own default initialization differs; d2l's PyTorch LeNet keeps it).
    Seed with ``torch.manual_seed`` first for the same weights every time.
    """
    net = nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Conv2d(6, 16, kernel_size=5), nn.ReLU(), nn.MaxPool2d(2, 2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))
    for layer in net:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return net.to(device or try_gpu())
