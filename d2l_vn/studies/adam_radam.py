"""The studies of the Adam/RAdam chapter: how sensitive each optimizer is to the learning rate.

:data:`RATE_SWEEP` trains LeNet on Fashion-MNIST with three optimizers at each rate of
:data:`LEARNING_RATES`, three seeds each, paired across arms:

- ``Adam``: MXNet's ``adam`` at a constant rate;
- ``Adam + warmup``: the same with the rate raised linearly over the first
  :data:`WARMUP_UPDATES` = 2 / (1 - beta2) = 2000 updates, the untuned rule of Ma &
  Yarats (2021), stepped per minibatch update;
- ``RAdam``: :class:`d2l_vn.mxnet.RAdam` with the paper's threshold 4 in MXNet, ``torch.optim.RAdam`` (threshold 5) in PyTorch, at a constant rate.

Every optimizer keeps its defaults otherwise (beta1 0.9, beta2 0.999, epsilon 1e-8).

Why batch 32 and 5 epochs: RAdam's rectification r_t passes 0.9 only at update 2737
and the warmup lasts 2000 updates, so the run needs many updates for them to be a small
part of it; a smaller batch gives more updates for the same images. Batch 32 gives
1875 updates per epoch, 9375 in 5 epochs, over which r_t averages 0.89. Budget of
``make results CHAPTER=adam_radam`` on the 2-core machine: 3 optimizers x 7 rates
x 3 seeds = 63 runs of 5 epochs, 315 epochs. Estimated at about 2,800 images/s per
process in two single-thread processes (batch 32), 56 minutes; measured on 2026-11-22:
about 115 s per run, 72.0 minutes in all (the record's provenance), within the 90 the
issue allowed. A sixth epoch would add about 14 minutes.

:data:`BOUNDARY` adds 10 seeds at 3e-2 and 5e-2 (60 runs, 9 of them the sweep's): its 51 new
runs took 68 minutes on 2026-12-02 (the record's second session), 116 to 311 s each while
other work shared the cores.
"""
from ..core.schedulers import ConstantScheduler
from .design import Arm, Study

__all__ = ["RATE_SWEEP", "BOUNDARY", "BOUNDARY_RATES", "BOUNDARY_GRID", "STUDIES", "LEARNING_RATES", "OPTIMIZERS", "GRID", "WARMUP_UPDATES",
           "BETA2", "UPDATES_PER_EPOCH"]

CHAPTER, EPOCHS, BATCH_SIZE = "adam_radam", 5, 32
BETA2 = 0.999
#: Minibatch updates in one epoch of all 60,000 training images at batch 32.
UPDATES_PER_EPOCH = 1875
#: Ma & Yarats' untuned linear warmup: 2 / (1 - beta2) updates.
WARMUP_UPDATES = round(2 / (1 - BETA2))
LEARNING_RATES = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1)
#: Optimizer label -> (MXNet optimizer name, linear warmup updates).
OPTIMIZERS = {"Adam": ("adam", 0), "Adam + warmup": ("adam", WARMUP_UPDATES),
              "RAdam": ("radam", 0)}


def _arm_name(label, rate):
    return f"{label} {rate:g}"


#: Optimizer label -> {learning rate: arm name}: how the arms of the sweep are laid out.
GRID = {label: {rate: _arm_name(label, rate) for rate in LEARNING_RATES} for label in OPTIMIZERS}

RATE_SWEEP = Study("rate_sweep", CHAPTER, arms=tuple(
    Arm(GRID[label][rate], ConstantScheduler(base_lr=rate, warmup_steps=warmup),
        per="update", optimizer=optimizer)
    for rate in LEARNING_RATES for label, (optimizer, warmup) in OPTIMIZERS.items()
), seeds=(0, 1, 2), epochs=EPOCHS, batch_size=BATCH_SIZE,
   title=("Learning rates for Adam, Adam + warmup and RAdam",
          "Các tốc độ học cho Adam, Adam + khởi động và RAdam"))

#: Where Adam starts to fail: the rate sweep's 3e-2 and one step further, with ten seeds,
#: enough to tell a difference in failure rates that three seeds cannot (arms named as in
#: :data:`GRID`, so seeds 0-2 at 3e-2 are the sweep's runs, not trained twice).
BOUNDARY_RATES = (3e-2, 5e-2)
BOUNDARY = Study("boundary", CHAPTER, arms=tuple(
    Arm(_arm_name(label, rate), ConstantScheduler(base_lr=rate, warmup_steps=warmup),
        per="update", optimizer=optimizer)
    for rate in BOUNDARY_RATES for label, (optimizer, warmup) in OPTIMIZERS.items()
), seeds=tuple(range(10)), epochs=EPOCHS, batch_size=BATCH_SIZE,
   title=("Where Adam starts to fail", "Nơi Adam bắt đầu hỏng"))

#: Optimizer label -> {rate: arm name}: how the arms of :data:`BOUNDARY` are laid out.
BOUNDARY_GRID = {label: {rate: _arm_name(label, rate) for rate in BOUNDARY_RATES} for label in OPTIMIZERS}

#: In the order ``make results`` runs them.
STUDIES = (RATE_SWEEP, BOUNDARY)
