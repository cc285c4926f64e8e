"""The speed cost of capping oneDNN at AVX2 (``DNNL_MAX_CPU_ISA``, :mod:`d2l_vn.studies.instruction_set`).

Times the bare training loop (:func:`d2l_vn.mxnet.throughput.bare_epoch_times`: forward, backward
and SGD step over minibatches in memory, one thread) in fresh processes, capped at AVX2 and
uncapped, alternating the two in rounds so that load from other processes hits both alike,
and prints the median images/s of each and their ratio. oneDNN reads the cap once per
process, hence one process per measurement. Usage::

    python benchmarks/instruction_set.py [--rounds 5] [--images 12800] [--batch-size 256]
"""
import argparse
import os
import statistics
import subprocess
import sys

MEASURE = """
import d2l_vn, sys
from d2l_vn.studies.design import fashion_mnist_arrays
from d2l_vn.mxnet.throughput import bare_epoch_times
count, batch = int(sys.argv[1]), int(sys.argv[2])
arrays = fashion_mnist_arrays()
print(count / min(bare_epoch_times(arrays["train_images"][:count], arrays["train_labels"][:count], batch, 3)[1:]))
"""


def images_per_second(cap, images, batch_size):
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MXNET_CPU_WORKER_NTHREADS": "1"}
    env.pop("DNNL_MAX_CPU_ISA", None)
    if cap:
        env["DNNL_MAX_CPU_ISA"] = cap
    out = subprocess.run([sys.executable, "-c", MEASURE, str(images), str(batch_size)], env=env,
                         capture_output=True, text=True, check=True).stdout
    return float(out.split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--images", type=int, default=12_800)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()
    speeds = {"AVX2": [], "uncapped": []}
    for _ in range(args.rounds):
        for label, cap in (("AVX2", "AVX2"), ("uncapped", None)):
            speeds[label].append(images_per_second(cap, args.images, args.batch_size))
    capped, free = (statistics.median(speeds[k]) for k in ("AVX2", "uncapped"))
    print(f"bare loop, batch {args.batch_size}, one thread, median of {args.rounds} rounds: "
          f"capped at AVX2 {capped:,.0f} images/s, uncapped {free:,.0f} images/s, "
          f"ratio {capped / free:.2f}")


if __name__ == "__main__":
    main()
