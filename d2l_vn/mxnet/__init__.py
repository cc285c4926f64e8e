"""d2l_vn for MXNet: ``from d2l_vn import mxnet as d2l_vn``, before ``mxnet`` is imported.

:mod:`d2l_vn.mxnet.compat` lets MXNet 1.9.1 run on NumPy 1.23 to 2.x and on Python 3.11
to 3.13, so it comes first. Exports the framework-neutral core (:mod:`d2l_vn.core`) and the
MXNet parts, with the same names as :mod:`d2l_vn.torch`.
"""
from . import compat  # noqa: F401  (first: patches NumPy before MXNet is imported)
from . import arrays  # noqa: F401  (d2l's mxnet.np arrays and legacy nd arrays)
from ..core import *  # noqa: F401,F403
from ..core import __all__ as _CORE
from .about import about_experiments
from .backprop import mlp_backward, mlp_forward
from .compgraph import graph_from_symbol
from .data import load_fashion_mnist
from .filters import dead_filters
from .gradcheck import max_abs_diff, numerical_gradient
from .memory import peak_bytes
from .models import lenet
from .radam import RAdam  # registers the optimizer 'radam' with MXNet
from .study import run_study, train_run
from ..studies.design import Arm, Study, StudyResults, recorded_results
from .train import evaluate_accuracy, train

FRAMEWORK = "mxnet"

__all__ = _CORE + ["FRAMEWORK", "mlp_backward", "mlp_forward", "graph_from_symbol", "load_fashion_mnist",
                   "dead_filters", "max_abs_diff", "numerical_gradient", "peak_bytes", "lenet",
                   "RAdam", "run_study", "train_run", "Arm", "Study", "StudyResults", "recorded_results", "evaluate_accuracy", "train"]
