"""Every chapter follows the bilingual convention of CONTRIBUTING.md (rules 1-3)."""
import pytest

from notebooks import CHAPTERS, READER_NOTEBOOKS, DISPLAY_MATH, HEADING, LANG_TAGS, lang, load, pairs, source


def test_there_are_chapters():
    assert CHAPTERS, "no notebook in chapters/"


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_prose_cell_has_one_language(path):
    for i, cell in enumerate(load(path)["cells"]):
        if cell["cell_type"] == "markdown":
            assert len(lang(cell)) == 1 and lang(cell)[0] in LANG_TAGS, \
                f"markdown cell {i} needs exactly one tag of {LANG_TAGS}, has {lang(cell)}"
        else:
            assert not lang(cell), f"{cell['cell_type']} cell {i} must not carry a lang-* tag"


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_english_and_vietnamese_cells_come_in_pairs(path):
    cells = load(path)["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        if lang(cell) == ["lang-en"]:
            nxt = cells[i + 1] if i + 1 < len(cells) else {"cell_type": "end", "metadata": {}}
            assert nxt["cell_type"] == "markdown" and lang(nxt) == ["lang-vi"], \
                f"English cell {i} is not directly followed by a Vietnamese cell"
        elif lang(cell) == ["lang-vi"]:
            prev = cells[i - 1] if i > 0 else {"cell_type": "start", "metadata": {}}
            assert prev["cell_type"] == "markdown" and lang(prev) == ["lang-en"], \
                f"Vietnamese cell {i} does not directly follow an English cell"


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_pairs_have_the_same_shape(path):
    for i, en, vi in pairs(load(path)):
        en_src, vi_src = source(en), source(vi)
        assert HEADING.findall(en_src) == HEADING.findall(vi_src), \
            f"cells {i} and {i + 1}: headings differ in level or number"
        assert len(DISPLAY_MATH.findall(en_src)) == len(DISPLAY_MATH.findall(vi_src)), \
            f"cells {i} and {i + 1}: different numbers of display formulas"
        assert ("solution" in en["metadata"].get("tags", [])) == \
               ("solution" in vi["metadata"].get("tags", [])), \
            f"cells {i} and {i + 1}: only one of the pair is tagged 'solution'"
