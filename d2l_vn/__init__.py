"""d2l_vn: the small helper package of the bilingual course on optimizing deep networks.

Import it before ``mxnet``: :mod:`d2l_vn.compat` lets MXNet 1.9.1 run on NumPy 1.23 to
2.x and on Python 3.11 to 3.13.
"""
from . import compat  # noqa: F401  (first: patches NumPy before MXNet is imported)
from . import arrays  # noqa: F401  (d2l's mxnet.np arrays and legacy nd arrays)
from .about import about_experiments
from .arm_names import arm_label
from .backprop import mlp_backward, mlp_forward
from .cache import DataError
from .captions import bilingual
from .compgraph import draw_graph, graph_from_symbol, mlp_graph
from .data import TEXT_LABELS, load_fashion_mnist
from .gradcheck import max_abs_diff, numerical_gradient
from .memory import mlp_memory, peak_bytes
from .models import lenet
from .plot import plot_history, plot_schedule
from .quick import choose_training, epochs, is_quick, training
from .radam import RAdam  # registers the optimizer 'radam' with MXNet
from .records import load_record
from .rectification import bias_correction, rectification, rho
from .reference_steps import adam_reference_step, radam_reference_step
from .report import plot_metric, results_table
from .schedulers import (ConstantScheduler, CosineScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler,
                         SquareRootScheduler, WarmupThenEpochs)
from .study import Arm, Study, StudyResults, recorded_results, run_study, train_run
from .filters import dead_filters
from .outcomes import STALL_ACCURACY, count_outcomes, failure_update, outcome
from .evidence import endpoint, paired_difference, paired_failures, rate_interval, compare_counts
from .study_report import (dead_filter_table, failure_comparison_table, failure_table, paired_table, plot_failure_rates,
                           plot_failure_updates, plot_study, plot_sweep, published_table, spread_table, study_numbers,
                           study_table, sweep_numbers, sweep_spread, sweep_table)
from .train import History, evaluate_accuracy, train
from .widgets import ScheduleExplorer

__all__ = ["about_experiments", "bilingual", "mlp_forward", "mlp_backward", "mlp_graph", "graph_from_symbol", "draw_graph",
           "numerical_gradient", "max_abs_diff", "mlp_memory", "peak_bytes",
           "DataError", "TEXT_LABELS", "load_fashion_mnist", "lenet", "plot_history",
           "plot_schedule", "choose_training", "epochs", "is_quick", "training", "CosineScheduler", "FactorScheduler",
           "MultiFactorScheduler", "PolyScheduler", "SquareRootScheduler", "History",
           "evaluate_accuracy", "train", "plot_metric", "results_table", "ScheduleExplorer",
           "RAdam", "rho", "rectification", "bias_correction", "adam_reference_step",
           "radam_reference_step", "load_record", "ConstantScheduler", "Arm",
           "Study", "StudyResults", "recorded_results", "run_study", "train_run", "STALL_ACCURACY",
           "dead_filters", "dead_filter_table", "plot_study", "study_numbers", "outcome",
           "count_outcomes", "failure_update", "endpoint", "paired_difference", "rate_interval",
           "compare_counts", "paired_table", "failure_table", "plot_failure_rates",
           "plot_failure_updates", "WarmupThenEpochs", "published_table", "failure_comparison_table", "paired_failures",
           "study_table", "plot_sweep", "spread_table", "sweep_numbers", "sweep_spread",
           "sweep_table"]
