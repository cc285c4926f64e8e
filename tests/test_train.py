"""Training on a small class-balanced subset of the real data, and the trainer's contract."""
from d2l_vn import mxnet as d2l_vn  # first: MXNet needs its NumPy shim on NumPy >= 1.24
import numpy as np
import pytest
from mxnet import gluon, npx

from d2l_vn.core import cache
from d2l_vn.core.data import class_balanced_subset
from d2l_vn.mxnet import data


@pytest.fixture(scope="module")
def small_real_data():
    arrays, source = cache.read_cache(cache.cache_path())
    keep = class_balanced_subset(arrays["train_labels"], 300)
    test_keep = class_balanced_subset(arrays["test_labels"], 100)
    train_iter = data.ArrayBatches(arrays["train_images"][keep], arrays["train_labels"][keep],
                                   100, shuffle=True, description=f"3,000 images ({source})")
    test_iter = data.ArrayBatches(arrays["test_images"][test_keep],
                                  arrays["test_labels"][test_keep], 500, shuffle=False)
    return train_iter, test_iter


def _setup(lr=0.3, **trainer_kwargs):
    net = d2l_vn.lenet()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": lr, **trainer_kwargs})
    return net, trainer, gluon.loss.SoftmaxCrossEntropyLoss()


def test_trains_on_real_data_with_a_per_epoch_schedule(small_real_data, capsys, array_mode):
    train_iter, test_iter = small_real_data
    net, trainer, loss = _setup()
    schedule = d2l_vn.MultiFactorScheduler(step=[1, 3], factor=0.5, base_lr=0.3)
    history = d2l_vn.train(net, train_iter, test_iter, 5, loss, trainer,
                           scheduler=schedule, animate=False)
    per_epoch = len(train_iter)
    assert history.lr == [schedule(e) for e in range(5)] == [0.3, 0.3, 0.15, 0.15, 0.075]
    assert history.step_lr == [schedule(e) for e in range(5) for _ in range(per_epoch)]
    assert history.test_acc[-1] > 0.6, history.test_acc  # chance is 0.1
    assert history.train_loss[-1] < history.train_loss[0]
    assert len(history.epoch_time) == 5 and history.seconds_per_epoch > 0
    out = capsys.readouterr().out
    assert "training on cpu(0)" in out and "3,000 images" in out and "test acc" in out


def test_gluon_lr_scheduler_steps_per_minibatch(small_real_data, array_mode):
    train_iter, test_iter = small_real_data
    schedule = d2l_vn.MultiFactorScheduler(step=[15, 30], factor=0.5, base_lr=0.3)
    net = d2l_vn.lenet()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"lr_scheduler": schedule})
    history = d2l_vn.train(net, train_iter, test_iter, 1, gluon.loss.SoftmaxCrossEntropyLoss(),
                           trainer, animate=False)
    # 30 minibatches: the decay meant for epoch 16 happens at the 16th minibatch
    assert history.step_lr == [schedule(t) for t in range(1, 31)]
    assert history.step_lr[14] == 0.3 and history.step_lr[15] == 0.15


def test_two_schedules_at_once_is_an_error(small_real_data):
    net = d2l_vn.lenet()
    trainer = gluon.Trainer(net.collect_params(), "sgd",
                            {"lr_scheduler": d2l_vn.CosineScheduler(10, base_lr=0.1)})
    with pytest.raises(ValueError, match="lr_scheduler"):
        d2l_vn.train(net, *small_real_data, 1, gluon.loss.SoftmaxCrossEntropyLoss(), trainer,
                     scheduler=d2l_vn.CosineScheduler(10, base_lr=0.1), animate=False)


def test_uninitialized_network_is_a_clear_error(small_real_data):
    net = gluon.nn.Dense(10)
    with pytest.raises(ValueError, match="not initialized"):
        d2l_vn.train(net, *small_real_data, 1, gluon.loss.SoftmaxCrossEntropyLoss(), None,
                     animate=False)


def test_divergence_stops_training_and_says_so(small_real_data, array_mode):
    net, trainer, loss = _setup(lr=1e6)
    history = d2l_vn.train(net, *small_real_data, 4, loss, trainer, animate=False)
    assert history.diverged and len(history.train_loss) < 4
    assert not np.isfinite(history.train_loss[-1])
    assert "diverged" in history.summary()


def test_bad_epoch_count(small_real_data):
    net, trainer, loss = _setup()
    with pytest.raises(ValueError, match="num_epochs"):
        d2l_vn.train(net, *small_real_data, 0, loss, trainer, animate=False)


def test_empty_training_data_is_a_clear_error(small_real_data):
    net, trainer, loss = _setup()
    with pytest.raises(ValueError, match="no minibatch"):
        d2l_vn.train(net, [], small_real_data[1], 1, loss, trainer, animate=False)


def test_minibatches_of_the_other_kind_say_what_to_call(small_real_data, array_mode):
    net, trainer, loss = _setup()
    X, y = next(iter(small_real_data[0]))
    other = (X.as_nd_ndarray(), y.as_nd_ndarray()) if array_mode.kind == "np" else (
        X.as_np_ndarray(), y.as_np_ndarray())
    fix = "as_np_ndarray" if array_mode.kind == "np" else "as_nd_ndarray"
    with pytest.raises(ValueError, match=fix):
        d2l_vn.train(net, [other], small_real_data[1], 1, loss, trainer, animate=False)


def test_a_network_built_in_the_other_mode_is_a_clear_error(small_real_data):
    npx.set_np()
    net, trainer, loss = _setup()       # built for mxnet.np arrays
    npx.reset_np()
    with pytest.raises(ValueError, match="build it again"):
        d2l_vn.train(net, *small_real_data, 1, loss, trainer, animate=False)
