/* The explorers of the course website: a learning-rate schedule and RAdam's rectification,
 * computed in the page with d2l_vn_formulas.js and drawn with d2l_vn_chart.js.
 *
 * The Sphinx extension (_ext/d2l_vn_site/explorers.py) puts an empty
 * <div class="d2l-vn-explorer" data-explorer="schedule|rectification"> under the chapter's
 * static figure, with a note for readers without JavaScript; this script replaces the note
 * with labelled controls (a slider and a number box per value), a chart and a table of values
 * at a few marked steps. Labels follow the language switch (<html data-lang>): HTML labels
 * and the status line (notes and errors, written in both languages) through the lang-en /
 * lang-vi classes, chart text by redrawing.
 *
 * A value is refused exactly when d2l_vn refuses it (d2l_vn_formulas.js checks as Python does):
 * the status line says what is wrong and what to do, the boxes at fault are marked
 * aria-invalid, the chart is dimmed and the Python call is hidden, since it was not drawn.
 * An emptied box stands for the last value drawn (its placeholder) until the reader types another.
 */
(function () {
  "use strict";

  var api = window.d2lVn;
  var counter = 0;

  function mode() { return document.documentElement.getAttribute("data-lang") || "both"; }

  /* words = [English, Vietnamese] in the reader's language; for both, "tiếng Việt / English"
   * as in the chapters' figures (d2l_vn.plot.words_in), a word common to both once. */
  function say(words) {
    var current = mode();
    if (current === "en" || current === "vi") { return current === "en" ? words[0] : words[1]; }
    return words[0] === words[1] ? words[0] : words[1] + " / " + words[0];
  }

  function node(parent, name, attributes, text) {
    var made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    if (text !== undefined) { made.textContent = text; }
    if (parent) { parent.appendChild(made); }
    return made;
  }

  /* Language spans, as the extension writes bilingual titles; lang for screen readers, also on
   * the status line that each redraw rewrites (d2l_vn_lang.js marks only what the page loaded). */
  function bilingual(parent, words) {
    node(parent, "span", { class: "lang-en", lang: "en" }, words[0]);
    node(parent, "span", { class: "lang-sep" }, " / ");
    node(parent, "span", { class: "lang-vi", lang: "vi" }, words[1]);
    return parent;
  }

  function newId(prefix) { counter += 1; return "d2l-vn-" + prefix + "-" + counter; }

  function labelFor(row, id, words, name) {
    var label = node(row, "label", { for: id, id: id + "-label" });
    bilingual(label, words);
    if (name) { label.appendChild(document.createTextNode(" ")); node(label, "code", {}, name); }
    return label;
  }

  /* What every field has: its row, its inputs (to mark invalid), the name that d2l_vn's errors
   * use for it, the value last drawn (commit) and, for a box, text that is no value at all. */
  function field(row, spec, inputs) {
    return { row: row, inputs: inputs, name: spec.name || spec.words[0], problem: null, disabled: false,
             commit: function () {} };
  }

  /* Text that is no number at all: refused before d2l_vn sees it. */
  function notANumber(spec) {
    var error = new RangeError((spec.name || spec.words[0]) + " is not a number");
    error.words = [error.message, (spec.name || spec.words[1]) + " không phải là một số"];
    error.hint = ["Type digits, for example 0.5.", "Hãy nhập chữ số, ví dụ 0.5."];
    error.names = [spec.name || spec.words[0]];
    return error;
  }

  /* A value set by a slider and a number box kept in step; spec.toSlider / fromSlider map a
   * value to the slider's position and back (identity unless given). A typed number is passed
   * on as it is, out of the slider's range or not: the explorer checks it as d2l_vn would. An
   * empty box (the reader is about to type) stands for the value last drawn, so that clearing
   * a refused value clears its message; that value shows as the box's placeholder. The box is
   * not refilled when it loses focus: a reader (or WebDriver's clear(), which blurs) coming back
   * to type would find the old number in the way. */
  function numberField(form, spec, changed) {
    var id = newId(spec.name), row = node(form, "div", { class: "field" });
    labelFor(row, id, spec.words, spec.name);
    var toSlider = spec.toSlider || function (v) { return v; };
    var fromSlider = spec.fromSlider || function (v) { return v; };
    var slider = node(row, "input", { type: "range", id: id, min: spec.slider[0], max: spec.slider[1],
                                      step: spec.slider[2] });
    var box = node(row, "input", { type: "number", id: id + "-box", step: spec.step || "any",
                                   "aria-labelledby": id + "-label", inputmode: "decimal" });
    if (spec.min !== undefined) { box.setAttribute("min", spec.min); }
    var made = field(row, spec, [slider, box]);
    made.slider = slider;
    made.box = box;
    made.value = made.drawn = spec.value;
    function show(value, from) {
      made.value = value;
      if (from !== box) { box.value = String(value); }
      if (from !== slider) { slider.value = String(toSlider(value)); }
      slider.setAttribute("aria-valuetext", (spec.name || say(spec.words)) + " = " + value);
    }
    slider.addEventListener("input", function () {
      made.problem = null;
      show(fromSlider(Number(slider.value)), slider);
      changed();
    });
    box.addEventListener("input", function () {
      // badInput: text that the browser cannot read as a number ("1e", "-"): its value is ""
      made.problem = box.validity && box.validity.badInput ? notANumber(spec) : null;
      if (!made.problem) { show(box.value.trim() === "" ? made.drawn : Number(box.value), box); }
      changed();
    });
    made.get = function () { return made.value; };
    made.commit = function () {
      made.drawn = made.value;
      box.placeholder = String(made.drawn);
    };
    made.setDisabled = function (disabled) {
      made.disabled = disabled;
      slider.disabled = disabled;
      box.disabled = disabled;
    };
    show(spec.value);
    return made;
  }

  function selectField(form, spec, changed) {
    var id = newId(spec.name), row = node(form, "div", { class: "field" });
    labelFor(row, id, spec.words, spec.name);
    var select = node(row, "select", { id: id });
    spec.options.forEach(function (option) {
      var item = node(select, "option", { value: option[0] }, option[1]);
      if (option[0] === spec.value) { item.selected = true; }
    });
    select.addEventListener("change", changed);
    var made = field(row, spec, [select]);
    made.select = select;
    made.get = function () { return select.value; };
    return made;
  }

  function textField(form, spec, changed) {
    var id = newId(spec.name), row = node(form, "div", { class: "field" });
    labelFor(row, id, spec.words, spec.name);
    var input = node(row, "input", { type: "text", id: id, value: spec.value, inputmode: "numeric",
                                     spellcheck: "false" });
    var made = field(row, spec, [input]);
    made.input = input;
    made.drawn = spec.value;
    input.addEventListener("input", changed);
    made.get = function () { return input.value.trim() === "" ? made.drawn : input.value; };
    made.commit = function () {  // emptied, it stands for the value drawn, as a number box does
      made.drawn = made.get();
      input.placeholder = made.drawn;
    };
    return made;
  }

  function checkboxField(form, spec, changed) {
    var id = newId(spec.name), row = node(form, "div", { class: "field check" });
    var box = node(row, "input", { type: "checkbox", id: id });
    box.checked = spec.value;
    labelFor(row, id, spec.words);
    box.addEventListener("change", changed);
    var made = field(row, spec, [box]);
    made.box = box;
    made.get = function () { return box.checked; };
    return made;
  }

  /* The parts every explorer has: heading, controls, chart(s), status line, values table. */
  function frame(root, title, help) {
    while (root.firstChild) { root.removeChild(root.firstChild); }
    var headingId = newId("title");
    root.setAttribute("role", "group");
    root.setAttribute("aria-labelledby", headingId);
    bilingual(node(root, "p", { class: "explorer-title", id: headingId }), title);
    bilingual(node(root, "p", { class: "explorer-help" }), help);
    var form = node(root, "form", { class: "controls" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var figures = node(root, "div", { class: "figures" });
    var status = node(root, "p", { class: "status", role: "status", "aria-live": "polite" });
    var table = node(node(root, "div", { class: "values" }), "table");
    return { root: root, form: form, figures: figures, status: status, table: table };
  }

  function svgIn(figures) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("id", newId("chart"));
    svg.setAttribute("role", "img");
    figures.appendChild(svg);
    return svg;
  }

  /* Rewrite the values table: header words and rows of cells (strings or [en, vi] words); a
   * word common to both languages (Adam, ρₜ) once, as say() does, to keep the table narrow. */
  function fillTable(table, header, rows) {
    while (table.firstChild) { table.removeChild(table.firstChild); }
    var head = node(node(table, "thead"), "tr");
    header.forEach(function (words) {
      var th = node(head, "th", { scope: "col" });
      if (words[0] === words[1]) { th.textContent = words[0]; } else { bilingual(th, words); }
    });
    var body = node(table, "tbody");
    rows.forEach(function (cells) {
      var row = node(body, "tr");
      cells.forEach(function (cell) {
        var td = node(row, "td");
        if (Array.isArray(cell)) { bilingual(td, cell); td.className = "words"; } else { td.textContent = cell; }
      });
    });
  }

  /* The status line in both languages ([English, Vietnamese]): the language switch shows one
   * or both, and a switch needs no redraw to keep the line in the reader's language. */
  function setStatus(parts, words, problem) {
    var status = parts.status;
    while (status.firstChild) { status.removeChild(status.firstChild); }
    bilingual(status, words);
    status.classList.toggle("problem", problem);
  }

  /* The fields that the drawing uses: hidden and disabled ones are not checked, nor committed. */
  function used(fields) {
    return Object.keys(fields).map(function (key) { return fields[key]; })
      .filter(function (one) { return !one.row.hidden && !one.disabled; });
  }

  /* Text in a box that is no number: the first such field's error, or null. */
  function fieldProblem(fields) {
    var bad = used(fields).filter(function (one) { return one.problem; });
    return bad.length ? bad[0].problem : null;
  }

  function markInvalid(fields, names) {
    Object.keys(fields).forEach(function (key) {
      var one = fields[key], bad = !one.row.hidden && names.indexOf(one.name) >= 0;
      one.inputs.forEach(function (input) {
        if (bad) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      });
    });
  }

  /* A refused value: what is wrong and what to do, in both languages; the chart, left as last
   * drawn, is dimmed (data-state="refused") so that it is not read as the refused values'. */
  function showProblem(parts, fields, error) {
    var words = error.words || [error.message, error.message];  // not d2l_vn's: a bug, shown as is
    var hint = error.hint || ["", ""];
    setStatus(parts, ["Not valid: " + words[0] + ". " + hint[0] + " The chart still shows the last valid values.",
                      "Không hợp lệ: " + words[1] + ". " + hint[1] +
                      " Biểu đồ vẫn là của các giá trị hợp lệ gần nhất."], true);
    markInvalid(fields, error.names || []);
    parts.root.dataset.state = "refused";
  }

  /* Drawn: the note in both languages, the marks cleared, and the values kept as last drawn. */
  function showDrawn(parts, fields, words) {
    setStatus(parts, words, false);
    markInvalid(fields, []);
    used(fields).forEach(function (one) { one.commit(); });
    parts.root.dataset.state = "drawn";
  }

  /* The number of steps an explorer draws (not a d2l_vn argument: the explorer's own rule);
   * the upper bound keeps the page responsive. */
  var MOST_SHOWN = 100000;

  function checkShown(n) {
    if (!Number.isInteger(n) || n < 2 || n > MOST_SHOWN) {
      var most = api.formatNumber(MOST_SHOWN);
      var error = new RangeError("steps shown must be an integer from 2 to " + most + ", got " + n);
      error.words = [error.message, "số bước hiển thị phải là số nguyên từ 2 đến " + most + ", nhận được " + n];
      error.hint = ["Type a whole number of steps.", "Hãy nhập một số bước nguyên."];
      error.names = ["steps shown"];
      throw error;
    }
    return n;
  }

  var fmt = function (value) { return api.formatNumber(value, 4); };
  var COLORS = ["#0a7d91", "#d9480f", "#5f3dc4"];

  /* ---------------------------------------------------------------- schedule explorer */

  var KINDS = [["square_root", "SquareRootScheduler"], ["factor", "FactorScheduler"],
               ["multi_factor", "MultiFactorScheduler"], ["poly", "PolyScheduler"],
               ["cosine", "CosineScheduler"]];

  function pythonValue(value) {
    if (Array.isArray(value)) { return "[" + value.map(pythonValue).join(", ") + "]"; }
    return typeof value === "string" ? "'" + value + "'" : String(value);
  }

  /* The fixed y-axis: from 0 to the base-rate slider's maximum (plus the 5 % headroom of the
   * free axis, so 2.1). No rate that the sliders can set goes higher (warmup_begin_lr <= base_lr,
   * final_lr and the floor have lower maxima), so with the axis fixed, moving a slider moves the
   * curve instead of relabelling the axis. A rate typed above it widens the axis rather than
   * leaving the curve cut off. */
  var FIXED_TOP = 2;

  function scheduleExplorer(root) {
    var parts = frame(root, ["Schedule explorer", "Khám phá lịch tốc độ học"],
                      ["Pick a policy and move the sliders (or type a value): the learning rate at every step " +
                       "is recomputed in this page with the formulas of d2l_vn.schedulers.",
                       "Chọn một chính sách rồi kéo thanh trượt (hoặc gõ giá trị): tốc độ học ở mỗi bước được " +
                       "tính lại ngay trong trang bằng đúng các công thức của d2l_vn.schedulers."]);
    var form = parts.form, update = function () { redraw(); };
    var kind = selectField(form, { name: "kind", words: ["policy", "chính sách"], value: "cosine",
                                   options: KINDS.map(function (k) { return [k[0], k[1]]; }) }, update);
    var fields = {
      base_lr: numberField(form, { name: "base_lr", words: ["base rate", "tốc độ ban đầu"],
                                   slider: [0.01, FIXED_TOP, 0.01], value: 0.5, min: 0 }, update),
      step: numberField(form, { name: "step", words: ["decay every", "giảm sau mỗi"],
                                slider: [1, 20, 1], value: 2, min: 1, step: 1 }, update),
      steps: textField(form, { name: "step", words: ["decay after the steps", "giảm sau các bước"],
                               value: "15, 30" }, update),
      factor: numberField(form, { name: "factor", words: ["factor", "hệ số"],
                                  slider: [0.05, 1, 0.05], value: 0.5, min: 0 }, update),
      stop_factor_lr: numberField(form, { name: "stop_factor_lr", words: ["floor", "sàn"],
                                          slider: [0, 0.5, 0.01], value: 0.05, min: 0 }, update),
      max_update: numberField(form, { name: "max_update", words: ["decay ends at step", "kết thúc giảm ở bước"],
                                      slider: [1, 200, 1], value: 20, min: 1, step: 1 }, update),
      pwr: numberField(form, { name: "pwr", words: ["power", "số mũ"], slider: [0, 5, 0.1], value: 2, min: 0 },
                       update),
      final_lr: numberField(form, { name: "final_lr", words: ["final rate", "tốc độ cuối"],
                                    slider: [0, 1, 0.01], value: 0.01, min: 0 }, update),
      warmup_steps: numberField(form, { name: "warmup_steps", words: ["warmup steps", "số bước khởi động"],
                                        slider: [0, 50, 1], value: 5, min: 0, step: 1 }, update),
      warmup_begin_lr: numberField(form, { name: "warmup_begin_lr",
                                           words: ["warmup begins at", "tốc độ đầu khởi động"],
                                           slider: [0, 1, 0.01], value: 0, min: 0 }, update),
      warmup_mode: selectField(form, { name: "warmup_mode", words: ["warmup", "khởi động"], value: "linear",
                                       options: [["linear", "linear / tuyến tính"],
                                                 ["constant", "constant / không đổi"]] }, update),
      num_steps: numberField(form, { name: "", words: ["steps shown", "số bước hiển thị"],
                                     slider: [5, 200, 1], value: 30, min: 2, step: 1 }, update),
      fixed_y: checkboxField(form, { name: "fixed_y", words: ["fixed y-axis, 0 to " + FIXED_TOP,
                                                               "cố định trục y, 0 đến " + FIXED_TOP],
                                     value: false }, update)
    };
    var USES = { square_root: [], factor: ["step", "factor", "stop_factor_lr"],
                 multi_factor: ["steps", "factor"], poly: ["max_update", "pwr", "final_lr"],
                 cosine: ["max_update", "final_lr"] };
    var svg = svgIn(parts.figures);
    var code = node(root, "pre", { class: "call" });

    function params(which) {
      var p = { base_lr: fields.base_lr.get(), warmup_steps: fields.warmup_steps.get(),
                warmup_begin_lr: fields.warmup_begin_lr.get(), warmup_mode: fields.warmup_mode.get() };
      USES[which].forEach(function (name) {
        if (name === "steps") {  // a token that is no number stays text: refused, and named
          p.step = fields.steps.get().split(/[\s,;]+/).filter(Boolean).map(function (token) {
            return isFinite(Number(token)) ? Number(token) : token;
          });
        } else {
          p[name] = fields[name].get();
        }
      });
      return p;
    }

    function redraw() {
      var which = kind.get();
      ["step", "steps", "factor", "stop_factor_lr", "max_update", "pwr", "final_lr"].forEach(function (name) {
        fields[name].row.hidden = USES[which].indexOf(name) < 0;
      });
      var p = params(which), n = fields.num_steps.get(), s;
      try {
        var problem = fieldProblem(fields);
        if (problem) { throw problem; }
        checkShown(n);
        s = api.scheduler(which, p);
      } catch (error) {
        showProblem(parts, fields, error);
        code.hidden = true;  // a call that was not drawn is not shown
        code.textContent = "";
        return;
      }
      var points = [], top = 0;
      for (var t = 0; t < n; t++) {
        var lr = s(t);
        points.push([t, lr]);
        top = Math.max(top, lr);
      }
      var marked = [0, p.warmup_steps, Math.round(n / 4), Math.round(n / 2), n - 1]
        .filter(function (t, i, all) { return t >= 0 && t < n && all.indexOf(t) === i; })
        .sort(function (a, b) { return a - b; });
      var python = KINDS.filter(function (k) { return k[0] === which; })[0][1];
      var drawn = api.chart(svg, {
        title: python,
        x: { label: say(["step t", "bước t"]), min: 0, max: n - 1 },
        y: { label: say(["learning rate", "tốc độ học"]), min: 0,
             max: (fields.fixed_y.get() ? Math.max(FIXED_TOP, top) : top) * 1.05 || 1 },
        series: [{ points: points, color: COLORS[0] }],
        marks: marked.map(function (t) { return { x: t, y: s(t), color: COLORS[1] }; })
      });
      svg.setAttribute("aria-label", say(["learning rate against the step", "tốc độ học theo bước"]) +
                       ": " + python);
      svg.dataset.path = drawn[0];
      fillTable(parts.table, [["step t", "bước t"], ["learning rate", "tốc độ học"]],
                marked.map(function (t) { return [String(t), fmt(s(t))]; }));
      code.hidden = false;
      code.textContent = "d2l_vn." + python + "(" + Object.keys(p).map(function (name) {
        return name + "=" + pythonValue(p[name]);
      }).join(", ") + ")";
      showDrawn(parts, fields, ["rate at step 0: " + fmt(s(0)) + "; at step " + (n - 1) + ": " + fmt(s(n - 1)),
                                "tốc độ ở bước 0: " + fmt(s(0)) + "; ở bước " + (n - 1) + ": " + fmt(s(n - 1))]);
    }
    return redraw;
  }

  /* ----------------------------------------------------------- rectification explorer */

  function firstAdaptiveStep(beta2, threshold, horizon) {
    for (var t = 1; t <= horizon; t++) {
      if (api.rho(t, beta2) > threshold) { return t; }
    }
    return null;
  }

  function rectificationExplorer(root) {
    var parts = frame(root, ["Rectification explorer", "Khám phá phép chỉnh lưu"],
                      ["Move β₂ (and the other sliders): ρₜ, rₜ and the effective learning rate of Adam, " +
                       "Adam with linear warmup and RAdam are recomputed in this page with d2l_vn.rho and " +
                       "d2l_vn.rectification.",
                       "Kéo β₂ (và các thanh trượt khác): ρₜ, rₜ và tốc độ học hiệu dụng của Adam, Adam có " +
                       "khởi động tuyến tính và RAdam được tính lại ngay trong trang bằng d2l_vn.rho và " +
                       "d2l_vn.rectification."]);
    var form = parts.form, update = function () { redraw(); };
    var fields = {
      beta2: numberField(form, {
        name: "beta2", words: ["second-moment decay", "hệ số mô-men bậc hai"], value: 0.999, min: 0,
        slider: [0.3, 4, 0.01],  // the slider moves -log10(1 - beta2): 0.5 ... 0.9999
        toSlider: function (b) { return -Math.log10(1 - b); },
        fromSlider: function (x) { return Number((1 - Math.pow(10, -x)).toFixed(6)); } }, update),
      threshold: selectField(form, { name: "threshold", words: ["adaptive step when ρₜ >", "bước thích ứng khi ρₜ >"],
                                     value: "4", options: [["4", "4 (Liu et al.)"], ["5", "5 (PyTorch)"]] }, update),
      warmup: numberField(form, { name: "warmup_steps", words: ["Adam's warmup length", "độ dài khởi động của Adam"],
                                  slider: [10, 5000, 10], value: 2000, min: 0, step: 1 }, update),
      horizon: numberField(form, { name: "", words: ["steps shown", "số bước hiển thị"],
                                   slider: [10, 10000, 10], value: 2000, min: 10, step: 1 }, update),
      logx: checkboxField(form, { name: "logx", words: ["logarithmic step axis", "trục bước logarit"],
                                  value: false }, update),
      raw: checkboxField(form, { name: "raw", words: ["step on the raw moments m / √v, as MXNet's adam_update",
                                                       "bước trên mô-men thô m / √v, như adam_update của MXNet"],
                                 value: false }, update),
      beta1: numberField(form, { name: "beta1", words: ["first-moment decay", "hệ số mô-men bậc nhất"],
                                 slider: [0, 0.99, 0.01], value: 0.9, min: 0 }, update)
    };
    var charts = { rho: svgIn(parts.figures), r: svgIn(parts.figures), lr: svgIn(parts.figures) };

    function redraw() {
      var beta2 = fields.beta2.get(), beta1 = fields.beta1.get(), raw = fields.raw.get();
      var threshold = Number(fields.threshold.get()), warmup = fields.warmup.get();
      var horizon = fields.horizon.get(), logx = fields.logx.get();
      fields.beta1.setDisabled(!raw);  // used on the raw moments only: checked only then
      var rows = [], first, rhoInf;
      try {
        var problem = fieldProblem(fields);
        if (problem) { throw problem; }
        checkShown(horizon);
        if (raw) { api.checkBeta("beta1", beta1); }  // as d2l_vn.RAdam does, before any step
        rhoInf = api.rhoInf(beta2);
        first = firstAdaptiveStep(beta2, threshold, horizon);
        var warmupAt = api.scheduler("factor", { step: 1, factor: 1.0, base_lr: 1.0, warmup_steps: warmup });
        var scale = function (t) { return raw ? Math.sqrt(api.biasCorrection(t, beta2)) / api.biasCorrection(t, beta1) : 1; };
        for (var t = 1; t <= horizon; t++) {
          var rho = api.rho(t, beta2), r = api.rectification(t, beta2);
          var radam = raw ? api.radamStepScalars(t, beta1, beta2, threshold)
                          : [rho > threshold, r];
          rows.push({ t: t, rho: rho, r: r, adam: scale(t), warm: warmupAt(t) * scale(t),
                      radam: radam[0] ? radam[1] : null });
        }
      } catch (error) {
        showProblem(parts, fields, error);
        return;
      }
      var x = { label: say(["step t", "bước t"]), min: 1, max: horizon, log: logx };
      var undefinedUntil = rows.filter(function (row) { return row.r === null; }).length;
      var momentumUntil = first === null ? horizon : first - 1;
      var rhoTop = Math.max(rhoInf, threshold, 10) * 1.3;
      var drawn = [];
      drawn.push(api.chart(charts.rho, {
        title: "ρₜ", x: x, y: { label: "ρₜ", min: 0.8, max: rhoTop, log: true },
        series: [{ points: rows.map(function (row) { return [row.t, row.rho]; }), color: COLORS[0] }],
        hlines: [{ y: threshold, label: say(["threshold", "ngưỡng"]) + " " + threshold },
                 { y: rhoInf, label: "ρ∞ = " + fmt(rhoInf) }]
      })[0]);
      drawn.push(api.chart(charts.r, {
        title: "rₜ", x: x, y: { label: "rₜ", min: 0, max: 1.05 },
        series: [{ points: rows.map(function (row) { return [row.t, row.r]; }), color: COLORS[0] }],
        bands: [{ from: 1, to: undefinedUntil + 0.5,
                  label: undefinedUntil ? say(["rₜ undefined (ρₜ ≤ 4)", "rₜ không xác định (ρₜ ≤ 4)"]) : "" }]
      })[0]);
      var lrTop = Math.max.apply(null, rows.map(function (row) { return Math.max(row.adam, row.radam || 0); }));
      drawn = drawn.concat(api.chart(charts.lr, {
        title: say(["effective learning rate, in units of η", "tốc độ học hiệu dụng, theo đơn vị η"]), x: x,
        y: { label: raw ? say(["multiplies m / √v", "nhân với m / √v"])
                        : say(["multiplies m̂ / √v̂", "nhân với m̂ / √v̂"]),
             min: 0, max: lrTop * 1.1 || 1 },
        series: [{ name: "Adam", points: rows.map(function (row) { return [row.t, row.adam]; }), color: COLORS[0] },
                 { name: say(["Adam + warmup", "Adam + khởi động"]), color: COLORS[1], dash: "6 4",
                   points: rows.map(function (row) { return [row.t, row.warm]; }) },
                 { name: "RAdam", points: rows.map(function (row) { return [row.t, row.radam]; }), color: COLORS[2] }],
        bands: [{ from: 1, to: momentumUntil + 0.5,
                  label: momentumUntil ? say(["RAdam: momentum steps", "RAdam: bước động lượng"]) : "" }]
      }));
      charts.rho.setAttribute("aria-label", say(["ρₜ against the step", "ρₜ theo bước"]));
      charts.r.setAttribute("aria-label", say(["rₜ against the step", "rₜ theo bước"]));
      charts.lr.setAttribute("aria-label", say(["effective learning rates against the step",
                                                "tốc độ học hiệu dụng theo bước"]));
      root.dataset.paths = drawn.join("|");
      var marked = [1, first, 10, 100, 1000, horizon]
        .filter(function (t, i, all) { return t !== null && t <= horizon && all.indexOf(t) === i; })
        .sort(function (a, b) { return a - b; });
      var undefinedWords = ["undefined", "không xác định"], momentumWords = ["momentum step", "bước động lượng"];
      fillTable(parts.table, [["step t", "bước t"], ["ρₜ", "ρₜ"], ["rₜ", "rₜ"], ["Adam", "Adam"],
                              ["Adam + warmup", "Adam + khởi động"], ["RAdam", "RAdam"]],
                marked.map(function (t) {
                  var row = rows[t - 1];
                  return [String(t), fmt(row.rho), row.r === null ? undefinedWords : fmt(row.r), fmt(row.adam),
                          fmt(row.warm), row.radam === null ? momentumWords : fmt(row.radam)];
                }));
      showDrawn(parts, fields, ["ρ∞ = " + fmt(rhoInf) + "; first adaptive step of RAdam: " +
                                (first === null ? "none in the steps shown" : String(first)),
                                "ρ∞ = " + fmt(rhoInf) + "; bước thích ứng đầu tiên của RAdam: " +
                                (first === null ? "không có trong các bước hiển thị" : String(first))]);
    }
    return redraw;
  }

  /* ---------------------------------------------------------------- wiring */

  var BUILDERS = { schedule: scheduleExplorer, rectification: rectificationExplorer };

  /* The charts are drawn at the width they are given (d2l_vn_chart.js): redraw when it
   * changes (a phone turned, a window resized), not when only the height does. */
  function redrawOnResize(root, redraw) {
    if (!window.ResizeObserver) { return; }
    var width = root.clientWidth;
    new ResizeObserver(function () {
      if (root.clientWidth === width) { return; }
      width = root.clientWidth;
      redraw();
    }).observe(root);
  }

  function start() {
    var redraws = [];
    Array.prototype.forEach.call(document.querySelectorAll(".d2l-vn-explorer"), function (root) {
      var build = BUILDERS[root.getAttribute("data-explorer")];
      if (!build) { return; }
      var redraw = build(root);
      redraw();
      root.classList.add("ready");
      redraws.push(redraw);
      redrawOnResize(root, redraw);
    });
    if (redraws.length) {
      new MutationObserver(function () { redraws.forEach(function (redraw) { redraw(); }); })
        .observe(document.documentElement, { attributes: true, attributeFilter: ["data-lang"] });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
