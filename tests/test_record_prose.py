"""The chapters' text states what the recorded full runs show, and nothing else.

A prose cell tagged ``from-record`` (both cells of a pair) may state a study's numbers:
accuracies with three decimals ("0.891") and counts of stalled runs ("3 of 10" /
"3 trên 10"). Every such number must be one that the chapter's record gives, computed
by ``d2l_vn.study_numbers``: a median, smallest or largest final test accuracy, or the
stalled runs of an arm out of its runs. A chapter whose studies declare a ``GRID`` (a
learning-rate sweep) may also state ``d2l_vn.sweep_spread``'s best and worst medians and
their difference, and the stalled, diverged or failed (both) runs of an optimizer at a rate.
Numbers others published (a chapter's ``D2L_PUBLISHED``, quoted beside ours) may be
stated too. So the text cannot drift from the data: a new
record with other numbers fails this test until the text is updated.
"""
import importlib
import re

import pytest

import d2l_vn
from d2l_vn import records
from d2l_vn.studies import CHAPTERS as STUDIES
from notebooks import CHAPTERS, load, source

ACCURACY = re.compile(r"(?<![\d.])\d\.\d{3}(?!\d)")
COUNT = {"lang-en": re.compile(r"\b(\d+) of (\d+)\b"), "lang-vi": re.compile(r"\b(\d+) trên (\d+)\b")}


def stated(cell):
    """Accuracies and (stalled, runs) counts a prose cell states, math and code left out."""
    text = re.sub(r"\$[^$]*\$|`[^`]*`", " ", source(cell))
    tag = "lang-en" if "lang-en" in cell["metadata"]["tags"] else "lang-vi"
    return set(ACCURACY.findall(text)), set(COUNT[tag].findall(text))


def allowed(chapter):
    """The accuracies and counts the record of ``chapter`` gives, as the text writes them."""
    accuracies, counts = set(), set()
    module = importlib.import_module(f"d2l_vn.studies.{chapter}") if chapter in STUDIES else None
    for published in getattr(module, "D2L_PUBLISHED", {}).values():
        accuracies |= {f"{value:.3f}" for value in published.values()}
    for study in STUDIES.get(chapter, ()):
        results = d2l_vn.recorded_results(study)
        if results is None:
            continue
        for numbers in d2l_vn.study_numbers(results).values():
            accuracies |= {f"{numbers[k]:.3f}" for k in ("median", "min", "max")}
            counts.add((str(numbers["stalled"]), str(numbers["runs"])))
        grid = getattr(module, "GRID", None)
        if grid is not None:
            for spread in d2l_vn.sweep_spread(results, grid).values():
                accuracies |= {f"{spread[k]:.3f}" for k in ("best", "worst", "spread")}
            for rates in d2l_vn.sweep_numbers(results, grid).values():
                for n in rates.values():
                    counts |= {(str(k), str(n["runs"])) for k in
                               (n["stalled"], n["diverged"], n["stalled"] + n["diverged"])}
    return accuracies, counts


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.stem)
def test_numbers_in_the_text_come_from_the_record(path):
    cells = [c for c in load(path)["cells"]
             if c["cell_type"] == "markdown" and "from-record" in c["metadata"].get("tags", [])]
    if not cells:
        pytest.skip(f"{path.stem} states no recorded numbers")
    if records.load_record(path.stem) is None:
        pytest.fail(f"{path.stem} states recorded numbers but has no record: "
                    f"run `make results CHAPTER={path.stem}`")
    accuracies, counts = allowed(path.stem)
    problems = []
    for cell in cells:
        cell_accuracies, cell_counts = stated(cell)
        problems += [f"{cell['id']}: {a} is not a median, minimum or maximum of the record"
                     for a in sorted(cell_accuracies - accuracies)]
        problems += [f"{cell['id']}: {k} of {n} runs stalled is not in the record"
                     for k, n in sorted(cell_counts - counts)]
    assert not problems, "\n".join(problems)


def test_the_check_catches_a_number_the_record_does_not_give():
    cell = {"metadata": {"tags": ["lang-en", "from-record"]},
            "source": "The median was 0.123 and 7 of 10 runs stalled; $x = 0.500$ is math."}
    assert stated(cell) == ({"0.123"}, {("7", "10")})
    vi = {"metadata": {"tags": ["lang-vi", "from-record"]}, "source": "có 7 trên 10 lần chạy"}
    assert stated(vi) == (set(), {("7", "10")})
