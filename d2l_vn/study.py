"""Studies: every arm of an experiment trained with every seed, paired by seed.

A :class:`Study` is a set of :class:`Arm` s (what differs between them: the rate
schedule, stepped per epoch or per minibatch update, and the optimizer) times a list of
seeds, trained with the chapter's LeNet, Fashion-MNIST, epochs and batch size. A run
derives everything random from its seed: ``mx.random.seed(seed)`` right before the
network is built (its initialization) and the data order from a generator seeded with
it. So arms with the same seed start from the same weights and see the same
minibatches (paired comparisons), and the same (arm, seed) trained twice gives the
same numbers. Runs always train in d2l's array mode (:func:`d2l_vn.arrays.d2l_mode`),
whatever mode the caller is in, so ``make results`` and a chapter agree.

:func:`run_study` is what a chapter calls. Reading a notebook, it trains at the
current settings (quick or full, :mod:`d2l_vn.quick`) and keeps the recorded full
runs beside; building the website (``D2L_VN_FROM_RECORDS=1``) it loads the record.
"""
import copy
import dataclasses
import functools
import math
import time

import mxnet as mx
from mxnet import gluon

from . import quick
from .arrays import d2l_mode
from .captions import show_caption
from .cache import cache_path, read_cache
from .data import ArrayBatches, class_balanced_subset
from .digits import group_digits
from .filters import dead_filters
from .models import lenet
from .records import load_record
from .train import train

__all__ = ["Arm", "Settings", "Study", "StudyResults", "run_study", "recorded_results",
           "train_run", "fingerprint", "run_to_record", "count_dead_filters"]

FULL_TRAIN_IMAGES, FULL_TEST_IMAGES = 60_000, 10_000


@dataclasses.dataclass(frozen=True)
class Arm:
    """One arm of a study: a rate schedule and an optimizer.

    ``schedule`` is a function of the step (a :mod:`d2l_vn.schedulers` object); with
    ``per='epoch'`` epoch ``e`` trains at ``schedule(e)`` (:func:`d2l_vn.train`'s
    ``scheduler``), with ``per='update'`` it is the trainer's ``lr_scheduler``, called
    with the number of minibatch updates. ``hyperparams`` are the optimizer's other
    arguments (for example ``{"momentum": 0.9}``).
    """
    name: str
    schedule: object
    per: str = "epoch"
    optimizer: str = "sgd"
    hyperparams: dict = dataclasses.field(default_factory=dict)

    def __post_init__(self):
        if self.per not in ("epoch", "update"):
            raise ValueError(f"arm {self.name!r}: per must be 'epoch' or 'update', got {self.per!r}")
        if not callable(self.schedule):
            raise ValueError(f"arm {self.name!r}: schedule must be a function of the step, "
                             f"for example d2l_vn.ConstantScheduler(base_lr=0.3)")
        if {"learning_rate", "lr_scheduler"} & set(self.hyperparams):
            raise ValueError(f"arm {self.name!r}: the rate comes from schedule; remove "
                             "learning_rate/lr_scheduler from hyperparams")

    def planned_lr(self, epoch, updates_per_epoch):
        """The rate :func:`d2l_vn.train` reports for ``epoch``: the one of its last update."""
        if self.per == "epoch":
            return float(self.schedule(epoch))
        return float(self.schedule((epoch + 1) * updates_per_epoch))


@dataclasses.dataclass(frozen=True)
class Settings:
    """How much a study trains: images, epochs, batch size and seeds."""
    training_images: int
    epochs: int
    batch_size: int
    seeds: tuple
    test_images: int = FULL_TEST_IMAGES

    def __post_init__(self):
        for name, limit in (("training_images", FULL_TRAIN_IMAGES), ("test_images", FULL_TEST_IMAGES)):
            value = getattr(self, name)
            if not isinstance(value, int) or not 10 <= value <= limit or value % 10:
                raise ValueError(f"{name} must be a multiple of 10 between 10 and {limit:,}, "
                                 f"got {value!r}")
        if not isinstance(self.epochs, int) or self.epochs < 1:
            raise ValueError(f"epochs must be a positive integer, got {self.epochs!r}")
        if not self.seeds or len(set(self.seeds)) != len(self.seeds):
            raise ValueError(f"seeds must be distinct integers, got {self.seeds!r}")
        object.__setattr__(self, "seeds", tuple(int(s) for s in self.seeds))

    @property
    def updates_per_epoch(self):
        return math.ceil(self.training_images / self.batch_size)

    def as_dict(self):
        return {**dataclasses.asdict(self), "seeds": list(self.seeds)}

    def words(self, arms):
        """``arms`` arms times these settings, in English and in Vietnamese, for captions."""
        images, seeds = group_digits(self.training_images), len(self.seeds)
        epochs = f"{self.epochs} epoch{'s' if self.epochs > 1 else ''}"
        return (f"{arms} arm{'s' if arms > 1 else ''} × {seeds} seed{'s' if seeds > 1 else ''}, "
                f"{epochs}, {images} training images",
                f"{arms} nhánh × {seeds} hạt giống, {self.epochs} epoch, {images} ảnh huấn luyện")


@dataclasses.dataclass(frozen=True)
class Study:
    """Arms times seeds of one experiment of ``chapter``, at full settings.

    With ``trace_every=k`` every run also keeps the mean minibatch loss of every ``k``
    updates (:func:`d2l_vn.train`), from which :mod:`d2l_vn.outcomes` dates a failure.
    ``title`` is ``(English, Vietnamese)``, what the reader's captions call the study
    (``name`` in both when not given).
    """
    name: str
    chapter: str
    arms: tuple
    seeds: tuple
    epochs: int
    batch_size: int = 256
    trace_every: int = 0
    title: tuple = ()

    def __post_init__(self):
        names = [arm.name for arm in self.arms]
        if not names or len(set(names)) != len(names):
            raise ValueError(f"study {self.name!r}: arms must be non-empty with distinct names")
        object.__setattr__(self, "arms", tuple(self.arms))
        if len(self.title) != 2:  # (English, Vietnamese), what captions call the study
            object.__setattr__(self, "title", (self.name, self.name))
        self.full_settings()  # validates seeds and epochs

    def arm(self, name):
        for arm in self.arms:
            if arm.name == name:
                return arm
        raise ValueError(f"study {self.name!r} has no arm {name!r}; its arms: "
                         f"{', '.join(a.name for a in self.arms)}")

    def full_settings(self):
        """All 60,000 training images, every epoch and every seed: what records hold."""
        return Settings(FULL_TRAIN_IMAGES, self.epochs, self.batch_size, tuple(self.seeds))

    def settings(self):
        """The full settings, or in quick mode the quick subset, epochs and first seeds."""
        if not quick.is_quick():
            return self.full_settings()
        return Settings(quick.QUICK_TRAIN_PER_CLASS * 10, quick.epochs(self.epochs),
                        self.batch_size, tuple(self.seeds[:quick.QUICK_SEEDS]))


@functools.lru_cache(maxsize=1)
def fashion_mnist_arrays():
    path = cache_path()
    if not path.exists():
        from .fetch import fetch  # as in d2l_vn.data: fetched on first use
        fetch()
    return read_cache(path)[0]


def _subset(images, labels, count):
    if count < len(labels):
        keep = class_balanced_subset(labels, count // 10)
        images, labels = images[keep], labels[keep]
    return images, labels


def _train_batches(settings, seed):
    """The training minibatches of ``settings``, in the order of ``seed``."""
    arrays = fashion_mnist_arrays()
    images, labels = _subset(arrays["train_images"], arrays["train_labels"],
                             settings.training_images)
    return ArrayBatches(images, labels, settings.batch_size, shuffle=True, seed=seed)


@functools.lru_cache(maxsize=4)
def _test_batches(test_images, batch_size):
    """The test set in its fixed order; unshuffled batches keep no state, so runs share them."""
    arrays = fashion_mnist_arrays()
    images, labels = _subset(arrays["test_images"], arrays["test_labels"], test_images)
    return ArrayBatches(images, labels, batch_size, shuffle=False)


def _build(arm, seed, settings):
    """Data, a fresh LeNet initialized from ``seed``, and the arm's trainer."""
    train_iter = _train_batches(settings, seed)
    test_iter = _test_batches(settings.test_images, settings.batch_size)
    mx.random.seed(seed)
    net = lenet()
    params = dict(arm.hyperparams)
    if arm.per == "update":
        # A copy, and its own base rate as learning_rate: optimizers whose learning_rate
        # has a default (Adam's is 0.001) would otherwise overwrite the schedule's base_lr.
        params["lr_scheduler"] = copy.deepcopy(arm.schedule)
        params["learning_rate"] = params["lr_scheduler"].base_lr
    else:
        params["learning_rate"] = arm.schedule(0)
    trainer = gluon.Trainer(net.collect_params(), arm.optimizer, params)
    return net, trainer, train_iter, test_iter


def train_run(study, arm_name, seed, settings=None):
    """Train one (arm, seed) of ``study``; return ``(net, history)``.

    ``settings`` defaults to :meth:`Study.settings`; pass a recorded run's settings
    (``results.settings``, fewer epochs if you like) to retrain it as it was trained.
    """
    arm = study.arm(arm_name)
    settings = settings or study.settings()
    with d2l_mode():
        net, trainer, train_iter, test_iter = _build(arm, seed, settings)
        history = train(net, train_iter, test_iter, settings.epochs,
                        gluon.loss.SoftmaxCrossEntropyLoss(), trainer,
                        scheduler=arm.schedule if arm.per == "epoch" else None,
                        animate=False, verbose=False, trace_every=study.trace_every)
    return net, history


def count_dead_filters(net, settings):
    """First-layer filters of a trained ``net`` that output zero on every test image.

    The look inside a run that stalled at chance (:mod:`d2l_vn.filters`).
    """
    with d2l_mode():
        return dead_filters(net, _test_batches(settings.test_images, settings.batch_size))[0]


def run_to_record(study, arm_name, seed, history, seconds, dead=None):
    """One run in the record's layout; ``dead`` is its count of dead first-layer filters."""
    run = {"study": study.name, "arm": arm_name, "seed": seed,
           "train_loss": history.train_loss, "train_acc": history.train_acc,
           "test_acc": history.test_acc, "lr": history.lr, "dead_filters": dead,
           "seconds": round(seconds, 2)}
    if history.loss_trace:
        run["loss_trace"] = history.loss_trace
    return run


def fingerprint(study, arm_name, steps=4):
    """Losses of the first ``steps`` minibatches of an arm, first seed, full-settings data.

    Any change to the data, its order, the model, its initialization, the loss or the
    arm's optimizer and first rates changes these numbers; quick mode does not.
    """
    arm = study.arm(arm_name)
    settings = study.full_settings()
    loss = gluon.loss.SoftmaxCrossEntropyLoss()
    losses = []
    with d2l_mode():
        net, trainer, train_iter, _ = _build(arm, settings.seeds[0], settings)
        for X, y in train_iter:
            with mx.autograd.record():
                l = loss(net(X), y)
            l.backward()
            trainer.step(X.shape[0])
            losses.append(float(l.mean()))
            if len(losses) == steps:
                return losses
    raise ValueError(f"study {study.name!r} has fewer than {steps} minibatches per epoch")


@dataclasses.dataclass
class StudyResults:
    """The runs of a study: trained now (``source='this run'``) or ``'recorded'``.

    ``runs`` are dicts in the record's layout. A run trained now keeps the recorded
    full runs, when there are some, in ``recorded``.
    """
    study: Study
    settings: Settings
    runs: list
    source: str
    provenance: dict = None
    recorded: "StudyResults" = None

    @property
    def full_runs(self):
        """The recorded full runs: these results when they are the record, else the record beside them."""
        return self if self.source == "recorded" else self.recorded

    def arm_runs(self, arm_name):
        return [run for run in self.runs if run["arm"] == arm_name]

    def retrain(self, run, epochs=None):
        """Train ``run`` (a dict of :attr:`runs`) again as it was; return ``(net, history)``."""
        settings = self.settings
        if epochs is not None:
            settings = dataclasses.replace(settings, epochs=epochs)
        return train_run(self.study, run["arm"], run["seed"], settings)


def recorded_results(study):
    """The recorded full runs of ``study`` as :class:`StudyResults`, or ``None``."""
    record = load_record(study.chapter)
    if record is None or study.name not in record["provenance"].get("settings", {}):
        return None
    settings = Settings(**{**record["provenance"]["settings"][study.name]})
    runs = [run for run in record["runs"] if run["study"] == study.name]
    return StudyResults(study, settings, runs, "recorded", record["provenance"])


def run_study(study, lang="both"):
    """Train every arm of ``study`` with every seed; return :class:`StudyResults`.

    How much it trains is the chapter's choice (:func:`d2l_vn.choose_training`); one
    caption in the reader's ``lang`` says what ran. With ``'recorded'`` (the website)
    nothing trains and the recorded full runs are returned.
    """
    recorded = recorded_results(study)
    en, vi = study.title
    if quick.from_records():
        if recorded is None:
            raise ValueError(f"study {study.name!r} has no recorded full runs yet: "
                             f"run `make results CHAPTER={study.chapter}` and commit the record")
        arms_en, arms_vi = recorded.settings.words(len(study.arms))
        show_caption(f"{en}: recorded full runs, {arms_en}.", f"{vi}: các lần chạy đầy đủ đã ghi, "
                     f"{arms_vi}.", lang)
        return recorded
    settings = study.settings()
    arms_en, arms_vi = settings.words(len(study.arms))
    handle = show_caption(f"{en}: training {arms_en}...", f"{vi}: đang huấn luyện {arms_vi}...",
                          lang)
    start = time.perf_counter()
    runs = []
    for arm in study.arms:
        for seed in settings.seeds:
            run_start = time.perf_counter()
            net, history = train_run(study, arm.name, seed, settings)
            runs.append(run_to_record(study, arm.name, seed, history,
                                      time.perf_counter() - run_start,
                                      count_dead_filters(net, settings)))
    seconds = round(time.perf_counter() - start)
    if recorded is not None:
        beside_en, beside_vi = ("; the recorded full runs are shown beside",
                                "; các lần chạy đầy đủ đã ghi được hiển thị bên cạnh")
    else:
        beside_en, beside_vi = "; no recorded full runs yet", "; chưa có lần chạy đầy đủ nào được ghi"
    show_caption(f"{en}: trained now, {arms_en}, in {seconds} s{beside_en}.",
                 f"{vi}: vừa huấn luyện {arms_vi}, trong {seconds} giây{beside_vi}.", lang,
                 handle=handle)
    return StudyResults(study, settings, runs, "this run", recorded=recorded)
