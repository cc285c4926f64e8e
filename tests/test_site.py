"""The built website in a real browser: headless Chromium (Debian's chromium, chromium-driver).

Serves _build/html (built by `make book`) on 127.0.0.1 and checks that every chapter loads
without console errors and without the internet, typesets its math (no raw TeX left) and
loads its figures, that the glossary page lists every term, and that the language switch
hides and shows the right text and survives a reload and a change of page, that ?lang= links
choose the language, that no page scrolls sideways at phone width, and that the schedule and
rectification explorers respond to their controls and compute what d2l_vn computes, that the
theme's furniture (search, buttons, tooltips, previous / next, toggles, tab title) speaks the
chosen language, that every figure has a number, a caption and alt text in both languages, that
every language block carries its lang attribute, and that the header fits at 390, 800 and
1366 px. It saves one chapter's screenshot per language mode, the explorers', the header at
each width and a figure at phone width under _build/screenshots/. It installs nothing: without
the browser, its driver or the built site it is skipped with a message saying what is missing.
"""
import pathlib
import re

import pytest
import yaml

from site_browser import (CHAPTERS, ROOT, SCREENSHOTS, browser, choose, open_page,  # noqa: F401
                          server, severe_console_errors, start_chromium, visible)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_loads_cleanly_with_math_and_figures(browser, server, chapter):
    open_page(browser, f"{server}/{chapter}.html")
    assert severe_console_errors(browser) == []
    assert browser.find_elements("css selector", "h1 .lang-vi"), "no bilingual title"
    math = browser.find_elements("css selector", "div.math, span.math")
    typeset = browser.find_elements("css selector", "mjx-container")
    assert len(typeset) >= len(math), f"{len(math)} formulas, {len(typeset)} typeset"
    script = browser.execute_script(
        "const s = document.querySelector('script[src*=\"tex-chtml\"]'); return s && s.src;")
    assert not math or script.startswith(server), f"MathJax comes from {script}, not the site"
    sizes = browser.execute_script(
        "return Array.from(document.querySelectorAll('article img'), i => [i.src, i.naturalWidth]);")
    assert [src for src, width in sizes if not width] == [], "figures that did not load"
    fetched = browser.execute_script(
        "return performance.getEntriesByType('resource').map(r => r.name);")
    assert [url for url in fetched if not url.startswith(server)] == [], "needs the internet"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_untypeset_tex_is_left_in_the_prose(browser, server, chapter):
    """A stray ``$`` in a paragraph means MyST did not parse a formula (e.g. ``$$`` inside a
    paragraph instead of on lines of its own): the reader would see raw TeX."""
    open_page(browser, f"{server}/{chapter}.html")
    stray = browser.execute_script(
        "return Array.from(document.querySelectorAll('article p'))"
        "  .filter(e => !e.closest('pre, code, .cell_output, .output'))"
        "  .map(e => { const c = e.cloneNode(true);"
        "    c.querySelectorAll('code, mjx-container, .math').forEach(m => m.remove());"
        "    return c.textContent; })"
        "  .filter(t => t.includes('$'))"
        "  .map(t => t.slice(Math.max(0, t.indexOf('$') - 40), t.indexOf('$') + 40));")
    assert stray == [], f"raw TeX in {chapter}: {stray}"


def test_every_chapter_has_math_and_figures(browser, server):
    """The checks above are not vacuous: the course as a whole typesets math and shows figures."""
    counts = []
    for chapter in CHAPTERS:
        open_page(browser, f"{server}/{chapter}.html")
        counts.append((len(browser.find_elements("css selector", "mjx-container")),
                       len(browser.find_elements("css selector", "article img"))))
    assert sum(c[0] for c in counts) > 0 and sum(c[1] for c in counts) > 0, counts


def test_language_switch_hides_shows_and_persists(browser, server):
    first, second = (f"{server}/{chapter}.html" for chapter in (CHAPTERS + CHAPTERS)[:2])
    open_page(browser, first)
    browser.execute_script("localStorage.clear();")
    open_page(browser, first)
    assert browser.execute_script("return document.documentElement.dataset.lang") == "vi"
    assert visible(browser, "h1 .lang-vi") and not visible(browser, "h1 .lang-en")
    assert not visible(browser, ".lang-pair > .lang-en")

    choose(browser, "en")
    assert visible(browser, "h1 .lang-en") and not visible(browser, "h1 .lang-vi")
    assert visible(browser, ".lang-pair > .lang-en")
    assert not visible(browser, ".lang-pair > .lang-vi")
    open_page(browser, first)  # reload
    assert visible(browser, "h1 .lang-en") and not visible(browser, "h1 .lang-vi")
    open_page(browser, second)  # another page
    assert browser.execute_script("return document.documentElement.dataset.lang") == "en"
    assert visible(browser, "h1 .lang-en") and not visible(browser, "h1 .lang-vi")

    choose(browser, "both")
    assert visible(browser, "h1 .lang-en") and visible(browser, "h1 .lang-vi")
    pair = browser.find_element("css selector", ".lang-pair")
    english = pair.find_element("css selector", ":scope > .lang-en")
    vietnamese = pair.find_element("css selector", ":scope > .lang-vi")
    assert english.location["y"] == vietnamese.location["y"], "not side by side on a wide screen"
    assert english.location["x"] < vietnamese.location["x"]
    browser.set_window_size(600, 1000)
    assert english.location["y"] < vietnamese.location["y"], "not stacked on a narrow screen"
    browser.set_window_size(1400, 1000)
    choose(browser, "vi")
    assert severe_console_errors(browser) == []


def test_both_languages_show_without_javascript(server, tmp_path):
    driver = start_chromium(tmp_path / "profile", javascript=False)
    try:
        driver.get(f"{server}/{CHAPTERS[0]}.html")
        assert driver.find_element("css selector", "html").get_attribute("data-lang") is None
        assert visible(driver, "h1 .lang-en") and visible(driver, "h1 .lang-vi")
        assert visible(driver, ".lang-pair > .lang-en") and visible(driver, ".lang-pair > .lang-vi")
        assert not driver.find_elements("css selector", ".d2l-vn-lang-switch")
        driver.get(f"{server}/chapters/lr_scheduling.html")
        assert visible(driver, ".d2l-vn-explorer .d2l-vn-explorer-nojs")  # says what is missing
        figure = driver.execute_script(  # and the static figure above it stays
            "const box = document.querySelector('.d2l-vn-explorer');"
            "const cell = box.previousElementSibling;"
            "return cell && cell.querySelector('.cell_output img') !== null;")
        assert figure, "no static figure right above the explorer"
    finally:
        driver.quit()


def test_glossary_page_lists_every_term(browser, server):
    open_page(browser, f"{server}/glossary.html")
    terms = yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8"))
    rows = browser.find_elements("css selector", "table.d2l-vn-glossary tbody tr")
    shown = {row.find_element("css selector", "td").text for row in rows}
    assert shown == {entry["en"] for entry in terms}


def test_screenshots_of_each_language_mode(browser, server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for mode in ("vi", "en", "both"):
        open_page(browser, f"{server}/{CHAPTERS[0]}.html")
        choose(browser, mode)
        path = SCREENSHOTS / f"{pathlib.Path(CHAPTERS[0]).name}-{mode}.png"
        assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000
    choose(browser, "vi")


# ---------------------------------------------------------------- language links

def test_language_link_chooses_and_keeps_the_language(browser, server):
    first, second = (f"{server}/{chapter}.html" for chapter in (CHAPTERS + CHAPTERS)[:2])
    open_page(browser, first)
    browser.execute_script("localStorage.clear();")
    for mode in ("en", "both", "vi"):
        open_page(browser, f"{second}?lang={mode}")
        assert browser.execute_script("return document.documentElement.dataset.lang") == mode
        assert browser.execute_script("return localStorage.getItem('d2l-vn-lang')") == mode
        pressed = browser.find_element("css selector", ".d2l-vn-lang-switch [aria-pressed='true']")
        assert pressed.get_attribute("data-mode") == mode
    open_page(browser, f"{first}?lang=en")
    open_page(browser, second)  # remembered without the parameter, as after a click
    assert browser.execute_script("return document.documentElement.dataset.lang") == "en"
    open_page(browser, f"{second}?lang=fr")  # not a language of the course: ignored
    assert browser.execute_script("return document.documentElement.dataset.lang") == "en"
    open_page(browser, f"{first}?lang=both")
    choose(browser, "vi")  # the address stays truthful after a click
    assert browser.current_url.endswith("?lang=vi")
    assert severe_console_errors(browser) == []


# ---------------------------------------------------------------- phone layout

PAGES = ["intro"] + [entry["file"] for entry in
                     yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["chapters"]]


def test_no_page_scrolls_sideways_on_a_phone(browser, server):
    """At 390 x 844 CSS pixels no page is wider than the screen, in every language mode;
    wide code, tables and formulas scroll inside their own boxes."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        wide = {}
        for page in PAGES:
            for mode in ("vi", "en", "both"):
                open_page(browser, f"{server}/{page}.html?lang={mode}")
                width, client, inner, culprits = browser.execute_script(
                    "const root = document.documentElement, limit = root.clientWidth;"
                    "const culprits = Array.from(document.querySelectorAll('body *'))"
                    "  .filter(e => e.getBoundingClientRect().right > limit + 1)"
                    "  .filter(e => !e.parentElement.closest('pre, .cell_output, .output, "
                    "    .table-wrapper, mjx-container, .values'))"
                    "  .slice(0, 5).map(e => e.tagName + '.' + e.className);"
                    "return [root.scrollWidth, limit, window.innerWidth, culprits];")
                assert client == 390, f"the phone emulation did not apply: {client} px wide"
                if max(width, inner) > client:  # a mobile browser zooms out to show the overflow
                    wide[f"{page} ({mode})"] = (width, culprits)
        assert wide == {}, f"pages wider than 390 px: {wide}"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        open_page(browser, f"{server}/{PAGES[0]}.html?lang=vi")


# ---------------------------------------------------------------- furniture and figures

VIETNAMESE_LETTERS = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")


def furniture(driver):
    """(selector, what, value) of every piece of the theme's furniture on the page."""
    return driver.execute_script(
        "return window.d2lVnFurniture.entries.flatMap(e =>"
        "  Array.from(document.querySelectorAll(e[0]), el => [e[0], e[1],"
        "    e[1].startsWith('text') ? el.textContent.trim() : el.getAttribute(e[1])]));")


def test_the_furniture_speaks_the_readers_language(browser, server):
    """Search, buttons, tooltips, previous / next, toggles, author line and tab title."""
    open_page(browser, f"{server}/chapters/backprop.html?lang=en")
    english = furniture(browser)
    assert len(english) >= 20
    assert [f for f in english if VIETNAMESE_LETTERS & set(f[2].lower())] == []
    outside = browser.execute_script(  # what a reader sees around the article
        "return Array.from(document.querySelectorAll('.bd-header-article, .bd-sidebar-primary,"
        "  .prev-next-area, footer, .toggle-details__summary-text'))"
        "  .map(e => e.innerText).join(' ');")
    assert not VIETNAMESE_LETTERS & set(outside.lower()), outside
    assert browser.title.startswith("Forward propagation") and "Tối" not in browser.title
    choose(browser, "vi")
    vietnamese = furniture(browser)
    assert [f for f in vietnamese if f in english and f[2] != "Colab"] == []
    assert browser.title.startswith("Lan truyền xuôi") and "Optimizing" not in browser.title
    assert "Xem lời giải" in visible(browser, ".toggle-details__summary-text")
    choose(browser, "both")
    assert all(" / " in f[2] for f in furniture(browser) if f[1] != "text-last")
    choose(browser, "vi")


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_figure_has_a_numbered_caption_and_alt_text(browser, server, chapter):
    """Figures inside a closed solution count too: their text is read with textContent."""
    shown_caption = (  # the caption as the reader's language mode shows it
        "const text = n => Array.from(n.querySelectorAll('.lang-en, .lang-sep, .lang-vi'))"
        "  .filter(s => getComputedStyle(s).display !== 'none').map(s => s.textContent).join('');")
    open_page(browser, f"{server}/{chapter}.html?lang=vi")
    figures = browser.execute_script(shown_caption +
        "return Array.from(document.querySelectorAll('article .cell_output img'), i => {"
        "  const f = i.closest('.d2l-vn-figure');"
        "  return [i.getAttribute('src'), f !== null, i.alt, i.dataset.altVi, i.dataset.altEn,"
        "          f ? text(f.querySelector('figcaption, .d2l-vn-twin-caption')) : ''];});")
    assert figures, "no figure on the page"
    for src, numbered, alt, alt_vi, alt_en, caption in figures:
        assert numbered, f"{src}: not in a numbered figure"
        assert alt == alt_vi and len(alt) > 20 and "_images" not in alt, (src, alt)
        assert alt_en and not VIETNAMESE_LETTERS & set(alt_en.lower()), (src, alt_en)
        assert caption.startswith("Hình ") and len(caption) > 20 and "Figure" not in caption, caption
    choose(browser, "en")
    english = browser.execute_script(shown_caption +
        "return Array.from(document.querySelectorAll('.d2l-vn-figure'), f =>"
        "  [text(f.querySelector('figcaption, .d2l-vn-twin-caption')),"
        "   f.querySelector('img').alt === f.querySelector('img').dataset.altEn,"
        "   f.classList.contains('d2l-vn-twin-figure')]);")
    assert len(english) == len(figures) and all(alt for _, alt, _ in english)
    assert [c for c, _, _ in english if not c.startswith("Figure ") or VIETNAMESE_LETTERS & set(c.lower())] == []
    numbers = [int(re.match(r"Figure (\d+)", c).group(1)) for c, _, twin in english if not twin]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers))), numbers  # book-wide
    for i, (caption, _, twin) in enumerate(english):  # a PyTorch figure takes its MXNet form's number
        if twin:
            number = re.match(r"Figure \d+", caption).group(0)
            assert english[i - 1][0].startswith(number), (caption, english[i - 1][0])
    choose(browser, "vi")


def test_a_wide_figure_keeps_its_size_on_a_phone_and_opens_alone(browser, server):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        open_page(browser, f"{server}/{CHAPTERS[0]}.html?lang=vi")
        widths = browser.execute_script(
            "return Array.from(document.querySelectorAll('figure.d2l-vn-figure img'),"
            "  i => [i.getBoundingClientRect().width, i.closest('a').getAttribute('href') === i.getAttribute('src'),"
            "        i.closest('.d2l-vn-figure-box').scrollWidth > 390]);")
        assert widths and all(link for _, link, _ in widths)
        assert any(width > 390 and scrolls for width, _, scrolls in widths), "every figure shrunk"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        browser.execute_script("document.querySelector('figure.d2l-vn-figure').scrollIntoView()")
        assert browser.save_screenshot(str(SCREENSHOTS / "figure-390px.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_screen_readers_know_the_language_of_every_block(browser, server):
    open_page(browser, f"{server}/{CHAPTERS[0]}.html?lang=both")
    unmarked = browser.execute_script(
        "return document.querySelectorAll('.lang-en:not([lang=en]), .lang-vi:not([lang=vi])').length")
    assert unmarked == 0
    assert browser.execute_script("return document.querySelectorAll('.lang-en[lang=en]').length") > 50


# ---------------------------------------------------------------- explorers

def python_scheduler(kind, params):
    from d2l_vn import mxnet as d2l_vn
    python = {"square_root": "SquareRootScheduler", "factor": "FactorScheduler",
              "multi_factor": "MultiFactorScheduler", "poly": "PolyScheduler",
              "cosine": "CosineScheduler"}[kind]
    return getattr(d2l_vn, python)(**params)


def random_schedule(rng):
    """A random valid parameter set of a random scheduler kind, warmup and floor included."""
    kind = rng.choice(["square_root", "factor", "multi_factor", "poly", "cosine"])
    base_lr = rng.choice([rng.uniform(1e-3, 2.0), 10 ** rng.uniform(-4, 1)])
    params = {"base_lr": base_lr, "warmup_steps": rng.choice([0, rng.randint(1, 30)]),
              "warmup_begin_lr": rng.choice([0.0, rng.uniform(0, base_lr)]),
              "warmup_mode": rng.choice(["linear", "constant"])}
    if kind == "factor":
        params.update(step=rng.randint(1, 10), factor=rng.uniform(0.05, 1.0),
                      stop_factor_lr=rng.choice([1e-8, rng.uniform(0, base_lr)]))
    elif kind == "multi_factor":
        params.update(step=sorted(rng.sample(range(1, 120), rng.randint(1, 4))),
                      factor=rng.uniform(0.05, 1.0))
    elif kind in ("poly", "cosine"):
        params.update(max_update=params["warmup_steps"] + rng.randint(1, 150),
                      final_lr=rng.choice([0.0, rng.uniform(0, base_lr)]))
        if kind == "poly":
            params["pwr"] = rng.uniform(0.0, 4.0)
    return kind, params


def relative_difference(a, b):
    return 0.0 if a == b else abs(a - b) / max(abs(a), abs(b))


@pytest.mark.parametrize("width", [390, 800, 1366])
def test_the_chapter_list_and_the_page_contents_open_at_every_width(browser, server, width):
    """One header; its visible buttons open the sidebars (a dialog below 992 px, folded beside)."""
    browser.set_window_size(width, 900)
    try:
        open_page(browser, f"{server}/{CHAPTERS[0]}.html")
        assert visible(browser, "#pst-header") == [], "pydata's second header bar is shown"
        toggles = [b for b in browser.find_elements("css selector", ".primary-toggle") if b.is_displayed()]
        assert len(toggles) == 1
        toggles[0].click()
        if width < 992:
            assert browser.execute_script("return document.getElementById('pst-primary-sidebar-modal').open")
            browser.execute_script("document.getElementById('pst-primary-sidebar-modal').close()")
            contents = [b for b in browser.find_elements("css selector", ".secondary-toggle") if b.is_displayed()]
            contents[0].click()
            assert browser.execute_script("return document.getElementById('pst-secondary-sidebar-modal').open")
            browser.execute_script("document.getElementById('pst-secondary-sidebar-modal').close()")
        else:
            assert browser.execute_script(
                "return document.getElementById('pst-primary-sidebar').classList.contains('pst-sidebar-hidden')")
        buttons = [b for b in browser.find_elements("css selector", ".d2l-vn-lang-switch button") if b.is_displayed()]
        inner = browser.execute_script("return window.innerWidth")
        assert len(buttons) == 3 and all(b.rect["y"] >= 0 and b.rect["x"] + b.rect["width"] <= inner
                                         for b in buttons), "language buttons cut off"
        header = browser.find_element("css selector", ".bd-header-article")
        title = browser.find_element("css selector", "article h1")
        assert header.rect["y"] + header.rect["height"] <= title.rect["y"] + 1, "header covers the title"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(SCREENSHOTS / f"header-{width}px.png"))
    finally:
        browser.set_window_size(1366, 900)


def test_schedule_formulas_match_the_python_schedulers(browser, server):
    import random
    rng = random.Random(15)
    cases = []
    for _ in range(400):
        kind, params = random_schedule(rng)
        w = params["warmup_steps"]
        steps = {0, w, max(w - 1, 0), w + 1, rng.uniform(0, 300)} | {rng.randint(0, 300) for _ in range(6)}
        cases += [(kind, params, t) for t in sorted(steps)]
    open_page(browser, f"{server}/{CHAPTERS[0]}.html")
    js = browser.execute_script(
        "return arguments[0].map(c => window.d2lVn.schedule(c[0], c[1], c[2]));", cases)
    warmup = floor = 0
    for (kind, params, t), value in zip(cases, js):
        scheduler = python_scheduler(kind, params)
        expected = scheduler(t)
        assert relative_difference(value, expected) <= 1e-12, (kind, params, t, value, expected)
        warmup += t < params["warmup_steps"]
        floor += (kind == "factor" and t >= params["warmup_steps"] and t > params["step"]
                  and expected == params["stop_factor_lr"])
    assert warmup > 100 and floor > 20, f"too few cases in warmup ({warmup}) or at the floor ({floor})"


def test_schedule_formulas_refuse_what_python_refuses(browser, server):
    bad = [("cosine", {"max_update": 5, "warmup_steps": 5}), ("factor", {"step": 0}),
           ("factor", {"step": 2, "factor": 0.0}), ("multi_factor", {"step": [10, 5]}),
           ("poly", {"max_update": 10, "base_lr": 0.1, "warmup_begin_lr": 0.2}),
           ("square_root", {"warmup_mode": "cubic"}), ("cosine", {"max_update": 10, "lr": 1})]
    open_page(browser, f"{server}/{CHAPTERS[0]}.html")
    for kind, params in bad:
        with pytest.raises((ValueError, TypeError)):
            python_scheduler(kind, params)
        message = browser.execute_script(
            "try { window.d2lVn.schedule(arguments[0], arguments[1], 1); return null; }"
            "catch (e) { return e.message; }", kind, params)
        assert message, f"JavaScript accepted {kind} {params}"


def test_rectification_formulas_match_python(browser, server):
    import random

    from d2l_vn import mxnet as d2l_vn
    rng = random.Random(4)
    cases = []
    for _ in range(3000):
        beta2 = rng.choice([rng.uniform(0, 1), 1 - 10 ** rng.uniform(-5, -0.3), 0.0, 0.999])
        t = rng.choice([rng.randint(1, 12), int(10 ** rng.uniform(0, 6))])
        cases.append((t, beta2, rng.uniform(0, 0.999), rng.choice([4.0, 5.0])))
    open_page(browser, f"{server}/{CHAPTERS[0]}.html")
    js = browser.execute_script(
        "const d = window.d2lVn; return arguments[0].map(c => [d.rho(c[0], c[1]),"
        " d.rectification(c[0], c[1]), d.radamStepScalars(c[0], c[2], c[1], c[3])]);", cases)
    undefined = 0
    for (t, beta2, beta1, threshold), (rho, r, scalars) in zip(cases, js):
        assert relative_difference(rho, d2l_vn.rho(t, beta2)) <= 1e-12, (t, beta2, rho)
        expected = d2l_vn.rectification(t, beta2)
        if expected is None:
            assert r is None, (t, beta2, r)
            undefined += 1
        else:
            assert relative_difference(r, expected) <= 1e-12, (t, beta2, r, expected)
        adaptive, factor = d2l_vn.RAdam(beta1=beta1, beta2=beta2, threshold=threshold).step_scalars(t)
        assert scalars[0] == adaptive and relative_difference(scalars[1], factor) <= 1e-12, \
            (t, beta1, beta2, threshold, scalars, (adaptive, factor))
    assert 100 < undefined < len(cases) - 100, f"{undefined} undefined r_t of {len(cases)}"


def explorer(browser, name):
    return browser.find_element("css selector", f".d2l-vn-explorer[data-explorer='{name}']")


def control(root, name, kind="range"):
    """The slider (or select, number box) labelled with the Python argument ``name``."""
    label = next(label for label in root.find_elements("css selector", "label")
                 if label.find_elements("css selector", "code")
                 and label.find_element("css selector", "code").text == name)
    target = root.find_element("id", label.get_attribute("for"))
    return target if kind == "range" else root.find_element("id", target.get_attribute("id") + "-box")


def table_text(root):
    return root.find_element("css selector", ".values table").text


def test_schedule_explorer_follows_the_sliders_and_the_python_formulas(browser, server):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    open_page(browser, f"{server}/chapters/lr_scheduling.html?lang=en")
    root = explorer(browser, "schedule")
    svg = root.find_element("css selector", "svg")
    before, values = svg.get_attribute("data-path"), table_text(root)
    slider = control(root, "base_lr")
    slider.send_keys(Keys.ARROW_RIGHT * 10)  # the keyboard moves the slider
    assert svg.get_attribute("data-path") != before and table_text(root) != values
    assert control(root, "base_lr", "box").get_attribute("value") == "0.6"

    Select(root.find_element("css selector", "select")).select_by_value("factor")
    box = control(root, "stop_factor_lr", "box")
    box.clear()
    box.send_keys("0.2")
    rows = [row.text.split() for row in root.find_elements("css selector", ".values tbody tr")]
    expected = python_scheduler("factor", dict(step=2, factor=0.5, stop_factor_lr=0.2, base_lr=0.6,
                                               warmup_steps=5, warmup_begin_lr=0.0))
    assert len(rows) >= 3
    for step, shown in rows:
        assert float(shown) == pytest.approx(expected(int(step)), rel=1e-3), (step, shown)
    assert "d2l_vn.FactorScheduler(" in root.find_element("css selector", "pre.call").text
    assert float(rows[-1][1]) == 0.2, "the floor of the factor policy is not shown"

    box = control(root, "warmup_steps", "box")
    box.clear()
    box.send_keys("40")
    assert svg.get_attribute("data-path")  # still drawn: factor has no max_update
    Select(root.find_element("css selector", "select")).select_by_value("cosine")
    assert "must be smaller than max_update" in root.find_element("css selector", ".status").text
    assert severe_console_errors(browser) == []


def test_rectification_explorer_follows_the_sliders(browser, server):
    from selenium.webdriver.common.keys import Keys
    open_page(browser, f"{server}/chapters/adam_radam.html?lang=en")
    root = explorer(browser, "rectification")
    assert len(root.find_elements("css selector", "svg")) == 3
    paths, values = root.get_attribute("data-paths"), table_text(root)
    first_row = root.find_element("css selector", ".values tbody tr").text
    assert first_row.startswith("1 1 undefined"), first_row  # rho_1 = 1: r_1 undefined
    control(root, "beta2").send_keys(Keys.ARROW_LEFT * 100)  # beta2: 0.999 -> 0.99
    assert control(root, "beta2", "box").get_attribute("value") == "0.99"
    assert root.get_attribute("data-paths") != paths and table_text(root) != values
    assert "ρ∞ = 199" in root.find_element("css selector", ".status").text
    box = control(root, "beta2", "box")
    box.clear()
    box.send_keys("0.5")  # rho_inf = 3: r_t is never defined, RAdam never adapts
    assert "none in the steps shown" in root.find_element("css selector", ".status").text
    assert all("undefined" in row.text for row in root.find_elements("css selector", ".values tbody tr"))
    box.clear()
    box.send_keys("0.999")
    paths, beta1 = root.get_attribute("data-paths"), control(root, "beta1")
    assert not beta1.is_enabled()  # beta1 only matters on the raw moments
    raw = next(b for b in root.find_elements("css selector", "input[type='checkbox']")
               if "raw moments" in b.find_element("xpath", "..").text)
    raw.send_keys(Keys.SPACE)
    assert beta1.is_enabled() and root.get_attribute("data-paths") != paths
    assert severe_console_errors(browser) == []


def test_explorer_controls_are_labelled_and_follow_the_language(browser, server):
    for page, name, english, vietnamese in (
            ("lr_scheduling", "schedule", "learning rate", "tốc độ học"),
            ("adam_radam", "rectification", "step t", "bước t")):
        for mode, words, other in (("en", english, vietnamese), ("vi", vietnamese, english)):
            open_page(browser, f"{server}/chapters/{page}.html?lang={mode}")
            root = explorer(browser, name)
            controls = root.find_elements("css selector", "input, select")
            assert len(controls) >= 8
            for element in controls:
                label = browser.execute_script(
                    "const e = arguments[0];"
                    "const ids = (e.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);"
                    "const labels = ids.length ? ids.map(i => document.getElementById(i)) : Array.from(e.labels);"
                    "return labels.map(l => l.innerText).join(' ').trim();", element)
                assert label, f"unlabelled control in the {name} explorer"
            texts = [t.text for t in root.find_elements("css selector", "svg text") if t.text]
            assert words in texts and other not in texts, (mode, texts)
            visible_labels = " ".join(visible(browser, f".d2l-vn-explorer[data-explorer='{name}'] label"))
            assert other not in visible_labels
    assert severe_console_errors(browser) == []


def test_screenshots_of_the_explorers(browser, server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for page, name in (("lr_scheduling", "schedule"), ("adam_radam", "rectification")):
        for mode in ("vi", "en"):
            open_page(browser, f"{server}/chapters/{page}.html?lang={mode}")
            root = explorer(browser, name)
            browser.set_window_size(1400, root.size["height"] + 400)  # the whole explorer
            browser.execute_script("arguments[0].scrollIntoView()", root)
            path = SCREENSHOTS / f"{name}-explorer-{mode}.png"
            assert root.screenshot(str(path)) and path.stat().st_size > 10_000
    browser.set_window_size(1400, 1000)
    open_page(browser, f"{server}/{CHAPTERS[0]}.html?lang=vi")


# ---------------------------------------------------------------- framework switch

def _shown_code(driver):
    return " ".join(e.text for e in driver.find_elements("css selector", ".cell_input pre") if e.is_displayed())


def test_framework_switch_shows_one_edition_and_persists(browser, server):
    page = f"{server}/chapters/backprop.html"
    open_page(browser, page)
    browser.execute_script("localStorage.clear();")
    open_page(browser, page)
    assert browser.execute_script("return document.documentElement.dataset.fw") == "mxnet"
    code = _shown_code(browser)
    assert "attach_grad" in code and "requires_grad_" not in code
    browser.find_element("css selector", ".d2l-vn-fw-switch button[data-fw='torch']").click()
    code = _shown_code(browser)
    assert "requires_grad_" in code and "attach_grad" not in code and "npx." not in code
    assert visible(browser, ".d2l-vn-twin-figure img") and not visible(browser, ".tag_fw-mxnet img")
    colab = [a.get_attribute("href") for a in browser.find_elements("css selector", "a[href*='colab.research']")]
    assert colab and all(href.endswith("/chapters/torch/backprop.ipynb") for href in colab), colab
    open_page(browser, page)  # remembered
    assert browser.execute_script("return localStorage.getItem('d2l-vn-fw')") == "torch"
    assert "requires_grad_" in _shown_code(browser)
    open_page(browser, f"{page}?fw=mxnet")  # a link chooses, and is kept
    assert "attach_grad" in _shown_code(browser)
    assert browser.execute_script("return localStorage.getItem('d2l-vn-fw')") == "mxnet"
    open_page(browser, f"{page}?fw=jax")  # not an edition: ignored
    assert browser.execute_script("return document.documentElement.dataset.fw") == "mxnet"
    open_page(browser, f"{server}/glossary.html")  # a page without editions: no switch
    assert not browser.find_elements("css selector", ".d2l-vn-fw-switch")
    assert severe_console_errors(browser) == []


@pytest.mark.parametrize("chapter, torch_code, mxnet_code", [
    ("lr_scheduling", "lambda_lr", "gluon.Trainer"),  # LambdaLR against gluon's Trainer
    ("adam_radam", "torch.optim", "mx.optimizer"),  # our steps checked against each library
])
def test_a_chapter_with_studies_switches_to_its_pytorch_edition(browser, server, chapter, torch_code, mxnet_code):
    """Each edition's own code shows, the records' comparison (shared) shows in both, Colab follows."""
    open_page(browser, f"{server}/chapters/{chapter}.html?fw=torch")
    code = _shown_code(browser)
    assert torch_code in code and mxnet_code not in code and "npx." not in code and "framework_table" in code
    colab = [a.get_attribute("href") for a in browser.find_elements("css selector", "a[href*='colab.research']")]
    assert colab and all(href.endswith(f"/chapters/torch/{chapter}.ipynb") for href in colab), colab
    open_page(browser, f"{server}/chapters/{chapter}.html?fw=mxnet")
    code = _shown_code(browser)
    assert mxnet_code in code and torch_code not in code and "framework_table" in code
    assert severe_console_errors(browser) == []


def test_both_editions_show_without_javascript(server, tmp_path):
    driver = start_chromium(tmp_path / "profile", javascript=False)
    try:
        driver.get(f"{server}/chapters/backprop.html")
        code = _shown_code(driver)
        assert "attach_grad" in code and "requires_grad_" in code
        labels = driver.execute_script(
            "return Array.from(document.querySelectorAll('.tag_fw-mxnet, .tag_fw-torch'),"
            "  e => getComputedStyle(e, '::before').content);")
        assert set(labels) == {'"MXNet"', '"PyTorch"'}
    finally:
        driver.quit()
