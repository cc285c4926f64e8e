"""Figures with words: a numbered caption and alt text in the reader's language.

A code cell that draws lists its figures in its metadata, one entry per image it outputs,
in order (CONTRIBUTING.md)::

    "d2l_vn_figures": [{"caption": ["English caption", "Chú thích tiếng Việt"],
                        "alt": ["What the figure shows", "Hình cho thấy gì"]}]

:class:`CaptionFigures` wraps each image into a numbered figure whose caption holds both
languages as ``lang-en`` / ``lang-vi`` spans (the language switch shows the reader's), and
gives the image its Vietnamese alt text (the page's default language) with the English kept
beside it; on the HTML page :func:`alt_attributes` writes both into ``data-alt-vi`` /
``data-alt-en``, where d2l_vn_furniture.js sets ``alt`` to the reader's language, and
:func:`figure_numbers` writes "Figure 2" and "Hình 2" for the switch.
"""
import html
import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .bilingual import bilingual_title

logger = logging.getLogger(__name__)

KEY = "d2l_vn_figures"
TWIN = "d2l-vn-twin-figure"
#: Joins the two alt texts inside the doctree until :func:`alt_attributes` splits them.
SEPARATOR = " \u2016\u2016 "


def figure_entries(metadata):
    """The checked figure entries of a cell's metadata: ``[(caption, alt), ...]``.

    Each of ``caption`` and ``alt`` is a pair ``(english, vietnamese)`` of non-empty strings.

    >>> figure_entries({KEY: [{"caption": ["A", "B"], "alt": ["C", "D"]}]})
    [(('A', 'B'), ('C', 'D'))]
    >>> figure_entries({})
    []
    """
    entries = []
    for number, entry in enumerate(metadata.get(KEY, []), 1):
        pair = []
        for field in ("caption", "alt"):
            value = entry.get(field) if isinstance(entry, dict) else None
            if not (isinstance(value, list) and len(value) == 2
                    and all(isinstance(text, str) and text.strip() for text in value)):
                raise ValueError(f"{KEY}: figure {number} needs {field!r} as "
                                 f"[English, Tiếng Việt], got {value!r}")
            pair.append(tuple(text.strip() for text in value))
        entries.append(tuple(pair))
    return entries


def caption_figure(image, caption, alt, figure_id, twin=False):
    """Wrap ``image`` (in place) into a figure with a two-language caption; return the figure.

    A ``twin`` (the PyTorch form of an MXNet figure, :mod:`.editions`) is a plain block, which
    Sphinx does not number; :func:`twin_numbers` gives it its MXNet twin's number.
    """
    parent = image.parent
    if isinstance(parent, nodes.reference):  # a linked image: move the link with it
        image = parent
        parent = parent.parent
    if twin:  # a plain block: Sphinx numbers (and wants ids on) every figure node
        figure = nodes.container("", classes=["d2l-vn-figure", TWIN])
        parent.replace(image, figure)
        figure += image
        figure += nodes.paragraph("", "", nodes.inline("", "", *bilingual_title(
            [nodes.Text(caption[0])], [nodes.Text(caption[1])]), classes=["caption-text"]),
            classes=["d2l-vn-twin-caption"])
    else:
        figure = nodes.figure("", ids=[figure_id], classes=["d2l-vn-figure"])
        parent.replace(image, figure)
        figure += image
        figure += nodes.caption("", "", *bilingual_title([nodes.Text(caption[0])],
                                                          [nodes.Text(caption[1])]))
    target = image if isinstance(image, nodes.image) else next(image.findall(nodes.image))
    target["alt"] = alt[1] + SEPARATOR + alt[0]
    return figure


class CaptionFigures(SphinxTransform):
    """Number and caption the images of every code cell that lists them (see module doc)."""

    default_priority = 812

    def apply(self, **kwargs):
        for cell in list(self.document.findall(nodes.container)):
            if cell.get("nb_element") != "cell_code":
                continue
            try:
                entries = figure_entries(cell.get("cell_metadata", {}))
            except ValueError as error:
                logger.warning(str(error), location=cell)
                continue
            images = list(cell.findall(nodes.image))
            if not entries and not images:
                continue
            if len(entries) != len(images):
                logger.warning(f"{KEY}: this cell outputs {len(images)} image(s) but lists "
                               f"{len(entries)} in its metadata: give each a caption and "
                               "alt text", location=cell)
                continue
            for number, (image, (caption, alt)) in enumerate(zip(images, entries), 1):
                caption_figure(image, caption, alt, f"figure-{cell['cell_index']}-{number}",
                               twin=bool(cell.get("cell_metadata", {}).get("d2l_vn_twin")))


_ALT = re.compile(r'alt="([^"]*?)' + re.escape(html.escape(SEPARATOR)) + r'([^"]*)"')


def alt_attributes(body):
    """Split the joined alt texts of :func:`caption_figure` into the page's attributes.

    >>> alt_attributes('<img alt="Hai đường' + SEPARATOR + 'Two curves" src="a.svg">')
    '<img alt="Hai đường" data-alt-vi="Hai đường" data-alt-en="Two curves" src="a.svg">'
    """
    return _ALT.sub(lambda m: f'alt="{m.group(1)}" data-alt-vi="{m.group(1)}" '
                              f'data-alt-en="{m.group(2)}"', body)


def number_figures(app, config):
    """``config-inited`` handler: Sphinx numbers the figures as "Hình %s" (see below)."""
    config.numfig = True
    config.numfig_format = {**(config.numfig_format or {}), "figure": "Hình %s"}


_NUMBER = re.compile(r'<span class="caption-number">Hình ([0-9.]+) </span>')
_NUMBER_OR_TWIN = re.compile(r'<span class="caption-number">Hình ([0-9.]+) </span>'
                             rf'|(<div class="[^"]*{TWIN}[^"]*"[^>]*>.*?<p class="d2l-vn-twin-caption">)', re.DOTALL)


def twin_numbers(body):
    """Give each twin figure the number of the figure before it (its MXNet form).

    >>> twin_numbers('<span class="caption-number">Hình 3 </span>'
    ...              f'<div class="d2l-vn-figure {TWIN}"><img/><p class="d2l-vn-twin-caption">x')
    ... # doctest: +ELLIPSIS
    '...<p class="d2l-vn-twin-caption"><span class="caption-number">Hình 3 </span>x'
    """
    last = []

    def replace(match):
        if match.group(1):
            last[:] = [match.group(1)]
            return match.group(0)
        if not last:
            return match.group(0)
        return f'{match.group(2)}<span class="caption-number">Hình {last[0]} </span>'
    return _NUMBER_OR_TWIN.sub(replace, body)


def figure_numbers(body):
    """Write each figure's number in both languages, for the language switch.

    >>> figure_numbers(  # doctest: +NORMALIZE_WHITESPACE
    ...     '<span class="caption-number">Hình 2 </span>')
    '<span class="caption-number"><span class="lang-en" lang="en">Figure 2</span><span
    class="lang-sep"> / </span><span class="lang-vi" lang="vi">Hình 2</span>: </span>'
    """
    return _NUMBER.sub(lambda m: (
        '<span class="caption-number">'
        f'<span class="lang-en" lang="en">Figure {m.group(1)}</span>'
        '<span class="lang-sep"> / </span>'
        f'<span class="lang-vi" lang="vi">Hình {m.group(1)}</span>: </span>'), body)


def mark_figures(app, pagename, templatename, context, doctree):
    """``html-page-context`` handler: both alt texts and both numbers on the page's body."""
    if "body" in context:
        context["body"] = figure_numbers(twin_numbers(alt_attributes(context["body"])))
