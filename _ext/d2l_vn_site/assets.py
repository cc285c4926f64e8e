"""Assets of the website: MathJax served by the site itself and only where a page has a
formula, no icon script, and a clean browser console.

``make mathjax`` unpacks the npm package ``mathjax`` into a git-ignored folder (by default
``_vendor/mathjax``). With ``d2l_vn_mathjax_dir`` set, :func:`use_local_mathjax` adds that
folder's parent to ``html_static_path`` (the build copies it to ``_static/mathjax``) and stops
the build with a clear message when ``tex-chtml.js`` is missing.
"""
import pathlib
import re

from docutils import nodes
from sphinx.errors import ConfigError


def local_mathjax(confdir, folder):
    """The static path to add and the ``mathjax_path`` for a local MathJax folder.

    Parameters
    ----------
    confdir : str or pathlib.Path
        The book's root.
    folder : str
        The MathJax folder relative to ``confdir``, holding ``tex-chtml.js``.

    Returns
    -------
    tuple of (str, str)
        The folder's parent (absolute) and the script's path relative to ``_static``.

    Raises
    ------
    ValueError
        If ``folder`` has no ``tex-chtml.js``.

    Examples
    --------
    >>> import tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "_vendor" / "mathjax").mkdir(parents=True)
    >>> (root / "_vendor" / "mathjax" / "tex-chtml.js").touch()
    >>> local_mathjax(root, "_vendor/mathjax")[1]
    'mathjax/tex-chtml.js'
    """
    path = pathlib.Path(confdir, folder)
    if not (path / "tex-chtml.js").is_file():
        raise ValueError(f"folder: no MathJax in {path} (tex-chtml.js missing): "
                         "run `make mathjax` to fetch it from the npm registry")
    return str(path.parent.resolve()), f"{path.name}/tex-chtml.js"


def use_local_mathjax(app, config):
    """``config-inited`` handler: point ``mathjax_path`` at the local copy."""
    if not config.d2l_vn_mathjax_dir:
        return
    try:
        static, script = local_mathjax(app.confdir, config.d2l_vn_mathjax_dir)
    except ValueError as error:
        raise ConfigError(str(error)) from error
    config.html_static_path = [*config.html_static_path, static]
    config.mathjax_path = script


def unique_scripts(app, pagename, templatename, context, doctree):
    """``html-page-context`` handler: a clean browser console.

    Drops repeated ``<script>`` entries and sets the theme's colour mode.

    sphinx-thebe 0.3.1 registers its inline configuration twice (once with the file name
    ``None``, once ``""``), which the browser rejects: "Identifier 'THEBE_JS_URL' has already
    been declared".
    """
    seen, kept = set(), []
    for script in context.get("script_files", []):
        key = (getattr(script, "filename", script) or "",
               tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    context["script_files"] = kept
    # pydata-sphinx-theme logs a console error ("invalid theme mode") on a first visit when
    # no colour mode is set; say "auto" (follow the reader's system) explicitly.
    context["default_mode"] = context.get("default_mode") or "auto"


def is_mathjax(script):
    """Whether a page's script entry is MathJax or its configuration."""
    filename = str(getattr(script, "filename", script) or "")
    body = str(getattr(script, "attributes", {}).get("body", ""))
    path = filename.split("?")[0].lower()
    return ("mathjax" in path or path.endswith("chtml.js")
            or body.lstrip().startswith("window.MathJax"))


def has_math(doctree):
    """Whether the page itself holds a formula (Sphinx asks its toctree's children too)."""
    return doctree is not None and any(True for _ in doctree.findall(
        lambda node: isinstance(node, (nodes.math, nodes.math_block))))


def mathjax_where_needed(app, pagename, templatename, context, doctree):
    """``html-page-context`` handler: no MathJax (1.1 MB) on a page without a formula.

    Sphinx loads it on a page whose toctree includes pages with math, e.g. the landing page.
    """
    if not has_math(doctree):
        context["script_files"] = [s for s in context.get("script_files", []) if not is_mathjax(s)]


#: The theme's icons come from its CSS and web fonts; this 1.5 MB script only redraws them as SVG.
FONTAWESOME_SCRIPT = re.compile(
    r'\s*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>')


def drop_fontawesome_script(app, exception):
    """``build-finished`` handler: take pydata-sphinx-theme's fontawesome.js off every page."""
    if exception is not None or app.builder.format != "html":
        return
    for page in pathlib.Path(app.outdir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        lighter = FONTAWESOME_SCRIPT.sub("", text)
        if lighter != text:
            page.write_text(lighter, encoding="utf-8")
