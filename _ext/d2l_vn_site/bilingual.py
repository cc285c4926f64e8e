"""Mark every block of a bilingual notebook with its language, for the website's switch.

A chapter's markdown cells carry the tag ``lang-en`` or ``lang-vi`` (CONTRIBUTING.md), but
myst-nb renders a markdown cell without its metadata. :func:`render_nb_cell_markdown`
replaces myst-nb's pass-through renderer (``MditRenderMixin.render_nb_cell_markdown``) and

* puts the blocks of an English cell and of the Vietnamese cell after it into one
  ``container`` with the class ``lang-pair`` (CSS sets paragraph beside paragraph), each block
  with the class of its language;
* gives a heading of an English cell the class ``lang-en`` on its section title only, and
  merges the heading at the same place and level of the Vietnamese twin into that title, as
  ``English / Tiếng Việt`` spans (:func:`bilingual_title`): one section, one TOC entry;
* adds the class ``solution`` to the pairs of cells tagged ``solution`` (:mod:`.solutions`
  collapses each solution into one block).

Cells without a language tag render as before. On the HTML page, :func:`mark_languages` gives
every marked block its ``lang`` attribute.
"""
from __future__ import annotations

import dataclasses
import re

from docutils import nodes

from .editions import framework_of

LANGUAGES = ("lang-en", "lang-vi")
#: Blocks that must stay where myst puts them (a label must sit right before its section).
UNWRAPPED_TOKENS = ("myst_target", "myst_line_comment")


def cell_language(metadata):
    """The language tag of a cell's metadata, or ``None``.

    Parameters
    ----------
    metadata : dict
        Notebook cell metadata; its ``tags`` list may hold ``lang-en`` or ``lang-vi``.

    Returns
    -------
    str or None
        The one language tag, or ``None`` when there is none.

    Raises
    ------
    ValueError
        If ``metadata`` carries both language tags.

    Examples
    --------
    >>> cell_language({"tags": ["lang-vi", "solution"]})
    'lang-vi'
    >>> cell_language({}) is None
    True
    """
    found = [tag for tag in metadata.get("tags", []) if tag in LANGUAGES]
    if len(found) > 1:
        raise ValueError(f"metadata: a cell has one language tag, got {found}")
    return found[0] if found else None


def bilingual_title(english, vietnamese):
    """Inline nodes for a two-language title: ``English / Tiếng Việt``.

    Parameters
    ----------
    english, vietnamese : list of docutils.nodes.Node
        The inline content of each language's heading.

    Returns
    -------
    list of docutils.nodes.inline
        Spans with the classes ``lang-en``, ``lang-sep`` and ``lang-vi``.

    Examples
    --------
    >>> spans = bilingual_title([nodes.Text("Glossary")], [nodes.Text("Thuật ngữ")])
    >>> [(s["classes"][0], s.astext()) for s in spans]
    [('lang-en', 'Glossary'), ('lang-sep', ' / '), ('lang-vi', 'Thuật ngữ')]
    """
    return [nodes.inline("", "", *english, classes=["lang-en"]),
            nodes.inline("", " / ", classes=["lang-sep"]),
            nodes.inline("", "", *vietnamese, classes=["lang-vi"])]


@dataclasses.dataclass
class Segment:
    """A run of an English cell: the section it fills and the pair container of its blocks."""

    level: int | None
    section: nodes.Element
    pair: nodes.container | None = None


def insert_body(section, block):
    """Put ``block`` after the body of ``section`` but before its subsections (docutils order)."""
    for index, child in enumerate(section.children):
        if isinstance(child, nodes.section):
            section.insert(index, block)
            return
    section.append(block)


def _heading_level(renderer, token):
    return int(token.tag[1]) + getattr(renderer, "_heading_offset", 0)


def _render_block(renderer, token, segment, language, solution, framework=None):
    """Render one non-heading block of a cell into its segment's pair container.

    ``framework`` (``fw-mxnet`` / ``fw-torch``, :mod:`.editions`) marks a block that only one
    edition of the chapter has, and its pair.
    """
    if token.type in UNWRAPPED_TOKENS:
        renderer.rules[f"render_{token.type}"](token)
        return
    if segment.pair is None:
        classes = ["lang-pair"] + (["solution"] if solution else []) + ([framework] if framework else [])
        segment.pair = nodes.container(classes=classes)
        insert_body(segment.section, segment.pair)
    start = len(segment.pair.children)
    with renderer.current_node_context(segment.pair):
        renderer.render_children(_Wrapper(token))
    for block in segment.pair.children[start:]:
        if isinstance(block, nodes.Element):
            block["classes"].extend([language] + ([framework] if framework else []))


class _Wrapper:
    """A stand-in parent so that ``render_children`` renders exactly one token."""

    def __init__(self, token):
        self.children = [token]


def _render_heading(renderer, token, language):
    """Render a heading normally; return its section (``None`` when myst made a rubric)."""
    parent = renderer.current_node
    start = len(parent.children)
    renderer.render_children(_Wrapper(token))
    section = renderer.current_node
    if section is parent or not isinstance(section, nodes.section):
        for node in parent.children[start:]:
            if isinstance(node, nodes.Element):
                node["classes"].append(language)
        return None
    section[0]["classes"].append(language)
    return section


def _merge_heading(renderer, token, segment):
    """Render a Vietnamese heading into the title of its English twin's section."""
    holder = nodes.inline()
    with renderer.current_node_context(holder):
        renderer.render_children(token)
    title = segment.section[0]
    english = list(title.children)
    del title[:]
    title.extend(bilingual_title(english, list(holder.children)))
    title["classes"].remove("lang-en")
    renderer.current_node = segment.section


def render_nb_cell_markdown(self, token):
    """Render a markdown cell, marking its blocks with the cell's language (see module doc)."""
    metadata = token.meta["metadata"]
    language = cell_language(metadata)
    if language is None:
        self.render_children(token)
        return
    solution = "solution" in metadata.get("tags", [])
    english = getattr(self, "_d2l_vn_english", None)
    self._d2l_vn_english = None
    twin_of_english = (language == "lang-vi" and english is not None
                       and english[0] == token.meta["index"] - 1)
    segments = english[1] if twin_of_english else [Segment(None, self.current_node)]
    position, merging = 0, twin_of_english
    for child in token.children or []:
        if child.type != "heading":
            _render_block(self, child, segments[position], language, solution, framework_of(metadata))
            continue
        level = _heading_level(self, child)
        twin = segments[position + 1] if merging and position + 1 < len(segments) else None
        if twin is not None and twin.level == level:
            _merge_heading(self, child, twin)
            position += 1
            continue
        merging = False
        section = _render_heading(self, child, language)
        if section is not None:
            segments = segments[:position + 1] + [Segment(level, section)]
            position += 1
    if merging and segments[-1].level is not None:
        # a Vietnamese cell with fewer headings: go on after the English cell's last section
        self.current_node = segments[-1].section
    if language == "lang-en":
        self._d2l_vn_english = (token.meta["index"], segments)


_START_TAG = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*?\bclass="([^"]*)"[^<>]*)>')


def with_lang_attributes(html):
    """Give every element of class ``lang-en`` / ``lang-vi`` its ``lang`` attribute.

    Screen readers pick their pronunciation from ``lang``; the page itself says ``vi`` (or
    ``en`` in English mode, d2l_vn_lang.js), so the blocks of the other language need their own.

    >>> with_lang_attributes('<p class="lang-en">Hi</p><span class="x lang-vi">Chào</span>')
    '<p class="lang-en" lang="en">Hi</p><span class="x lang-vi" lang="vi">Chào</span>'
    >>> with_lang_attributes('<p class="lang-en" lang="en">Hi</p>')
    '<p class="lang-en" lang="en">Hi</p>'
    """
    def mark(match):
        classes = match.group(3).split()
        language = "en" if "lang-en" in classes else "vi" if "lang-vi" in classes else None
        if language is None or re.search(r'\slang=', match.group(2)):
            return match.group(0)
        return f'<{match.group(1)}{match.group(2)} lang="{language}">'
    return _START_TAG.sub(mark, html)


def mark_languages(app, pagename, templatename, context, doctree):
    """``html-page-context`` handler: :func:`with_lang_attributes` on the page's body."""
    if "body" in context:
        context["body"] = with_lang_attributes(context["body"])
