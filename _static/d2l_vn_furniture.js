/* The theme's furniture in the reader's language: search box, buttons and their tooltips,
 * previous / next, the solution and code toggles, the author line, the figures' alt text and
 * the browser tab's title.
 *
 * Sphinx writes these strings once, in the book's language (Vietnamese) or in English where
 * the theme has no translation. This script rewrites them whenever <html data-lang> changes
 * (d2l_vn_lang.js sets it): Vietnamese for "vi", English for "en", "Vietnamese / English" for
 * "both". Without JavaScript the page keeps Sphinx's strings and shows both languages.
 */
(function () {
  "use strict";

  /* [selector, attribute or "text", Vietnamese, English] */
  var FURNITURE = [
    [".logo__title", "text", "Tối ưu hóa mạng sâu", "Optimizing deep networks"],
    [".search-button__default-text", "text", "Tìm kiếm", "Search"],
    [".search-button-field", "aria-label", "Tìm kiếm", "Search"],
    ["input[name='q']", "placeholder", "Tìm trong khóa học…", "Search the course…"],
    ["input[name='q']", "aria-label", "Tìm trong khóa học", "Search the course"],
    [".skip-link", "text", "Tới nội dung chính", "Skip to main content"],
    ["#pst-back-to-top", "text", "Lên đầu trang", "Back to top"],
    [".primary-toggle", "aria-label", "Mục lục của khóa học", "Course contents"],
    [".primary-toggle", "title", "Mục lục của khóa học", "Course contents"],
    [".secondary-toggle", "aria-label", "Trong trang này", "On this page"],
    [".secondary-toggle", "title", "Trong trang này", "On this page"],
    [".onthispage", "text-last", "Trong trang này", "On this page"],
    [".bd-docs-nav", "aria-label", "Các chương", "Chapters"],
    [".left-prev .prev-next-subtitle", "text", "Trang trước", "Previous"],
    [".right-next .prev-next-subtitle", "text", "Trang sau", "Next"],
    [".left-prev", "title", "Trang trước", "Previous page"],
    [".right-next", "title", "Trang sau", "Next page"],
    [".component-author", "text", "Nhóm d2l_vn biên soạn", "By the d2l_vn team"],
    [".dropdown-launch-buttons button", "aria-label", "Chạy notebook", "Run the notebook"],
    [".dropdown-launch-buttons a[href*='colab']", "title", "Mở trong Colab", "Open in Colab"],
    [".dropdown-source-buttons button", "aria-label", "Mã nguồn", "Source"],
    [".btn-source-repository-button", "title", "Kho mã", "Repository"],
    [".btn-source-repository-button .btn__text-container", "text", "Kho mã", "Repository"],
    [".btn-source-issues-button", "title", "Báo lỗi", "Report a problem"],
    [".btn-source-issues-button .btn__text-container", "text", "Báo lỗi", "Report a problem"],
    [".dropdown-download-buttons button", "aria-label", "Tải trang này", "Download this page"],
    [".btn-download-source-button", "title", "Tải notebook", "Download the notebook"],
    [".btn-download-pdf-button", "title", "In ra PDF", "Print to PDF"],
    [".btn-fullscreen-button", "title", "Toàn màn hình", "Full screen"],
    [".theme-switch-button", "aria-label", "Màu nền", "Colour mode"],
    [".theme-switch-button", "data-bs-title", "Màu nền", "Colour mode"],
    [".theme-switch.fa-sun", "title", "Sáng", "Light"],
    [".theme-switch.fa-moon", "title", "Tối", "Dark"],
    [".theme-switch.fa-circle-half-stroke", "title", "Theo hệ thống", "System setting"],
    ["details.hide > summary", "aria-label", "Hiện hoặc ẩn mã", "Show or hide the code"],
    ["details.hide .collapsed.admonition-title", "text", "Hiện mã", "Show the code"],
    ["details.hide .expanded.admonition-title", "text", "Ẩn mã", "Hide the code"],
    ["a.d2l-vn-figure-open", "title", "Mở hình ở cỡ lớn", "Open the figure full size"]
  ];
  /* The solution toggles (sphinx-togglebutton reads these globals on every click). */
  var SOLUTION = { show: ["Xem lời giải", "Show the solution"], hide: ["Ẩn lời giải", "Hide the solution"] };

  var root = document.documentElement;
  var pageTitle = null;

  function mode() { return root.getAttribute("data-lang") || "both"; }

  /* vi, en -> the reader's words; "Vietnamese / English" in both, one word if they agree. */
  function say(vi, en) {
    var current = mode();
    if (current === "vi") { return vi; }
    if (current === "en") { return en; }
    return vi === en ? vi : vi + " / " + en;
  }

  function setText(element, text, lastOnly) {
    if (!lastOnly) { element.textContent = text; return; }
    // keep the icon in front of the label ("On this page" heading): replace the last text node
    var nodes = Array.prototype.filter.call(element.childNodes, function (n) {
      return n.nodeType === Node.TEXT_NODE && n.textContent.trim();
    });
    if (nodes.length) { nodes[nodes.length - 1].textContent = " " + text; }
  }

  function translateFurniture() {
    FURNITURE.forEach(function (entry) {
      var words = say(entry[2], entry[3]);
      Array.prototype.forEach.call(document.querySelectorAll(entry[0]), function (element) {
        if (entry[1] === "text" || entry[1] === "text-last") {
          setText(element, words, entry[1] === "text-last");
        } else {
          element.setAttribute(entry[1], words);
        }
      });
    });
  }

  function translateSolutions() {
    window.toggleHintShow = say(SOLUTION.show[0], SOLUTION.show[1]);
    window.toggleHintHide = say(SOLUTION.hide[0], SOLUTION.hide[1]);
    Array.prototype.forEach.call(document.querySelectorAll("details.toggle-details"), function (d) {
      var text = d.querySelector(".toggle-details__summary-text");
      if (text) { text.textContent = d.open ? window.toggleHintHide : window.toggleHintShow; }
    });
  }

  /* "English page / Trang tiếng Việt — Tối ưu hóa mạng sâu · Optimizing deep networks" */
  function translateTitle() {
    if (pageTitle === null) { pageTitle = document.title; }
    var parts = pageTitle.split(" — ");
    var site = parts.length > 1 ? parts.pop().split(" · ") : null;
    var page = parts.join(" — ").split(" / ");
    var words = [];
    if (page[0]) { words.push(page.length === 2 ? say(page[1], page[0]) : page[0]); }
    if (site && site.length === 2) { words.push(say(site[0], site[1])); }
    document.title = words.join(" — ");
  }

  /* Figures carry both alt texts (_ext/d2l_vn_site/figures.py); alt says the reader's. */
  function translateAlts() {
    Array.prototype.forEach.call(document.querySelectorAll("img[data-alt-vi]"), function (image) {
      image.alt = say(image.dataset.altVi, image.dataset.altEn);
    });
  }

  function translate() {
    translateFurniture();
    translateAlts();
    translateSolutions();
    translateTitle();
  }

  window.d2lVnFurniture = { translate: translate, entries: FURNITURE };
  document.addEventListener("DOMContentLoaded", function () {
    // after sphinx-togglebutton has built its buttons (it also waits for DOMContentLoaded)
    window.setTimeout(translate, 0);
    new MutationObserver(translate).observe(root, { attributes: true, attributeFilter: ["data-lang"] });
  });
})();
