/*
 * A short link or moved page (sitekit/build/redirects.py) sends the reader on at once,
 * keeping the "#step-3" the link named: the page's refresh alone would drop it. Its
 * target is the script tag's data-target, relative to the page.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var target = script && script.getAttribute("data-target");
  if (target) {
    location.replace(new URL(target, location.href).href.split("#")[0] + location.hash);
  }
})();
