"""Bilingual markup for the Markdown pages (landing page, glossary, bibliography).

* The role ``{bi}`English | Tiếng Việt``` writes a two-language phrase, e.g. in a heading:
  ``# {bi}`Glossary | Thuật ngữ```. It gives the same spans as a merged notebook heading.
* :class:`PairLanguageBlocks` wraps a block marked ``lang-en`` that is directly followed by
  one marked ``lang-vi`` (e.g. two ``:::{div}`` blocks) into a ``lang-pair`` container, so the
  pages lay out like the chapters.
"""
from docutils import nodes
from sphinx.transforms import SphinxTransform

from .bilingual import bilingual_title


def split_bilingual(text):
    """Split ``"English | Tiếng Việt"`` into its two halves.

    Parameters
    ----------
    text : str
        Exactly one ``|`` separates the English phrase from the Vietnamese one.

    Returns
    -------
    tuple of str
        ``(english, vietnamese)``, stripped.

    Raises
    ------
    ValueError
        If ``text`` does not hold exactly one ``|`` or one side is empty.

    Examples
    --------
    >>> split_bilingual("Glossary | Thuật ngữ")
    ('Glossary', 'Thuật ngữ')
    """
    parts = [part.strip() for part in text.split("|")]
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"text: expected 'English | Tiếng Việt', got {text!r}")
    return parts[0], parts[1]


def bilingual_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The ``bi`` role: ``{bi}`English | Tiếng Việt``` as language spans."""
    try:
        english, vietnamese = split_bilingual(text)
    except ValueError as error:
        message = inliner.reporter.error(f"{{{name}}}: {error}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return bilingual_title([nodes.Text(english)], [nodes.Text(vietnamese)]), []


class PairLanguageBlocks(SphinxTransform):
    """Wrap each ``lang-en`` block directly followed by a ``lang-vi`` block into a pair."""

    default_priority = 800

    def apply(self, **kwargs):
        for english in list(self.document.findall(nodes.Element)):
            parent = english.parent
            if "lang-en" not in english["classes"] or parent is None \
                    or "lang-pair" in parent["classes"] or isinstance(english, nodes.inline):
                continue
            index = parent.index(english)
            following = parent.children[index + 1:index + 2]
            if following and isinstance(following[0], nodes.Element) \
                    and "lang-vi" in following[0]["classes"]:
                vietnamese = following[0]
                parent.remove(english)
                parent.remove(vietnamese)
                parent.insert(index, nodes.container("", english, vietnamese,
                                                     classes=["lang-pair"]))
