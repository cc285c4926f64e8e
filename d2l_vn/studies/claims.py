"""The numbers a chapter's text may state, each computed from the record by its name.

A prose cell tagged ``from-record`` declares, in its metadata, every number it states,
in the order they appear::

    "numbers": [["0.908", "schedules", "cosine + warmup", "median"],
                ["2", "schedules", "multi-factor", "stalled"], ...]

that is ``[text, study, arm, statistic]``, read from the record of the notebook's own
framework (a PyTorch edition's cell from the PyTorch record); a fifth element,
``"mxnet"`` or ``"torch"``, names another framework's record, for a sentence that compares
the two. :func:`claim_value` computes the statistic,
and ``tests/test_record_prose.py`` checks that it reads as the text (rounded to the
text's decimals), so a number written for the wrong arm, swapped with another, or left
undeclared fails. A comparison names two arms, ``"A | B"`` (B minus A, paired by seed).

Statistics (final = final-epoch test accuracy; endpoint = :func:`d2l_vn.core.evidence.endpoint`):

- ``median``, ``min``, ``max``; ``endpoint median``, ``endpoint min``, ``endpoint max``;
  ``train median``, ``train min``, ``train max`` (final-epoch training accuracy);
- counts: ``runs``, ``learned``, ``stalled``, ``diverged``, ``failed`` (stalled + diverged),
  ``seeds``, ``epochs`` (the study's settings);
- ``failed low`` / ``failed high`` (and likewise for stalled, diverged): the
  Clopper-Pearson interval of that rate, as a fraction;
- ``learned median``: the median final test accuracy of the runs that learned;
- ``failure update min`` / ``median`` / ``max``: when failed runs failed (traced studies);
  ``failed after warmup``: failed runs that failed after the warmup's last update;
- with ``"A | B"``: ``difference``, ``difference low``, ``difference high`` (endpoint,
  mean over seeds with its t interval), ``wins`` (seeds on which B is higher), ``sign p``,
  ``fisher p failed`` / ``fisher p stalled`` (Fisher's exact test of the counts), and
  ``only A failed``, ``only B failed``, ``mcnemar p failed`` (the same seeds paired),
  ``both failed``, ``failed later with B`` (of the seeds that failed in both arms), and
  ``learned difference`` / ``low`` / ``high`` (B minus A in final accuracy over the seeds
  that learned in both, with its t interval); several comparisons joined by ``;``
  (``"A | B; C | D"``) pool their seeds for ``only A failed``, ``only B failed``,
  ``mcnemar p failed``, ``both failed`` and ``failed later with B``;
- ``dead filters max learned``: the most dead first-layer filters of a run that learned;
- ``dead filters min`` / ``dead filters max``: dead first-layer filters of the stalled runs;
  ``stalled first loss min`` / ``max``: their mean training loss over the first epoch;
- ``fisher p failed between frameworks``: Fisher's exact test of one arm's failed runs in
  the MXNet record against the PyTorch record (seeds are not paired across frameworks);
- ``published MXNet`` / ``published PyTorch``: d2l's number (``D2L_PUBLISHED``), for a comparison;
- ``arm``: the number is part of the arm's name (a rate, a warmup length);
- ``given``: a number that is not measured (a threshold, a formula's value); the arm field
  then says why. Use sparingly: nothing checks it.
"""
import importlib
import statistics

from ..core import evidence
from ..core.outcomes import count_outcomes, failure_update, outcome
from .records import FRAMEWORKS

__all__ = ["claim_value", "STATISTICS", "BETWEEN_FRAMEWORKS"]

BETWEEN_FRAMEWORKS = "fisher p failed between frameworks"


def _finals(runs):
    return [run["test_acc"][-1] for run in runs]


def _train_finals(runs):
    return [run["train_acc"][-1] for run in runs]


def _endpoints(runs):
    return [evidence.endpoint(run) for run in runs]


def _two(arms):
    """``"A | B"`` -> ``("A", "B")`` (a single comparison)."""
    names = [name.strip() for name in arms.split("|")]
    if len(names) != 2:
        raise ValueError(f"a comparison names two arms as 'A | B', got {arms!r}")
    return names


def _pair(results, arms):
    return evidence.paired_difference(results, *_two(arms))


def _count(kind):
    def value(results, arm):
        counts = count_outcomes(results.arm_runs(arm))
        return counts["stalled"] + counts["diverged"] if kind == "failed" else counts[kind]
    return value


def _count_bound(kind, index):
    def value(results, arm):
        return evidence.rate_interval(_count(kind)(results, arm), len(results.arm_runs(arm)))[index]
    return value


def _fisher(kind):
    def value(results, arms):
        a, b = _two(arms)
        return evidence.compare_counts(_count(kind)(results, a), len(results.arm_runs(a)),
                                       _count(kind)(results, b), len(results.arm_runs(b)))
    return value


def _failed(run):
    return outcome(run) != "learned"


def _mcnemar(results, arms):
    """Only-A and only-B failures and McNemar's p, over one comparison or several joined by ';'."""
    pairs = [_two(part) for part in arms.split(";")]
    counts = [evidence.paired_failures(results, a, b, _failed)[:2] for a, b in pairs]
    only_a, only_b = sum(c[0] for c in counts), sum(c[1] for c in counts)
    return only_a, only_b, evidence.exact_mcnemar(only_a, only_b)


def _both_failed(results, arms):
    """``(update in A, update in B)`` for every seed that failed in both arms, pooled over ';'."""
    found = []
    for a, b in (_two(part) for part in arms.split(";")):
        runs_b = {run["seed"]: run for run in results.arm_runs(b)}
        for run in results.arm_runs(a):
            twin = runs_b.get(run["seed"])
            if twin is not None and _failed(run) and _failed(twin):
                every = results.study.trace_every
                found.append((failure_update(run, every), failure_update(twin, every)))
    return found


def _learned_pair(results, arms):
    a, b = _two(arms)
    learned = lambda run: outcome(run) == "learned"  # noqa: E731
    return evidence.paired_difference(results, a, b, value=lambda run: run["test_acc"][-1],
                                      keep=learned)


def _first_loss_of_stalled(results, arm):
    return [run["train_loss"][0] for run in results.arm_runs(arm) if outcome(run) == "stalled"]


def _dead_in_stalled(results, arm):
    return [run["dead_filters"] for run in results.arm_runs(arm) if outcome(run) == "stalled"]


def _failure_updates(results, arm):
    return [failure_update(run, results.study.trace_every) for run in results.arm_runs(arm)
            if outcome(run) != "learned"]


def _warmup_updates(results, arm):
    return getattr(results.study.arm(arm).schedule, "warmup_steps", 0)


STATISTICS = {
    "median": lambda r, arm: statistics.median(_finals(r.arm_runs(arm))),
    "min": lambda r, arm: min(_finals(r.arm_runs(arm))),
    "max": lambda r, arm: max(_finals(r.arm_runs(arm))),
    "endpoint median": lambda r, arm: statistics.median(_endpoints(r.arm_runs(arm))),
    "train median": lambda r, arm: statistics.median(_train_finals(r.arm_runs(arm))),
    "train min": lambda r, arm: min(_train_finals(r.arm_runs(arm))),
    "train max": lambda r, arm: max(_train_finals(r.arm_runs(arm))),
    "endpoint min": lambda r, arm: min(_endpoints(r.arm_runs(arm))),
    "endpoint max": lambda r, arm: max(_endpoints(r.arm_runs(arm))),
    "runs": lambda r, arm: len(r.arm_runs(arm)),
    "seeds": lambda r, arm: len(r.settings.seeds),
    "epochs": lambda r, arm: r.settings.epochs,
    "failure update min": lambda r, arm: min(_failure_updates(r, arm)),
    "failure update median": lambda r, arm: statistics.median(_failure_updates(r, arm)),
    "failure update max": lambda r, arm: max(_failure_updates(r, arm)),
    "failed after warmup": lambda r, arm: sum(u > _warmup_updates(r, arm)
                                              for u in _failure_updates(r, arm)),
    "difference": lambda r, arms: _pair(r, arms).mean,
    "difference low": lambda r, arms: _pair(r, arms).low,
    "difference high": lambda r, arms: _pair(r, arms).high,
    "wins": lambda r, arms: _pair(r, arms).wins,
    "sign p": lambda r, arms: _pair(r, arms).sign_p,
    **{kind: _count(kind) for kind in ("learned", "stalled", "diverged", "failed")},
    **{f"{kind} {end}": _count_bound(kind, index) for kind in ("stalled", "diverged", "failed")
       for end, index in (("low", 0), ("high", 1))},
    **{f"fisher p {kind}": _fisher(kind) for kind in ("stalled", "diverged", "failed")},
    "both failed": lambda r, arms: len(_both_failed(r, arms)),
    "failed later with B": lambda r, arms: sum(ub > ua for ua, ub in _both_failed(r, arms)),
    "learned difference": lambda r, arms: _learned_pair(r, arms).mean,
    "learned difference low": lambda r, arms: _learned_pair(r, arms).low,
    "learned difference high": lambda r, arms: _learned_pair(r, arms).high,
    "learned seeds": lambda r, arms: len(_learned_pair(r, arms).seeds),
    "dead filters max learned": lambda r, arm: max(run["dead_filters"] for run in r.arm_runs(arm)
                                                   if outcome(run) == "learned"),
    "only A failed": lambda r, arms: _mcnemar(r, arms)[0],
    "only B failed": lambda r, arms: _mcnemar(r, arms)[1],
    "mcnemar p failed": lambda r, arms: _mcnemar(r, arms)[2],
    "learned median": lambda r, arm: statistics.median(
        _finals([run for run in r.arm_runs(arm) if outcome(run) == "learned"])),
    "stalled first loss min": lambda r, arm: min(_first_loss_of_stalled(r, arm)),
    "stalled first loss max": lambda r, arm: max(_first_loss_of_stalled(r, arm)),
    "dead filters min": lambda r, arm: min(_dead_in_stalled(r, arm)),
    "dead filters max": lambda r, arm: max(_dead_in_stalled(r, arm)),
}


def claim_value(chapter, study, arm, statistic, framework="mxnet"):
    """The value of ``statistic`` for ``arm`` (or ``"A | B"``) of ``study`` in ``chapter``'s record.

    ``framework`` chooses the record: ``"mxnet"`` or ``"torch"``.

    Returns a number, or for ``arm`` and ``given`` the arm text itself (they are checked
    as text, or not at all). Raises ``ValueError`` for an unknown study, arm or statistic.
    """
    from . import CHAPTERS
    from .design import recorded_results
    if statistic in ("arm", "given"):
        return arm
    if statistic.startswith("published "):
        module = importlib.import_module(f"d2l_vn.studies.{chapter}")
        edition = statistic.split(" ", 1)[1]
        published = getattr(module, "D2L_PUBLISHED", {}).get(edition, {})
        if arm not in published:
            raise ValueError(f"d2l's {edition} edition has no published number for {arm!r}")
        return published[arm]
    studies = {s.name: s for s in CHAPTERS.get(chapter, ())}
    if study not in studies:
        raise ValueError(f"chapter {chapter!r} has no study {study!r}; its studies: {sorted(studies)}")
    if statistic == BETWEEN_FRAMEWORKS:
        counts = [(claim_value(chapter, study, arm, "failed", name), claim_value(chapter, study, arm, "runs", name))
                  for name in FRAMEWORKS]
        return evidence.compare_counts(*counts[0], *counts[1])
    results = recorded_results(studies[study], framework)
    if results is None:
        raise ValueError(f"study {study!r} has no recorded runs in the {framework} record yet")
    if statistic not in STATISTICS:
        raise ValueError(f"unknown statistic {statistic!r}; known: {sorted(STATISTICS)}")
    names = [name for part in arm.split(";") for name in (_two(part) if "|" in part else [part.strip()])]
    for name in names:
        studies[study].arm(name)  # a clear error for an unknown arm
    return STATISTICS[statistic](results, arm)
