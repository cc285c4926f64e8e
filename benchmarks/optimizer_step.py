"""Time one optimizer step on the LeNet's parameters: d2l_vn's RAdam vs MXNet's ``adam``.

Each optimizer updates its own LeNet (same shapes) with fixed random gradients; steps of the
two optimizers are interleaved in rounds, and the median over rounds is reported, so
that load from other processes hits both alike. Both are timed after 10 untimed
steps, so RAdam is past its first four momentum steps and in the rectified state it
spends training in. Usage::

    python benchmarks/optimizer_step.py [--steps 200] [--rounds 7]
"""
import argparse
import statistics
import time

from d2l_vn import mxnet as d2l_vn  # noqa: F401  (registers 'radam'; import before mxnet)
import mxnet as mx
from mxnet import nd


class OptimizerStep:
    """One optimizer step over all LeNet parameters, as ``gluon.Trainer.step`` runs it."""

    def __init__(self, name):
        net = d2l_vn.lenet(device=mx.cpu())
        net(nd.zeros((1, 1, 28, 28)))  # materialize the deferred shapes
        self.params = list(net.collect_params().values())
        for p in self.params:
            p.grad()[:] = nd.random.normal(shape=p.shape) * 0.01
        self.updater = mx.optimizer.get_updater(
            mx.optimizer.create(name, learning_rate=1e-3, rescale_grad=1 / 256))

    def __call__(self):
        for i, p in enumerate(self.params):
            self.updater(i, p.grad(), p.data())


def time_steps(step, steps):
    """Seconds per call of ``step`` over ``steps`` calls (waits for MXNet's async engine)."""
    nd.waitall()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    nd.waitall()
    return (time.perf_counter() - start) / steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if args.steps < 1 or args.rounds < 1:
        raise ValueError("--steps and --rounds must be at least 1")
    adam, radam = OptimizerStep("adam"), OptimizerStep("radam")
    params = adam.params
    n = sum(p.data().size for p in params)
    time_steps(radam, 10)  # creates the states; RAdam passes rho_t > 4 at t = 5
    time_steps(adam, 10)
    times = {"adam": [], "radam": []}
    for _ in range(args.rounds):
        times["adam"].append(time_steps(adam, args.steps))
        times["radam"].append(time_steps(radam, args.steps))
    adam_s, radam_s = (statistics.median(times[k]) for k in ("adam", "radam"))
    print(f"LeNet: {len(params)} parameter arrays, {n:,} numbers; "
          f"{args.rounds} rounds x {args.steps} steps, median per step")
    print(f"MXNet adam      : {adam_s * 1e6:8.1f} us/step")
    print(f"d2l_vn RAdam    : {radam_s * 1e6:8.1f} us/step")
    print(f"ratio RAdam / adam: {radam_s / adam_s:.2f} (goal: at most 1.3)")


if __name__ == "__main__":
    main()
