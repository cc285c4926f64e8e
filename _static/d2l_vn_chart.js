/* A small SVG line chart for the website's explorers (no library, no network).
 *
 * window.d2lVn.chart(svg, spec) redraws the <svg> element from spec:
 *   { title, x: {label, min, max, log}, y: {label, min, max, log},
 *     series: [{name, color, dash, points: [[x, y or null], ...]}],  (null breaks a line)
 *     bands: [{from, to, label}], hlines: [{y, label}], marks: [{x, y, color}] }
 * and returns the drawn paths' "d" attributes. The viewBox keeps the chart's proportions
 * at any width; the text is drawn by the explorers in the reader's language.
 */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var WIDTH = 640, HEIGHT = 300;
  var MARGIN = { left: 64, right: 28, top: 28, bottom: 46 };

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

  function chart(svg, spec) {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    var legend = spec.series.some(function (series) { return series.name; });
    var left = MARGIN.left, right = WIDTH - MARGIN.right;
    var top = MARGIN.top + (legend ? 18 : 0), bottom = HEIGHT - MARGIN.bottom;
    var X = scale(spec.x, left, right), Y = scale(spec.y, bottom, top);
    var clipId = svg.id + "-clip";
    var clip = element(element(svg, "defs"), "clipPath", { id: clipId });
    element(clip, "rect", { x: left, y: top - 2, width: right - left, height: bottom - top + 4 });

    (spec.bands || []).forEach(function (band) {
      var x0 = X(Math.max(band.from, spec.x.min)), x1 = X(Math.min(band.to, spec.x.max));
      if (x1 <= x0) { return; }
      element(svg, "rect", { x: x0, y: top, width: x1 - x0, height: bottom - top, class: "band" });
      if (band.label) {
        element(svg, "text", { x: x0 + 4, y: top + 14, class: "band-label" }, band.label);
      }
    });
    ticks(spec.x, 6).forEach(function (v) {
      var x = X(v);
      element(svg, "line", { x1: x, x2: x, y1: top, y2: bottom, class: "grid" });
      element(svg, "text", { x: x, y: bottom + 16, "text-anchor": "middle", class: "tick" }, format(v));
    });
    ticks(spec.y, 5).forEach(function (v) {
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

    element(svg, "text", { x: (left + right) / 2, y: HEIGHT - 8, "text-anchor": "middle",
                           class: "axis-label" }, spec.x.label);
    element(svg, "text", { x: 14, y: (top + bottom) / 2, "text-anchor": "middle", class: "axis-label",
                           transform: "rotate(-90 14 " + (top + bottom) / 2 + ")" }, spec.y.label);
    element(svg, "text", { x: left, y: 18, class: "title" }, spec.title);
    var x = right;
    spec.series.slice().reverse().forEach(function (series) {
      if (!series.name) { return; }
      var label = element(svg, "text", { x: x, y: 38, "text-anchor": "end", class: "legend",
                                         style: "fill: " + series.color }, series.name);
      x -= label.getComputedTextLength ? label.getComputedTextLength() + 14 : 90;
    });
    return drawn;
  }

  var api = window.d2lVn = window.d2lVn || {};
  api.chart = chart;
  api.formatNumber = format;
})();
