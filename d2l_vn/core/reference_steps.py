"""Plain-NumPy reference steps of Adam (Kingma & Ba, 2015) and RAdam (Liu et al., 2020).

Written straight from the papers' algorithms, for tests and exercises; they are
slow and clear, not fast. Both take the gradient ``grad`` of the loss and build
the gradient the moments see as in MXNet's ``adam_update``:
``g = clip(rescale_grad * grad + wd * w, -clip_gradient, clip_gradient)`` (L2
weight decay), or, with ``decoupled_wd=True``, ``g = clip(rescale_grad * grad)`` and
a separate shrink ``w <- w - lr * wd * w`` before the step: decoupled decay as
Loshchilov & Hutter propose it, scaled by the learning rate as ``torch.optim.AdamW``
does (their paper scales it by the schedule multiplier instead). Inputs may be NumPy arrays or MXNet arrays of either kind
(copied to NumPy); each function returns new float64 NumPy arrays ``(w, m, v)``.
"""
import math

import numpy as np

__all__ = ["adam_reference_step", "radam_reference_step"]


def _float64(array):
    """A float64 NumPy copy of a NumPy array, a number or an MXNet array of either kind."""
    return np.asarray(array.asnumpy() if hasattr(array, "asnumpy") else array, dtype=np.float64)


def _effective_gradient(w, grad, wd, rescale_grad, clip_gradient, decoupled_wd):
    g = rescale_grad * _float64(grad)
    if not decoupled_wd:
        g = g + wd * w
    if clip_gradient is not None and clip_gradient > 0:
        g = np.clip(g, -clip_gradient, clip_gradient)
    return g


def _decay_and_moments(w, grad, m, v, lr, beta1, beta2, wd, rescale_grad, clip_gradient,
                       decoupled_wd):
    """The first half that Adam and RAdam share: decoupled decay, then both moving averages."""
    w = _float64(w)
    g = _effective_gradient(w, grad, wd, rescale_grad, clip_gradient, decoupled_wd)
    if decoupled_wd:
        w = w - lr * wd * w
    m = beta1 * _float64(m) + (1 - beta1) * g
    v = beta2 * _float64(v) + (1 - beta2) * g * g
    return w, m, v


def adam_reference_step(w, grad, m, v, t, lr, beta1=0.9, beta2=0.999, epsilon=1e-8, wd=0.0,
                        rescale_grad=1.0, clip_gradient=None, decoupled_wd=False,
                        epsilon_form="paper"):
    """One Adam step ``t >= 1``; return ``(w, m, v)``.

    ``m = beta1 m + (1 - beta1) g``, ``v = beta2 v + (1 - beta2) g**2``, and

    * ``epsilon_form="paper"``: ``w -= lr * m_hat / (sqrt(v_hat) + epsilon)`` with
      ``m_hat = m / (1 - beta1**t)``, ``v_hat = v / (1 - beta2**t)``;
    * ``epsilon_form="mxnet"``: ``w -= lr * sqrt(1 - beta2**t) / (1 - beta1**t) * m /
      (sqrt(v) + epsilon)``, i.e. the paper's rule with epsilon replaced by
      ``epsilon / sqrt(1 - beta2**t)`` (what MXNet's ``Adam`` computes).

    At ``t = 1`` both move every coordinate by about ``lr`` against the sign of ``g``:

    >>> w, m, v = adam_reference_step(np.array([1.0, -1.0]), np.array([0.5, -2.0]),
    ...                               np.zeros(2), np.zeros(2), t=1, lr=0.1)
    >>> np.round(w, 6).tolist(), np.round(m, 3).tolist()
    ([0.9, -0.9], [0.05, -0.2])
    """
    if epsilon_form not in ("paper", "mxnet"):
        raise ValueError(f"epsilon_form must be 'paper' or 'mxnet', got {epsilon_form!r}")
    w, m, v = _decay_and_moments(w, grad, m, v, lr, beta1, beta2, wd, rescale_grad,
                                 clip_gradient, decoupled_wd)
    c1, c2 = 1 - beta1 ** t, 1 - beta2 ** t
    if epsilon_form == "paper":
        w = w - lr * (m / c1) / (np.sqrt(v / c2) + epsilon)
    else:
        w = w - lr * math.sqrt(c2) / c1 * m / (np.sqrt(v) + epsilon)
    return w, m, v


def radam_reference_step(w, grad, m, v, t, lr, beta1=0.9, beta2=0.999, epsilon=1e-8, wd=0.0,
                         threshold=4.0, rescale_grad=1.0, clip_gradient=None,
                         decoupled_wd=False):
    """One RAdam step ``t >= 1`` (Algorithm 2 of Liu et al.); return ``(w, m, v)``.

    With ``rho_inf = 2 / (1 - beta2) - 1`` and
    ``rho_t = rho_inf - 2 t beta2**t / (1 - beta2**t)``: if ``rho_t > threshold``,
    ``w -= lr * r_t * m_hat * sqrt(1 - beta2**t) / (sqrt(v) + epsilon)`` with
    ``r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))``;
    otherwise ``w -= lr * m_hat`` (momentum without adaptation). The paper uses
    ``threshold = 4`` and no epsilon; ``threshold = 5`` is PyTorch's choice.

    The first step is a plain momentum step of length ``lr * |g|``:

    >>> w, m, v = radam_reference_step(np.array([1.0]), np.array([0.5]), np.zeros(1),
    ...                                np.zeros(1), t=1, lr=0.1)
    >>> np.round(w, 6).tolist()
    [0.95]
    """
    w, m, v = _decay_and_moments(w, grad, m, v, lr, beta1, beta2, wd, rescale_grad,
                                 clip_gradient, decoupled_wd)
    m_hat = m / (1 - beta1 ** t)
    r_inf = 2 / (1 - beta2) - 1
    r_t = r_inf - 2 * t * beta2 ** t / (1 - beta2 ** t)
    if r_t > threshold:
        rect = math.sqrt((r_t - 4) * (r_t - 2) * r_inf / ((r_inf - 4) * (r_inf - 2) * r_t))
        w = w - lr * rect * m_hat * math.sqrt(1 - beta2 ** t) / (np.sqrt(v) + epsilon)
    else:
        w = w - lr * m_hat
    return w, m, v
