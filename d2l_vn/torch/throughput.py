"""The bare training loop in PyTorch: forward, backward and step over minibatches prepared beforehand."""
import time

import numpy as np
import torch

from .models import lenet
from .optimizers import make_optimizer

__all__ = ["bare_epoch_times"]


def bare_epoch_times(images, labels, batch_size, epochs, lr=0.1, optimizer="sgd"):
    """Seconds of each of ``epochs`` passes over ``images`` (uint8, N x 28 x 28) with a fresh LeNet, on the CPU."""
    X_all = torch.from_numpy(images.astype(np.float32)[:, None] / 255)
    y_all = torch.from_numpy(labels.astype(np.int64))
    batches = [(X_all[i:i + batch_size], y_all[i:i + batch_size]) for i in range(0, len(y_all), batch_size)]
    net = lenet("cpu")
    opt = make_optimizer(optimizer, net.parameters(), lr)
    loss = torch.nn.CrossEntropyLoss()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        for X, y in batches:
            opt.zero_grad()
            loss(net(X), y).backward()
            opt.step()
        times.append(time.perf_counter() - start)
    return times
