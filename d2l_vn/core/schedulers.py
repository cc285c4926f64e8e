"""Learning-rate schedules as pure functions of the step ``t`` (``s(t) -> float``).

Arguments are named as in ``mxnet.lr_scheduler`` and, called in the order
``t = 0, 1, 2, ...``, each class returns what MXNet's class of the same name
returns. Unlike MXNet's ``FactorScheduler`` and ``MultiFactorScheduler``, calling a
schedule changes nothing, so one object can be plotted and then trained with.

The step unit is the caller's: ``d2l_vn.mxnet.train`` calls ``s(epoch)`` once per epoch;
passed as ``lr_scheduler`` to a ``gluon.Trainer``, ``s`` is called with the number
of minibatch updates instead.

Warmup (``warmup_steps`` > 0) is handled once, in :class:`Scheduler`: for
``t < warmup_steps`` the rate is ``warmup_begin_lr + (base_lr - warmup_begin_lr)
* t / warmup_steps`` (``'linear'``) or ``warmup_begin_lr`` (``'constant'``).
"""
import math
import numbers

__all__ = ["Scheduler", "ConstantScheduler", "SquareRootScheduler", "FactorScheduler", "MultiFactorScheduler",
           "PolyScheduler", "CosineScheduler", "WarmupThenEpochs"]


def _check_int(name, value, minimum):
    if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def _check_real(name, value, low=None, high=None, low_open=False):
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
    if ok and low is not None:
        ok = value > low if low_open else value >= low
    if ok and high is not None:
        ok = value <= high
    if not ok:
        bounds = f"{'(' if low_open else '['}{low}, {'inf)' if high is None else f'{high}]'}"
        raise ValueError(f"{name} must be a number in {bounds}, got {value!r}")
    return float(value)


class Scheduler:
    """Base class: validates the common arguments and applies warmup.

    Subclasses implement ``_decay(t)`` for ``t >= warmup_steps``.
    """

    def __init__(self, base_lr=0.01, warmup_steps=0, warmup_begin_lr=0.0, warmup_mode="linear"):
        self.base_lr = _check_real("base_lr", base_lr, low=0.0, low_open=True)
        self.warmup_steps = _check_int("warmup_steps", warmup_steps, 0)
        self.warmup_begin_lr = _check_real("warmup_begin_lr", warmup_begin_lr, low=0.0,
                                           high=self.base_lr)
        if warmup_mode not in ("linear", "constant"):
            raise ValueError(f"warmup_mode must be 'linear' or 'constant', got {warmup_mode!r}")
        self.warmup_mode = warmup_mode

    def __call__(self, t):
        if not isinstance(t, numbers.Real) or t < 0:
            raise ValueError(f"the step t must be a number >= 0, got {t!r}")
        if t < self.warmup_steps:
            if self.warmup_mode == "constant":
                return self.warmup_begin_lr
            return self.warmup_begin_lr + (self.base_lr - self.warmup_begin_lr) * t / self.warmup_steps
        return float(self._decay(t))

    def _decay(self, t):
        raise NotImplementedError

    def __repr__(self):
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"


class ConstantScheduler(Scheduler):
    """``base_lr`` at every step after the warmup: a fixed rate, or a warmup alone.

    >>> [round(ConstantScheduler(base_lr=0.3, warmup_steps=3)(t), 2) for t in (0, 1, 3, 100)]
    [0.0, 0.1, 0.3, 0.3]
    """

    def _decay(self, t):
        return self.base_lr


class SquareRootScheduler(Scheduler):
    """``base_lr * (t - warmup_steps + 1) ** -0.5``: decays like the inverse square root.

    >>> SquareRootScheduler(base_lr=0.1)(3)
    0.05
    """

    def _decay(self, t):
        return self.base_lr * (t - self.warmup_steps + 1) ** -0.5


class FactorScheduler(Scheduler):
    """Multiply by ``factor`` every ``step`` steps, never below ``stop_factor_lr``.

    ``base_lr * factor ** k`` with ``k = max(0, ceil(t / step) - 1)``, as MXNet counts:
    the first decay happens at ``t = step + 1``.

    >>> s = FactorScheduler(step=1, factor=0.9, stop_factor_lr=1e-2, base_lr=2.0)
    >>> [round(s(t), 3) for t in (0, 1, 2, 3, 60)]
    [2.0, 2.0, 1.8, 1.62, 0.01]
    """

    def __init__(self, step, factor=1.0, stop_factor_lr=1e-8, base_lr=0.01, **warmup):
        super().__init__(base_lr, **warmup)
        self.step = _check_int("step", step, 1)
        self.factor = _check_real("factor", factor, low=0.0, high=1.0, low_open=True)
        self.stop_factor_lr = _check_real("stop_factor_lr", stop_factor_lr, low=0.0)

    def _decay(self, t):
        k = max(0, math.ceil(t / self.step) - 1)
        if k == 0:
            return self.base_lr
        return max(self.base_lr * self.factor ** k, self.stop_factor_lr)


class MultiFactorScheduler(Scheduler):
    """Multiply by ``factor`` after each step in ``step``: ``base_lr * factor ** #{s : t > s}``.

    >>> s = MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.5)
    >>> [s(t) for t in (0, 15, 16, 30, 31)]
    [0.5, 0.5, 0.25, 0.25, 0.125]
    """

    def __init__(self, step, factor=1.0, base_lr=0.01, **warmup):
        super().__init__(base_lr, **warmup)
        if isinstance(step, (str, bytes)) or not hasattr(step, "__iter__") or len(step) == 0:
            raise ValueError(f"step must be a non-empty list of increasing integers, got {step!r}")
        steps = [_check_int("each entry of step", s, 1) for s in step]
        if any(b <= a for a, b in zip(steps, steps[1:])):
            raise ValueError(f"step must be strictly increasing, got {step!r}")
        self.step = steps
        self.factor = _check_real("factor", factor, low=0.0, high=1.0, low_open=True)

    def _decay(self, t):
        return self.base_lr * self.factor ** sum(t > s for s in self.step)


class _AnnealToFinal(Scheduler):
    """Shared checks for schedules that reach ``final_lr`` at ``max_update``."""

    def __init__(self, max_update, base_lr=0.01, final_lr=0.0, **warmup):
        super().__init__(base_lr, **warmup)
        self.max_update = _check_int("max_update", max_update, 1)
        if self.warmup_steps >= self.max_update:
            raise ValueError(f"warmup_steps ({self.warmup_steps}) must be smaller than "
                             f"max_update ({self.max_update})")
        self.final_lr = _check_real("final_lr", final_lr, low=0.0)

    def _progress(self, t):
        """Fraction of the decay done at step ``t``: 0 after warmup, 1 from ``max_update`` on."""
        t = min(t, self.max_update)
        return (t - self.warmup_steps) / (self.max_update - self.warmup_steps)


class PolyScheduler(_AnnealToFinal):
    """``final_lr + (base_lr - final_lr) * (1 - p) ** pwr``, with ``p`` the decay progress.

    >>> PolyScheduler(max_update=10, base_lr=1.0, pwr=2)(5)
    0.25
    """

    def __init__(self, max_update, base_lr=0.01, pwr=2, final_lr=0.0, **warmup):
        super().__init__(max_update, base_lr, final_lr, **warmup)
        self.pwr = _check_real("pwr", pwr, low=0.0)

    def _decay(self, t):
        return self.final_lr + (self.base_lr - self.final_lr) * (1 - self._progress(t)) ** self.pwr


class CosineScheduler(_AnnealToFinal):
    """``final_lr + (base_lr - final_lr) * (1 + cos(pi * p)) / 2`` (Loshchilov & Hutter).

    >>> CosineScheduler(max_update=10, base_lr=1.0)(5)
    0.5
    """

    def _decay(self, t):
        return self.final_lr + (self.base_lr - self.final_lr) * (1 + math.cos(math.pi * self._progress(t))) / 2


class WarmupThenEpochs:
    """Per update: a linear warmup over the first epoch, then a per-epoch ``schedule`` unchanged.

    Update ``t`` (MXNet counts from 1) of epoch 0 trains at ``schedule(0) * t /
    updates_per_epoch``; from epoch 1 on, every update of epoch ``e`` trains at
    ``schedule(e)``, exactly as when ``schedule`` is stepped per epoch. So the warmup is
    added without shortening the decay that follows (a control for ``warmup_steps``,
    which takes its epochs out of the decay).

    >>> s = WarmupThenEpochs(CosineScheduler(max_update=20, base_lr=0.3), updates_per_epoch=10)
    >>> [round(s(t), 3) for t in (1, 5, 10, 11, 20, 21)]
    [0.03, 0.15, 0.3, 0.298, 0.298, 0.293]
    """

    def __init__(self, schedule, updates_per_epoch):
        if not callable(schedule):
            raise ValueError("schedule must be a function of the epoch, for example "
                             "d2l_vn.CosineScheduler(max_update=20, base_lr=0.3)")
        self.schedule = schedule
        self.updates_per_epoch = _check_int("updates_per_epoch", updates_per_epoch, 1)
        self.base_lr = float(schedule(0))  # the rate MXNet's Trainer starts from

    def __call__(self, t):
        if not isinstance(t, numbers.Real) or t < 0:
            raise ValueError(f"the step t must be a number >= 0, got {t!r}")
        if t <= self.updates_per_epoch:
            return float(self.schedule(0)) * t / self.updates_per_epoch
        return float(self.schedule((t - 1) // self.updates_per_epoch))

    def __repr__(self):
        return f"WarmupThenEpochs(schedule={self.schedule!r}, updates_per_epoch={self.updates_per_epoch})"
