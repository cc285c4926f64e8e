"""Unit tests of the website's Sphinx extension (_ext/d2l_vn_site) on a small sample book."""
import doctest
import io
import json
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))

pytest.importorskip("myst_nb")
from docutils import nodes  # noqa: E402
from sphinx.application import Sphinx  # noqa: E402
from sphinx.util.docutils import docutils_namespace  # noqa: E402

import d2l_vn_site  # noqa: E402
from d2l_vn_site import (assets, bilingual, explorers, figures, glossary, pages,  # noqa: E402
                         references, solutions, widgets)

WIDGET = {"application/vnd.jupyter.widget-view+json": {"model_id": "x", "version_major": 2,
                                                       "version_minor": 0},
          "text/plain": "interactive(children=(FloatSlider(value=0.1),))"}


def markdown(text, *tags):
    return {"cell_type": "markdown", "metadata": {"tags": list(tags)}, "source": text}


def code(text, outputs=(), *tags):
    return {"cell_type": "code", "execution_count": 1, "metadata": {"tags": list(tags)},
            "outputs": list(outputs), "source": text}


SAMPLE = [
    markdown("# Learning rate\n\nFirst paragraph.\n\n$$\\eta_t = \\eta_0$$\n\n"
             "## Warmup\n\nSecond paragraph.", "lang-en"),
    markdown("# Tốc độ học\n\nĐoạn thứ nhất.\n\n$$\\eta_t = \\eta_0$$\n\n"
             "## Khởi động\n\nĐoạn thứ hai.", "lang-vi"),
    code("print('ok')", [{"output_type": "stream", "name": "stdout", "text": "printed ok\n"},
                         {"output_type": "display_data", "metadata": {}, "data": WIDGET}]),
    markdown("Answer in English.", "lang-en", "solution"),
    markdown("Lời giải tiếng Việt.", "lang-vi", "solution"),
    markdown("Untagged text.", ),
]


def build(tmp_path, cells, glossary_text=None, page=None):
    """Build a sample book with the extension; return (app, warnings)."""
    (tmp_path / "conf.py").write_text(
        "extensions = ['myst_nb', 'sphinx_design', 'sphinx_togglebutton', 'd2l_vn_site']\n"
        "nb_execution_mode = 'off'\nmyst_enable_extensions = ['dollarmath', 'colon_fence']\n"
        "exclude_patterns = ['_build']\n", encoding="utf-8")
    notebook = {"cells": cells, "metadata": {"kernelspec": {"name": "python3",
                "display_name": "Python 3", "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    for number, cell in enumerate(notebook["cells"]):
        cell["id"] = f"cell{number}"
    (tmp_path / "chapter.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    toc = ["chapter"]
    if glossary_text is not None:
        (tmp_path / "glossary.yml").write_text(glossary_text, encoding="utf-8")
    if page is not None:
        (tmp_path / "page.md").write_text(page, encoding="utf-8")
        toc.append("page")
    (tmp_path / "index.md").write_text(
        "# Index\n\n```{toctree}\n" + "\n".join(toc) + "\n```\n", encoding="utf-8")
    warnings = io.StringIO()
    with docutils_namespace():  # several builds in one process, as sphinx.testing does
        app = Sphinx(str(tmp_path), str(tmp_path), str(tmp_path / "_build"),
                     str(tmp_path / "_build" / ".doctrees"), "html", status=None,
                     warning=warnings, freshenv=True)
        app.build()
    return app, warnings.getvalue()


@pytest.mark.parametrize("module", [bilingual, pages, glossary, widgets, assets, explorers, figures,
                                    references, solutions])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_cell_language_refuses_two_languages():
    with pytest.raises(ValueError, match="metadata"):
        bilingual.cell_language({"tags": ["lang-en", "lang-vi"]})


def test_split_bilingual_names_the_argument():
    with pytest.raises(ValueError, match="text"):
        pages.split_bilingual("Glossary")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    app, warnings = build(tmp_path_factory.mktemp("book"), SAMPLE)
    return app, app.env.get_doctree("chapter"), warnings


def test_sample_builds_without_warnings(sample):
    assert sample[2] == ""


def test_vietnamese_headings_merge_into_the_english_sections(sample):
    doctree = sample[1]
    titles = [section[0].astext() for section in doctree.findall(nodes.section)]
    assert titles == ["Learning rate / Tốc độ học", "Warmup / Khởi động"]
    spans = [(span["classes"], span.astext()) for span in doctree.findall(nodes.inline)
             if span["classes"] and span["classes"][0].startswith("lang-")]
    assert (["lang-vi"], "Khởi động") in spans and (["lang-sep"], " / ") in spans


def test_paragraphs_pair_up_before_the_subsection(sample):
    top = next(iter(sample[1].findall(nodes.section)))
    pair = next(child for child in top.children if "lang-pair" in child["classes"])
    marked = [(block["classes"], block.astext()[:8]) for block in pair.children]
    assert marked == [(["lang-en"], "First pa"), (["lang-en"], "\\eta_t ="),
                      (["lang-vi"], "Đoạn thứ"), (["lang-vi"], "\\eta_t =")]
    assert top.index(pair) < top.index(next(top.findall(nodes.section, include_self=False)))


def test_solutions_are_collapsible_and_untagged_cells_unmarked(sample):
    groups = [node for node in sample[1].findall(nodes.container) if "toggle" in node["classes"]]
    assert len(groups) == 1 and "solution-group" in groups[0]["classes"]
    assert "Answer in English" in groups[0].astext() and "Lời giải" in groups[0].astext()
    untagged = next(p for p in sample[1].findall(nodes.paragraph) if p.astext() == "Untagged text.")
    assert not untagged["classes"]


def test_widget_outputs_are_left_off_the_page(sample):
    html = (pathlib.Path(sample[0].outdir) / "chapter.html").read_text(encoding="utf-8")
    assert "printed ok" in html
    assert "FloatSlider" not in html and "widget-view" not in html


def test_glossary_page_shows_every_term(tmp_path):
    entries = "".join(f"- {{en: term {i}, vi: thuật ngữ {i}, note_en: note {i}, "
                      f"note_vi: ghi chú {i}}}\n" for i in range(3))
    page = "# {bi}`Glossary | Thuật ngữ`\n\n```{glossary-table}\n```\n"
    app, warnings = build(tmp_path, SAMPLE[:2], entries, page)
    assert warnings == ""
    html = (pathlib.Path(app.outdir) / "page.html").read_text(encoding="utf-8")
    for i in range(3):
        assert f"thuật ngữ {i}" in html and f'id="term-term-{i}"' in html
        assert f'<p class="lang-vi" lang="vi">ghi chú {i}</p>' in html


def test_bad_glossary_and_bad_role_fail_with_a_clear_message(tmp_path):
    page = "# {bi}`Glossary`\n\n```{glossary-table}\n```\n"
    _, warnings = build(tmp_path, SAMPLE[:2], "- {en: warmup, vi: khởi động}\n", page)
    assert "expected 'English | Tiếng Việt'" in warnings
    assert "glossary-table" in warnings and "lacks ['note_en', 'note_vi']" in warnings


def test_markdown_language_blocks_pair_up(tmp_path):
    page = "# {bi}`Page | Trang`\n\n:::{div} lang-en\nHello.\n:::\n\n:::{div} lang-vi\nChào.\n:::\n"
    app, warnings = build(tmp_path, SAMPLE[:2], page=page)
    assert warnings == ""
    doctree = app.env.get_doctree("page")
    pair = next(node for node in doctree.findall(nodes.container)
                if "lang-pair" in node["classes"])
    assert [child["classes"][:1] for child in pair.children] == [["lang-en"], ["lang-vi"]]


def test_patch_is_idempotent():
    before = d2l_vn_site.MditRenderMixin._get_nb_code_cell_outputs
    d2l_vn_site.patch_myst_nb()
    assert d2l_vn_site.MditRenderMixin._get_nb_code_cell_outputs is before


def test_missing_mathjax_names_the_folder_and_the_fix(tmp_path):
    with pytest.raises(ValueError, match="folder: .*make mathjax"):
        assets.local_mathjax(tmp_path, "_vendor/mathjax")


def test_repeated_inline_scripts_are_dropped_once():
    from sphinx.builders.html._assets import _JavaScript
    body = "const THEBE_JS_URL = 'x'"
    context = {"script_files": [_JavaScript(None, body=body), _JavaScript("a.js"),
                                _JavaScript("", body=body)]}
    assets.unique_scripts(None, "page", "page.html", context, None)
    assert [script.filename for script in context["script_files"]] == [None, "a.js"]
    assert context["default_mode"] == "auto"


def test_headings_of_another_level_are_not_merged(tmp_path):
    cells = [markdown("# Top\n\nText.", "lang-en"), markdown("# Đầu\n\nChữ.", "lang-vi"),
             markdown("## Part\n\nMore.", "lang-en"), markdown("### Phần\n\nThêm.", "lang-vi")]
    app, warnings = build(tmp_path, cells)
    assert warnings == ""
    doctree = app.env.get_doctree("chapter")
    titles = [(section[0]["classes"], section[0].astext())
              for section in doctree.findall(nodes.section)]
    assert titles == [([], "Top / Đầu"), (["lang-en"], "Part"), (["lang-vi"], "Phần")]


def test_explorers_come_right_after_the_tagged_cells(tmp_path):
    cells = [markdown("# Top\n\nText.", "lang-en"), markdown("# Đầu\n\nChữ.", "lang-vi"),
             code("print('figure')", [{"output_type": "stream", "name": "stdout", "text": "fig\n"}],
                  "explorer-schedule"),
             code("print('plain')"),
             code("print('two')", (), "explorer-rectification", "explorer-schedule")]
    app, warnings = build(tmp_path, cells)
    assert warnings == ""
    html = (pathlib.Path(app.outdir) / "chapter.html").read_text(encoding="utf-8")
    order = [html.index(marker) for marker in (
        "print", 'data-explorer="schedule"', "plain", "two", 'data-explorer="rectification"')]
    assert order == sorted(order)
    assert html.count('class="d2l-vn-explorer"') == 3
    assert html.count("d2l-vn-explorer-nojs") == 3 and "JavaScript" in html
    for script in ("d2l_vn_formulas.js", "d2l_vn_chart.js", "d2l_vn_explorers.js"):
        assert f'src="_static/{script}' in html


def test_an_unknown_explorer_is_named_in_a_warning(tmp_path):
    _, warnings = build(tmp_path, [code("print(1)", (), "explorer-spline")])
    assert "explorer-spline: no such explorer" in warnings and "explorer-schedule" in warnings


PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5Er"
       "kJggg==")


def image_cell(*entries, images=1, tags=()):
    cell = code("plot()", [{"output_type": "display_data", "metadata": {},
                            "data": {"image/png": PNG, "text/plain": "<Figure>"}}] * images, *tags)
    if entries:
        cell["metadata"]["d2l_vn_figures"] = list(entries)
    return cell


def test_figures_get_a_number_a_caption_and_alt_text_in_both_languages(tmp_path):
    entry = {"caption": ["Two curves", "Hai đường cong"],
             "alt": ["Loss falls over epochs", "Hàm mất mát giảm dần"]}
    app, warnings = build(tmp_path, SAMPLE[:2] + [image_cell(entry)])
    assert warnings == ""
    html = (pathlib.Path(app.outdir) / "chapter.html").read_text(encoding="utf-8")
    assert 'alt="Hàm mất mát giảm dần" data-alt-vi="Hàm mất mát giảm dần" ' \
           'data-alt-en="Loss falls over epochs"' in html
    assert '<span class="lang-en" lang="en">Figure 1</span>' in html
    assert '<span class="lang-vi" lang="vi">Hình 1</span>' in html
    assert '<span class="lang-en" lang="en">Two curves</span>' in html
    assert 'src="_static/d2l_vn_furniture.js' in html


def test_a_figure_without_words_is_named_in_a_warning(tmp_path):
    _, warnings = build(tmp_path, SAMPLE[:2] + [image_cell()])
    assert "outputs 1 image(s) but lists 0" in warnings
    entry = {"caption": ["Only English"], "alt": ["a", "b"]}
    (tmp_path / "again").mkdir()
    _, warnings = build(tmp_path / "again", SAMPLE[:2] + [image_cell(entry)])
    assert "figure 1 needs 'caption' as [English, Tiếng Việt]" in warnings


def test_a_solution_is_one_collapsed_block_with_its_code(tmp_path):
    cells = [markdown("# Exercises\n\n1. Try.", "lang-en"), markdown("# Bài tập\n\n1. Thử.", "lang-vi"),
             markdown("## Solution to exercise 1\n\nAnswer.", "lang-en", "solution"),
             markdown("## Lời giải bài tập 1\n\nĐáp án.", "lang-vi", "solution"),
             code("print('solution code')", [], "solution"),
             markdown("Reading.", "lang-en", "solution"), markdown("Đọc.", "lang-vi", "solution"),
             markdown("## Solution to exercise 2\n\nSecond.", "lang-en", "solution"),
             markdown("## Lời giải bài tập 2\n\nThứ hai.", "lang-vi", "solution")]
    app, warnings = build(tmp_path, cells)
    assert warnings == ""
    groups = [node for node in app.env.get_doctree("chapter").findall(nodes.container)
              if "toggle" in node["classes"]]
    assert [("solution code" in g.astext(), "Reading." in g.astext(), "Second." in g.astext())
            for g in groups] == [(True, True, False), (False, False, True)]


def test_every_language_block_says_its_language_to_screen_readers(sample):
    page = (pathlib.Path(sample[0].outdir) / "chapter.html").read_text(encoding="utf-8")
    # the article; the theme's menus get theirs from d2l_vn_lang.js
    html = page[page.index('role="main"'):page.index('class="sphinxsidebar"')]
    assert html.count('class="lang-en"') == html.count('class="lang-en" lang="en"') > 0
    assert html.count('class="lang-vi"') == html.count('class="lang-vi" lang="vi"') > 0


def test_mathjax_only_on_pages_with_a_formula(tmp_path):
    page = ("# {bi}`Page | Trang`\n\n:::{div} lang-en\nNo formula here.\n:::\n\n"
            ":::{div} lang-vi\nKhông có công thức.\n:::\n")
    app, warnings = build(tmp_path, SAMPLE[:2], page=page)
    assert warnings == ""
    out = pathlib.Path(app.outdir)
    assert "chtml.js" in (out / "chapter.html").read_text(encoding="utf-8")  # $$\eta_t$$
    assert "chtml.js" not in (out / "page.html").read_text(encoding="utf-8")


def test_the_icon_script_is_taken_off_every_page(tmp_path):
    html = tmp_path / "page.html"
    html.write_text('<head>\n  <script defer src="_static/scripts/fontawesome.js?digest=1"></script>'
                    '\n</head>', encoding="utf-8")

    class App:
        outdir = str(tmp_path)
        builder = type("Builder", (), {"format": "html"})()
    assets.drop_fontawesome_script(App(), None)
    assert html.read_text(encoding="utf-8") == "<head>\n</head>"
