"""How a run ended, classed once for every table, figure and sentence of the course.

- **diverged**: the training loss stopped being a number or exploded: some epoch's mean
  training loss (or, in a traced run, some update's) is not finite or above
  :data:`DIVERGED_LOSS`;
- **stalled**: the loss stayed finite but the network ended at chance: final test
  accuracy at most :data:`STALL_ACCURACY` (guessing among ten classes gives 0.1);
- **learned**: every other run.

A network that always predicts the same uniform probabilities has a loss of exactly
ln 10 = 2.303 on every minibatch, whatever its labels. A traced run (a study with
``trace_every``) keeps the loss of its minibatches, so :func:`failure_update` can say
when a failed run left the road: the first update past :data:`DIVERGED_LOSS`, or the
first update of its final stretch at ln 10.
"""
import math

__all__ = ["OUTCOMES", "STALL_ACCURACY", "DIVERGED_LOSS", "CHANCE_LOSS", "CHANCE_BAND",
           "outcome", "failure_update", "count_outcomes"]

OUTCOMES = ("learned", "stalled", "diverged")
#: Final test accuracy at or below which a run with finite loss counts as stalled.
STALL_ACCURACY = 0.15
#: Training loss above which (or non-finite) a run counts as diverged: 43 times chance.
DIVERGED_LOSS = 100.0
#: Cross-entropy of uniform guessing among ten classes.
CHANCE_LOSS = math.log(10)
#: A traced loss within this of ``CHANCE_LOSS`` reads as "at chance".
CHANCE_BAND = 0.05


def _exploded(loss):
    return not math.isfinite(loss) or loss > DIVERGED_LOSS


def outcome(run):
    """``'learned'``, ``'stalled'`` or ``'diverged'`` for a run in the record's layout."""
    if any(_exploded(loss) for loss in run["train_loss"] + run.get("loss_trace", [])):
        return "diverged"
    return "stalled" if run["test_acc"][-1] <= STALL_ACCURACY else "learned"


def failure_update(run, trace_every=1):
    """The update at which a failed traced run diverged or settled at chance; ``None`` if it learned.

    ``trace_every`` is how many updates each entry of ``run['loss_trace']`` averages
    (the study's). The answer is the first update of the entry, counting updates from 1.
    """
    kind = outcome(run)
    trace = run.get("loss_trace")
    if kind == "learned":
        return None
    if not trace:
        raise ValueError(f"run {run.get('arm')!r}, seed {run.get('seed')}: no loss trace "
                         "(only studies with trace_every record one)")
    if kind == "diverged":
        index = next(i for i, loss in enumerate(trace) if _exploded(loss))
    else:
        away = [i for i, loss in enumerate(trace) if abs(loss - CHANCE_LOSS) > CHANCE_BAND]
        index = away[-1] + 1 if away else 0
    return index * trace_every + 1


def count_outcomes(runs):
    """``{'learned': n, 'stalled': n, 'diverged': n}`` over ``runs``."""
    counts = dict.fromkeys(OUTCOMES, 0)
    for run in runs:
        counts[outcome(run)] += 1
    return counts
