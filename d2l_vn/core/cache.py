"""The local Fashion-MNIST cache: one ``.npz`` file, checked before it is used.

The file holds the four arrays as ``uint8`` plus ``source`` (where the images came
from) and ``sha256`` (a digest of the arrays), so that a truncated or edited file
is refused with a clear message instead of being trained on.
"""
import hashlib
import os
import pathlib
import zipfile

import numpy as np

__all__ = ["DataError", "CACHE_NAME", "default_root", "cache_path", "write_cache", "read_cache"]

CACHE_NAME = "fashion-mnist.npz"
SHAPES = {"train_images": (60000, 28, 28), "train_labels": (60000,),
          "test_images": (10000, 28, 28), "test_labels": (10000,)}
FIX = "Delete it and run `make data` (or `python -m d2l_vn.core.fetch`) to fetch the data again."


class DataError(RuntimeError):
    """The Fashion-MNIST cache is missing, corrupt or cannot be fetched."""


def default_root():
    """The cache folder: ``$D2L_VN_DATA`` if set, else ``~/.cache/d2l_vn``."""
    return pathlib.Path(os.environ.get("D2L_VN_DATA") or pathlib.Path.home() / ".cache" / "d2l_vn")


def cache_path(root=None):
    """Path of the cache file inside ``root`` (default :func:`default_root`)."""
    return pathlib.Path(root or default_root()) / CACHE_NAME


def _digest(arrays):
    h = hashlib.sha256()
    for name in sorted(SHAPES):
        h.update(name.encode())
        h.update(np.ascontiguousarray(arrays[name]).tobytes())
    return h.hexdigest()


def _check(arrays, where):
    for name, shape in SHAPES.items():
        a = arrays.get(name)
        if a is None or a.shape != shape or a.dtype != np.uint8:
            got = "missing" if a is None else f"{a.dtype}{a.shape}"
            raise DataError(f"{where}: array '{name}' should be uint8{shape}, got {got}. {FIX}")
    for name in ("train_labels", "test_labels"):
        if arrays[name].max() > 9:
            raise DataError(f"{where}: '{name}' has labels above 9. {FIX}")


def write_cache(path, arrays, source):
    """Check ``arrays`` and write them atomically to ``path`` with their digest and source."""
    path = pathlib.Path(path)
    _check(arrays, "new data")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, source=np.array(source), sha256=np.array(_digest(arrays)),
                        **{k: arrays[k] for k in SHAPES})
    os.replace(tmp, path)
    return path


def read_cache(path):
    """Return ``(arrays, source)`` from ``path``; raise :class:`DataError` if anything is off."""
    path = pathlib.Path(path)
    try:
        with np.load(path, allow_pickle=False) as f:
            arrays = {k: f[k] for k in f.files}
    except FileNotFoundError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as e:
        raise DataError(f"The data cache {path} is corrupt or truncated ({e}). {FIX}") from None
    _check(arrays, f"The data cache {path}")
    if "sha256" not in arrays or str(arrays["sha256"]) != _digest(arrays):
        raise DataError(f"The data cache {path} fails its checksum. {FIX}")
    return arrays, str(arrays.get("source", "unknown"))
