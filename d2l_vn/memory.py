"""Memory of the one-hidden-layer MLP: computed from the shapes, measured with MXNet.

:func:`mlp_memory` counts values from the shapes of :mod:`d2l_vn.backprop`
(``n`` = batch size, ``B`` = bytes per value)::

    parameters             B (h d + q h)       W1, W2
    gradients              B (h d + q h)       dW1, dW2 (training only)
    input                  B n d               X
    activations_kept       B n (2 h + q)       Z, H, P = softmax(O), kept for backward
    inference_activations  B n max(2 h, h + q) the largest pair alive at once:
                                               (Z, H) or (H, O); nothing is kept

These are lower bounds: temporaries of the operators, an optimizer's state and the
framework's own buffers come on top. :func:`peak_bytes` measures instead: it runs a
function under MXNet's memory profiler and reads the peak of the bytes MXNet's
storage allocated while it ran.
"""
import numbers
import os
import re
import tempfile

import mxnet as mx
from mxnet import nd

__all__ = ["mlp_memory", "peak_bytes"]


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


def peak_bytes(fn, ctx=None, warmup=True):
    """Run ``fn()`` and return the peak number of bytes MXNet allocated on ``ctx`` meanwhile.

    Uses ``mx.profiler`` with ``profile_memory=True``; arrays that existed before the
    call (parameters, the input) are not counted, arrays freed during it are. With
    ``warmup=True``, ``fn`` runs once unmeasured first, because the first use of an
    operator can allocate workspace that MXNet then keeps for good. The profiler is
    global: do not call this while profiling something else.

    Other work that MXNet finishes during the window is counted too (a few kB in a
    busy process), so compare against computed figures with a tolerance.

    ``fn`` may compute with either array kind (``mxnet.np`` or legacy ``nd``).

    >>> from mxnet import np, npx
    >>> npx.set_np()
    >>> round(peak_bytes(lambda: (np.ones((1000, 250)) * 2).wait_to_read()) / 1e6, 2)
    2.0
    """
    ctx = ctx or mx.cpu()
    if warmup:
        fn()
    with tempfile.TemporaryDirectory(prefix="d2l_vn_profile_") as folder:
        # MXNet writes its trace to this file; the folder goes, the numbers stay in `stats`.
        mx.profiler.set_config(profile_memory=True, profile_imperative=True, aggregate_stats=True,
                               filename=os.path.join(folder, "profile.json"))
        nd.waitall()
        mx.profiler.set_state("run")
        try:
            fn()
            nd.waitall()
        finally:
            mx.profiler.set_state("stop")
        stats = mx.profiler.dumps(reset=True)
    # Row "Memory: cpu/0  <count>  <min kB>  <max kB>  <avg kB>"; kB = 1000 bytes.
    row = re.search(rf"^Memory: {ctx.device_type}/{ctx.device_id}\s+\d+\s+\S+\s+(\S+)", stats,
                    re.MULTILINE)
    return 0 if row is None else round(float(row.group(1)) * 1000)
