"""The chapters' text states what the recorded full runs show, each number bound to its claim.

A prose cell tagged ``from-record`` declares every number it states in its metadata,
in order: ``"numbers": [[text, study, arm, statistic], ...]`` (see :mod:`d2l_vn.studies.claims`);
``arm`` may be a list of arms when the text says the number of each of them. Each edition is
checked against its framework's record (a PyTorch edition against ``records/torch/``); a
declaration may name the other framework as a fifth element.
The test finds the numbers of the cell's text (math and code left out), checks that they
are the declared ones in the same order, and recomputes each from the chapter's record:
a number that is undeclared, written for another arm, swapped with another, or no longer
what the record gives fails. ``tools/bind_numbers.py`` proposes the declarations.
"""
import copy
import math
import pathlib
import re

import pytest

from d2l_vn.studies.claims import claim_value
from notebooks import NOT_PROSE, READER_NOTEBOOKS, load, source

#: A number as the course writes it: optional sign, digits grouped by U+202F, decimals,
#: an exponent (3e-2) or a percent sign. Not part of a word ("LeNet-5", "β2").
NUMBER = re.compile(r"(?<![\w.\-−/^])[+−-]?\d+(?:/\d+|(?:\u202f\d{3})*(?:\.\d+)?(?:e[+−-]?\d+)?%?)(?![\w.]\d|\w)")


def numbers_in(cell):
    """The numbers a prose cell states, in order, math and code left out."""
    return NUMBER.findall(NOT_PROSE.sub(" ", source(cell)))


def reads_as(text, value):
    """Whether ``value`` (a number, or an arm's name) is what ``text`` says, at its precision."""
    if isinstance(value, str):
        return text.lstrip("+") in value
    plain = text.replace("\u202f", "").replace("−", "-").rstrip("%")
    if "/" in plain:
        numerator, denominator = plain.split("/")
        return math.isclose(int(numerator) / int(denominator), value, rel_tol=1e-9)
    if "e" in plain:  # 5e-5: as many significant digits as the text gives
        mantissa = plain.split("e")[0]
        digits = len(mantissa.split(".")[1]) if "." in mantissa else 0
        return float(f"{value:.{digits}e}") == float(plain)
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    return f"{value:.{decimals}f}".lstrip("-") == f"{float(plain):.{decimals}f}".lstrip("-") and (
        round(value, decimals) == 0 or (value < 0) == plain.startswith("-"))


def edition(path):
    """``(chapter, framework)`` of a reader's notebook: ``chapters/torch/x.ipynb`` is x in PyTorch."""
    path = pathlib.Path(path)
    return path.stem, "torch" if path.parent.name == "torch" else "mxnet"


def problems_of(chapter, cell, framework="mxnet"):
    """What is wrong with the numbers of one ``from-record`` cell (empty when all hold)."""
    found = numbers_in(cell)
    declared = cell["metadata"].get("numbers", [])
    texts = [entry[0] for entry in declared]
    if found != texts:
        return [f"{cell.get('id')}: the text states {found} but the metadata declares {texts}"]
    problems = []
    for text, study, arms, statistic, *other in declared:
        if statistic == "given":
            continue
        record = other[0] if other else framework
        for arm in arms if isinstance(arms, list) else [arms]:  # a list: true of each arm
            try:
                value = claim_value(chapter, study, arm, statistic, record)
            except ValueError as e:
                problems.append(f"{cell.get('id')}: {text} ({study}, {arm}, {statistic}): {e}")
                continue
            if not reads_as(text, value):
                problems.append(f"{cell.get('id')}: {text} is declared as {statistic} of {arm!r} in "
                                f"{study}, which the {record} record gives as {value!r}")
    return problems


def _from_record_cells(path):
    return [c for c in load(path)["cells"]
            if c["cell_type"] == "markdown" and "from-record" in c["metadata"].get("tags", [])]


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: "/".join(edition(p)))
def test_every_number_in_the_text_is_bound_to_its_claim_in_the_record(path):
    cells = _from_record_cells(path)
    if not cells:
        pytest.skip(f"{path.stem} states no recorded numbers")
    chapter, framework = edition(path)
    problems = [p for cell in cells for p in problems_of(chapter, cell, framework)]
    assert not problems, "\n".join(problems)


def _bound_cell():
    return {"id": "demo", "metadata": {"tags": ["lang-en", "from-record"], "numbers": [
        ["0.908", "schedules", "cosine + warmup", "median"],
        ["0.901", "schedules", "cosine", "median"],
        ["2", "schedules", "multi-factor", "stalled"], ["3", "schedules", "multi-factor", "runs"]]},
        "source": "Cosine after warmup reaches 0.908 and cosine 0.901; $x = 0.5$ is math; "
                  "2 of 3 multi-factor runs stalled."}


def test_the_check_fails_on_swapped_undeclared_or_misattributed_numbers():
    cell = _bound_cell()
    assert problems_of("lr_scheduling", cell) == []
    swapped = copy.deepcopy(cell)
    swapped["source"] = swapped["source"].replace("0.908", "X").replace("0.901", "0.908").replace("X", "0.901")
    swapped["metadata"]["numbers"][:2] = [["0.901", "schedules", "cosine + warmup", "median"],
                                          ["0.908", "schedules", "cosine", "median"]]
    assert len(problems_of("lr_scheduling", swapped)) == 2
    undeclared = copy.deepcopy(cell)
    undeclared["source"] += " Seven seeds gave 7 runs."
    assert "declares" in problems_of("lr_scheduling", undeclared)[0]
    other_arm = copy.deepcopy(cell)
    other_arm["metadata"]["numbers"][2][2] = "cosine"
    assert "record gives" in problems_of("lr_scheduling", other_arm)[0]
    each = copy.deepcopy(cell)
    each["metadata"]["numbers"][3][2] = ["multi-factor", "cosine", "constant 0.3"]  # 3 runs each
    assert problems_of("lr_scheduling", each) == []
    each["metadata"]["numbers"][2][2] = ["multi-factor", "cosine"]  # 2 stalled: not true of cosine
    assert len(problems_of("lr_scheduling", each)) == 1


def test_a_pytorch_edition_is_read_against_the_pytorch_record():
    cell = {"id": "demo", "metadata": {"tags": ["lang-en", "from-record"], "numbers": [
        ["8", "boundary", "Adam 0.03", "failed"], ["7", "boundary", "Adam 0.03", "failed", "mxnet"]]},
        "source": "Plain Adam failed 8 times in PyTorch and 7 times in MXNet."}
    assert problems_of("adam_radam", cell, "torch") == []
    wrong = problems_of("adam_radam", cell, "mxnet")
    assert len(wrong) == 1 and "the mxnet record gives as 7" in wrong[0]


def test_numbers_are_found_as_the_course_writes_them():
    cell = {"source": "LeNet-5 ran 60\u202f000 images at 3e-2 for 29% of 1875 updates, "
                      "+0.011 (−0.012 to 0.035), a 1/6 warmup, $\\beta_2 = 0.999$ and `lr=0.1`."}
    assert numbers_in(cell) == ["60\u202f000", "3e-2", "29%", "1875", "+0.011", "−0.012", "0.035", "1/6"]
    assert reads_as("0.011", 0.0114) and not reads_as("0.012", 0.0114)
    assert reads_as("−0.012", -0.01197) and not reads_as("0.012", -0.01197)
    assert reads_as("3e-2", 0.03) and reads_as("60\u202f000", 60000) and reads_as("29%", 29.2)
    assert reads_as("5e-5", 4.92e-5) and not reads_as("4e-5", 4.92e-5)
