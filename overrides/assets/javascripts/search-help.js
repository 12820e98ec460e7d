/*
 * The search dialog, for every reader:
 * - it gets an accessible name, the search box's own ("Search", "Rechercher"): the
 *   theme's dialog has none;
 * - a page's "Search this site" button (the 404 pages) opens the search, with the
 *   cursor in it; the button is hidden without JavaScript, as the search needs it;
 * - when a search finds nothing, it says where to get help: a link to the contacts
 *   page of the page's language, under the theme's "no results" line. The link, its
 *   text and the "no results" line come from the script tag (overrides/main.html) and
 *   the theme's configuration.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var result = document.querySelector(".md-search-result");
  var config = document.getElementById("__config");
  if (!script || !result || !config) {
    return;
  }
  var dialog = document.querySelector(".md-search[role=dialog]");
  var box = document.querySelector(".md-search__input");
  if (dialog && box && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", box.getAttribute("aria-label"));
  }
  var toggle = document.getElementById("__search");
  document.querySelectorAll("button[data-site-open-search]").forEach(function (button) {
    button.addEventListener("click", function () {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      box.focus();
    });
    button.hidden = false;
  });
  var meta = result.querySelector(".md-search-result__meta");
  var noResults = JSON.parse(config.textContent).translations["search.result.none"];

  function helpLine() {
    var line = document.createElement("p");
    line.className = "md-search-result__meta site-search-help";
    line.appendChild(document.createTextNode(script.dataset.text + " "));
    var link = document.createElement("a");
    link.href = script.dataset.contacts;
    link.textContent = script.dataset.link;
    line.appendChild(link);
    return line;
  }

  function update() {
    var help = result.querySelector(".site-search-help");
    var found = meta.textContent.trim() !== noResults;
    if (!found && !help) {
      meta.insertAdjacentElement("afterend", helpLine());
    } else if (found && help) {
      help.remove();
    }
  }

  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
})();
