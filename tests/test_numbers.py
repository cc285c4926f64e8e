"""Numbers are written one way in the whole course ("Numbers" in CONTRIBUTING.md).

A decimal point, as in code and formulas ("0.3", never "0,3"); no separator below
10 000 ("2000", never "2.000" or "2,000"); from 10 000 on, groups of three digits
separated by a narrow no-break space, U+202F ("60 000"). Vietnamese readers take
"2.000" for two thousand and "0,3" for a decimal, English readers the other way round:
with one convention in both languages, nobody has to guess.
"""
import re

import pytest

from d2l_vn.core.compgraph import WORDS
from d2l_vn.core.plot import LABELS
from d2l_vn.core.report import HEADERS
from d2l_vn.core.widgets import _WORDS
from notebooks import CHAPTERS, READER_NOTEBOOKS, NOT_PROSE, code_strings, intro_blocks, lang, load, pairs, source

NNBSP = "\u202f"
START = r"(?<![\w\u202f])(?<!\d[.,])"  # not inside a word or another number
END = r"(?![\w\u202f]|[.,]\d)"
RULES = [
    (re.compile(START + r"\d+,\d+" + END),
     "comma inside a number: the decimal mark is a point ('0.3'), thousands take U+202F"),
    (re.compile(START + r"[1-9]\d{0,2}(?:\.\d{3})+" + END),
     "a point before three digits reads as a thousands separator in Vietnamese: "
     "write '2000' or '60\u202f000', or round the decimal differently"),
    (re.compile(START + r"\d{5,}" + END),
     "numbers from 10\u202f000 on group their digits by three with U+202F: '60\u202f000'"),
    (re.compile(START + r"\d{1,3}(?:[ \u00a0\u2009]\d{3})+" + END),
     "digit groups are separated by U+202F (narrow no-break space), not by a space"),
    (re.compile(START + r"\d\u202f\d{3}" + END),
     "numbers below 10\u202f000 are written without a separator: '2000'"),
]
NUMBER = re.compile(START + r"\d+(?:[.,\u202f]\d+)*")


def problems(text):
    """(number, what is wrong) for every badly written number in ``text``."""
    return [(m.group(), why) for rule, why in RULES for m in rule.finditer(text)]


def prose_text(cell):
    return NOT_PROSE.sub(" ", source(cell))


def numbers(text):
    return set(NUMBER.findall(NOT_PROSE.sub(" ", text)))


@pytest.mark.parametrize("text, bad", [
    ("tốc độ học 0,3", ["0,3"]), ("60,000 images", ["60,000"]), ("bằng 1.999 khi", ["1.999"]),
    ("60.000 ảnh", ["60.000"]), ("60000 ảnh", ["60000"]), ("60 000 ảnh", ["60 000"]),
    ("2\u202f000 bước", ["2\u202f000"]),
])
def test_rules_find_ambiguous_numbers(text, bad):
    assert [number for number, _ in problems(text)] == bad


@pytest.mark.parametrize("text", [
    "tốc độ 0.3 và 0.065", "60\u202f000 ảnh, 4690 lần cập nhật", "MXNet 1.9.1, d2l 1.0.3",
    "float64, Python 3.11", "epoch 0, 1, 3", "0.999.", "(1, 2 và 4)", "10\u202f000 bước.",
])
def test_rules_accept_the_convention(text):
    assert problems(text) == []


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_prose_cells_write_numbers_one_way(path):
    found = [f"cell {i} ({lang(cell)[0]}): {number!r}: {why}"
             for i, cell in enumerate(load(path)["cells"]) if cell["cell_type"] == "markdown"
             for number, why in problems(prose_text(cell))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_figure_and_table_labels_write_numbers_one_way(path):
    found = [f"code cell {i}: {number!r} in {text}: {why}"
             for i, cell in enumerate(load(path)["cells"]) if cell["cell_type"] == "code"
             for text in code_strings(cell) for number, why in problems(text)]
    assert not found, "\n".join(found)


def test_library_labels_and_intro_write_numbers_one_way():
    labels = [word for table in (LABELS, HEADERS, _WORDS, WORDS)
              for words in table.values() for word in words.values()]
    texts = labels + [NOT_PROSE.sub(" ", text) for _, text in intro_blocks()]
    found = [f"{number!r} in {text[:60]!r}: {why}" for text in texts
             for number, why in problems(text)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_both_cells_of_a_pair_state_the_same_numbers(path):
    found = []
    for i, en, vi in pairs(load(path)):
        en_numbers, vi_numbers = numbers(source(en)), numbers(source(vi))
        if en_numbers != vi_numbers:
            found.append(f"cells {i}/{i + 1}: only in English {sorted(en_numbers - vi_numbers)}, "
                         f"only in Vietnamese {sorted(vi_numbers - en_numbers)}")
    assert not found, "\n".join(found)
