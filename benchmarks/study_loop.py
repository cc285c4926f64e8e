"""The study loop against the bare loop: images/s of one full study epoch, evaluation included.

For each arm given (default: one SGD arm of the scheduling chapter at batch 256 and the Adam
and RAdam arms of the Adam chapter at batch 32), ``--processes`` worker processes of one
thread each (the layout of ``make results``) at once train

- the study loop: :func:`d2l_vn.mxnet.study.train_run` for one epoch of all 60 000 images, with
  the evaluation on the 10 000 test images and the dead-filter count that ``make results``
  adds, from building the data to the last number;
- the bare loop: :func:`d2l_vn.mxnet.throughput.bare_epoch_times`, forward, backward and step with
  the same optimizer and batch size over minibatches prepared beforehand, nothing else;

and their summed images/s are compared; the two are alternated over ``--rounds`` rounds and
the medians reported, so that load from other processes hits both alike. Usage::

    python benchmarks/study_loop.py [--rounds 2] [--processes 2]
"""
import argparse
import statistics
import time

from d2l_vn import mxnet as d2l_vn  # noqa: F401  (before mxnet)
from d2l_vn.studies import instruction_set
from d2l_vn.studies.results import _pool
from d2l_vn.studies.adam_radam import RATE_SWEEP
from d2l_vn.studies.lr_scheduling import SCHEDULES

ARMS = {"sgd": (SCHEDULES, "constant 0.3"), "adam": (RATE_SWEEP, "Adam 0.001"),
        "radam": (RATE_SWEEP, "RAdam 0.001")}


def _study_epoch(job):
    from d2l_vn.mxnet.study import count_dead_filters, train_run
    study, arm = ARMS[job]
    settings = study.full_settings()
    settings = type(settings)(settings.training_images, 1, settings.batch_size, settings.seeds[:1])
    start = time.perf_counter()
    net, _ = train_run(study, arm, settings.seeds[0], settings)
    count_dead_filters(net, settings)
    return settings.training_images / (time.perf_counter() - start)


def _bare_epoch(job):
    from d2l_vn.studies.design import fashion_mnist_arrays
    from d2l_vn.mxnet.throughput import bare_epoch_times
    study, arm = ARMS[job]
    arrays = fashion_mnist_arrays()
    seconds = bare_epoch_times(arrays["train_images"], arrays["train_labels"], study.batch_size, 2,
                               lr=study.arm(arm).schedule.base_lr, optimizer=job)
    return len(arrays["train_labels"]) / seconds[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("optimizers", nargs="*", default=list(ARMS), help=f"of {list(ARMS)}")
    args = parser.parse_args()
    instruction_set.pin()
    with _pool(args.processes, 1) as pool:
        for job in args.optimizers:
            study_speed, bare_speed = [], []
            for _ in range(args.rounds):
                study_speed.append(sum(pool.map(_study_epoch, [job] * args.processes)))
                bare_speed.append(sum(pool.map(_bare_epoch, [job] * args.processes)))
            study, bare = statistics.median(study_speed), statistics.median(bare_speed)
            print(f"{job} ({ARMS[job][1]}, batch {ARMS[job][0].batch_size}), {args.processes} processes: "
                  f"study loop {study:,.0f} images/s, bare loop {bare:,.0f} images/s, "
                  f"ratio {study / bare:.2f}", flush=True)


if __name__ == "__main__":
    main()
