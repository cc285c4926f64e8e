"""Sphinx extension of the course website (registered in ``_config.yml``).

It marks the chapters' English and Vietnamese blocks for the language switch
(:mod:`.bilingual`), adds the ``bi`` role and block pairing of the Markdown pages
(:mod:`.pages`), the ``glossary-table`` directive (:mod:`.glossary`), author-year bibliography
labels (:mod:`.references`), one collapsed block per solution (:mod:`.solutions`), numbered
figures with captions and alt text in both languages (:mod:`.figures`), both editions of a
chapter on one page (:mod:`.editions`, the notebook reader named in _config.yml); it serves MathJax
locally and only on pages with formulas, without the theme's icon script (:mod:`.assets`),
leaves widget outputs off the site (:mod:`.widgets`), places the JavaScript explorers under
the cells tagged for them (:mod:`.explorers`) and loads the switch's, the furniture's and the
explorers' CSS and JavaScript and the phone layout (``_static/d2l_vn_*``).
"""
from myst_nb.core.render import MditRenderMixin

from . import (assets, bilingual, editions, explorers, figures, glossary, pages, references,  # noqa: F401
               solutions, widgets)


def patch_myst_nb():
    """Install the two myst-nb overrides (idempotent): language marks and widget filter."""
    MditRenderMixin.render_nb_cell_markdown = bilingual.render_nb_cell_markdown
    if not getattr(MditRenderMixin._get_nb_code_cell_outputs, "d2l_vn", False):
        wrapped = widgets.without_widgets(MditRenderMixin._get_nb_code_cell_outputs)
        wrapped.d2l_vn = True
        MditRenderMixin._get_nb_code_cell_outputs = wrapped


def setup(app):
    references.register()  # before sphinxcontrib-bibtex reads bibtex_default_style
    app.setup_extension("myst_nb")
    patch_myst_nb()
    app.add_config_value("d2l_vn_mathjax_dir", None, "env", [str])
    app.connect("config-inited", assets.use_local_mathjax, priority=900)
    app.connect("config-inited", figures.number_figures)
    app.connect("html-page-context", assets.unique_scripts, priority=900)
    app.connect("html-page-context", assets.mathjax_where_needed, priority=901)
    app.connect("build-finished", assets.drop_fontawesome_script)
    app.connect("html-page-context", bilingual.mark_languages)
    app.connect("html-page-context", figures.mark_figures)
    app.add_role("bi", pages.bilingual_role)
    app.add_transform(pages.PairLanguageBlocks)
    app.add_transform(explorers.PlaceExplorers)
    app.add_transform(solutions.GroupSolutions)
    app.add_transform(figures.CaptionFigures)
    app.add_directive("glossary-table", glossary.GlossaryTable)
    app.add_css_file("d2l_vn_lang.css")
    app.add_js_file("d2l_vn_lang.js")
    app.add_css_file("d2l_vn_explorers.css")
    app.add_css_file("d2l_vn_layout.css")
    for script in ("d2l_vn_frameworks.js", "d2l_vn_furniture.js", "d2l_vn_formulas.js", "d2l_vn_chart.js",
                   "d2l_vn_explorers.js", "d2l_vn_layout.js"):
        app.add_js_file(script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
