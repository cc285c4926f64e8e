/* Phone layout (see d2l_vn_layout.css): MathJax 3 does not break a long inline formula, so
 * one wider than its paragraph gets the class d2l-vn-wide-math (its own scrolling line).
 * Measured once MathJax has typeset the page and again after the window changes size. */
(function () {
  "use strict";

  function markWideFormulas() {
    var formulas = document.querySelectorAll(".bd-article mjx-container:not([display='true'])");
    Array.prototype.forEach.call(formulas, function (formula) {
      formula.classList.remove("d2l-vn-wide-math");
      var block = formula.parentElement.closest("p, li, td, dd, div");
      if (block && formula.getBoundingClientRect().width > block.clientWidth) {
        formula.classList.add("d2l-vn-wide-math");
      }
    });
  }

  window.addEventListener("load", function () {
    var mathjax = window.MathJax && window.MathJax.startup && window.MathJax.startup.promise;
    if (!mathjax) { return; }
    mathjax.then(markWideFormulas);
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(markWideFormulas, 200);
    });
  });
})();

/* The chapter list and "On this page" buttons. pydata-sphinx-theme and sphinx-book-theme
 * both attach their handlers to the first .primary-toggle / .secondary-toggle of the page,
 * which sits in pydata's own header bar; the course hides that bar (d2l_vn_layout.css), so
 * the buttons a reader sees, in the article header, would do nothing. Each of them passes
 * its click on to the first one, whose handlers open the sidebar (a dialog on a phone or a
 * tablet) or fold it away (on a wide screen). */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    [".primary-toggle", ".secondary-toggle"].forEach(function (selector) {
      var toggles = document.querySelectorAll(selector);
      if (toggles.length < 2) { return; }
      var handled = toggles[0];
      Array.prototype.slice.call(toggles, 1).forEach(function (toggle) {
        toggle.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          handled.click();
        });
      });
    });
  });
})();

/* Figures on a phone: each image of a numbered figure scrolls inside its own box and opens
 * alone in a new tab when tapped (the SVG can then be zoomed like any page). */
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var images = document.querySelectorAll("figure.d2l-vn-figure img");
    Array.prototype.forEach.call(images, function (image) {
      var box = document.createElement("div");
      box.className = "d2l-vn-figure-box";
      var link = document.createElement("a");
      link.href = image.getAttribute("src");
      link.target = "_blank";
      link.rel = "noopener";
      link.className = "d2l-vn-figure-open";
      image.parentNode.insertBefore(box, image);
      box.appendChild(link);
      link.appendChild(image);
    });
  });
})();
