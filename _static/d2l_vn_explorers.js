/* The explorers of the course website: a learning-rate schedule and RAdam's rectification,
 * computed in the page with d2l_vn_formulas.js and drawn with d2l_vn_chart.js.
 *
 * The Sphinx extension (_ext/d2l_vn_site/explorers.py) puts an empty
 * <div class="d2l-vn-explorer" data-explorer="schedule|rectification"> under the chapter's
 * static figure, with a note for readers without JavaScript; this script replaces the note
 * with labelled controls (a slider and a number box per value), a chart and a table of values
 * at a few marked steps. Labels follow the language switch (<html data-lang>): HTML labels
 * through the lang-en / lang-vi classes, chart text by redrawing.
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

  /* Language spans, as the extension writes bilingual titles. */
  function bilingual(parent, words) {
    node(parent, "span", { class: "lang-en" }, words[0]);
    node(parent, "span", { class: "lang-sep" }, " / ");
    node(parent, "span", { class: "lang-vi" }, words[1]);
    return parent;
  }

  function newId(prefix) { counter += 1; return "d2l-vn-" + prefix + "-" + counter; }

  function labelFor(row, id, words, name) {
    var label = node(row, "label", { for: id, id: id + "-label" });
    bilingual(label, words);
    if (name) { label.appendChild(document.createTextNode(" ")); node(label, "code", {}, name); }
    return label;
  }

  /* A value set by a slider and a number box kept in step; spec.toSlider / fromSlider map a
   * value to the slider's position and back (identity unless given). */
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
    var field = { row: row, slider: slider, box: box, value: spec.value };
    function show(value, from) {
      field.value = value;
      if (from !== box) { box.value = String(value); }
      if (from !== slider) { slider.value = String(toSlider(value)); }
      slider.setAttribute("aria-valuetext", (spec.name || spec.words[0]) + " = " + value);
    }
    slider.addEventListener("input", function () {
      show(fromSlider(Number(slider.value)), slider);
      changed();
    });
    box.addEventListener("input", function () {
      if (box.value.trim() === "" || !isFinite(Number(box.value))) { return; }
      show(Number(box.value), box);
      changed();
    });
    field.get = function () { return field.value; };
    field.setDisabled = function (disabled) { slider.disabled = disabled; box.disabled = disabled; };
    show(spec.value);
    return field;
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
    return { row: row, select: select, get: function () { return select.value; } };
  }

  function textField(form, spec, changed) {
    var id = newId(spec.name), row = node(form, "div", { class: "field" });
    labelFor(row, id, spec.words, spec.name);
    var input = node(row, "input", { type: "text", id: id, value: spec.value, inputmode: "numeric",
                                     spellcheck: "false" });
    input.addEventListener("input", changed);
    return { row: row, input: input, get: function () { return input.value; } };
  }

  function checkboxField(form, spec, changed) {
    var id = newId(spec.name), row = node(form, "div", { class: "field check" });
    var box = node(row, "input", { type: "checkbox", id: id });
    box.checked = spec.value;
    labelFor(row, id, spec.words);
    box.addEventListener("change", changed);
    return { row: row, box: box, get: function () { return box.checked; } };
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
    return { form: form, figures: figures, status: status, table: table };
  }

  function svgIn(figures) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("id", newId("chart"));
    svg.setAttribute("role", "img");
    figures.appendChild(svg);
    return svg;
  }

  /* Rewrite the values table: header words and rows of cells (strings or [en, vi] words). */
  function fillTable(table, header, rows) {
    while (table.firstChild) { table.removeChild(table.firstChild); }
    var head = node(node(table, "thead"), "tr");
    header.forEach(function (words) { bilingual(node(head, "th", { scope: "col" }), words); });
    var body = node(table, "tbody");
    rows.forEach(function (cells) {
      var row = node(body, "tr");
      cells.forEach(function (cell) {
        var td = node(row, "td");
        if (Array.isArray(cell)) { bilingual(td, cell); } else { td.textContent = cell; }
      });
    });
  }

  function showProblem(parts, error) {
    parts.status.textContent = say(["Not valid", "Không hợp lệ"]) + ": " + error.message;
    parts.status.classList.add("problem");
  }

  function clearProblem(parts, text) {
    parts.status.textContent = text;
    parts.status.classList.remove("problem");
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
                                   slider: [0.01, 2, 0.01], value: 0.5, min: 0 }, update),
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
                                     slider: [5, 200, 1], value: 30, min: 2, step: 1 }, update)
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
        if (name === "steps") {
          p.step = fields.steps.get().split(/[\s,;]+/).filter(Boolean).map(Number);
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
      var p = params(which), n = Math.round(fields.num_steps.get()), s;
      try {
        if (!(n >= 2)) { throw new RangeError("steps shown must be at least 2"); }
        s = api.scheduler(which, p);
      } catch (error) {
        showProblem(parts, error);
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
        y: { label: say(["learning rate", "tốc độ học"]), min: 0, max: top * 1.05 || 1 },
        series: [{ points: points, color: COLORS[0] }],
        marks: marked.map(function (t) { return { x: t, y: s(t), color: COLORS[1] }; })
      });
      svg.setAttribute("aria-label", say(["learning rate against the step", "tốc độ học theo bước"]) +
                       ": " + python);
      svg.dataset.path = drawn[0];
      fillTable(parts.table, [["step t", "bước t"], ["learning rate", "tốc độ học"]],
                marked.map(function (t) { return [String(t), fmt(s(t))]; }));
      code.textContent = "d2l_vn." + python + "(" + Object.keys(p).map(function (name) {
        return name + "=" + pythonValue(p[name]);
      }).join(", ") + ")";
      clearProblem(parts, say(["rate at step 0", "tốc độ ở bước 0"]) + ": " + fmt(s(0)) + "; " +
                   say(["at step " + (n - 1), "ở bước " + (n - 1)]) + ": " + fmt(s(n - 1)));
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
                                  slider: [10, 5000, 10], value: 2000, min: 1, step: 1 }, update),
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
      var threshold = Number(fields.threshold.get()), warmup = Math.round(fields.warmup.get());
      var horizon = Math.round(fields.horizon.get()), logx = fields.logx.get();
      fields.beta1.setDisabled(!raw);
      var rows = [], first, rhoInf;
      try {
        if (!(horizon >= 2)) { throw new RangeError("steps shown must be at least 2"); }
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
        showProblem(parts, error);
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
      clearProblem(parts, "ρ∞ = " + fmt(rhoInf) + "; " +
                   say(["first adaptive step of RAdam", "bước thích ứng đầu tiên của RAdam"]) + ": " +
                   (first === null ? say(["none in the steps shown", "không có trong các bước hiển thị"])
                                   : String(first)));
    }
    return redraw;
  }

  /* ---------------------------------------------------------------- wiring */

  var BUILDERS = { schedule: scheduleExplorer, rectification: rectificationExplorer };

  function start() {
    var redraws = [];
    Array.prototype.forEach.call(document.querySelectorAll(".d2l-vn-explorer"), function (root) {
      var build = BUILDERS[root.getAttribute("data-explorer")];
      if (!build) { return; }
      var redraw = build(root);
      redraw();
      root.classList.add("ready");
      redraws.push(redraw);
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
