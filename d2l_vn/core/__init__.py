"""The framework-neutral core of d2l_vn: what does not depend on MXNet or PyTorch.

Schedules as functions of the step, RAdam's rectification and reference steps in NumPy,
statistics and outcomes of studies, plots, tables, captions and the data cache. Each
framework's package (:mod:`d2l_vn.mxnet`, :mod:`d2l_vn.torch`) exports all of these
beside its own parts, so a chapter imports only its framework's package.
"""
from . import evidence, outcomes, plot  # modules whose constants chapters read (d2l_vn.outcomes.CHANCE_BAND)
from .about import about_experiments
from .arm_names import arm_label
from .cache import DataError
from .captions import bilingual
from .compgraph import draw_graph, mlp_graph
from .data import TEXT_LABELS
from .evidence import compare_counts, endpoint, paired_difference, paired_failures, rate_interval
from .history import History
from .memory import mlp_memory
from .outcomes import STALL_ACCURACY, count_outcomes, failure_update, outcome
from .plot import plot_history, plot_schedule
from .quick import choose_training, epochs, is_quick, training
from .rectification import bias_correction, rectification, rho
from .reference_steps import adam_reference_step, radam_reference_step
from .report import plot_metric, results_table
from .schedulers import (ConstantScheduler, CosineScheduler, FactorScheduler, MultiFactorScheduler, PolyScheduler,
                         SquareRootScheduler, WarmupThenEpochs)
from .study_report import (dead_filter_table, failure_comparison_table, failure_table, framework_table, paired_table,
                           plot_failure_rates, plot_failure_updates, plot_study, plot_sweep, published_table, spread_table, study_numbers,
                           study_table, sweep_numbers, sweep_spread, sweep_table)
from .widgets import ScheduleExplorer

__all__ = ["evidence", "outcomes", "plot", "about_experiments", "arm_label", "DataError", "bilingual", "draw_graph", "mlp_graph", "TEXT_LABELS",
           "compare_counts", "endpoint", "paired_difference", "paired_failures", "rate_interval", "History", "mlp_memory",
           "STALL_ACCURACY", "count_outcomes", "failure_update", "outcome", "plot_history", "plot_schedule",
           "choose_training", "epochs", "is_quick", "training", "bias_correction", "rectification", "rho",
           "adam_reference_step", "radam_reference_step", "plot_metric", "results_table", "ConstantScheduler",
           "CosineScheduler", "FactorScheduler", "MultiFactorScheduler", "PolyScheduler", "SquareRootScheduler",
           "WarmupThenEpochs", "dead_filter_table", "failure_comparison_table", "failure_table", "framework_table", "paired_table",
           "plot_failure_rates", "plot_failure_updates", "plot_study", "plot_sweep", "published_table",
           "spread_table", "study_numbers", "study_table", "sweep_numbers", "sweep_spread", "sweep_table",
           "ScheduleExplorer"]
