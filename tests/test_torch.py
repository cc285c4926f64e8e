"""The PyTorch edition's parts of d2l_vn: the same results as the MXNet edition where both compute the same thing."""
import math

import numpy
import pytest
import torch

from d2l_vn import mxnet as mx_vn  # first: makes MXNet importable on the installed NumPy
from d2l_vn import torch as d2l_vn
from d2l_vn.mxnet import data as mx_data
from d2l_vn.torch.data import TensorBatches
from mxnet import np as mnp

ACTIVATIONS = ["relu", "sigmoid", "tanh"]


def _mlp_data(seed=0, n=8, d=5, h=4, q=3):
    rng = numpy.random.default_rng(seed)
    return rng.normal(size=(n, d)), rng.integers(0, q, n), rng.normal(size=(h, d)), rng.normal(size=(q, h))


@pytest.mark.parametrize("phi", ACTIVATIONS)
def test_hand_backprop_equals_autograd_and_the_mxnet_edition(phi):
    X, y, W1, W2 = _mlp_data()
    t = [torch.tensor(a) for a in (X, y, W1, W2)]
    t[2].requires_grad_(True)
    t[3].requires_grad_(True)
    J, cache = d2l_vn.mlp_forward(*t, lambd=0.1, phi=phi)
    J.backward()
    dW1, dW2 = d2l_vn.mlp_backward(cache)
    assert d2l_vn.max_abs_diff(dW1, t[2].grad) < 1e-12 and d2l_vn.max_abs_diff(dW2, t[3].grad) < 1e-12
    with mx_vn.arrays.d2l_mode():
        J_mx, cache_mx = mx_vn.mlp_forward(*(mnp.array(a, dtype=a.dtype) for a in (X, y, W1, W2)), lambd=0.1, phi=phi)
        dW1_mx, dW2_mx = mx_vn.mlp_backward(cache_mx)
    assert abs(J.item() - float(J_mx)) < 1e-12
    assert d2l_vn.max_abs_diff(dW1, dW1_mx.asnumpy()) < 1e-12 and d2l_vn.max_abs_diff(dW2, dW2_mx.asnumpy()) < 1e-12


def test_numerical_gradient_agrees_and_catches_a_wrong_gradient():
    X, y, W1, W2 = (torch.tensor(a) for a in _mlp_data(1))
    _, cache = d2l_vn.mlp_forward(X, y, W1, W2, lambd=0.1)
    dW1, _ = d2l_vn.mlp_backward(cache)
    numeric = d2l_vn.numerical_gradient(lambda w: d2l_vn.mlp_forward(X, y, w, W2, lambd=0.1)[0], W1)
    assert d2l_vn.max_abs_diff(numeric, dW1) < 1e-8
    assert d2l_vn.max_abs_diff(numeric, dW1 * X.shape[0]) > 1e-2  # the 1/n left out is caught


def test_bad_inputs_get_clear_errors():
    X, y, W1, W2 = (torch.tensor(a) for a in _mlp_data())
    with pytest.raises(ValueError, match="torch tensors: X is a numpy.ndarray"):
        d2l_vn.mlp_forward(X.numpy(), y, W1, W2, lambd=0.1)
    with pytest.raises(ValueError, match="one dtype"):
        d2l_vn.mlp_forward(X.float(), y, W1, W2, lambd=0.1)
    with pytest.raises(ValueError, match="integer labels"):
        d2l_vn.mlp_forward(X, y.double(), W1, W2, lambd=0.1)
    with pytest.raises(ValueError, match="float64"):
        d2l_vn.numerical_gradient(lambda w: w.sum(), W1.float())
    with pytest.raises(ValueError, match="only on a CUDA GPU"):
        d2l_vn.peak_bytes(lambda: None, "cpu")


def test_saved_bytes_counts_the_activations_the_chapter_counts():
    n, d, h, q = 64, 20, 16, 10
    X, y, W1, W2 = (torch.tensor(a, dtype=torch.float32) if i != 1 else torch.tensor(a)
                    for i, a in enumerate(_mlp_data(2, n, d, h, q)))
    W1.requires_grad_(True)
    W2.requires_grad_(True)
    total, sizes = d2l_vn.saved_bytes(lambda: d2l_vn.mlp_forward(X, y, W1, W2, lambd=0.1)[0], exclude=[X, W1, W2, y])
    shapes = [shape for shape, _ in sizes]
    assert (n, h) in shapes and (n, q) in shapes  # Z or H, and the log-probabilities
    counted = d2l_vn.mlp_memory(d, h, q, n)["activations_kept"]  # Z, H, P
    assert 0.5 * counted <= total <= 1.5 * counted


def test_the_recorded_graph_of_the_mlp():
    X, y, W1, W2 = (torch.tensor(a) for a in _mlp_data())
    W1.requires_grad_(True)
    W2.requires_grad_(True)
    J, _ = d2l_vn.mlp_forward(X, y, W1, W2, lambd=0.1)
    graph = d2l_vn.graph_from_autograd(J, inputs=[W1, W2], input_labels=["W1", "W2"], output_label="J")
    labels = {graph.nodes[n]["label"] for n in graph}
    assert {"W1", "W2", "mm", "relu", "J = add"} <= labels
    assert all("pos" in graph.nodes[n] for n in graph)
    with pytest.raises(ValueError, match="no grad_fn"):
        d2l_vn.graph_from_autograd(X.sum())


def test_the_backprop_chapters_training_loop_ends_where_its_reading_says():
    """Cell e38be341 of the backprop chapter prints J at the start and after 100 updates (J once
    more after the loop); the reading after its figure states both numbers, in both editions and
    both languages."""
    from notebooks import CHAPTERS, load, source
    rng = numpy.random.default_rng(0)
    data = [rng.normal(size=(64, 5)), rng.integers(0, 3, size=64),
            rng.normal(scale=0.5, size=(16, 5)), rng.normal(scale=0.5, size=(3, 16))]

    def descend(vn, X, y, W1, W2):
        objective = []
        for _ in range(100):
            J, cache = vn.mlp_forward(X, y, W1, W2, lambd=1e-3)
            dW1, dW2 = vn.mlp_backward(cache)
            W1, W2 = W1 - 0.5 * dW1, W2 - 0.5 * dW2
            objective.append(float(J))
        objective.append(float(vn.mlp_forward(X, y, W1, W2, lambd=1e-3)[0]))  # J after the 100th update
        return objective[0], objective[-1]

    ends = descend(d2l_vn, *(torch.tensor(a) for a in data))
    with mx_vn.arrays.d2l_mode():
        mx_ends = descend(mx_vn, *(mnp.array(a, dtype="int32" if a.dtype.kind == "i" else "float64") for a in data))
    assert [f"{v:.2f}" for v in ends] == [f"{v:.2f}" for v in mx_ends] == ["1.73", "0.71"]
    chapter = next(path for path in CHAPTERS if path.name == "backprop.ipynb")
    readings = [cell for cell in load(chapter)["cells"] if cell.get("id", "").startswith("training-reading-")]
    texts = [source(cell) for cell in readings] + [cell["metadata"]["d2l_vn_torch"]["source"] for cell in readings]
    assert len(texts) == 4 and all("from 1.73 to 0.71" in t or "từ 1.73 xuống 0.71" in t for t in texts)
    loop = next(cell for cell in load(chapter)["cells"] if cell.get("id") == "e38be341")
    for code in (source(loop), loop["metadata"]["d2l_vn_torch"]["source"]):  # J after the loop, as above
        assert "\nJ_t, _ = d2l_vn.mlp_forward(" in code and "\nobjective.append(float(J_t))" in code


def test_lenet_has_the_mxnet_editions_shapes():
    torch.manual_seed(0)
    net = d2l_vn.lenet("cpu")
    assert net(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    with mx_vn.arrays.d2l_mode():
        mx = mx_vn.lenet()
        mx(mnp.zeros((1, 1, 28, 28)))
    mx_shapes = sorted(tuple(p.shape) for p in mx.collect_params().values())
    torch_shapes = sorted(tuple(p.shape) for p in net.parameters())
    assert mx_shapes == torch_shapes  # Gluon's Dense and PyTorch's Linear both store (out, in)


def test_batches_come_in_the_mxnet_editions_order():
    images = numpy.arange(20 * 28 * 28, dtype=numpy.uint8).reshape(20, 28, 28)
    labels = numpy.arange(20) % 10
    ours, theirs = TensorBatches(images, labels, 8, shuffle=True, seed=3), mx_data.ArrayBatches(
        images, labels, 8, shuffle=True, seed=3)
    with mx_vn.arrays.d2l_mode():
        for epoch in range(2):  # each pass draws a new order, the same in both editions
            pairs = list(zip(ours, theirs))
            assert [y.tolist() for (_, y), _ in pairs] == [y.asnumpy().tolist() for _, (_, y) in pairs]
            assert all(d2l_vn.max_abs_diff(X, X_mx.asnumpy()) == 0 for (X, _), (X_mx, _) in pairs)
    with pytest.raises(ValueError, match="batch_size"):
        TensorBatches(images, labels, 0, shuffle=False)


def test_lambda_lr_follows_the_schedule_per_update_or_per_epoch():
    schedule = d2l_vn.CosineScheduler(max_update=12, base_lr=0.3, final_lr=0.01, warmup_steps=3)
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=123.0)
    scheduler = d2l_vn.lambda_lr(opt, schedule)
    rates = []
    for _ in range(15):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        scheduler.step()
    assert rates == pytest.approx([schedule(t) for t in range(15)], abs=1e-15)
    with pytest.raises(ValueError, match="function of the step"):
        d2l_vn.lambda_lr(opt, 0.1)


def _tiny_data():
    rng = numpy.random.default_rng(0)
    images = rng.integers(0, 256, (64, 28, 28)).astype(numpy.uint8)
    labels = numpy.arange(64) % 10
    images[labels == 3, :5] = 255  # something to learn
    return TensorBatches(images, labels, 16, shuffle=True), TensorBatches(images, labels, 16, shuffle=False)


def test_train_steps_the_scheduler_when_told(capsys):
    train_iter, test_iter = _tiny_data()
    steps = {}
    for per in ("epoch", "update"):
        torch.manual_seed(0)
        net = d2l_vn.lenet("cpu")
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        scheduler = d2l_vn.lambda_lr(opt, d2l_vn.FactorScheduler(step=1, factor=0.5, base_lr=0.1))
        history = d2l_vn.train(net, train_iter, test_iter, 2, torch.nn.CrossEntropyLoss(), opt,
                               scheduler=scheduler, scheduler_per=per, animate=False)
        steps[per] = history.step_lr
        assert len(history.test_acc) == 2 and all(math.isfinite(v) for v in history.train_loss)
    assert steps["epoch"] == [0.1] * 8
    assert steps["update"] == pytest.approx([0.1, 0.1, 0.05, 0.025, 0.0125, 0.00625, 0.003125, 0.0015625])
    assert "training on cpu" in capsys.readouterr().out


def test_train_refuses_what_it_cannot_use():
    train_iter, test_iter = _tiny_data()
    net = d2l_vn.lenet("cpu")
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    other = d2l_vn.lambda_lr(torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0),
                             d2l_vn.ConstantScheduler(base_lr=0.1))
    loss = torch.nn.CrossEntropyLoss()
    with pytest.raises(ValueError, match="another optimizer"):
        d2l_vn.train(net, train_iter, test_iter, 1, loss, opt, scheduler=other, animate=False)
    with pytest.raises(ValueError, match="scheduler_per"):
        d2l_vn.train(net, train_iter, test_iter, 1, loss, opt, scheduler_per="batch", animate=False)
    with pytest.raises(ValueError, match="torch tensors"):
        d2l_vn.train(net, [(numpy.zeros((2, 1, 28, 28)), numpy.zeros(2))], test_iter, 1, loss, opt, animate=False)


def test_try_gpu_falls_back_to_the_cpu_without_a_gpu():
    expected = "cuda:0" if torch.cuda.is_available() else "cpu"
    assert str(d2l_vn.try_gpu()) == expected and d2l_vn.try_gpu(10_000).type == "cpu"


@pytest.mark.parametrize("beta2", [0.999, 0.99])
def test_torch_radam_is_our_radam_with_threshold_5(beta2):
    rng = numpy.random.default_rng(4)
    w0 = rng.normal(size=6)
    grads = rng.normal(size=(12, 6))
    w = torch.tensor(w0, requires_grad=True)
    opt = torch.optim.RAdam([w], lr=0.01, betas=(0.9, beta2), eps=1e-8)
    ref = {4.0: (w0, numpy.zeros(6), numpy.zeros(6)), 5.0: (w0, numpy.zeros(6), numpy.zeros(6))}
    differs = []
    for t, g in enumerate(grads, start=1):
        w.grad = torch.tensor(g)
        opt.step()
        for threshold, (rw, m, v) in ref.items():
            ref[threshold] = d2l_vn.radam_reference_step(rw, g, m, v, t, lr=0.01, beta2=beta2, threshold=threshold)
        assert d2l_vn.max_abs_diff(w, ref[5.0][0]) < 1e-9
        differs.append(d2l_vn.max_abs_diff(ref[4.0][0], ref[5.0][0]) > 1e-12)
    # rho_t passes 4 one step before it passes 5 (beta2 = 0.999: step 5 against 6): one step apart
    first_4 = next(t for t in range(1, 13) if d2l_vn.rho(t, beta2) > 4)
    assert d2l_vn.rho(first_4, beta2) <= 5 and differs.index(True) + 1 == first_4


def test_try_gpu_picks_the_gpu_when_pytorch_sees_one(monkeypatch):
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    assert str(d2l_vn.try_gpu()) == "cuda:0" and str(d2l_vn.try_gpu(1)) == "cuda:1"
    assert d2l_vn.try_gpu(2).type == "cpu"


def test_train_refuses_a_network_on_another_device():
    train_iter, test_iter = _tiny_data()
    net = d2l_vn.lenet("cpu")
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    with pytest.raises(ValueError, match=r"live on \['cpu'\] but training runs on meta"):
        d2l_vn.train(net, train_iter, test_iter, 1, torch.nn.CrossEntropyLoss(), opt, device="meta", animate=False)


# ---------------------------------------------------------------- studies in PyTorch

from d2l_vn.mxnet import study as mx_study  # noqa: E402
from d2l_vn.studies import records  # noqa: E402
from d2l_vn.studies.design import Settings  # noqa: E402
from d2l_vn.torch import study as torch_study  # noqa: E402

TINY = Settings(training_images=200, epochs=2, batch_size=50, seeds=(0,), test_images=100)


def _tiny_study(**arm):
    return d2l_vn.Study("demo", "demo", arms=(d2l_vn.Arm("a", **arm),), seeds=(0,), epochs=2)


def test_a_per_update_arm_trains_at_the_mxnet_editions_rates():
    study = _tiny_study(schedule=d2l_vn.CosineScheduler(max_update=8, base_lr=0.3, final_lr=0.01, warmup_steps=3),
                        per="update")
    with mx_vn.arrays.d2l_mode():
        mx_rates = mx_study.train_run(study, "a", 0, TINY)[1].step_lr
    torch_rates = torch_study.train_run(study, "a", 0, TINY)[1].step_lr
    assert len(torch_rates) == 8 and torch_rates == pytest.approx(mx_rates, abs=1e-12)


def test_a_per_epoch_arm_and_an_adam_arm_train_at_the_same_rates_too():
    for arm in ({"schedule": d2l_vn.FactorScheduler(step=1, factor=0.5, base_lr=0.2)},
                {"schedule": d2l_vn.ConstantScheduler(base_lr=0.01, warmup_steps=5), "per": "update",
                 "optimizer": "adam"}):
        study = _tiny_study(**arm)
        with mx_vn.arrays.d2l_mode():
            mx_rates = mx_study.train_run(study, "a", 0, TINY)[1].step_lr
        assert torch_study.train_run(study, "a", 0, TINY)[1].step_lr == pytest.approx(mx_rates, abs=1e-12)


def test_a_pytorch_run_repeats_exactly_and_its_fingerprint_is_stable():
    study = _tiny_study(schedule=d2l_vn.ConstantScheduler(base_lr=0.3))
    first = torch_study.train_run(study, "a", 0, TINY)[1]
    again = torch_study.train_run(study, "a", 0, TINY)[1]
    assert first.train_loss == again.train_loss and first.test_acc == again.test_acc
    net, _ = torch_study.train_run(study, "a", 1, TINY)
    dead = torch_study.count_dead_filters(net, TINY)
    assert 0 <= dead <= 6


def test_unknown_optimizer_settings_are_refused():
    from d2l_vn.torch.optimizers import make_optimizer
    params = [torch.zeros(1, requires_grad=True)]
    assert make_optimizer("adam", params, 0.1, {"beta2": 0.99}).defaults["betas"] == (0.9, 0.99)
    with pytest.raises(ValueError, match="no PyTorch name"):
        make_optimizer("sgd", params, 0.1, {"clip_gradient": 1.0})
    with pytest.raises(ValueError, match="optimizer must be one of"):
        make_optimizer("lamb", params, 0.1)


def test_pytorch_records_have_their_own_folder(tmp_path):
    assert records.record_path("lr_scheduling", framework="torch").parent.name == "torch"
    assert records.record_path("lr_scheduling").parent.name == "records"
    with pytest.raises(ValueError, match="framework"):
        records.record_path("lr_scheduling", framework="jax")
    machine = records.machine("torch")
    assert machine["framework"] == "torch" and machine["torch"] and machine["mxnet"]


def test_a_study_run_trains_where_try_gpu_says(monkeypatch):
    """No GPU here: the run is built on the device try_gpu() returns, and trains and evaluates there."""
    asked = []

    def cpu_please():
        asked.append(True)
        return torch.device("cpu")
    monkeypatch.setattr(torch_study, "try_gpu", cpu_please)
    study = _tiny_study(schedule=d2l_vn.ConstantScheduler(base_lr=0.3))
    net, history = torch_study.train_run(study, "a", 0, TINY)
    assert asked and history.device == "cpu" and next(net.parameters()).device.type == "cpu"
