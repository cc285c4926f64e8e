"""The studies of the learning-rate scheduling chapter (LeNet, Fashion-MNIST, SGD, batch 256).

- :data:`SCHEDULES`: d2l 1.0.3's five schedules with d2l's own rates, 30 epochs, stepped
  per epoch as the chapter steps them: constant 0.3; square root from 0.1
  (``0.1 * (t + 1) ** -0.5``, d2l's ``SquareRootScheduler``); multi-factor from 0.5,
  halved after epochs 15 and 30; cosine from 0.3 to 0.01 over 20 epochs; the same
  cosine after 5 epochs of linear warmup; and the multi-factor shape from 0.3, so that
  shapes are also compared at one first rate.
- :data:`COLLAPSE`: what a large first rate does, and warmup against it: constant rates
  0.3 to 0.6, each without and with a linear per-update warmup over epoch 0 (235
  updates), 20 seeds, 2 epochs, every update's loss kept so that failures are dated.
- :data:`WARMUP_OR_DECAY`: cosine, cosine + warmup (which also shortens the decay from
  20 to 15 epochs) and a control that warms up over epoch 0 and keeps the 20-epoch decay,
  7 seeds; seeds 0-2 of the first two are :data:`SCHEDULES`' runs.
- :data:`FIXED_RATES`, :data:`POLY_EXPONENTS`, :data:`WARMUP_LENGTHS`: the exercises'
  sweeps, with one seed (seed 0, the first seed of :data:`SCHEDULES`). Arms identical to an
  arm of :data:`SCHEDULES` with the same seed are trained once and recorded for both.

The PyTorch record holds the first 10 seeds of :data:`COLLAPSE` and the first 3 of
:data:`WARMUP_OR_DECAY` (``fewer_seeds_in``): the PyTorch edition's issue gave all PyTorch
records 3 hours of ``make results`` on 2 cores, and the Adam chapter's took 1 h 34 min; the
other studies keep all their seeds.

Cost of the new studies, measured on the 2-core machine in 2026-12 with oneDNN capped at
AVX2 (README), two single-thread processes, while other work shared the cores: a 30-epoch
run took 710 to 938 s (466 to 528 s once the cores were idle), a 2-epoch run of
:data:`COLLAPSE` 32 to 84 s. So the multi-factor
arm at 0.3 (3 runs) took about 13 minutes of wall time, :data:`COLLAPSE` (160 runs) about
55, and :data:`WARMUP_OR_DECAY` (15 new runs) about 70; its last 7 runs (the control arm)
took 46 minutes in the session of 2026-12-02 04:09 UTC, 640 to 862 s each.
"""
from ..core.schedulers import (ConstantScheduler, CosineScheduler, MultiFactorScheduler, PolyScheduler,
                          SquareRootScheduler, WarmupThenEpochs)
from .design import Arm, Study

__all__ = ["SCHEDULES", "COLLAPSE", "COLLAPSE_RATES", "COLLAPSE_GRID", "WARMUP_OR_DECAY", "FIXED_RATES", "POLY_EXPONENTS", "WARMUP_LENGTHS",
           "STUDIES", "UPDATES_PER_EPOCH", "D2L_PUBLISHED", "D2L_SOURCES"]

CHAPTER, EPOCHS, BATCH_SIZE = "lr_scheduling", 30, 256
#: Minibatch updates in one epoch of all 60,000 training images at batch 256.
UPDATES_PER_EPOCH = 235
COLLAPSE_RATES = (0.3, 0.4, 0.5, 0.6)


def _cosine(warmup_epochs=0):
    return CosineScheduler(max_update=20, warmup_steps=warmup_epochs, base_lr=0.3, final_lr=0.01)


SCHEDULES = Study("schedules", CHAPTER, arms=(
    Arm("constant 0.3", ConstantScheduler(base_lr=0.3)),
    Arm("square root 0.1", SquareRootScheduler(base_lr=0.1)),
    Arm("multi-factor", MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.5)),
    Arm("multi-factor 0.3", MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.3)),
    Arm("cosine", _cosine()),
    Arm("cosine + warmup", _cosine(warmup_epochs=5)),
), seeds=(0, 1, 2), epochs=EPOCHS, batch_size=BATCH_SIZE,
   title=("Six schedules", "Sáu lịch"))

#: When does a high first rate kill the network, and does a warmup over epoch 0 prevent
#: it or only postpone it? Every run keeps the loss of each minibatch update
#: (``trace_every=1``), so :func:`d2l_vn.core.outcomes.failure_update` dates each failure.
COLLAPSE = Study("collapse", CHAPTER, arms=tuple(
    Arm(f"{rate}{' + warmup' if warmup else ''}",
        ConstantScheduler(base_lr=rate, warmup_steps=UPDATES_PER_EPOCH if warmup else 0),
        per="update")
    for rate in COLLAPSE_RATES for warmup in (False, True)
), seeds=tuple(range(20)), epochs=2, batch_size=BATCH_SIZE, trace_every=1, fewer_seeds_in=(("torch", 10),),
   title=("High first rates, with and without warmup", "Tốc độ ban đầu cao, có và không có khởi động"))

#: How the arms of :data:`COLLAPSE` are laid out: ``{"no warmup" / "warmup": {rate: arm name}}``.
COLLAPSE_GRID = {label: {rate: f"{rate}{suffix}" for rate in COLLAPSE_RATES}
                 for label, suffix in (("no warmup", ""), ("warmup", " + warmup"))}

#: "cosine + warmup" warms up over 5 epochs and so decays over 15 instead of 20: is its
#: gain over "cosine" the warmup or the shorter decay? The control warms up over epoch 0
#: (per update) and then runs cosine's unchanged 20-epoch decay.
WARMUP_OR_DECAY = Study("warmup_or_decay", CHAPTER, arms=(
    Arm("cosine", _cosine()),
    Arm("cosine + warmup", _cosine(warmup_epochs=5)),
    Arm("warmup in epoch 0, then cosine", WarmupThenEpochs(_cosine(), UPDATES_PER_EPOCH),
        per="update"),
), seeds=tuple(range(7)), epochs=EPOCHS, batch_size=BATCH_SIZE, fewer_seeds_in=(("torch", 3),),
   title=("Warmup or a shorter decay", "Khởi động hay đoạn giảm ngắn hơn"))

SWEEP_SEEDS = (0,)

FIXED_RATES = Study("fixed_rates", CHAPTER, arms=tuple(
    Arm(f"constant {rate}", ConstantScheduler(base_lr=rate)) for rate in (0.1, 0.3, 0.9)
), seeds=SWEEP_SEEDS, epochs=EPOCHS, batch_size=BATCH_SIZE,
   title=("Constant rates", "Các tốc độ không đổi"))

POLY_EXPONENTS = Study("poly_exponents", CHAPTER, arms=tuple(
    Arm(f"poly p={pwr}", PolyScheduler(max_update=EPOCHS, base_lr=0.3, pwr=pwr))
    for pwr in (0.5, 1, 3)
), seeds=SWEEP_SEEDS, epochs=EPOCHS, batch_size=BATCH_SIZE,
   title=("Polynomial exponents", "Các số mũ của lịch đa thức"))

WARMUP_LENGTHS = Study("warmup_lengths", CHAPTER, arms=tuple(
    Arm(f"warmup {label}", _cosine(warmup_epochs=round(fraction * EPOCHS)))
    for label, fraction in (("0", 0), ("1/6", 1 / 6), ("1/3", 1 / 3), ("1/2", 1 / 2))
), seeds=SWEEP_SEEDS, epochs=EPOCHS, batch_size=BATCH_SIZE,
   title=("Warmup lengths", "Các độ dài khởi động"))

#: d2l's PUBLISHED test accuracies, one run per schedule, not measured here: d2l 1.0.3,
#: chapter_optimization/lr-scheduler.md, 30 epochs on all of Fashion-MNIST, as printed in
#: the notebooks d2l built and published for that release (2023-08-18, "Version 1.0.3"):
#: MXNet, github.com/d2l-ai/d2l-en-colab commit 9ac8e37d, chapter_optimization/lr-scheduler.ipynb;
#: PyTorch, github.com/d2l-ai/d2l-pytorch-colab commit f8543710, same path. The MXNet edition
#: steps its schedulers per minibatch update and initializes with Xavier; the PyTorch edition
#: steps them per epoch and keeps PyTorch's default initialization. The MXNet multi-factor
#: scheduler was called for its plot (t = 0 to 29) before training, which halved its rate
#: for good: it trained at 0.25 for 30 updates and at 0.125 from update 31 on, never at 0.5.
D2L_PUBLISHED = {
    "MXNet": {"constant 0.3": 0.884, "square root 0.1": 0.815, "multi-factor": 0.887,
              "cosine": 0.859, "cosine + warmup": 0.871},
    "PyTorch": {"constant 0.3": 0.877, "square root 0.1": 0.886, "multi-factor": 0.869,
                "cosine": 0.904, "cosine + warmup": 0.901},
}
#: Where a reader can check :data:`D2L_PUBLISHED`.
D2L_SOURCES = {
    "MXNet": "https://github.com/d2l-ai/d2l-en-colab/blob/9ac8e37d574e6773ca33d38bf0143f067b331b74/"
             "chapter_optimization/lr-scheduler.ipynb",
    "PyTorch": "https://github.com/d2l-ai/d2l-pytorch-colab/blob/f8543710a7046a947464f0fa3ad0f8619d7613d3/"
               "chapter_optimization/lr-scheduler.ipynb",
}

#: In the order ``make results`` runs them.
STUDIES = (SCHEDULES, COLLAPSE, WARMUP_OR_DECAY, FIXED_RATES, POLY_EXPONENTS, WARMUP_LENGTHS)
