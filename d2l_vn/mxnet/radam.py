"""Rectified Adam (Liu et al., 2020) as an MXNet optimizer, registered as ``'radam'``.

``gluon.Trainer(params, 'radam', {'learning_rate': 1e-3, 'beta1': 0.9, 'beta2': 0.999,
'epsilon': 1e-8, 'wd': 0.0, 'threshold': 4.0})`` works once ``d2l_vn`` is imported.
Step ``t >= 1`` of every parameter, with ``g = clip(rescale_grad * grad + wd * w,
clip_gradient)`` as in MXNet's ``adam_update``::

    m = beta1 m + (1 - beta1) g ;  v = beta2 v + (1 - beta2) g**2 ;  m_hat = m / (1 - beta1**t)
    if rho_t > threshold:  w -= lr * r_t * m_hat * sqrt(1 - beta2**t) / (sqrt(v) + epsilon)
    else:                  w -= lr * m_hat

``threshold=4`` is the paper's rule, ``threshold=5`` matches ``torch.optim.RAdam``.
``decoupled_wd=True`` leaves ``wd`` out of ``g`` and shrinks ``w -= lr * wd * w``
before the step instead (decoupled decay, scaled by the learning rate as in
``torch.optim.AdamW``).

Inside a ``gluon.Trainer`` MXNet hands the optimizer legacy arrays in both array modes;
called directly, ``update`` also takes ``mxnet.np`` arrays (under ``npx.set_np()``) and
updates them in place.

Speed: ``rho_t``, ``r_t`` and the bias corrections depend on ``t`` only, so they are
computed once per step in Python; once ``rho_t`` passes the threshold each parameter
costs one call of MXNet's fused ``adam_update`` with the learning rate scaled by
``r_t * sqrt(1 - beta2**t) / (1 - beta1**t)``.
"""
import math
import numbers

from mxnet import nd
from mxnet.optimizer import Optimizer, register

from . import arrays
from ..core.rectification import bias_correction, check_beta, rectification, rho

__all__ = ["RAdam"]


def _check_nonnegative(name, value):
    if (not isinstance(value, numbers.Real) or isinstance(value, bool)
            or not math.isfinite(value) or value < 0):
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return float(value)


@register
class RAdam(Optimizer):
    """Rectified Adam with L2 (default) or decoupled weight decay; see the module docstring.

    Parameters
    ----------
    learning_rate : float, default 1e-3
    beta1, beta2 : float in [0, 1), default 0.9 and 0.999
    epsilon : float >= 0, default 1e-8
    threshold : float >= 4, default 4.0
        The adaptive step is used when ``rho_t > threshold``.
    decoupled_wd : bool, default False
    **kwargs
        ``wd``, ``rescale_grad``, ``clip_gradient``, ``lr_scheduler``... as for every
        MXNet optimizer; ``multi_precision`` must stay False.

    Examples
    --------
    The first step (``rho_1 = 1``) moves by ``lr * g``:

    >>> from mxnet import nd
    >>> opt = RAdam(learning_rate=0.1)
    >>> w, g = nd.array([1.0]), nd.array([0.5])
    >>> opt.update(0, w, g, opt.create_state(0, w))
    >>> round(float(w.asscalar()), 6)
    0.95
    """

    def __init__(self, learning_rate=1e-3, beta1=0.9, beta2=0.999, epsilon=1e-8,
                 threshold=4.0, decoupled_wd=False, **kwargs):
        if kwargs.get("multi_precision"):
            raise ValueError("multi_precision=True is not supported by RAdam; leave it False")
        if learning_rate is not None:
            learning_rate = _check_nonnegative("learning_rate", learning_rate)
        _check_nonnegative("wd", kwargs.get("wd", 0.0))
        super().__init__(learning_rate=learning_rate, **kwargs)
        self.beta1 = check_beta("beta1", beta1)
        self.beta2 = check_beta("beta2", beta2)
        self.epsilon = _check_nonnegative("epsilon", epsilon)
        threshold = _check_nonnegative("threshold", threshold)
        if threshold < 4.0:
            raise ValueError(f"threshold must be >= 4 (r_t is undefined for rho_t <= 4), "
                             f"got {threshold!r}")
        self.threshold = threshold
        self.decoupled_wd = bool(decoupled_wd)
        self._scalars = (None, None)

    def create_state(self, index, weight):
        """Zero first and second moments ``(m, v)`` shaped like ``weight``, of its kind."""
        ops = arrays.ops_for(weight)
        return (ops.zeros(weight.shape, ctx=weight.context, dtype=weight.dtype),
                ops.zeros(weight.shape, ctx=weight.context, dtype=weight.dtype))

    def step_scalars(self, t):
        """``(adaptive, lr_factor)`` of step ``t``, computed once per step and cached.

        ``adaptive`` says whether ``rho_t > threshold``; ``lr_factor`` multiplies the
        learning rate: ``r_t sqrt(1 - beta2**t) / (1 - beta1**t)`` if adaptive, else
        ``1 / (1 - beta1**t)``.
        """
        if self._scalars[0] != t:
            c1 = bias_correction(t, self.beta1)
            if rho(t, self.beta2) > self.threshold:
                factor = (True, rectification(t, self.beta2) * math.sqrt(bias_correction(t, self.beta2)) / c1)
            else:
                factor = (False, 1.0 / c1)
            self._scalars = (t, factor)
        return self._scalars[1]

    def update(self, index, weight, grad, state):
        if not all(type(a) is nd.NDArray for a in (weight, grad, *state)):
            # Not what gluon.Trainer passes (legacy arrays): check the kinds, then take
            # legacy views of the same memory, which MXNet's fused operators accept, so
            # the in-place updates below reach the caller's arrays of either kind.
            arrays.check_kinds(weight=weight, grad=grad, m=state[0], v=state[1])
            weight, grad, state = (weight.as_nd_ndarray(), grad.as_nd_ndarray(),
                                   tuple(s.as_nd_ndarray() for s in state))
        if grad.stype != "default" or weight.stype != "default":
            raise ValueError("RAdam supports dense weights and gradients only (stype 'default')")
        self._update_count(index)
        lr, wd = self._get_lr(index), self._get_wd(index)
        adaptive, factor = self.step_scalars(self._index_update_count[index])
        clip = self.clip_gradient if self.clip_gradient and self.clip_gradient > 0 else -1.0
        mean, var = state
        if self.decoupled_wd and wd:
            weight *= 1.0 - lr * wd
            wd = 0.0
        if adaptive:
            nd.adam_update(weight, grad, mean, var, out=weight, lr=lr * factor, wd=wd,
                           beta1=self.beta1, beta2=self.beta2, epsilon=self.epsilon,
                           rescale_grad=self.rescale_grad, clip_gradient=clip)
            return
        g = grad * self.rescale_grad
        if wd:
            g = g + wd * weight
        if clip > 0:
            g = nd.clip(g, -clip, clip)
        mean[:] = self.beta1 * mean + (1.0 - self.beta1) * g
        var[:] = self.beta2 * var + (1.0 - self.beta2) * nd.square(g)
        weight[:] = weight - (lr * factor) * mean
