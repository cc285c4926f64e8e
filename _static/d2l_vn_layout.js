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
