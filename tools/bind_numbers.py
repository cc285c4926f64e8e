"""Propose the ``numbers`` metadata of a chapter's ``from-record`` cells (tests/test_record_prose.py).

Usage: ``python tools/bind_numbers.py CHAPTER [--torch] [--write]``. For every number of every
such cell it lists the claims of the record that read as it (study, arm, statistic); with
``--torch``, of the PyTorch form of each cell (``tools/editions.py``) against the PyTorch record. With
``--write``, a cell whose numbers changed gets a declaration: kept from the old metadata
where it still holds, the only candidate where there is one, and ``?`` where the author
must choose (the test fails until then). Numbers that are not measured are declared by
hand with the statistic ``given``.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from d2l_vn import mxnet as d2l_vn  # noqa: E402,F401  (first: makes MXNet importable on the installed NumPy)
from d2l_vn.studies.claims import STATISTICS, claim_value  # noqa: E402
from d2l_vn.studies import CHAPTERS  # noqa: E402
from notebooks import load  # noqa: E402
from test_record_prose import numbers_in, reads_as  # noqa: E402

PAIRED = {"difference", "difference low", "difference high", "wins", "sign p", "only A failed",
          "only B failed", "mcnemar p failed"} | {s for s in STATISTICS if s.startswith("fisher p")}


def claims(chapter, framework="mxnet"):
    """Every (study, arm, statistic, value) the record of ``chapter`` gives."""
    found = []
    for study in CHAPTERS[chapter]:
        names = [arm.name for arm in study.arms]
        found += [(study.name, name, "arm", name) for name in names]
        for statistic in STATISTICS:
            arms = ([f"{a} | {b}" for a in names for b in names if a != b]
                    if statistic in PAIRED else names)
            for arm in arms:
                try:
                    found.append((study.name, arm, statistic,
                                  claim_value(chapter, study.name, arm, statistic, framework)))
                except (ValueError, ZeroDivisionError):
                    continue
    return found


def candidates(known, text):
    """The claims of ``known`` that read as ``text``; a whole number only matches a count."""
    whole = "." not in text and "e" not in text and not text.endswith("%")
    return [[text, study, arm, statistic] for study, arm, statistic, value in known
            if reads_as(text, value) and (statistic == "arm" or not whole or float(value).is_integer())]


def _cells(notebook, framework):
    """``(cell as read, metadata to write)`` of every ``from-record`` cell of one edition."""
    for cell in notebook["cells"]:
        if framework == "torch":
            form = cell["metadata"].get("d2l_vn_torch", {})
            if form.get("drop") or "source" not in form:
                continue  # a shared cell states the MXNet record's numbers only if it has no form
            metadata = form.setdefault("metadata", {})
            tags = metadata.get("tags", cell["metadata"].get("tags", []))
            cell = {"id": cell.get("id"), "source": form["source"], "metadata": {**metadata, "tags": tags}}
        else:
            metadata = cell["metadata"]
        if "from-record" in cell["metadata"].get("tags", []):
            yield cell, metadata


def main(chapter, write=False, framework="mxnet"):
    path = ROOT / "chapters" / f"{chapter}.ipynb"
    notebook = load(path)
    known = claims(chapter, framework)
    for cell, metadata in _cells(notebook, framework):
        old = {tuple(entry) for entry in cell["metadata"].get("numbers", [])}
        declared = []
        print(f"== {cell['id']}")
        for text in numbers_in(cell):
            options = candidates(known, text)
            kept = [entry for entry in options if tuple(entry) in old]
            choice = kept[0] if kept else options[0] if len(options) == 1 else [text, "?", "?", "?"]
            declared.append(choice)
            print(f"  {text}: " + ("; ".join(f"{s} / {a} / {st}" for _, s, a, st in options[:8])
                                   or "no claim of the record: declare it 'given' if it is not measured"))
        if write:
            metadata["numbers"] = declared
    if write:
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], write="--write" in sys.argv, framework="torch" if "--torch" in sys.argv else "mxnet")
