"""How sure a comparison of runs can be: paired differences, exact tests and intervals (SciPy).

Arms of a study share their seeds (same initial weights, same minibatch order), so two
arms are compared seed by seed: :func:`paired_difference` gives the differences, their
mean with a t interval, and the exact two-sided sign test, which with three seeds can
never go below p = 0.25. Counts of failed runs get Clopper-Pearson intervals
(:func:`rate_interval`) and Fisher's exact test (:func:`compare_counts`); when the two
arms share their seeds, :func:`paired_failures` uses the pairing (McNemar's exact test:
only the seeds on which one arm failed and the other did not count). The endpoint is
:func:`endpoint`: the mean test accuracy of the last :data:`LAST_EPOCHS` epochs, less noisy
than the final epoch alone for a run whose rate stays high (its accuracy jumps by about
0.01 from epoch to epoch); in a run shorter than 15 epochs, of its last third, so that it
still measures the end of training (the final epoch alone below 6 epochs).
"""
import dataclasses

import numpy as np
from scipy import stats

__all__ = ["LAST_EPOCHS", "CONFIDENCE", "endpoint", "PairedDifference", "paired_difference",
           "rate_interval", "compare_counts", "paired_failures", "exact_mcnemar"]

#: Epochs averaged by :func:`endpoint`.
LAST_EPOCHS = 5
#: Confidence level of every interval.
CONFIDENCE = 0.95


def endpoint(run, last=LAST_EPOCHS):
    """Mean test accuracy of the last ``last`` epochs of ``run``, at most its last third."""
    if last < 1:
        raise ValueError(f"last must be at least 1, got {last}")
    epochs = max(1, min(last, len(run["test_acc"]) // 3))
    return float(np.mean(run["test_acc"][-epochs:]))


@dataclasses.dataclass(frozen=True)
class PairedDifference:
    """``arm_b`` minus ``arm_a``, seed by seed: differences, mean, interval and sign-test p."""
    arm_a: str
    arm_b: str
    seeds: tuple
    differences: tuple
    mean: float
    low: float
    high: float
    sign_p: float

    @property
    def wins(self):
        """Seeds on which ``arm_b`` did better."""
        return sum(d > 0 for d in self.differences)


def paired_difference(results, arm_a, arm_b, value=endpoint, keep=None):
    """Compare two arms of ``results`` on the seeds both have; ``value(run)`` is the number compared.

    The interval is the t interval of the mean difference at :data:`CONFIDENCE`; the
    p-value is the exact two-sided sign test (ties dropped), which assumes nothing about
    the shape of the differences. With ``keep(run)``, only seeds whose runs it keeps in both
    arms count (for example the seeds that learned in both).
    """
    keep = keep or (lambda run: True)
    a = {run["seed"]: value(run) for run in results.arm_runs(arm_a) if keep(run)}
    b = {run["seed"]: value(run) for run in results.arm_runs(arm_b) if keep(run)}
    seeds = tuple(sorted(set(a) & set(b)))
    if len(seeds) < 2:
        raise ValueError(f"arms {arm_a!r} and {arm_b!r} share {len(seeds)} seed(s); "
                         "a paired comparison needs at least 2")
    differences = np.array([b[s] - a[s] for s in seeds])
    mean = float(differences.mean())
    half = float(stats.t.ppf((1 + CONFIDENCE) / 2, len(seeds) - 1)
                 * differences.std(ddof=1) / np.sqrt(len(seeds)))
    wins, losses = int((differences > 0).sum()), int((differences < 0).sum())
    sign_p = float(stats.binomtest(wins, wins + losses).pvalue) if wins + losses else 1.0
    return PairedDifference(arm_a, arm_b, seeds, tuple(map(float, differences)), mean,
                            mean - half, mean + half, sign_p)


def rate_interval(count, runs):
    """Clopper-Pearson interval of a rate seen ``count`` times in ``runs``: ``(low, high)``."""
    if not 0 <= count <= runs or runs < 1:
        raise ValueError(f"need 0 <= count <= runs and runs >= 1, got {count} of {runs}")
    interval = stats.binomtest(count, runs).proportion_ci(CONFIDENCE, method="exact")
    return float(interval.low), float(interval.high)


def compare_counts(count_a, runs_a, count_b, runs_b):
    """Two-sided p-value of Fisher's exact test: do two arms fail at the same rate?"""
    for count, runs in ((count_a, runs_a), (count_b, runs_b)):
        if not 0 <= count <= runs or runs < 1:
            raise ValueError(f"need 0 <= count <= runs and runs >= 1, got {count} of {runs}")
    table = [[count_a, runs_a - count_a], [count_b, runs_b - count_b]]
    _, p_value = stats.fisher_exact(table)
    return float(p_value)


def paired_failures(results, arm_a, arm_b, failed):
    """Seeds on which only ``arm_a`` failed, only ``arm_b`` failed, and McNemar's exact p.

    ``failed(run)`` says whether a run failed. The test is the two-sided binomial test of
    the discordant seeds at one half; seeds on which both or neither failed do not count.
    Returns ``(only_a, only_b, p)``.
    """
    a = {run["seed"]: failed(run) for run in results.arm_runs(arm_a)}
    b = {run["seed"]: failed(run) for run in results.arm_runs(arm_b)}
    seeds = sorted(set(a) & set(b))
    if not seeds:
        raise ValueError(f"arms {arm_a!r} and {arm_b!r} share no seed")
    only_a = sum(a[s] and not b[s] for s in seeds)
    only_b = sum(b[s] and not a[s] for s in seeds)
    return only_a, only_b, exact_mcnemar(only_a, only_b)


def exact_mcnemar(only_a, only_b):
    """McNemar's exact two-sided p from the discordant counts (1 when there are none)."""
    return float(stats.binomtest(only_a, only_a + only_b).pvalue) if only_a + only_b else 1.0
