/* Language switch of the course website: Vietnamese (default), English, or both.
 * The choice sets <html data-lang="vi|en|both">; d2l_vn_lang.css hides by that attribute
 * only, so without JavaScript both languages show. It is kept in localStorage. A link with
 * ?lang=vi, ?lang=en or ?lang=both chooses (and keeps) that language, as a click would. */
(function () {
  "use strict";
  var KEY = "d2l-vn-lang";
  var MODES = [
    { mode: "vi", label: "VI", title: "Tiếng Việt" },
    { mode: "en", label: "EN", title: "English" },
    { mode: "both", label: "VI + EN", title: "Cả hai / Both" }
  ];
  var root = document.documentElement;

  function storedMode() {
    try {
      var mode = window.localStorage.getItem(KEY);
      if (isMode(mode)) { return mode; }
    } catch (e) { /* storage blocked: keep the default */ }
    return "vi";
  }

  function apply(mode) {
    root.setAttribute("data-lang", mode);
    root.setAttribute("lang", mode === "en" ? "en" : "vi");
    var buttons = document.querySelectorAll(".d2l-vn-lang-switch button");
    Array.prototype.forEach.call(buttons, function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.mode === mode));
    });
  }

  function isMode(mode) { return MODES.some(function (m) { return m.mode === mode; }); }

  /* The language that the page's address asks for (?lang=...), or null. */
  function linkedMode() {
    var mode = new URLSearchParams(window.location.search).get("lang");
    return isMode(mode) ? mode : null;
  }

  function choose(mode) {
    try { window.localStorage.setItem(KEY, mode); } catch (e) { /* not persisted */ }
    apply(mode);
    if (linkedMode() && linkedMode() !== mode) {  // keep a shared ?lang= address truthful
      var url = new URL(window.location.href);
      url.searchParams.set("lang", mode);
      window.history.replaceState(null, "", url.toString());
    }
  }

  function buildSwitch() {
    var group = document.createElement("div");
    group.className = "d2l-vn-lang-switch";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Ngôn ngữ / Language");
    MODES.forEach(function (m) {
      var button = document.createElement("button");
      button.type = "button";
      button.dataset.mode = m.mode;
      button.textContent = m.label;
      button.title = m.title;
      button.addEventListener("click", function () { choose(m.mode); });
      group.appendChild(button);
    });
    var header = document.querySelector(".article-header-buttons");
    if (header) {
      header.insertBefore(group, header.firstChild);
    } else {
      group.classList.add("d2l-vn-floating");
      document.body.appendChild(group);
    }
  }

  /* Sphinx writes page titles of the sidebar and of the previous/next links as plain
   * "English / Tiếng Việt" text: give each half its language class too. */
  function splitNavigationTitles() {
    var links = document.querySelectorAll(".bd-sidenav a, .prev-next-title, .bd-breadcrumbs a");
    Array.prototype.forEach.call(links, function (link) {
      if (link.childNodes.length !== 1 || link.firstChild.nodeType !== Node.TEXT_NODE) { return; }
      var halves = link.textContent.split(" / ");
      if (halves.length !== 2) { return; }
      link.textContent = "";
      [["lang-en", halves[0]], ["lang-sep", " / "], ["lang-vi", halves[1]]].forEach(function (part) {
        var span = document.createElement("span");
        span.className = part[0];
        span.textContent = part[1];
        link.appendChild(span);
      });
    });
  }

  /* The build gives the article's blocks their lang attribute (_ext/d2l_vn_site/bilingual.py);
   * the theme's menus and what scripts add get theirs here, so screen readers pronounce each. */
  function markLanguages() {
    Array.prototype.forEach.call(document.querySelectorAll(".lang-en:not([lang]), .lang-vi:not([lang])"),
      function (element) {
        element.setAttribute("lang", element.classList.contains("lang-en") ? "en" : "vi");
      });
  }

  if (linkedMode()) { choose(linkedMode()); } else { apply(storedMode()); }
  document.addEventListener("DOMContentLoaded", function () {
    buildSwitch();
    splitNavigationTitles();
    markLanguages();
    apply(storedMode());
  });
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) { apply(storedMode()); }
  });
})();
