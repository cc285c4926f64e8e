"""MXNet's two array kinds, and how ``d2l_vn`` takes either.

d2l writes ``from mxnet import np, npx`` and calls ``npx.set_np()``: arrays are then
``mxnet.np.ndarray`` and read like NumPy (``np.dot(X, W1.T)``). Older MXNet code uses the
legacy ``mxnet.nd`` arrays. MXNet's operators accept only one kind each, and a mix fails
deep inside MXNet with a ``TypeError``. ``d2l_vn`` therefore checks the kind of what it is
given, computes with the operators of that kind (:func:`ops_for`), returns the same kind,
and turns a mix into a ``ValueError`` that says what to call.

>>> from mxnet import nd, np, npx
>>> npx.set_np()
>>> kind_of(nd.ones(2)), kind_of(np.ones(2)), kind_of([1.0])
('nd', 'np', None)
>>> ops_for(nd.ones(2)).dot is nd.dot
True
"""
import contextlib
import numbers
from types import SimpleNamespace

from mxnet import nd, np, npx, util

__all__ = ["NP", "ND", "active_kind", "d2l_mode", "kind_of", "check_kinds", "ops_for", "to_float",
           "mixed_kinds_message"]

#: The operators ``d2l_vn`` needs, for each kind, under one set of names.
ND = SimpleNamespace(kind="nd", array=nd.array, zeros=nd.zeros, dot=nd.dot, exp=nd.exp,
                     log=nd.log, abs=nd.abs, pick=nd.pick, one_hot=nd.one_hot, relu=nd.relu,
                     sigmoid=nd.sigmoid, tanh=nd.tanh)
NP = SimpleNamespace(kind="np", array=np.array, zeros=np.zeros, dot=np.dot, exp=np.exp,
                     log=np.log, abs=np.abs, pick=npx.pick, one_hot=npx.one_hot, relu=npx.relu,
                     sigmoid=npx.sigmoid, tanh=np.tanh)

_FIX = ("With d2l's convention (npx.set_np()) make every array with mxnet.np (np.array(...)) or "
        "convert one with x.as_np_ndarray(); for legacy code convert with x.as_nd_ndarray().")


def active_kind():
    """``'np'`` after ``npx.set_np()`` (d2l's convention), else ``'nd'``."""
    return "np" if util.is_np_array() else "nd"


@contextlib.contextmanager
def d2l_mode():
    """Inside ``with d2l_mode():`` d2l's convention is active, as after ``npx.set_np()``;
    the mode before it comes back afterwards. Studies train in it, so a recorded run and a
    reader's run of the same seed start from the same weights (MXNet draws initial
    weights with different operators in the two modes).
    """
    with util.np_shape(True), util.np_array(True):
        yield


def kind_of(array):
    """``'np'`` for ``mxnet.np.ndarray``, ``'nd'`` for a legacy NDArray, else None."""
    if isinstance(array, np.ndarray):  # a subclass of nd.NDArray: test it first
        return "np"
    return "nd" if isinstance(array, nd.NDArray) else None


def mixed_kinds_message(kinds):
    """The error text for arrays of both kinds; ``kinds`` maps names to 'np' or 'nd'."""
    described = ", ".join(f"{name} is {'an mxnet.np' if kind == 'np' else 'a legacy nd'} array"
                          for name, kind in kinds.items())
    return f"arrays of two kinds were mixed ({described}). {_FIX}"


def check_kinds(**arrays):
    """Return the one kind of the named MXNet arrays; a clear ValueError otherwise.

    >>> check_kinds(X=nd.ones(2), W=nd.ones(2))
    'nd'
    >>> check_kinds(X=np.ones(2), W=nd.ones(2))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: arrays of two kinds were mixed (X is an mxnet.np array, W is a legacy nd array)...
    """
    kinds = {}
    for name, value in arrays.items():
        kinds[name] = kind_of(value)
        if kinds[name] is None:
            raise ValueError(f"{name} must be an MXNet array (mxnet.np or mxnet.nd), got "
                             f"{type(value).__name__}; make it with np.array(...)")
    if len(set(kinds.values())) > 1:
        raise ValueError(mixed_kinds_message(kinds))
    kind = next(iter(kinds.values()))
    if kind == "np" and not util.is_np_shape():
        raise ValueError("mxnet.np arrays need d2l's convention switched on: call npx.set_np() "
                         "first (or convert the arrays with .as_nd_ndarray())")
    return kind


def ops_for(*arrays):
    """The operator namespace (:data:`NP` or :data:`ND`) of the arrays' common kind."""
    return NP if check_kinds(**{f"argument {i}": a for i, a in enumerate(arrays)}) == "np" else ND


def to_float(value):
    """A Python float from a number or a one-element array of either kind.

    >>> from mxnet import npx
    >>> npx.set_np()
    >>> to_float(nd.array([2.5])), to_float(np.array(2.5)), to_float(3)
    (2.5, 2.5, 3.0)
    """
    if isinstance(value, numbers.Real):
        return float(value)
    if kind_of(value) is None or value.size != 1:
        raise ValueError(f"expected a number or a one-element MXNet array, got {value!r}")
    return float(value.asnumpy().reshape(-1)[0])
