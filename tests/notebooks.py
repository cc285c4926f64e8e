"""Shared helpers of the notebook tests: find the chapters and read their prose cells."""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
LANG_TAGS = ("lang-en", "lang-vi")
HEADING = re.compile(r"^(#{1,6})\s", re.MULTILINE)
DISPLAY_MATH = re.compile(r"\$\$")


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def source(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def lang(cell):
    """The cell's language tag(s) as a list (a well-formed prose cell has exactly one)."""
    return [t for t in cell.get("metadata", {}).get("tags", []) if t.startswith("lang-")]


def pairs(nb):
    """Yield (index, english cell, vietnamese cell) for every English prose cell."""
    cells = nb["cells"]
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and lang(cell) == ["lang-en"]:
            nxt = cells[i + 1] if i + 1 < len(cells) else None
            yield i, cell, nxt
