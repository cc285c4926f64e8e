"""d2l_vn: the small helper package of the bilingual course on optimizing deep networks.

A chapter imports its framework's package, as d2l does (``from d2l import mxnet as d2l``)::

    from d2l_vn import mxnet as d2l_vn    # the MXNet edition (before importing mxnet)
    from d2l_vn import torch as d2l_vn    # the PyTorch edition

Both hold the same names: the framework-neutral core (:mod:`d2l_vn.core`, also exported
here, without any framework) and the framework's own training loop, model, data batches,
optimizers, gradient checks and memory measurement. :mod:`d2l_vn.studies` declares the
chapters' studies and records them (``make results``).
"""
from .core import *  # noqa: F401,F403
from .core import __all__  # noqa: F401
