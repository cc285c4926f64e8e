"""Weigh the built website's pages: the bytes a browser loads for each, by kind of file.

Usage: python tools/page_weight.py [SITE]  (default _build/html; `make book` builds it)

Serves SITE on 127.0.0.1, opens every page of the book in headless Chromium (Debian's
chromium and chromium-driver, as tests/test_site.py) with an empty cache, waits until MathJax
has finished, and adds up the decoded sizes of the page and of every file it loaded
(Resource Timing), grouped as HTML, JavaScript, CSS, fonts, images. Prints a Markdown table
in kB (1000 bytes); the README keeps its numbers.
"""
import functools
import http.server
import pathlib
import sys
import tempfile
import threading

import yaml
from selenium import webdriver

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = {".js": "JavaScript", ".css": "CSS", ".woff": "fonts", ".woff2": "fonts", ".ttf": "fonts",
         ".svg": "images", ".png": "images", ".jpg": "images"}
COLUMNS = ["HTML", "JavaScript", "CSS", "fonts", "images"]


def pages():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [entry["file"] for entry in toc["chapters"]]


def weigh(driver, url):
    """Bytes by kind for one page, loaded with the cache disabled."""
    driver.get(url)
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const wait = () => (window.MathJax && MathJax.startup && MathJax.startup.promise)"
        "  ? MathJax.startup.promise.then(() => setTimeout(done, 300)) : setTimeout(done, 300);"
        "if (document.readyState === 'complete') wait(); else addEventListener('load', wait);")
    entries = driver.execute_script(
        "return performance.getEntriesByType('navigation').concat("
        "  performance.getEntriesByType('resource')).map(e => [e.name, e.decodedBodySize]);")
    sizes = dict.fromkeys(COLUMNS, 0)
    for name, size in entries:
        path = name.split("?")[0].split("#")[0]
        suffix = pathlib.PurePosixPath(path).suffix
        sizes["HTML" if suffix in ("", ".html") else KINDS.get(suffix, "images")] += size
    return sizes


def main(site):
    site = pathlib.Path(site)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disk-cache-size=1",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='d2l-vn-weight-')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"),
                              options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    print("| page | total | " + " | ".join(COLUMNS) + " |")
    print("| --- " * (len(COLUMNS) + 2) + "|")
    try:
        for page in pages():
            sizes = weigh(driver, f"http://127.0.0.1:{server.server_address[1]}/{page}.html")
            cells = [f"{sizes[k] / 1000:.0f}" for k in COLUMNS]
            print(f"| {page} | {sum(sizes.values()) / 1000:.0f} | " + " | ".join(cells) + " |")
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ROOT / "_build" / "html")
