"""d2l_vn: the small helper package of the bilingual course on optimizing deep networks.

Import it before ``mxnet``: :mod:`d2l_vn.compat` lets MXNet 1.9.1 run on NumPy up to
1.26 and on Python 3.12.
"""
from . import compat  # noqa: F401  (first: patches NumPy before MXNet is imported)
from .cache import DataError
from .data import TEXT_LABELS, load_fashion_mnist
from .models import lenet
from .plot import plot_history, plot_schedule
from .quick import epochs, is_quick
from .schedulers import (CosineScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler,
                         SquareRootScheduler)
from .train import History, evaluate_accuracy, train

__all__ = ["DataError", "TEXT_LABELS", "load_fashion_mnist", "lenet", "plot_history",
           "plot_schedule", "epochs", "is_quick", "CosineScheduler", "FactorScheduler",
           "MultiFactorScheduler", "PolyScheduler", "SquareRootScheduler", "History",
           "evaluate_accuracy", "train"]
