"""Short lines for the reader, in Vietnamese, English or both.

In a notebook a line is shown as HTML whose parts carry the classes ``lang-vi`` and
``lang-en``, so the website's VI / EN buttons switch it like the prose; elsewhere it is
printed as text. ``lang`` is the chapters' ``LANG``: ``'vi'``, ``'en'`` or ``'both'``.
"""
import html

__all__ = ["caption_text", "caption_html", "show_caption", "bilingual"]

LANGS = ("vi", "en", "both")


def _check(lang):
    if lang not in LANGS:
        raise ValueError(f"lang must be 'vi', 'en' or 'both', got {lang!r}")


def caption_text(en, vi, lang="both"):
    """The line as plain text: ``vi``, ``en``, or ``"vi / en"`` for ``'both'``."""
    _check(lang)
    return {"vi": vi, "en": en, "both": f"{vi} / {en}"}[lang]


def bilingual(vi, en, lang="both"):
    """A figure's title or label in the reader's language: ``"vi / en"``, ``vi`` or ``en``.

    >>> bilingual("tốc độ học", "learning rate", "en")
    'learning rate'
    """
    return caption_text(en, vi, lang)


def caption_html(en, vi, lang="both"):
    """The line as one HTML paragraph with a ``lang-vi`` and a ``lang-en`` part."""
    _check(lang)
    parts = []
    if lang in ("vi", "both"):
        parts.append(f'<span class="lang-vi" lang="vi">{html.escape(vi)}</span>')
    if lang == "both":
        parts.append('<span class="lang-sep"> / </span>')
    if lang in ("en", "both"):
        parts.append(f'<span class="lang-en" lang="en">{html.escape(en)}</span>')
    return f'<p class="d2l-vn-caption">{"".join(parts)}</p>'


class _Caption:
    """Rendered as HTML by Jupyter, as text elsewhere."""

    def __init__(self, en, vi, lang):
        self.en, self.vi, self.lang = en, vi, lang

    def _repr_html_(self):
        return caption_html(self.en, self.vi, self.lang)

    def __repr__(self):
        return caption_text(self.en, self.vi, self.lang)


def _in_notebook():
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and hasattr(shell, "kernel")


def show_caption(en, vi, lang="both", handle=None):
    """Show the line; return a handle that :func:`show_caption` can update in place.

    In a notebook the line is a display that ``handle=`` replaces (a line that says
    "training..." becomes "trained in 48 s"); as text it is printed again.
    """
    caption = _Caption(en, vi, lang)
    if not _in_notebook():
        print(repr(caption))
        return None
    from IPython.display import display
    if handle is not None:
        handle.update(caption)
        return handle
    return display(caption, display_id=True)
