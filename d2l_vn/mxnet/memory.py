"""Memory measured with MXNet's profiler.

:func:`peak_bytes` runs a function under MXNet's memory profiler and reads the peak of the
bytes MXNet's storage allocated while it ran (to compare with :func:`d2l_vn.core.memory.mlp_memory`).
"""
import os
import re
import tempfile

import mxnet as mx
from mxnet import nd

__all__ = ["peak_bytes"]


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
