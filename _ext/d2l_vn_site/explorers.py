"""Place the website's JavaScript explorers under the code cells tagged for them.

A code cell tagged ``explorer-schedule`` or ``explorer-rectification`` keeps its input and
its static figure; :class:`PlaceExplorers` inserts after it the container that
``_static/d2l_vn_explorers.js`` fills with controls and a chart. In Jupyter and Colab the tag
does nothing (the notebooks keep their ipywidgets), and without JavaScript the container
only holds a note saying that the figure above is all there is.
"""
import html

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: The explorers that d2l_vn_explorers.js knows, by the name after ``explorer-``.
EXPLORERS = ("schedule", "rectification")
PREFIX = "explorer-"
NO_SCRIPT = ("The interactive explorer of this figure runs here when JavaScript is on; "
             "without it, the figure above is all there is.",
             "Khi JavaScript được bật, công cụ khám phá tương tác của hình này chạy ở đây; "
             "khi tắt, chỉ có hình ở trên.")


def explorer_names(metadata):
    """The explorers that a code cell's metadata asks for, in tag order.

    Parameters
    ----------
    metadata : dict
        Notebook cell metadata; tags ``explorer-<name>`` name explorers.

    Returns
    -------
    list of str
        The names after ``explorer-``, known or not (the caller reports unknown ones).

    Examples
    --------
    >>> explorer_names({"tags": ["hide-input", "explorer-schedule"]})
    ['schedule']
    >>> explorer_names({})
    []
    """
    return [tag[len(PREFIX):] for tag in metadata.get("tags", []) if tag.startswith(PREFIX)]


def explorer_html(name):
    """The container of one explorer, with the note for readers without JavaScript.

    >>> print(explorer_html("schedule").splitlines()[0])
    <div class="d2l-vn-explorer" data-explorer="schedule">
    """
    english, vietnamese = (html.escape(text) for text in NO_SCRIPT)
    return (f'<div class="d2l-vn-explorer" data-explorer="{html.escape(name)}">\n'
            f'<p class="d2l-vn-explorer-nojs"><span class="lang-en">{english}</span>'
            f'<span class="lang-sep"> / </span><span class="lang-vi">{vietnamese}</span></p>\n'
            f'</div>\n')


class PlaceExplorers(SphinxTransform):
    """Insert an explorer container after each code cell tagged ``explorer-<name>``."""

    default_priority = 810

    def apply(self, **kwargs):
        for cell in list(self.document.findall(nodes.container)):
            if cell.get("nb_element") != "cell_code":
                continue
            position = cell.parent.index(cell)
            for name in explorer_names(cell.get("cell_metadata", {})):
                if name not in EXPLORERS:
                    logger.warning(f"{PREFIX}{name}: no such explorer; the tags are "
                                   f"{', '.join(PREFIX + known for known in EXPLORERS)}",
                                   location=cell)
                    continue
                position += 1
                cell.parent.insert(position, nodes.raw("", explorer_html(name), format="html"))
