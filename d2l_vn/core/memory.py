"""Memory of the one-hidden-layer MLP, counted from its shapes (any framework).

:func:`mlp_memory` counts values from the shapes of ``mlp_forward`` / ``mlp_backward``
(``n`` = batch size, ``B`` = bytes per value)::

    parameters             B (h d + q h)       W1, W2
    gradients              B (h d + q h)       dW1, dW2 (training only)
    input                  B n d               X
    activations_kept       B n (2 h + q)       Z, H, P = softmax(O), kept for backward
    inference_activations  B n max(2 h, h + q) the largest pair alive at once:
                                               (Z, H) or (H, O); nothing is kept

These count only those arrays: temporaries of the operators, an optimizer's state and the
framework's own buffers come on top. Each framework's ``peak_bytes`` measures instead.
"""
import numbers

__all__ = ["mlp_memory"]


def mlp_memory(d, h, q, batch_size, bytes_per_value=4, layers=1):
    """Bytes held by the MLP ``(n, d) -> h -> ... -> h -> q`` for training and for inference.

    ``layers`` hidden layers of width ``h`` (the chapter's model has one): what training
    keeps grows with ``layers * batch_size``, what prediction needs does not grow with depth.

    Returns a dict with the entries of the module docstring plus
    ``training_total = parameters + gradients + input + activations_kept`` and
    ``inference_total = parameters + input + inference_activations``.

    Examples
    --------
    ``d, h, q, n = 784, 256, 10, 256`` in float32: ``4 (784 * 256 + 10 * 256) =
    813,056`` bytes of parameters and ``4 * 256 * (2 * 256 + 10) = 534,528`` bytes
    of activations kept for backward.

    >>> m = mlp_memory(784, 256, 10, 256)
    >>> m["parameters"], m["activations_kept"], m["inference_activations"]
    (813056, 534528, 524288)
    >>> m["training_total"] - m["inference_total"]
    823296
    >>> deep = mlp_memory(784, 256, 10, 256, layers=4)
    >>> deep["activations_kept"], deep["inference_activations"]
    (2107392, 524288)
    """
    for name, value in (("d", d), ("h", h), ("q", q), ("batch_size", batch_size),
                        ("bytes_per_value", bytes_per_value), ("layers", layers)):
        if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be an integer >= 1, got {value!r}")
    n, b = batch_size, bytes_per_value
    weights = h * d + (layers - 1) * h * h + q * h
    out = {"parameters": b * weights, "gradients": b * weights,
           "input": b * n * d, "activations_kept": b * n * (2 * layers * h + q),
           "inference_activations": b * n * max(2 * h, h + q)}
    out["training_total"] = (out["parameters"] + out["gradients"] + out["input"]
                             + out["activations_kept"])
    out["inference_total"] = out["parameters"] + out["input"] + out["inference_activations"]
    return out
