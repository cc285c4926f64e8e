""""About the experiments": one collapsed note per chapter with what the lesson leaves out.

The lesson shows results; this note says where they come from: each study's settings,
the sessions that trained the recorded runs (date, processor, instruction-set cap,
versions, commit, data checksum, wall time), how to reproduce them and what the
chapter's short training changes. It is HTML (a ``<details>`` element, closed until
clicked) with a Vietnamese and an English part that the website's language buttons
switch.
"""
import html

from .digits import group_digits
from .quick import QUICK_SEEDS, QUICK_TRAIN_PER_CLASS
from ..studies.records import load_record

__all__ = ["about_experiments", "AboutExperiments"]

WORDS = {
    "en": {
        "summary": "About the experiments",
        "studies": "The chapter's studies, at full settings:",
        "study": "study", "arms": "arms", "seeds": "seeds", "epochs": "epochs",
        "images": "training images", "batch": "minibatch", "not_recorded": "not recorded yet",
        "sessions": "Sessions that trained the recorded runs:",
        "date": "date", "machine": "processor (cores)", "cap": "oneDNN instruction-set cap",
        "versions": "Python / {framework} / NumPy / d2l", "commit": "course commit",
        "data": "Fashion-MNIST checksum (SHA-256, first 12)", "wall": "wall time",
        "none": "unlimited", "unknown": "not kept",
        "reproduce": ("How to reproduce: the course's repository trains every study at full settings "
                      "into the record with one command (its README gives it), two single-thread "
                      "runs at a time, resuming where it stopped. The recorded runs repeat to the "
                      "last digit when trained as they were: one thread per run, and MXNet's kernels "
                      "limited to the AVX2 instruction set, as that command does. A session without "
                      "a cap ran on a processor without AVX-512, where MXNet uses its AVX2 kernels "
                      "anyway; the earliest sessions kept no commit or data checksum."),
        "short": ("The chapter's short training (its default) trains every study with its first "
                  "{seeds} seeds on {images} of the {full} training images (the same number of "
                  "each class; the test set stays whole) and a fifth of the epochs, at least 2. "
                  "Its numbers are lower and noisier than the recorded ones; they show that the "
                  "code runs and how the curves start."),
        "reproduce_torch": ("How to reproduce: the course's repository trains every study at full settings "
                            "in PyTorch into its record with one command (its README gives it), two "
                            "single-thread runs at a time, on the CPU, resuming where it stopped. Whether "
                            "PyTorch's runs repeat to the last digit on another processor has not been "
                            "measured."),
    },
    "vi": {
        "summary": "Về các thí nghiệm",
        "studies": "Các nghiên cứu của chương, với thiết lập đầy đủ:",
        "study": "nghiên cứu", "arms": "nhánh", "seeds": "hạt giống", "epochs": "epoch",
        "images": "ảnh huấn luyện", "batch": "minibatch", "not_recorded": "chưa được ghi",
        "sessions": "Các phiên đã huấn luyện những lần chạy được ghi:",
        "date": "ngày", "machine": "bộ xử lý (số nhân)", "cap": "giới hạn tập lệnh của oneDNN",
        "versions": "Python / {framework} / NumPy / d2l", "commit": "commit của khóa học",
        "data": "mã băm SHA-256 của Fashion-MNIST (12 ký tự đầu)", "wall": "thời gian chạy",
        "none": "không giới hạn", "unknown": "không lưu",
        "reproduce": ("Cách chạy lại: kho mã của khóa học huấn luyện mọi nghiên cứu với thiết lập đầy đủ "
                      "rồi ghi vào bản ghi bằng một lệnh (README của kho mã cho biết lệnh ấy), hai lần "
                      "chạy song song, mỗi lần một luồng, và chạy tiếp từ chỗ đã dừng. Các lần chạy "
                      "được ghi lặp lại đến chữ số cuối cùng khi huấn luyện đúng như lúc ghi: mỗi lần "
                      "chạy một luồng, và các hàm tính toán cấp thấp của MXNet chỉ dùng tập lệnh AVX2, "
                      "như lệnh ấy vẫn đặt. Phiên nào không có giới hạn là phiên chạy trên bộ xử lý "
                      "không có AVX-512, nơi MXNet vốn đã dùng các hàm AVX2; các phiên sớm nhất không "
                      "lưu commit và mã băm SHA-256 của dữ liệu."),
        "short": ("Chế độ huấn luyện ngắn của chương (mặc định) huấn luyện mỗi nghiên cứu với "
                  "{seeds} hạt giống đầu tiên trên {images} trong số {full} ảnh huấn luyện (số "
                  "ảnh mỗi lớp như nhau; tập kiểm tra giữ nguyên) và một phần năm số epoch, ít "
                  "nhất là 2. Các con số của nó thấp hơn và nhiễu hơn số đã ghi; chúng cho thấy "
                  "mã chạy được và các đường cong bắt đầu ra sao."),
        "reproduce_torch": ("Cách chạy lại: kho mã của khóa học huấn luyện mọi nghiên cứu với thiết lập đầy "
                            "đủ bằng PyTorch rồi ghi vào bản ghi của nó bằng một lệnh (README của kho mã "
                            "cho biết lệnh ấy), hai lần chạy song song, mỗi lần một luồng, trên CPU, và chạy "
                            "tiếp từ chỗ đã dừng. Các lần chạy của PyTorch có lặp lại đến chữ số cuối cùng "
                            "trên một bộ xử lý khác hay không thì chưa được đo."),
    },
}


def _duration(seconds):
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def _table(header, rows):
    head = "".join(f"<th>{html.escape(str(cell))}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
                   for row in rows)
    return f'<table class="d2l-vn-about-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _kept(session, key, words):
    """The first 12 characters of ``session[key]``, or "not kept" for records before 2026-12."""
    value = session.get(key, "")
    return value[:12] if value and "not kept" not in value else words["unknown"]


def _sessions(provenance):
    """The record's sessions; a record of one session keeps it in the provenance itself."""
    return provenance.get("sessions") or [provenance]


#: How each framework's version is named in the sessions' table, and the record's key for it.
FRAMEWORK_NAMES = {"mxnet": "MXNet", "torch": "PyTorch"}


def _part(lang, studies, record, framework="mxnet"):
    w = WORDS[lang]
    settings = record["provenance"].get("settings", {}) if record else {}
    study_rows = []
    for study in studies:
        full = study.full_settings(framework)
        title = study.title[0 if lang == "en" else 1]
        recorded = study.name in settings
        study_rows.append([title, len(study.arms), len(full.seeds), full.epochs,
                           group_digits(full.training_images), full.batch_size]
                          + ([] if recorded else [w["not_recorded"]]))
    header = [w["study"], w["arms"], w["seeds"], w["epochs"], w["images"], w["batch"]]
    if any(len(row) > len(header) for row in study_rows):
        header.append("")
        study_rows = [row + [""] * (len(header) - len(row)) for row in study_rows]
    parts = [f"<p>{w['studies']}</p>", _table(header, study_rows)]
    if record:
        session_rows = []
        for session in _sessions(record["provenance"]):
            cap = session.get("dnnl_max_cpu_isa", "unlimited")
            versions = " / ".join(session.get(key, w["unknown"])
                                  for key in ("python", framework, "numpy", "d2l"))
            session_rows.append([session["date"], f"{session['processor']} ({session['cpu_count']})",
                                 w["none"] if cap == "unlimited" else cap, versions,
                                 _kept(session, "commit", w), _kept(session, "data_sha256", w),
                                 _duration(session["wall_seconds"]) if "wall_seconds" in session else ""])
        parts += [f"<p>{w['sessions']}</p>",
                  _table([w["date"], w["machine"], w["cap"], w["versions"].format(framework=FRAMEWORK_NAMES[framework]),
                          w["commit"], w["data"], w["wall"]], session_rows)]
    parts.append(f"<p>{w['reproduce' if framework == 'mxnet' else 'reproduce_torch']}</p>")
    parts.append("<p>" + w["short"].format(seeds=QUICK_SEEDS,
                                           images=group_digits(QUICK_TRAIN_PER_CLASS * 10),
                                           full=group_digits(60_000)) + "</p>")
    return f'<div class="lang-{lang}" lang="{lang}">{"".join(parts)}</div>'


class AboutExperiments:
    """The note of one chapter; Jupyter and the website render it as HTML."""

    def __init__(self, chapter, studies, lang="both", framework="mxnet"):
        if lang not in ("vi", "en", "both"):
            raise ValueError(f"lang must be 'vi', 'en' or 'both', got {lang!r}")
        if framework not in FRAMEWORK_NAMES:
            raise ValueError(f"framework must be one of {sorted(FRAMEWORK_NAMES)}, got {framework!r}")
        self.chapter, self.studies, self.lang, self.framework = chapter, tuple(studies), lang, framework

    def _repr_html_(self):
        record = load_record(self.chapter, framework=self.framework)
        langs = ("vi", "en") if self.lang == "both" else (self.lang,)
        summary = '<span class="lang-sep"> / </span>'.join(f'<span class="lang-{lang}" lang="{lang}">{WORDS[lang]["summary"]}</span>'
                             for lang in langs)
        body = "".join(_part(lang, self.studies, record, self.framework) for lang in langs)
        return f'<details class="d2l-vn-about"><summary>{summary}</summary>{body}</details>'

    def __repr__(self):
        return f"{WORDS['en']['summary']} ({self.chapter}): shown as HTML in a notebook"


def about_experiments(studies, lang="both", framework="mxnet"):
    """The "About the experiments" note of the chapter whose studies module is ``studies``.

    ``studies`` is a module of :mod:`d2l_vn.studies` (it names its ``CHAPTER`` and lists
    its ``STUDIES``), as the chapters import it; ``framework`` chooses whose record it
    describes (each framework's package passes its own).
    """
    missing = [name for name in ("CHAPTER", "STUDIES") if not hasattr(studies, name)]
    if missing:
        raise ValueError(f"about_experiments needs a chapter's studies module, such as "
                         f"d2l_vn.studies.lr_scheduling; {studies!r} has no {', '.join(missing)}")
    return AboutExperiments(studies.CHAPTER, studies.STUDIES, lang, framework)
