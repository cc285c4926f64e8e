"""The course's network: LeNet with the modern touches (ReLU, max pooling)."""
from d2l import mxnet as d2l
from mxnet import init
from mxnet.gluon import nn

from . import arrays

__all__ = ["lenet"]


def lenet(device=None):
    """Return a fresh, hybridized LeNet for 1x28x28 inputs and 10 classes.

    Two 5x5 convolutions (6 and 16 channels) with ReLU and 2x2 max pooling, then
    dense layers of 120, 84 and 10 units. The parameters are initialized (Xavier) on
    ``device`` (default: a GPU when MXNet sees one, else the CPU), so that a
    ``gluon.Trainer`` can be built on them right away. Gluon layers pick their operators
    for the array mode that is active when they are built, so build the network after
    ``npx.set_np()``; ``net.array_kind`` ('np' or 'nd') records that mode, and
    ``d2l_vn.mxnet.train`` checks it.
    """
    net = nn.HybridSequential()
    net.add(nn.Conv2D(6, kernel_size=5, padding=2, activation="relu"),
            nn.MaxPool2D(pool_size=2, strides=2),
            nn.Conv2D(16, kernel_size=5, activation="relu"),
            nn.MaxPool2D(pool_size=2, strides=2),
            nn.Dense(120, activation="relu"),
            nn.Dense(84, activation="relu"),
            nn.Dense(10))
    net.initialize(init.Xavier(), ctx=device or d2l.try_gpu())
    net.hybridize()
    net.array_kind = arrays.active_kind()
    return net
