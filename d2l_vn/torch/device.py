"""The device a PyTorch chapter trains on: the first GPU when there is one, else the CPU (d2l's ``try_gpu``)."""
import torch

__all__ = ["try_gpu"]


def try_gpu(i=0):
    """``torch.device('cuda:i')`` when PyTorch sees at least ``i + 1`` GPUs, else ``torch.device('cpu')``.

    >>> try_gpu(10_000).type  # no machine has that many GPUs
    'cpu'
    """
    if torch.cuda.device_count() >= i + 1:
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")
