"""The website's explorers in a real browser (headless Chromium): messages, refusals, axes, phones.

Serves _build/html (built by `make book`) on 127.0.0.1 with tests/site_browser.py, and checks
what the readers of the schedule and rectification explorers meet beyond the formulas: that a
refused value is explained in the chosen language (vi, en or both) and follows the language
switch; that the explorers refuse exactly what d2l_vn refuses, Python being asked each time;
that correcting or clearing a box leaves no stale message and a Python call that matches what
is drawn, and no call at all while a value is refused; that the fixed y-axis keeps its range
while the base-rate slider moves the curve; and that at 390 CSS pixels the explorers do not
scroll sideways and their charts fill the width with text of at least 10 px. It installs
nothing: without the browser, its driver or the built site it is skipped with a message.
"""
import ast
import contextlib

import pytest

from site_browser import browser, choose, server, severe_console_errors  # noqa: F401
from selenium.webdriver.common.keys import Keys  # noqa: E402  (after site_browser's skips)
from selenium.webdriver.support.ui import Select  # noqa: E402

PAGES = {"schedule": "lr_scheduling", "rectification": "adam_radam"}


def open_explorer(driver, server, name, mode):
    """A fresh page in language ``mode``, with its explorer built; returns the explorer."""
    driver.get(f"{server}/chapters/{PAGES[name]}.html?lang={mode}")
    selector = f".d2l-vn-explorer[data-explorer='{name}']"
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1], selector = arguments[0];"
        "const ready = () => document.querySelector(selector + '.ready') ? done(true) : setTimeout(ready, 50);"
        "ready();", selector)
    return driver.find_element("css selector", selector)


def control(root, name, kind="box"):
    """The number box (or slider, or text box) labelled with the Python argument ``name``;
    of two such labels (step of FactorScheduler, of MultiFactorScheduler) the one shown."""
    for label in root.find_elements("css selector", "label"):
        code = label.find_elements("css selector", "code")
        if code and code[0].text == name and label.is_displayed():
            target = root.find_element("id", label.get_attribute("for"))
            if kind == "box" and target.get_attribute("type") == "range":
                return root.find_element("id", target.get_attribute("id") + "-box")
            return target
    raise LookupError(f"no visible control named {name}")


def checkbox(root, english):
    """The checkbox whose label's English words contain ``english``."""
    return next(box for box in root.find_elements("css selector", "input[type='checkbox']")
                if english in box.find_element("xpath", "..").get_attribute("textContent"))


def retype(box, text):
    """Select all, delete, type: as a reader does, so the page sees each edit."""
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    if text:
        box.send_keys(text)


def status(root):
    """The status line as shown (hidden language spans give no text)."""
    return root.find_element("css selector", ".status").text


def refused(root):
    return "problem" in root.find_element("css selector", ".status").get_attribute("class")


def code_line(root):
    """The Python call shown under the chart, or None when none is shown."""
    pre = root.find_element("css selector", "pre.call")
    return pre.text if pre.is_displayed() and pre.text else None


def python_call(text):
    """The class and keyword arguments of a shown call ``d2l_vn.Name(a=1, ...)``."""
    call = ast.parse(text, mode="eval").body
    assert isinstance(call, ast.Call) and call.func.value.id == "d2l_vn", text
    return call.func.attr, {k.arg: ast.literal_eval(k.value) for k in call.keywords}


def shown_values(root):
    return [(int(step), float(rate)) for step, rate in
            (row.text.split() for row in root.find_elements("css selector", ".values tbody tr"))]


def assert_call_matches_drawing(root):
    """The shown call, run by d2l_vn, gives the values in the table under the chart."""
    from d2l_vn import mxnet as d2l_vn
    name, kwargs = python_call(code_line(root))
    schedule = getattr(d2l_vn, name)(**kwargs)
    rows = shown_values(root)
    assert len(rows) >= 3
    for step, shown in rows:
        assert shown == pytest.approx(schedule(step), rel=1e-3, abs=1e-9), (name, kwargs, step)
    return name, kwargs


def python_literal(text):
    """What the typed text would be in Python: an int, a float, or (not a number) the text."""
    try:
        return ast.literal_eval(text.strip())
    except (ValueError, SyntaxError):
        return text


# ---------------------------------------------------------------- messages in the reader's language

@pytest.mark.parametrize("mode", ["vi", "en", "both"])
def test_a_refused_value_is_explained_in_the_chosen_language(browser, server, mode):
    root = open_explorer(browser, server, "schedule", mode)
    retype(control(root, "final_lr"), "-1")
    assert refused(root)
    text = status(root)
    english = "Not valid: final_lr must be a number in [0, inf), got -1"
    vietnamese = "Không hợp lệ: final_lr phải là một số trong [0, inf), nhận được -1"
    assert (english in text) == (mode != "vi"), text
    assert (vietnamese in text) == (mode != "en"), text
    if mode != "en":  # what to do, in Vietnamese too
        assert "Hãy nhập một số ≥ 0." in text
    if mode != "vi":
        assert "Type a number ≥ 0." in text
    if mode == "vi":  # no English sentence left inside the Vietnamese message
        assert "must be" not in text and "Type" not in text and "Not valid" not in text
    assert control(root, "final_lr").get_attribute("aria-invalid") == "true"
    assert severe_console_errors(browser) == []


def test_messages_follow_the_language_switch(browser, server):
    root = open_explorer(browser, server, "rectification", "vi")
    assert "bước thích ứng đầu tiên của RAdam: 5" in status(root)  # a note, not only errors
    retype(control(root, "beta2"), "1")
    assert "beta2 phải là một số trong [0, 1), nhận được 1" in status(root)
    choose(browser, "en")
    text = status(root)
    assert "beta2 must be a number in [0, 1), got 1" in text and "phải là" not in text, text
    choose(browser, "both")
    text = status(root)
    assert "must be a number in [0, 1)" in text and "phải là một số trong [0, 1)" in text, text
    retype(control(root, "beta2"), "0.99")
    choose(browser, "en")
    assert not refused(root) and status(root) == "ρ∞ = 199; first adaptive step of RAdam: 5"
    choose(browser, "vi")
    assert severe_console_errors(browser) == []


# ---------------------------------------------------------------- no stale message, no stale call

def test_clearing_or_correcting_a_box_clears_the_message_and_the_call(browser, server):
    root = open_explorer(browser, server, "schedule", "en")
    name, before = assert_call_matches_drawing(root)
    assert name == "CosineScheduler" and before["final_lr"] == 0.01
    paths = root.find_element("css selector", "svg").get_attribute("data-path")

    box = control(root, "final_lr")
    retype(box, "-1")
    assert refused(root) and root.get_attribute("data-state") == "refused"
    assert code_line(root) is None, "a call that was not drawn is shown"
    assert root.find_element("css selector", "svg").get_attribute("data-path") == paths

    retype(box, "")  # cleared: the last drawn value again, no message
    assert not refused(root) and "Not valid" not in status(root)
    assert box.get_attribute("aria-invalid") is None
    assert root.get_attribute("data-state") == "drawn"
    assert assert_call_matches_drawing(root)[1] == before

    retype(box, "-1")
    assert refused(root)
    retype(box, "0.2")  # corrected: the new value drawn and shown in the call
    assert not refused(root) and "Not valid" not in status(root)
    name, after = assert_call_matches_drawing(root)
    assert after == dict(before, final_lr=0.2)

    retype(control(root, "warmup_steps"), "25")  # refused through another box: max_update is 20
    assert refused(root) and code_line(root) is None
    assert "warmup_steps (25) must be smaller than max_update (20)" in status(root)
    assert "Shorten the warmup, or move max_update above 25." in status(root)
    retype(control(root, "max_update"), "40")  # corrected in the other box: both marks go
    assert not refused(root)
    assert control(root, "warmup_steps").get_attribute("aria-invalid") is None
    assert assert_call_matches_drawing(root)[1] == dict(after, warmup_steps=25, max_update=40)
    assert severe_console_errors(browser) == []


def test_an_emptied_box_shows_the_value_drawn(browser, server):
    """Emptied, a box stands for the value last drawn: its placeholder, the slider, the call."""
    root = open_explorer(browser, server, "schedule", "en")
    box = control(root, "base_lr")
    retype(box, "0.7")
    retype(box, "")
    box.send_keys(Keys.TAB)
    assert box.get_attribute("value") == "" and box.get_attribute("placeholder") == "0.7"
    assert control(root, "base_lr", "range").get_attribute("value") == "0.7"
    assert python_call(code_line(root))[1]["base_lr"] == 0.7
    box.clear()  # as tests/test_site.py types: WebDriver's clear() blurs the box, then keys
    box.send_keys("0.3")
    assert python_call(code_line(root))[1]["base_lr"] == 0.3


# ---------------------------------------------------------------- refusing what d2l_vn refuses

EXPLORER_DEFAULTS = {  # the explorer's starting values, as Python arguments
    "cosine": dict(base_lr=0.5, warmup_steps=5, warmup_begin_lr=0, max_update=20, final_lr=0.01),
    "poly": dict(base_lr=0.5, warmup_steps=5, warmup_begin_lr=0, max_update=20, pwr=2, final_lr=0.01),
    "factor": dict(base_lr=0.5, warmup_steps=5, warmup_begin_lr=0, step=2, factor=0.5, stop_factor_lr=0.05),
    "multi_factor": dict(base_lr=0.5, warmup_steps=5, warmup_begin_lr=0, step=[15, 30], factor=0.5),
}
CASES = [  # (policy, argument, typed): refused or not as d2l_vn decides
    ("cosine", "base_lr", "-0.1"), ("cosine", "base_lr", "0"), ("cosine", "base_lr", "1e"),
    ("cosine", "base_lr", "3"), ("cosine", "warmup_steps", "2.5"), ("cosine", "warmup_steps", "20"),
    ("cosine", "warmup_steps", "0"), ("cosine", "warmup_begin_lr", "0.6"),
    ("cosine", "warmup_begin_lr", "0.5"), ("cosine", "final_lr", "-0.01"), ("cosine", "final_lr", "0.9"),
    ("cosine", "max_update", "0"), ("poly", "pwr", "-1"), ("poly", "pwr", "0"),
    ("factor", "factor", "0"), ("factor", "factor", "1"), ("factor", "factor", "1.5"),
    ("factor", "step", "0"), ("factor", "step", "1.5"), ("factor", "stop_factor_lr", "-1"),
    ("multi_factor", "step", "30, 15"), ("multi_factor", "step", "15, 15"), ("multi_factor", "step", "15, x"),
    ("multi_factor", "step", "0, 30"), ("multi_factor", "step", "5"),
]


def schedule_refused_by_python(kind, argument, typed):
    from d2l_vn import mxnet as d2l_vn
    if kind == "multi_factor" and argument == "step":
        value = [python_literal(token) for token in typed.replace(",", " ").split()]
    else:
        value = python_literal(typed)
    python = {"cosine": d2l_vn.CosineScheduler, "poly": d2l_vn.PolyScheduler,
              "factor": d2l_vn.FactorScheduler, "multi_factor": d2l_vn.MultiFactorScheduler}[kind]
    try:
        python(**dict(EXPLORER_DEFAULTS[kind], **{argument: value}))
    except (ValueError, TypeError):
        return True
    return False


@pytest.mark.parametrize("kind, argument, typed", CASES)
def test_the_schedule_explorer_refuses_what_python_refuses(browser, server, kind, argument, typed):
    root = open_explorer(browser, server, "schedule", "en")
    Select(root.find_element("css selector", "select")).select_by_value(kind)
    assert python_call(code_line(root))[1] == dict(EXPLORER_DEFAULTS[kind], warmup_mode="linear")
    box = control(root, argument, "text" if kind == "multi_factor" and argument == "step" else "box")
    retype(box, typed)
    expected = schedule_refused_by_python(kind, argument, typed)
    assert refused(root) == expected, (kind, argument, typed, status(root))
    if expected:
        assert f"Not valid: {argument}" in status(root) or f"of {argument} " in status(root), status(root)
        assert box.get_attribute("aria-invalid") == "true"
        assert code_line(root) is None
    else:
        assert_call_matches_drawing(root)
    assert severe_console_errors(browser) == []


RECTIFICATION_CASES = [  # (argument, typed, refused by d2l_vn)
    ("beta2", "1", True), ("beta2", "-0.1", True), ("beta2", "0", False), ("beta2", "0.9999", False),
    ("warmup_steps", "2.5", True), ("warmup_steps", "-10", True), ("warmup_steps", "0", False),
]


@pytest.mark.parametrize("argument, typed, expected", RECTIFICATION_CASES)
def test_the_rectification_explorer_refuses_what_python_refuses(browser, server, argument, typed, expected):
    from d2l_vn import mxnet as d2l_vn
    value = python_literal(typed)
    with pytest.raises(ValueError) if expected else contextlib.nullcontext():
        if argument == "beta2":
            d2l_vn.RAdam(beta2=value)
        else:  # the explorer's Adam + warmup: a linear warmup of a constant rate
            d2l_vn.FactorScheduler(step=1, factor=1.0, base_lr=1.0, warmup_steps=value)
    root = open_explorer(browser, server, "rectification", "en")
    retype(control(root, argument), typed)
    assert refused(root) == expected, status(root)
    assert (root.get_attribute("data-state") == "refused") == expected
    if expected:
        assert f"Not valid: {argument} must be" in status(root), status(root)


def test_beta1_is_checked_when_the_raw_moments_use_it(browser, server):
    root = open_explorer(browser, server, "rectification", "en")
    checkbox(root, "raw moments").send_keys(Keys.SPACE)
    retype(control(root, "beta1"), "1")
    assert refused(root) and "beta1 must be a number in [0, 1), got 1" in status(root)
    retype(control(root, "beta1"), "0.9")
    assert not refused(root)


# ---------------------------------------------------------------- fixed y-axis

def y_axis(root):
    svg = root.find_element("css selector", "svg")
    ticks = [t.text for t in svg.find_elements("css selector", "text.tick")]
    return float(svg.get_attribute("data-y-max")), ticks, svg.get_attribute("data-path")


def test_the_fixed_y_axis_keeps_its_range_while_the_base_rate_moves(browser, server):
    root = open_explorer(browser, server, "schedule", "en")
    slider = control(root, "base_lr", "range")
    free = [y_axis(root)]
    slider.send_keys(Keys.ARROW_RIGHT * 20)
    free.append(y_axis(root))
    assert free[0][0] != free[1][0], "without the fixed axis the range follows the curve"

    fixed = checkbox(root, "fixed y-axis")
    assert "cố định trục y" in fixed.find_element("xpath", "..").get_attribute("textContent")
    fixed.send_keys(Keys.SPACE)
    seen = [y_axis(root)]
    for keys in (Keys.ARROW_RIGHT * 30, Keys.ARROW_LEFT * 60, Keys.HOME, Keys.END):
        slider.send_keys(keys)
        seen.append(y_axis(root))
    # the slider's maximum, 2, with the 5 % headroom that the free axis has too
    assert {top for top, _, _ in seen} == {2.1}, [top for top, _, _ in seen]
    assert len({tuple(ticks) for _, ticks, _ in seen}) == 1, "tick labels changed"
    assert len({path for _, _, path in seen}) == len(seen), "the curve did not move"

    retype(control(root, "base_lr"), "3")  # typed beyond the slider: widened, not cut off
    assert y_axis(root)[0] >= 3
    fixed.send_keys(Keys.SPACE)
    retype(control(root, "base_lr"), "0.5")
    assert y_axis(root)[0] == pytest.approx(0.5 * 1.05)


# ---------------------------------------------------------------- phones

FIT = """
const root = arguments[0], box = root.getBoundingClientRect();
const overflowing = Array.from(root.querySelectorAll('*'))
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > box.right + 0.5)
  .slice(0, 5).map(e => e.tagName + '.' + (e.getAttribute('class') || ''));
const scrolling = Array.from(root.querySelectorAll('*'))
  .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
  .map(e => e.tagName + '.' + (e.getAttribute('class') || ''));
const texts = Array.from(root.querySelectorAll('svg text')).filter(t => t.textContent.trim());
const sizes = texts.map(t => { const m = t.getScreenCTM();
  return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); });
const inner = root.clientWidth - parseFloat(getComputedStyle(root).paddingLeft)
  - parseFloat(getComputedStyle(root).paddingRight);
const widths = Array.from(root.querySelectorAll('svg')).map(s => s.getBoundingClientRect().width / inner);
return {page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
        own: [root.scrollWidth, root.clientWidth], overflowing, scrolling,
        smallest: Math.min(...sizes), texts: texts.length, widths};
"""


@pytest.fixture
def phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("name", ["schedule", "rectification"])
@pytest.mark.parametrize("mode", ["vi", "en", "both"])
def test_the_explorers_fit_a_phone(phone, server, name, mode):
    root = open_explorer(phone, server, name, mode)
    states = [phone.execute_script(FIT, root)]
    retype(control(root, "beta2" if name == "rectification" else "base_lr"), "-1")  # a long message
    assert refused(root)
    states.append(phone.execute_script(FIT, root))
    for fit in states:
        assert fit["page"][1] == 390, f"the phone emulation did not apply: {fit['page']}"
        assert fit["page"][0] <= 390 and fit["own"][0] <= fit["own"][1], fit
        assert fit["overflowing"] == [] and fit["scrolling"] == [], fit
        assert fit["texts"] >= 10 and fit["smallest"] >= 10, f"chart text of {fit['smallest']:.1f} px"
        assert min(fit["widths"]) >= 0.95, f"charts narrower than the explorer: {fit['widths']}"


def test_the_charts_are_redrawn_when_the_width_changes(browser, server):
    root = open_explorer(browser, server, "schedule", "en")
    svg = root.find_element("css selector", "svg")
    wide = svg.get_dom_attribute("viewBox")
    browser.set_window_size(500, 1000)
    try:
        browser.execute_async_script(  # the ResizeObserver reports after a frame
            "const done = arguments[arguments.length - 1];"
            "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));")
        narrow = svg.get_dom_attribute("viewBox")
        assert narrow != wide
        assert float(narrow.split()[2]) == pytest.approx(svg.rect["width"], abs=1.5)
    finally:
        browser.set_window_size(1400, 1000)
