"""Studies, framework-neutral: every arm of an experiment trained with every seed, paired by seed.

A :class:`Study` is a set of :class:`Arm` s (what differs between them: the rate
schedule, stepped per epoch or per minibatch update, and the optimizer) times a list of
seeds, trained with the chapter's LeNet, Fashion-MNIST, epochs and batch size. A run
derives everything random from its seed: the framework's generator is seeded right before
the network is built (its initialization) and the data order comes from a generator seeded
with it. So arms with the same seed start from the same weights and see the same
minibatches (paired comparisons), and the same (arm, seed) trained twice gives the
same numbers. Each framework trains a run in its own module (``d2l_vn.mxnet.study``).

:func:`run_study_with` is what a framework's ``run_study`` calls. Reading a notebook, it
trains at the current settings (quick or full, :mod:`d2l_vn.core.quick`) and keeps the
recorded full runs beside; building the website (``D2L_VN_FROM_RECORDS=1``) it loads the record.
"""
import dataclasses
import functools
import math
import time

from ..core import quick
from ..core.cache import cache_path, read_cache
from ..core.captions import show_caption
from ..core.data import class_balanced_subset
from ..core.digits import group_digits
from .records import load_record

__all__ = ["Arm", "Settings", "Study", "StudyResults", "run_study_with", "recorded_results",
           "run_to_record", "fashion_mnist_arrays", "subset"]

FULL_TRAIN_IMAGES, FULL_TEST_IMAGES = 60_000, 10_000


@dataclasses.dataclass(frozen=True)
class Arm:
    """One arm of a study: a rate schedule and an optimizer.

    ``schedule`` is a function of the step (a :mod:`d2l_vn.core.schedulers` object); with
    ``per='epoch'`` epoch ``e`` trains at ``schedule(e)`` (:func:`d2l_vn.mxnet.train`'s
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
        """The rate :func:`d2l_vn.mxnet.train` reports for ``epoch``: the one of its last update."""
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
    updates (:func:`d2l_vn.mxnet.train`), from which :mod:`d2l_vn.core.outcomes` dates a failure.
    ``fewer_seeds_in`` lists ``(framework, n)``: that framework's record holds only the first
    ``n`` seeds (a budget, said where the study is declared).
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
    fewer_seeds_in: tuple = ()

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

    def full_settings(self, framework="mxnet"):
        """All 60,000 training images, every epoch and every seed: what ``framework``'s record holds."""
        count = dict(self.fewer_seeds_in).get(framework, len(self.seeds))
        return Settings(FULL_TRAIN_IMAGES, self.epochs, self.batch_size, tuple(self.seeds[:count]))

    def settings(self):
        """The full settings, or in quick mode the quick subset, epochs and first seeds."""
        if not quick.is_quick():
            return self.full_settings()
        return Settings(quick.QUICK_TRAIN_PER_CLASS * 10, quick.epochs(self.epochs),
                        self.batch_size, tuple(self.seeds[:quick.QUICK_SEEDS]))


@functools.lru_cache(maxsize=1)
def fashion_mnist_arrays():
    """Fashion-MNIST's arrays from the local cache (fetched on first use), read once per process."""
    path = cache_path()
    if not path.exists():
        from ..core.fetch import fetch  # as in d2l_vn.mxnet.data: fetched on first use
        fetch()
    return read_cache(path)[0]


def subset(images, labels, count):
    """A class-balanced subset of ``count`` examples (all of them when ``count`` is not smaller)."""
    if count < len(labels):
        keep = class_balanced_subset(labels, count // 10)
        images, labels = images[keep], labels[keep]
    return images, labels


def run_to_record(study, arm_name, seed, history, seconds, dead=None):
    """One run in the record's layout; ``dead`` is its count of dead first-layer filters."""
    run = {"study": study.name, "arm": arm_name, "seed": seed,
           "train_loss": history.train_loss, "train_acc": history.train_acc,
           "test_acc": history.test_acc, "lr": history.lr, "dead_filters": dead,
           "seconds": round(seconds, 2)}
    if history.loss_trace:
        run["loss_trace"] = history.loss_trace
    return run


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


def recorded_results(study, framework="mxnet"):
    """The recorded full runs of ``study`` as :class:`StudyResults`, or ``None``."""
    record = load_record(study.chapter, framework=framework)
    if record is None or study.name not in record["provenance"].get("settings", {}):
        return None
    settings = Settings(**{**record["provenance"]["settings"][study.name]})
    runs = [run for run in record["runs"] if run["study"] == study.name]
    return StudyResults(study, settings, runs, "recorded", record["provenance"])


def run_study_with(train_run, count_dead_filters, study, lang="both", framework="mxnet"):
    """Train every arm of ``study`` with every seed with a framework's ``train_run``; return :class:`StudyResults`.

    How much it trains is the chapter's choice (:func:`d2l_vn.choose_training`); one
    caption in the reader's ``lang`` says what ran. With ``'recorded'`` (the website)
    nothing trains and the recorded full runs are returned.
    """
    recorded = recorded_results(study, framework)
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
