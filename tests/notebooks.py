"""Shared helpers of the notebook tests: find the chapters and read their prose cells."""
import io
import json
import pathlib
import re
import tokenize

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
#: The PyTorch editions, generated from the chapters by tools/editions.py.
TORCH_EDITIONS = sorted((ROOT / "chapters" / "torch").glob("*.ipynb"))
#: Every notebook a reader reads: the prose checks run on each.
READER_NOTEBOOKS = CHAPTERS + TORCH_EDITIONS
LANG_TAGS = ("lang-en", "lang-vi")
HEADING = re.compile(r"^(#{1,6})\s", re.MULTILINE)
DISPLAY_MATH = re.compile(r"\$\$")
#: Code spans and blocks, math and link targets: what prose checks leave out.
NOT_PROSE = re.compile(r"```.*?```|`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|\([^)\s]*://[^)]*\)", re.DOTALL)
INTRO = ROOT / "intro.md"
_INTRO_BLOCK = re.compile(r"^:::\{div\} (lang-en|lang-vi)\n(.*?)^:::$", re.MULTILINE | re.DOTALL)


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


def intro_blocks():
    """(tag, text) of every language block (``:::{div} lang-vi``) of intro.md."""
    return _INTRO_BLOCK.findall(INTRO.read_text(encoding="utf-8"))


def code_strings(cell):
    """The string literals of a code cell: the words its figures, tables and prints show."""
    code = "\n".join(line for line in source(cell).splitlines()
                     if not line.lstrip().startswith(("%", "!")))  # IPython magics
    kinds = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", tokenize.STRING)}
    return [tok.string for tok in tokenize.generate_tokens(io.StringIO(code + "\n").readline)
            if tok.type in kinds]
