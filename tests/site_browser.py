"""The built website in headless Chromium, for the browser tests (test_site*.py).

Importing this module skips the importing test module, with a message saying what is
missing, when selenium, Debian's chromium and chromium-driver, or the built site
(`make book`) are not there. The fixtures ``server`` (the site on 127.0.0.1) and ``browser``
(one Chromium per module) are meant to be imported by the test modules.
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
