"""Bibliography labels that a reader can read: "Goyal et al., 2017" instead of "[GDollarG+17]".

pybtex's default ``alpha`` labels are initials and a two-digit year, and garble accented names
(``Doll{\\'a}r`` becomes "Dollar" inside the label). :class:`AuthorYearLabels` writes the first
author's surname, "et al." for three or more authors, "and" for two, and the year; the style
``d2l_vn`` (set as ``bibtex_default_style``) is pybtex's ``unsrt`` with these labels.
"""
from pybtex.plugin import register_plugin
from pybtex.richtext import Text
from pybtex.style.formatting.unsrt import Style as Unsrt
from pybtex.style.labels import BaseLabelStyle


def surname(person):
    """A person's last name as plain text, LaTeX accents resolved (``Doll{\\'a}r`` -> Dollár)."""
    return Text(*person.rich_last_names).render_as("text")


def author_year(entry):
    """The label of one entry.

    >>> from pybtex.database import Entry, Person
    >>> e = Entry("article", fields={"year": "2017"},
    ...           persons={"author": [Person("Goyal, Priya"), Person("Doll{\\\\'a}r, Piotr"),
    ...                               Person("Girshick, Ross")]})
    >>> author_year(e)
    'Goyal et al., 2017'
    >>> e.persons["author"] = e.persons["author"][1:2]
    >>> author_year(e)
    'Dollár, 2017'
    """
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if not people:
        raise ValueError(f"bibliography: entry {entry.key!r} has no author or editor")
    names = [surname(person) for person in people]
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} and {names[1]}"
    else:
        who = f"{names[0]} et al."
    return f"{who}, {entry.fields.get('year', 'n.d.')}"


class AuthorYearLabels(BaseLabelStyle):
    """pybtex label style: :func:`author_year` for every entry."""

    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            yield author_year(entry)


class Style(Unsrt):
    """pybtex's ``unsrt`` formatting with author-year labels."""

    default_label_style = "d2l_vn_author_year"


def register():
    """Make the label style and the formatting style known to pybtex (idempotent)."""
    register_plugin("pybtex.style.labels", "d2l_vn_author_year", AuthorYearLabels, force=True)
    register_plugin("pybtex.style.formatting", "d2l_vn", Style, force=True)
