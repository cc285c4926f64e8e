"""Terminology follows glossary.yml: an English glossary term in a prose cell means the
glossary's Vietnamese term in the paired Vietnamese cell (rule 6 of CONTRIBUTING.md)."""
import re
import unicodedata

import pytest
import yaml

from notebooks import CHAPTERS, ROOT, load, pairs, source

GLOSSARY = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
NOT_PROSE = re.compile(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|\([^)\s]*://[^)]*\)", re.DOTALL)


def prose(text):
    """Lower-cased, NFC-normalized text without code, math or link targets."""
    return unicodedata.normalize("NFC", NOT_PROSE.sub(" ", text)).lower()


def uses(text, term):
    return re.search(rf"(?<![\w-]){re.escape(term.lower())}(s|es)?(?![\w-])", text) is not None


def test_glossary_is_well_formed():
    assert len(GLOSSARY) >= 40
    keys = [e["en"].lower() for e in GLOSSARY]
    assert len(keys) == len(set(keys)), "duplicate English terms"
    for entry in GLOSSARY:
        assert {"en", "vi", "note_en", "note_vi"} <= set(entry), entry


def test_uses_finds_whole_words_only():
    assert uses("the learning rates decay", "learning rate")
    assert not uses("relearning rate", "learning rate")


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_vietnamese_cells_use_the_glossary_terms(path):
    problems = []
    for i, en, vi in pairs(load(path)):
        en_text, vi_text = prose(source(en)), prose(source(vi or {}))
        for entry in GLOSSARY:
            if uses(en_text, entry["en"]) and not uses(vi_text, entry["vi"]):
                problems.append(f"cell {i}: '{entry['en']}' -> expected '{entry['vi']}' in cell {i + 1}")
    assert not problems, "\n".join(problems)
