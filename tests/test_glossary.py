"""Terminology follows glossary.yml (rule 6 of CONTRIBUTING.md): an English glossary term
in a prose cell means the glossary's Vietnamese term in the paired Vietnamese cell; the
first such cell of a chapter gives the English in parentheses; no Vietnamese text, figure
or table uses a variant the glossary avoids; every entry is used; vectors and matrices
are written with one macro in the prose, ``\\boldsymbol``."""
import re
import unicodedata

import pytest
import yaml

from d2l_vn.core.compgraph import WORDS
from d2l_vn.core.plot import LABELS
from d2l_vn.core.report import HEADERS
from d2l_vn.core.study_report import WORDS as STUDY_WORDS
from d2l_vn.core.widgets import _WORDS
from notebooks import (CHAPTERS, READER_NOTEBOOKS, NOT_PROSE, ROOT, code_strings, intro_blocks, lang, load, pairs,
                       source)

GLOSSARY = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
HEADING_LINE = re.compile(r"^#{1,6}\s.*$", re.MULTILINE)
PAIRED = [e for e in GLOSSARY if e.get("match_pairs", True)]
#: Terms whose first use needs the English beside them (not those spelled the same).
GLOSSED = [e for e in PAIRED if e["vi"].lower() != e["en"].lower()]


def prose(text):
    """Lower-cased, NFC-normalized text without code, math or link targets, on one line."""
    return " ".join(unicodedata.normalize("NFC", NOT_PROSE.sub(" ", text)).lower().split())


def body(text):
    """``text`` without its heading lines (headings carry no English glosses)."""
    return HEADING_LINE.sub(" ", text)


def uses(text, term):
    return re.search(rf"(?<![\w-]){re.escape(term.lower())}(s|es)?(?![\w-])", text) is not None


def glosses(text, term):
    """Whether ``text`` gives ``term`` in italics in parentheses: "(*warmup*)"."""
    return re.search(rf"\(\*[^*()]*(?<![\w-]){re.escape(term.lower())}(s|es)?(?![\w-])[^*()]*\*\)",
                     text) is not None


def vietnamese_texts():
    """(where, text) of every Vietnamese text: prose cells, code strings, labels, intro."""
    for path in READER_NOTEBOOKS:
        for i, cell in enumerate(load(path)["cells"]):
            if cell["cell_type"] == "markdown" and lang(cell) == ["lang-vi"]:
                yield f"{path.name} cell {i}", prose(source(cell))
            elif cell["cell_type"] == "code":
                for text in code_strings(cell):
                    yield f"{path.name} code cell {i}", unicodedata.normalize("NFC", text).lower()
    for table in (LABELS, HEADERS, _WORDS, WORDS, STUDY_WORDS):
        for word in table["vi"].values():
            yield "d2l_vn labels", word.lower()
    for tag, text in intro_blocks():
        if tag == "lang-vi":
            yield "intro.md", prose(text)


def test_glossary_is_well_formed():
    assert len(GLOSSARY) >= 40
    keys = [e["en"].lower() for e in GLOSSARY]
    assert len(keys) == len(set(keys)), "duplicate English terms"
    for entry in GLOSSARY:
        assert {"en", "vi", "note_en", "note_vi"} <= set(entry), entry
        assert set(entry) <= {"en", "vi", "note_en", "note_vi", "avoid", "match_pairs"}, entry
        assert not any(uses(entry["vi"].lower(), bad) for bad in entry.get("avoid", [])), entry


def test_uses_finds_whole_words_only():
    assert uses("the learning rates decay", "learning rate")
    assert not uses("relearning rate", "learning rate")


def test_glosses_finds_the_english_in_parentheses():
    assert glosses("giai đoạn khởi động (*warmup*) bắt đầu", "warmup")
    assert glosses("định thời tốc độ học (*learning rate scheduling*)", "learning rate")
    assert not glosses("khởi động (warmup)", "warmup")
    assert not glosses("(*warmups and more*) khởi động", "warm")


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_vietnamese_cells_use_the_glossary_terms(path):
    problems = []
    for i, en, vi in pairs(load(path)):
        en_text, vi_text = prose(source(en)), prose(source(vi or {}))
        for entry in PAIRED:
            if uses(en_text, entry["en"]) and not uses(vi_text, entry["vi"]):
                problems.append(f"cell {i}: '{entry['en']}' -> expected '{entry['vi']}' in cell {i + 1}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_first_use_of_a_term_gives_the_english(path):
    pending, problems = {e["en"]: e for e in GLOSSED}, []
    for i, en, vi in pairs(load(path)):
        en_text, vi_text = prose(body(source(en))), prose(body(source(vi or {})))
        for term in [t for t in pending if uses(en_text, t)]:
            if not glosses(vi_text, term):
                problems.append(f"cell {i + 1}: first use of '{pending[term]['vi']}' "
                                f"needs '(*{term}*)'")
            del pending[term]
    assert not problems, "\n".join(problems)


def test_no_vietnamese_text_uses_an_avoided_variant():
    avoided = {bad: e["vi"] for e in GLOSSARY for bad in e.get("avoid", [])}
    problems = [f"{where}: '{bad}' -> '{good}'" for where, text in vietnamese_texts()
                for bad, good in avoided.items() if uses(text, bad)]
    assert not problems, "\n".join(problems)


def test_every_entry_is_used():
    english = [prose(source(en)) for path in CHAPTERS for _, en, _ in pairs(load(path))]
    unused = [e["en"] for e in GLOSSARY if not any(uses(text, e["en"]) for text in english)]
    assert not unused, f"glossary entries no chapter uses (use or drop them): {unused}"


@pytest.mark.parametrize("path", READER_NOTEBOOKS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_vectors_and_matrices_are_bold_italic(path):
    cells = load(path)["cells"]
    found = [i for i, cell in enumerate(cells)
             if cell["cell_type"] == "markdown" and "\\mathbf{" in source(cell)]
    assert not found, f"cells {found}: write vectors and matrices as \\boldsymbol{{x}}, not \\mathbf"
