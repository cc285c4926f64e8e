"""The built website in a real browser: headless Chromium (Debian's chromium, chromium-driver).

Serves _build/html (built by `make book`) on 127.0.0.1 and checks that every chapter loads
without console errors and without the internet, typesets its math (no raw TeX left) and
loads its figures, that the glossary page lists every term, and that the language switch
hides and shows the right text and survives a reload and a change of page. It saves one
chapter's screenshot per language mode under _build/screenshots/. It installs nothing: without
the browser, its driver or the built site it is skipped with a message saying what is missing.
"""
import functools
import http.server
import pathlib
import shutil
import tempfile
import threading

import pytest
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM, CHROMEDRIVER = pathlib.Path("/usr/bin/chromium"), pathlib.Path("/usr/bin/chromedriver")
CHAPTERS = [entry["file"] for entry in
            yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["chapters"]
            if entry["file"].startswith("chapters/")]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000"]

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(f"browser test skipped: {CHROMIUM} or {CHROMEDRIVER} is missing "
                "(apt-get install chromium chromium-driver)", allow_module_level=True)
if not (SITE / "index.html").exists():
    pytest.skip(f"browser test skipped: no website in {SITE} (run `make book` first)",
                allow_module_level=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    handler = functools.partial(QuietHandler, directory=str(SITE))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def start_chromium(profile, javascript=True):
    """A headless Chromium with a fresh profile, its console log kept."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    return driver


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="d2l-vn-chromium-")
    driver = start_chromium(profile)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, url):
    """Load a page and wait until MathJax (when the page has math) has finished typesetting."""
    driver.get(url)
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const wait = () => (window.MathJax && MathJax.startup && MathJax.startup.promise)"
        "  ? MathJax.startup.promise.then(() => done(true)) : done(false);"
        "if (document.readyState === 'complete') wait(); else addEventListener('load', wait);")


def severe_console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def visible(driver, selector):
    """Texts of the elements matching ``selector`` that are displayed."""
    return [e.text for e in driver.find_elements("css selector", selector) if e.is_displayed()]


def choose(driver, mode):
    driver.find_element("css selector", f".d2l-vn-lang-switch button[data-mode='{mode}']").click()


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
