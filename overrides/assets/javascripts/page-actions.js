/*
 * The page's print button (overrides/partials/page-actions.html): it is hidden in the
 * HTML, as it needs JavaScript, and shown here with its action. A file, not an onclick
 * attribute: the site's Content-Security-Policy runs no inline code.
 */
(function () {
  "use strict";

  document.querySelectorAll("button[data-site-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
    button.hidden = false;
  });
})();
