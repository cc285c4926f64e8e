"""The ``glossary-table`` directive: the glossary page, rendered from ``glossary.yml``.

``glossary.yml`` stays the single source of the course's terms; the page is a table with
the English term, the Vietnamese term and a short note in each language, sorted by the
English term, each row with the anchor ``term-<english-term-slug>``.
"""
import pathlib

import yaml
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .bilingual import bilingual_title

KEYS = ("en", "vi", "note_en", "note_vi")


def load_glossary(path):
    """Read and check a glossary file, sorted by English term.

    Parameters
    ----------
    path : str or pathlib.Path
        A YAML list of mappings with the keys ``en``, ``vi``, ``note_en``, ``note_vi``.

    Returns
    -------
    list of dict
        The entries, sorted case-insensitively by ``en``.

    Raises
    ------
    ValueError
        If ``path`` is not such a list, an entry lacks a key, or an English term repeats.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False) as f:
    ...     _ = f.write("- {en: warmup, vi: khởi động, note_en: a, note_vi: b}\\n")
    >>> [entry["vi"] for entry in load_glossary(f.name)]
    ['khởi động']
    """
    entries = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"path: {path} must hold a non-empty YAML list of terms")
    for number, entry in enumerate(entries, 1):
        missing = [key for key in KEYS if not isinstance(entry, dict) or not entry.get(key)]
        if missing:
            raise ValueError(f"path: entry {number} of {path} lacks {missing}")
    terms = [entry["en"].lower() for entry in entries]
    repeated = sorted({term for term in terms if terms.count(term) > 1})
    if repeated:
        raise ValueError(f"path: {path} repeats the English terms {repeated}")
    return sorted(entries, key=lambda entry: entry["en"].lower())


def term_anchor(term):
    """The HTML id of a glossary row.

    >>> term_anchor("Learning rate (LR)")
    'term-learning-rate-lr'
    """
    return "term-" + nodes.make_id(term)


def _cell(*children):
    return nodes.entry("", *children)


def _row(*cells, ids=()):
    return nodes.row("", *cells, ids=list(ids))


class GlossaryTable(SphinxDirective):
    """``{glossary-table}`` with the option ``:source:`` (default ``glossary.yml``)."""

    option_spec = {"source": directives.unchanged}

    def run(self):
        source = self.env.relfn2path("/" + self.options.get("source", "glossary.yml"))[1]
        self.env.note_dependency(source)
        try:
            entries = load_glossary(source)
        except (OSError, ValueError) as error:
            raise self.error(f"glossary-table: {error}") from error
        header = _row(*[_cell(nodes.paragraph("", "", *bilingual_title(
            [nodes.Text(en)], [nodes.Text(vi)]))) for en, vi in (
            ("English term", "Thuật ngữ tiếng Anh"),
            ("Vietnamese term", "Thuật ngữ tiếng Việt"),
            ("Note", "Ghi chú"))])
        body = [_row(_cell(nodes.paragraph("", "", nodes.strong(text=entry["en"]))),
                     _cell(nodes.paragraph("", "", nodes.strong(text=entry["vi"]))),
                     _cell(nodes.paragraph(text=entry["note_en"], classes=["lang-en"]),
                           nodes.paragraph(text=entry["note_vi"], classes=["lang-vi"])),
                     ids=[term_anchor(entry["en"])])
                for entry in entries]
        group = nodes.tgroup("", cols=3)
        group += [nodes.colspec(colwidth=width) for width in (25, 25, 50)]
        group += nodes.thead("", header)
        group += nodes.tbody("", *body)
        return [nodes.table("", group, classes=["d2l-vn-glossary"])]
