/* A small SVG line chart for the website's explorers (no library, no network).
 *
 * window.d2lVn.chart(svg, spec) redraws the <svg> element from spec:
 *   { title, x: {label, min, max, log}, y: {label, min, max, log},
 *     series: [{name, color, dash, points: [[x, y or null], ...]}],  (null breaks a line)
 *     bands: [{from, to, label}], hlines: [{y, label}], marks: [{x, y, color}] }
 * and returns the drawn paths' "d" attributes. The chart is drawn at the width the page gives
 * the <svg> (one viewBox unit = one CSS pixel), so its text keeps the stylesheet's size on a
 * phone instead of shrinking with a fixed-size drawing; the explorers redraw it when that width
 * changes. Text that does not fit (title, y label, legend) wraps onto more lines. The drawn
 * y range is kept in svg.dataset.yMin and yMax. The text is drawn by the explorers in the
 * reader's language.
 */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var WIDTH = 640, HEIGHT = 300;  // the drawing's size when the page gives it no width (hidden)
  var NARROWEST = 260;  // below this the drawing is scaled down rather than squeezed further
  var MARGIN = { left: 64, right: 28, bottom: 46 };
  var LINE = 16;  // between lines of wrapped text, at the stylesheet's 12-13 px

  function element(parent, name, attributes, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    parent.appendChild(node);
    return node;
  }

  /* A number as a short label: decimal point, thousands grouped by a thin space. */
  function format(value, digits) {
    if (value === null || !isFinite(value)) { return "–"; }
    if (value === 0) { return "0"; }
    var magnitude = Math.abs(value);
    if (magnitude >= 1e5 || magnitude < 1e-4) {
      return Number(value.toPrecision(digits || 3)).toExponential().replace("e", "·10^").replace("+", "");
    }
    var parts = (magnitude >= 1000 ? String(Math.round(value))
                                   : String(Number(value.toPrecision(digits || 3)))).split(".");
    if (magnitude >= 1e4) {  // the course's convention (CONTRIBUTING.md): 60 000, but 2000
      parts[0] = parts[0].replace(/\B(?=(\d{3})+$)/g, "\u202f");
    }
    return parts.join(".");
  }

  function niceStep(span, count) {
    var raw = span / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
    var unit = raw / power;
    return power * (unit < 1.5 ? 1 : unit < 3.5 ? 2 : unit < 7.5 ? 5 : 10);
  }

  function ticks(axis, count) {
    if (axis.log) {
      var out = [];
      for (var e = Math.ceil(Math.log10(axis.min)); e <= Math.floor(Math.log10(axis.max)); e++) {
        out.push(Math.pow(10, e));
      }
      return out;
    }
    var step = niceStep(axis.max - axis.min || 1, count);
    var values = [];
    for (var v = Math.ceil(axis.min / step) * step; v <= axis.max + step * 1e-9; v += step) {
      values.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
    }
    return values;
  }

  function scale(axis, from, to) {
    var f = axis.log ? Math.log10 : function (v) { return v; };
    var a = f(axis.min), b = f(axis.max);
    if (b === a) { b = a + 1; }
    return function (v) { return from + (f(v) - a) / (b - a) * (to - from); };
  }

  /* The width the page gives the chart, in CSS pixels; its height follows, within bounds. */
  function size(svg) {
    var width = Math.floor(svg.getBoundingClientRect().width) || WIDTH;
    width = Math.max(width, NARROWEST);
    return [width, Math.round(Math.min(HEIGHT, Math.max(240, width * 0.47)))];
  }

  /* Break a text element's words onto lines (tspans) no longer than maxWidth; returns the
   * number of lines. Lines are stacked along the text's own y direction (rotated with it). */
  function wrap(text, words, maxWidth) {
    text.textContent = words;
    if (!text.getComputedTextLength || text.getComputedTextLength() <= maxWidth) { return 1; }
    text.textContent = "";
    var x = text.getAttribute("x"), lines = 0, line = null, kept = "";
    words.split(" ").forEach(function (word) {
      if (line) {
        line.textContent = kept + " " + word;
        if (line.getComputedTextLength() <= maxWidth) { kept = line.textContent; return; }
        line.textContent = kept;
      }
      line = element(text, "tspan", lines ? { x: x, dy: LINE } : { x: x }, word);
      kept = word;
      lines += 1;
    });
    return lines;
  }

  /* The legend's names, right-aligned above the plot from right to left, in as many rows as
   * the width needs; returns the number of rows. */
  function legend(svg, series, left, right, y) {
    var x = right, rows = 0;
    series.slice().reverse().forEach(function (one) {
      if (!one.name) { return; }
      rows = rows || 1;
      var label = element(svg, "text", { x: x, y: y, "text-anchor": "end", class: "legend",
                                         style: "fill: " + one.color }, one.name);
      var length = label.getComputedTextLength ? label.getComputedTextLength() : 90;
      if (x - length < left && x !== right) {  // does not fit beside the others: a new row
        rows += 1;
        x = right;
        label.setAttribute("x", x);
        label.setAttribute("y", y + (rows - 1) * LINE);
      }
      x -= length + 14;
    });
    return rows;
  }

  function chart(svg, spec) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var measured = size(svg), width = measured[0], height = measured[1];
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    var left = MARGIN.left, right = width - MARGIN.right, bottom = height - MARGIN.bottom;
    var title = element(svg, "text", { x: left, y: 18, class: "title" });
    var titleLines = wrap(title, spec.title, width - left - 4);
    var baseline = 18 + (titleLines - 1) * LINE;
    var legendRows = legend(svg, spec.series, left, right, baseline + 20);
    var top = (legendRows ? baseline + 20 + (legendRows - 1) * LINE : baseline) + 10;
    var yLabel = element(svg, "text", { x: 14, y: (top + bottom) / 2, "text-anchor": "middle",
                                        class: "axis-label",
                                        transform: "rotate(-90 14 " + (top + bottom) / 2 + ")" });
    left += (wrap(yLabel, spec.y.label, bottom - top) - 1) * LINE;  // room for its second line
    var X = scale(spec.x, left, right), Y = scale(spec.y, bottom, top);
    svg.dataset.yMin = String(spec.y.min);
    svg.dataset.yMax = String(spec.y.max);
    var clipId = svg.id + "-clip";
    var clip = element(element(svg, "defs"), "clipPath", { id: clipId });
    element(clip, "rect", { x: left, y: top - 2, width: right - left, height: bottom - top + 4 });

    (spec.bands || []).forEach(function (band) {
      var x0 = X(Math.max(band.from, spec.x.min)), x1 = X(Math.min(band.to, spec.x.max));
      if (x1 <= x0) { return; }
      element(svg, "rect", { x: x0, y: top, width: x1 - x0, height: bottom - top, class: "band" });
      if (band.label) {  // wrapped to the plot's width when it starts near its right end
        wrap(element(svg, "text", { x: x0 + 4, y: top + 14, class: "band-label" }),
             band.label, Math.max(right - x0 - 8, 80));
      }
    });
    ticks(spec.x, Math.max(2, Math.min(6, Math.round((right - left) / 90)))).forEach(function (v) {
      var x = X(v);
      element(svg, "line", { x1: x, x2: x, y1: top, y2: bottom, class: "grid" });
      element(svg, "text", { x: x, y: bottom + 16, "text-anchor": "middle", class: "tick" }, format(v));
    });
    ticks(spec.y, Math.max(3, Math.min(5, Math.round((bottom - top) / 40)))).forEach(function (v) {
      var y = Y(v);
      element(svg, "line", { x1: left, x2: right, y1: y, y2: y, class: "grid" });
      element(svg, "text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, format(v));
    });
    element(svg, "rect", { x: left, y: top, width: right - left, height: bottom - top, class: "frame" });
    (spec.hlines || []).forEach(function (line) {
      var y = Y(line.y);
      if (y < top || y > bottom) { return; }
      element(svg, "line", { x1: left, x2: right, y1: y, y2: y, class: "hline" });
      element(svg, "text", { x: right - 4, y: y - 4, "text-anchor": "end", class: "tick" }, line.label);
    });

    var drawn = [];
    var group = element(svg, "g", { "clip-path": "url(#" + clipId + ")" });
    spec.series.forEach(function (series) {
      var d = "", pen = "M";
      series.points.forEach(function (point) {
        if (point[1] === null || !isFinite(point[1])) { pen = "M"; return; }
        d += pen + X(point[0]).toFixed(2) + " " + Y(point[1]).toFixed(2);
        pen = "L";
      });
      element(group, "path", { d: d, class: "series", stroke: series.color,
                               "stroke-dasharray": series.dash || "none" });
      drawn.push(d);
    });
    (spec.marks || []).forEach(function (mark) {
      if (mark.y === null || !isFinite(mark.y)) { return; }
      element(group, "circle", { cx: X(mark.x), cy: Y(mark.y), r: 4, class: "mark", fill: mark.color });
    });

    element(svg, "text", { x: (left + right) / 2, y: height - 8, "text-anchor": "middle",
                           class: "axis-label" }, spec.x.label);
    return drawn;
  }

  var api = window.d2lVn = window.d2lVn || {};
  api.chart = chart;
  api.formatNumber = format;
})();
