"""RAdam's step-dependent scalars as pure functions of the step ``t`` (Liu et al., 2020).

Adam's adaptive learning rate ``sqrt((1 - beta2**t) / v_t)`` is estimated from an
exponential moving average of squared gradients. Liu et al. treat that average as
a simple moving average of ``rho_t`` terms and find

* ``rho_inf = 2 / (1 - beta2) - 1`` (the length for ``t -> infinity``),
* ``rho_t = rho_inf - 2 t beta2**t / (1 - beta2**t)`` (``rho_1 = 1`` for every
  ``beta2``),
* ``r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))``,
  the factor that brings the variance of the adaptive rate down to its limit value.

``r_t`` is only defined when ``rho_t > 4``; :func:`rectification` returns ``None``
otherwise, which is also the step where RAdam falls back to an un-adapted
momentum step. With ``beta2 <= 0.6`` we get ``rho_inf <= 4``, so ``r_t`` is never
defined and RAdam never uses the adaptive step.
"""
import math
import numbers

__all__ = ["check_beta", "bias_correction", "rho_inf", "rho", "rectification"]


def check_beta(name, beta):
    """Return ``beta`` as a float, or raise ``ValueError`` naming ``name`` unless 0 <= beta < 1."""
    if (not isinstance(beta, numbers.Real) or isinstance(beta, bool)
            or not 0.0 <= beta < 1.0):
        raise ValueError(f"{name} must be a number in [0, 1), got {beta!r}")
    return float(beta)


def _check_step(t):
    if not isinstance(t, numbers.Integral) or isinstance(t, bool) or t < 1:
        raise ValueError(f"the step t must be an integer >= 1, got {t!r}")
    return int(t)


def bias_correction(t, beta):
    """``1 - beta**t``: what an average started at zero must be divided by after ``t`` steps.

    >>> round(bias_correction(1, 0.9), 12), round(bias_correction(2, 0.9), 12)
    (0.1, 0.19)
    """
    return 1.0 - check_beta("beta", beta) ** _check_step(t)


def rho_inf(beta2):
    """``2 / (1 - beta2) - 1``, the largest length of the approximating simple average.

    >>> round(rho_inf(0.999), 9)
    1999.0
    >>> rho_inf(0.6) <= 4
    True
    """
    return 2.0 / (1.0 - check_beta("beta2", beta2)) - 1.0


def rho(t, beta2):
    """``rho_t = rho_inf - 2 t beta2**t / (1 - beta2**t)``; it starts at 1 and grows to ``rho_inf``.

    >>> [round(rho(t, 0.999), 3) for t in (1, 5, 6)]
    [1.0, 4.996, 5.994]
    """
    t, beta2 = _check_step(t), check_beta("beta2", beta2)
    power = beta2 ** t
    return rho_inf(beta2) - 2.0 * t * power / (1.0 - power)


def rectification(t, beta2):
    """The rectification term ``r_t`` at step ``t``, or ``None`` where ``rho_t <= 4``.

    ``r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))``
    grows from 0 towards 1.

    >>> rectification(5, 0.999) is None, rectification(5, 0.99) is None
    (False, False)
    >>> rectification(4, 0.999) is None
    True
    >>> round(rectification(5, 0.999), 4), round(rectification(6, 0.999), 4)
    (0.0173, 0.0258)
    >>> round(rectification(10**6, 0.999), 6)
    1.0
    """
    r = rho(t, beta2)
    r_inf = rho_inf(beta2)
    if r <= 4.0:
        return None
    return math.sqrt((r - 4.0) * (r - 2.0) * r_inf / ((r_inf - 4.0) * (r_inf - 2.0) * r))
