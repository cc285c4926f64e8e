"""``make results``: train the chapters' studies at full settings and record them.

Usage: ``python -m d2l_vn.studies.results [CHAPTER ...]`` (default: every chapter of
:data:`d2l_vn.studies.CHAPTERS`). Runs go to worker processes (``--processes``, each
with ``--threads`` threads, set before MXNet starts in the worker); every finished run
is written at once to the chapter's partial record (see :mod:`d2l_vn.studies.records`), so an
interrupted run resumes where it stopped. At the end the fingerprints are computed,
the bare training loop (``d2l_vn.<framework>.throughput``) is timed for comparison in the same
worker layout, images/s and wall time are printed, and the record replaces
``d2l_vn/records/<chapter>.json``. ``--framework torch`` trains the same arms and seeds in
PyTorch (``d2l_vn.torch.study``) into ``d2l_vn/records/torch/<chapter>.json``.

Default: two processes of one thread each. On the 2-core machine that trained ten
one-epoch full runs in 4.1 min (2,451 images/s, machine loaded by other jobs), while one
process of two threads needed 319 s for its first run alone (188 images/s); on an
idle machine two single-thread processes gave about 1.2 times the images/s of one
two-thread process. Numbers repeat exactly for the same threads per process; with
another thread count rounding differs, and over an epoch it grows into other numbers.

For tests, ``--images``, ``--test-images``, ``--epochs`` and ``--seeds`` shrink every
study; such records must go elsewhere (``--records-dir``), never into the package.
"""
import argparse
import contextlib
import dataclasses
import multiprocessing
import os
import sys
import time

from . import instruction_set, records
import importlib

from .design import fashion_mnist_arrays, run_to_record

__all__ = ["record_chapter", "main"]

#: Images of the bare-loop measurement (50 minibatches of 256; fewer when the studies train
#: on fewer), best of two timed passes after a warm-up pass, at the smallest batch size
#: of the chapter's studies (smaller batches cost more per image), in as many worker
#: processes at once as the studies used, their images/s summed.
BARE_IMAGES = 12_800


def _thread_variables(threads):
    value = str(threads)
    return {"OMP_NUM_THREADS": value, "MKL_NUM_THREADS": value,
            "MXNET_CPU_WORKER_NTHREADS": value, "MXNET_OMP_MAX_THREADS": value}


@contextlib.contextmanager
def _environment(variables):
    """Set ``variables`` while worker processes start (they inherit them), then restore."""
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _framework(name):
    """The framework's study and bare-loop modules: ``d2l_vn.<name>.study``, ``d2l_vn.<name>.throughput``."""
    return importlib.import_module(f"d2l_vn.{name}.study"), importlib.import_module(f"d2l_vn.{name}.throughput")


def _pool(processes, threads):
    """Worker processes started with ``threads`` threads each (set before MXNet starts in them)."""
    context = multiprocessing.get_context("spawn")
    with _environment(_thread_variables(threads)):
        return context.Pool(processes)


def _train(job):
    """In a worker: train one (study, arm, seed) and return it in the record's layout."""
    framework, study, arm_name, seed, settings = job
    runner = _framework(framework)[0]
    start = time.perf_counter()
    net, history = runner.train_run(study, arm_name, seed, settings)
    seconds = time.perf_counter() - start
    return job, run_to_record(study, arm_name, seed, history, seconds,
                              runner.count_dead_filters(net, settings))


def _bare_images_per_second(job):
    """In a worker: images/s of the bare loop on the first ``count`` training images."""
    framework, count, batch_size = job
    arrays = fashion_mnist_arrays()
    return count / min(_framework(framework)[1].bare_epoch_times(
        arrays["train_images"][:count], arrays["train_labels"][:count], batch_size, 3)[1:])


def _bare_loop(count, batch_size, processes, threads, framework):
    """Images/s of the bare loop run as the studies ran: ``processes`` workers at once, summed."""
    with _pool(processes, threads) as pool:
        return sum(pool.map(_bare_images_per_second, [(framework, count, batch_size)] * processes))


def _same_training(study, arm, settings):
    """What decides a run's numbers, apart from the seed: arms differing only by name match.

    The study's list of seeds is left out: the run of seed 0 is the same whether its study
    has one seed or three.
    """
    return (repr(dataclasses.replace(arm, name="")), study.trace_every,
            tuple((k, v) for k, v in settings.as_dict().items() if k != "seeds"))


def _start_record(chapter, settings, processes, threads):
    return {"chapter": chapter,
            "provenance": {"settings": {name: s.as_dict() for name, s in settings.items()},
                           "parallel": {"processes": processes, "threads_per_process": threads},
                           "wall_seconds": 0.0, "sessions": []},
            "runs": []}


def _sessions_of(record):
    """The sessions that made ``record``'s runs; a record from before sessions were kept has one."""
    provenance = record["provenance"]
    if "sessions" in provenance:
        return provenance["sessions"]
    legacy = {key: provenance[key] for key in records.LEGACY_MACHINE_KEYS if key in provenance}
    return [{**legacy, **records.LEGACY_SESSION}]


def _carry_over(record, complete, studies, settings):
    """Copy into ``record`` the runs of ``complete`` that the current studies and settings still ask for."""
    offset = len(record["provenance"]["sessions"])
    record["provenance"]["sessions"] += _sessions_of(complete)
    record["provenance"]["wall_seconds"] += complete["provenance"].get("wall_seconds", 0.0)
    old_settings = complete["provenance"]["settings"]
    wanted = {(s.name, arm.name, seed) for s in studies if old_settings.get(s.name) ==
              settings[s.name].as_dict() for arm in s.arms for seed in settings[s.name].seeds}
    kept = [{**run, "session": run.get("session", 0) + offset} for run in complete["runs"]
            if (run["study"], run["arm"], run["seed"]) in wanted]
    record["runs"] += kept
    return len(kept)


def record_chapter(chapter, studies, processes=2, threads=1, shrink=None, records_dir=None, framework="mxnet"):
    """Train what the record of ``chapter`` still lacks in ``framework``, write it run by run; return the record.

    ``shrink`` (a dict of :class:`d2l_vn.studies.design.Settings` fields) replaces the full settings.
    """
    instruction_set.pin()  # before the first kernel runs here; workers inherit it
    settings = {s.name: dataclasses.replace(s.full_settings(framework), **(shrink or {})) for s in studies}
    where = {"records_dir": records_dir, "framework": framework}
    partial_path = records.record_path(chapter, partial=True, **where)
    record = records.load_record(chapter, partial=True, **where)
    wanted = {name: s.as_dict() for name, s in settings.items()}
    if record is not None and record["provenance"]["settings"] != wanted:
        raise SystemExit(f"{partial_path.name} was started with other settings or studies; "
                         f"delete it to start over, or run with the settings it was started with")
    if record is None:
        record = _start_record(chapter, settings, processes, threads)
        complete = records.load_record(chapter, **where)
        if complete is not None:
            kept = _carry_over(record, complete, studies, settings)
            print(f"{chapter}: {kept} runs of the complete record are still asked for and kept",
                  flush=True)
    session = len(record["provenance"]["sessions"])
    record["provenance"]["sessions"].append(
        {**records.machine(framework), "data_sha256": str(fashion_mnist_arrays()["sha256"]),
         "parallel": {"processes": processes, "threads_per_process": threads}})
    by_study = {study.name: study for study in studies}
    trained = {}  # what decides the numbers -> a recorded run that has them
    for run in record["runs"]:
        if run["study"] in by_study and "same_as" not in run:
            study = by_study[run["study"]]
            key = (_same_training(study, study.arm(run["arm"]), settings[study.name]), run["seed"])
            trained[key] = run
    done = {(run["study"], run["arm"], run["seed"]) for run in record["runs"]}
    twins = {}  # what decides the numbers -> the (study, arm, seed) that share it
    for study in studies:
        for arm in study.arms:
            for seed in settings[study.name].seeds:
                if (study.name, arm.name, seed) in done:
                    continue
                key = (_same_training(study, arm, settings[study.name]), seed)
                if key in trained:  # trained already for another study: copied, not retrained
                    twin = trained[key]
                    record["runs"].append({**twin, "study": study.name, "arm": arm.name,
                                           "same_as": f"{twin['study']}: {twin['arm']}"})
                    done.add((study.name, arm.name, seed))
                else:
                    twins.setdefault(key, []).append((study, arm.name, seed))
    jobs = [(framework, study, arm_name, seed, settings[study.name])
            for (study, arm_name, seed) in (group[0] for group in twins.values())]
    total = len(done) + sum(map(len, twins.values()))
    print(f"{chapter}: {total} runs in {len(studies)} studies, {len(done)} already recorded; "
          f"{len(jobs)} to train in {processes} processes x {threads} threads", flush=True)
    this_session = record["provenance"]["sessions"][session]
    this_session.update(_bare_loop_now(settings, processes, threads, framework))
    published = _publish(chapter, studies, settings, record, where, set())
    wall_before, start = record["provenance"]["wall_seconds"], time.perf_counter()
    if jobs:
        with _pool(processes, threads) as pool:
            for (_, study, arm_name, seed, job_settings), run in pool.imap_unordered(_train, jobs):
                key = (_same_training(study, study.arm(arm_name), job_settings), seed)
                for twin_study, twin_arm, _ in twins[key]:
                    entry = {**run, "study": twin_study.name, "arm": twin_arm, "session": session}
                    if (twin_study.name, twin_arm) != (study.name, arm_name):
                        entry["same_as"] = f"{study.name}: {arm_name}"
                    record["runs"].append(entry)
                this_session["wall_seconds"] = round(time.perf_counter() - start, 1)
                record["provenance"]["wall_seconds"] = round(
                    wall_before + this_session["wall_seconds"], 1)
                records.write_record(partial_path, record)
                print(f"[{len(record['runs'])}/{total}] {study.name}: {arm_name}, seed {seed}: "
                      f"test acc {run['test_acc'][-1]:.3f} ({run['seconds']:.0f} s)", flush=True)
                published = _publish(chapter, studies, settings, record, where, published)
    partial_path.unlink(missing_ok=True)
    return records.load_record(chapter, **where)


def _bare_loop_now(settings, processes, threads, framework):
    """The bare loop's images/s in this worker layout, at the studies' smallest batch size."""
    count = min(BARE_IMAGES, max(s.training_images for s in settings.values()))
    batch_size = min(s.batch_size for s in settings.values())
    return {"bare_loop_images_per_second": round(_bare_loop(count, batch_size, processes, threads, framework)),
            "bare_loop_batch_size": batch_size}


def _complete_arms(studies, settings, record):
    """``{study name: [arm names]}``: the arms all of whose seeds ``record`` holds."""
    have = {(run["study"], run["arm"], run["seed"]) for run in record["runs"]}
    arms = {s.name: [arm.name for arm in s.arms
                     if all((s.name, arm.name, seed) in have for seed in settings[s.name].seeds)]
            for s in studies}
    return {name: names for name, names in arms.items() if names}


def _publish(chapter, studies, settings, record, where, published):
    """Write the complete record of every arm whose runs are all done; return what it holds.

    The complete record ``<chapter>.json`` is rewritten as soon as one more arm is done,
    with its fingerprints (``d2l_vn.<framework>.study.fingerprint``), so a chapter can show a
    finished study (or the finished arms of a study that gained an arm) while the others
    still train. Images/s count the runs trained on
    this processor with this instruction-set cap and worker layout (the sessions that
    match the latest), against the bare loop timed in the latest session that trained.
    """
    arms = _complete_arms(studies, settings, record)
    names = {(study, arm) for study, names in arms.items() for arm in names}
    if not names or names == published:
        return published
    done = [s for s in studies if s.name in arms]
    fingerprints = record.setdefault("fingerprints", {})
    for study in done:
        kept = fingerprints.setdefault(study.name, {})
        for arm in arms[study.name]:
            if arm not in kept:
                kept[arm] = {"seed": study.seeds[0],
                             "losses": _framework(where["framework"])[0].fingerprint(study, arm)}
    provenance = record["provenance"]
    sessions = provenance["sessions"]
    latest = sessions[-1]
    trained = next((other for other in reversed(sessions) if other.get("wall_seconds")), latest)
    alike = {i for i, other in enumerate(sessions) if all(
        other.get(key) == trained.get(key) for key in ("processor", "dnnl_max_cpu_isa", "parallel"))}
    images = sum(settings[run["study"]].training_images * len(run["train_loss"])
                 for run in record["runs"] if "same_as" not in run and run.get("session") in alike
                 and run["study"] in settings)
    wall = sum(sessions[i].get("wall_seconds", 0.0) for i in alike)
    timed = next((sessions[i] for i in sorted(alike, reverse=True)
                  if "bare_loop_images_per_second" in sessions[i]), latest)
    complete = {"chapter": chapter,
                "provenance": {**{k: v for k, v in latest.items() if k not in ("wall_seconds",)},
                               "settings": {s.name: settings[s.name].as_dict() for s in done},
                               "sessions": sessions, "wall_seconds": provenance["wall_seconds"],
                               "images_per_second": round(images / wall) if wall else None,
                               "bare_loop_images_per_second": timed.get("bare_loop_images_per_second"),
                               "bare_loop_batch_size": timed.get("bare_loop_batch_size")},
                "fingerprints": {s.name: {arm: fingerprints[s.name][arm] for arm in arms[s.name]}
                                 for s in done},
                "runs": [run for run in record["runs"] if (run["study"], run["arm"]) in names]}
    path = records.record_path(chapter, **where)
    records.write_record(path, complete)
    ratio = (f"; {complete['provenance']['images_per_second']:,} training images/s with evaluation, "
             f"bare loop {complete['provenance']['bare_loop_images_per_second']:,} "
             f"(ratio {images / wall / complete['provenance']['bare_loop_images_per_second']:.2f})"
             if wall and complete["provenance"]["bare_loop_images_per_second"] else "")
    shown = (f"d2l_vn/records/{path.relative_to(records.RECORDS_DIR)}" if where["records_dir"] is None
             else path.name)
    total = sum(len(s.arms) for s in studies)
    print(f"{chapter}: {len(names)} of {total} arms complete, recorded in {shown} "
          f"(wall time {provenance['wall_seconds'] / 60:.1f} min{ratio})", flush=True)
    return names


def main(argv=None):
    from . import CHAPTERS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help=f"default: all ({', '.join(CHAPTERS)})")
    parser.add_argument("--processes", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker (default 1)")
    parser.add_argument("--studies", nargs="*", help="only these studies (tests)")
    parser.add_argument("--images", type=int, help="training images (tests)")
    parser.add_argument("--test-images", type=int, help="test images (tests)")
    parser.add_argument("--epochs", type=int, help="epochs (tests)")
    parser.add_argument("--seeds", type=int, help="first N seeds of each study (tests)")
    parser.add_argument("--records-dir", help="where to write records (required with the above)")
    parser.add_argument("--framework", choices=records.FRAMEWORKS, default="mxnet",
                        help="train in MXNet (default) or PyTorch (records in d2l_vn/records/torch/)")
    args = parser.parse_args(argv)
    unknown = set(args.chapters) - set(CHAPTERS)
    if unknown:
        parser.error(f"unknown chapter(s) {', '.join(sorted(unknown))}; known: {', '.join(CHAPTERS)}")
    shrink = {field: value for field, value in (("training_images", args.images),
                                                 ("test_images", args.test_images),
                                                 ("epochs", args.epochs)) if value is not None}
    if (shrink or args.seeds or args.studies) and not args.records_dir:
        parser.error("reduced settings never go into the package's records: add --records-dir")
    if args.processes < 1 or args.threads < 1:
        parser.error("--processes and --threads must be at least 1")
    for chapter in args.chapters or CHAPTERS:
        studies = [s for s in CHAPTERS[chapter] if not args.studies or s.name in args.studies]
        if args.seeds:
            studies = [dataclasses.replace(s, seeds=s.seeds[:args.seeds]) for s in studies]
        record_chapter(chapter, studies, args.processes, args.threads, shrink, args.records_dir, args.framework)


if __name__ == "__main__":
    sys.exit(main())
