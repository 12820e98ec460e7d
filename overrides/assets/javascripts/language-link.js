/*
 * The links to this page in another language (overrides/partials/page-top.html, and the
 * theme's language menu) keep the place the reader is at: "#step-5" in English leads
 * to "#step-5" in French, as both languages have the same anchors.
 */
(function () {
  "use strict";

  var links = document.querySelectorAll("a.site-language, a.md-select__link[hreflang]");

  function keepPlace() {
    links.forEach(function (link) {
      if (!link.dataset.page) {
        link.dataset.page = link.href.split("#")[0];
      }
      link.href = link.dataset.page + location.hash;
    });
  }

  keepPlace();
  window.addEventListener("hashchange", keepPlace);
})();
