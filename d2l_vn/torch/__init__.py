"""d2l_vn for PyTorch: ``from d2l_vn import torch as d2l_vn``.

Exports the framework-neutral core (:mod:`d2l_vn.core`) and the PyTorch parts, with the
same names as :mod:`d2l_vn.mxnet` where both frameworks have the thing: the training loop,
LeNet, Fashion-MNIST batches, the hand-written MLP and its gradient check. Where they
differ it says so: schedules reach PyTorch through ``LambdaLR`` (:func:`lambda_lr`), RAdam is
``torch.optim.RAdam``, memory is measured as what autograd saves (:func:`saved_bytes`) or,
on a GPU, as the allocator's peak. Training uses a GPU when PyTorch sees one (:func:`try_gpu`).
"""
from ..core import *  # noqa: F401,F403
from ..core import __all__ as _CORE
from .about import about_experiments
from .backprop import mlp_backward, mlp_forward
from .compgraph import graph_from_autograd
from .data import load_fashion_mnist
from .device import try_gpu
from .filters import dead_filters
from .gradcheck import max_abs_diff, numerical_gradient
from .memory import peak_bytes, saved_bytes
from .models import lenet
from .schedules import lambda_lr
from .study import run_study, train_run
from ..studies.design import Arm, Study, StudyResults, recorded_results
from .train import evaluate_accuracy, train

FRAMEWORK = "torch"

__all__ = _CORE + ["FRAMEWORK", "mlp_backward", "mlp_forward", "graph_from_autograd", "load_fashion_mnist",
                   "try_gpu", "max_abs_diff", "numerical_gradient", "peak_bytes", "saved_bytes", "lenet",
                   "lambda_lr", "evaluate_accuracy", "train", "dead_filters", "run_study", "train_run", "Arm",
                   "Study", "StudyResults", "recorded_results"]
