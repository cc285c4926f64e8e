"""The instruction set MXNet's oneDNN may use: pinned to AVX2 so records reproduce on any x86 CPU.

oneDNN picks its convolution and matrix kernels by the newest instruction set the processor
has (AVX-512, AVX2, AVX, SSE4.1). The kernels round differently, so the same run on an
AVX-512 and on an AVX2 processor drifts apart from the first minibatch on (relative 1e-5
at the fourth; measured). The environment variable ``DNNL_MAX_CPU_ISA`` caps the choice.
``make results`` and the tests set it to :data:`RECORD_ISA` unless it is already set, so
a record made on one x86 machine is reproduced bit for bit on another that has AVX2.
oneDNN reads the variable when it first runs a kernel, so :func:`pin` must come before
the process trains anything (importing MXNet is fine).
"""
import os
import pathlib

__all__ = ["RECORD_ISA", "VARIABLE", "pin", "describe"]

VARIABLE = "DNNL_MAX_CPU_ISA"
#: The cap of recorded runs: every x86 processor of the last ten years has AVX2.
RECORD_ISA = "AVX2"
_FLAGS = (("avx512f", "AVX-512"), ("avx2", "AVX2"), ("avx", "AVX"), ("sse4_1", "SSE4.1"))


def pin():
    """Cap oneDNN at :data:`RECORD_ISA` unless ``DNNL_MAX_CPU_ISA`` is set; return the cap."""
    return os.environ.setdefault(VARIABLE, RECORD_ISA)


def _newest_on_processor():
    try:
        text = pathlib.Path("/proc/cpuinfo").read_text()
    except OSError:
        return "unknown"
    flags = set(next((line.split(":", 1)[1].split() for line in text.splitlines()
                      if line.startswith("flags")), []))
    return next((name for flag, name in _FLAGS if flag in flags), "unknown")


def describe():
    """The cap in force and the newest instruction set of this processor, for provenance."""
    return {"dnnl_max_cpu_isa": os.environ.get(VARIABLE) or "unlimited",
            "processor_isa": _newest_on_processor()}
