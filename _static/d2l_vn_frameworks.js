/* Framework switch of a chapter that has two editions: MXNet (default) or PyTorch.
 * The build puts each cell that differs in both forms on the page (_ext/d2l_vn_site/editions.py),
 * marked fw-mxnet / fw-torch; the choice sets <html data-fw="mxnet|torch"> and d2l_vn_lang.css
 * hides the other form, so without JavaScript both show, each labelled. The choice is kept in
 * localStorage like the language; ?fw=mxnet or ?fw=torch chooses (and keeps) one. The page's
 * Colab button opens the chosen edition's notebook (chapters/torch/<chapter>.ipynb for PyTorch). */
(function () {
  "use strict";
  var KEY = "d2l-vn-fw";
  var FRAMEWORKS = [
    { fw: "mxnet", label: "MXNet" },
    { fw: "torch", label: "PyTorch" }
  ];
  var root = document.documentElement;

  function isFramework(fw) { return FRAMEWORKS.some(function (f) { return f.fw === fw; }); }

  function storedFramework() {
    try {
      var fw = window.localStorage.getItem(KEY);
      if (isFramework(fw)) { return fw; }
    } catch (e) { /* storage blocked: keep the default */ }
    return "mxnet";
  }

  function linkedFramework() {
    var fw = new URLSearchParams(window.location.search).get("fw");
    return isFramework(fw) ? fw : null;
  }

  function hasEditions() { return document.querySelector(".tag_fw-torch, .fw-torch") !== null; }

  /* The Colab button of the page opens the chosen edition's notebook. */
  function pointColab(fw) {
    var links = document.querySelectorAll('a[href*="colab.research.google.com"]');
    Array.prototype.forEach.call(links, function (link) {
      if (!link.dataset.mxnetHref) { link.dataset.mxnetHref = link.getAttribute("href"); }
      var href = link.dataset.mxnetHref;
      link.setAttribute("href", fw === "torch" && hasEditions()
        ? href.replace(/\/chapters\/([^\/]+\.ipynb)$/, "/chapters/torch/$1") : href);
    });
  }

  function apply(fw) {
    root.setAttribute("data-fw", fw);
    var buttons = document.querySelectorAll(".d2l-vn-fw-switch button");
    Array.prototype.forEach.call(buttons, function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.fw === fw));
    });
    pointColab(fw);
  }

  function choose(fw) {
    try { window.localStorage.setItem(KEY, fw); } catch (e) { /* not persisted */ }
    apply(fw);
    if (linkedFramework() && linkedFramework() !== fw) {  // keep a shared ?fw= address truthful
      var url = new URL(window.location.href);
      url.searchParams.set("fw", fw);
      window.history.replaceState(null, "", url.toString());
    }
  }

  function buildSwitch() {
    if (!hasEditions()) { return; }
    var group = document.createElement("div");
    group.className = "d2l-vn-fw-switch";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Khung phần mềm / Framework");
    var label = document.createElement("span");
    label.className = "d2l-vn-fw-label";
    label.innerHTML = '<span class="lang-vi" lang="vi">Mã viết bằng</span>' +
      '<span class="lang-sep"> / </span><span class="lang-en" lang="en">Code in</span>';
    group.appendChild(label);
    FRAMEWORKS.forEach(function (f) {
      var button = document.createElement("button");
      button.type = "button";
      button.dataset.fw = f.fw;
      button.textContent = f.label;
      button.addEventListener("click", function () { choose(f.fw); });
      group.appendChild(button);
    });
    var title = document.querySelector(".bd-article h1") || document.querySelector("article h1");
    var section = title && title.closest("section");
    if (section) {
      section.insertBefore(group, title.nextSibling);
    } else {
      document.body.insertBefore(group, document.body.firstChild);
    }
  }

  apply(linkedFramework() || storedFramework());
  if (linkedFramework()) { choose(linkedFramework()); }
  document.addEventListener("DOMContentLoaded", function () {
    buildSwitch();
    apply(linkedFramework() || storedFramework());
  });
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) { apply(storedFramework()); }
  });
  window.d2lVnFrameworks = { choose: choose };
})();
