/*
 * The site's search worker, in place of the theme's: the theme's search box and
 * results list talk to it with the theme's messages, and it answers with the site's
 * engine (../search/engine.js). It downloads nothing until the reader types: then the
 * engine loads only the files of the words typed and of the pages shown, from the
 * search folder of the page's language (?root=, relative to the site's root, is set
 * by overrides/main.html).
 */
(function () {
  "use strict";

  importScripts("../search/engine.js");

  // The theme's search message types (src/templates/assets/javascripts/integrations/search/worker).
  var SETUP = 0;
  var READY = 1;
  var QUERY = 2;
  var RESULT = 3;

  var root = new URL(self.location.href).searchParams.get("root") || "";
  var folder = new URL("../../../" + root + "search/", self.location.href);
  var engine = self.siteSearch.create({
    load: function (path) {
      return fetch(new URL(path, folder), { cache: path === "manifest.json" ? "no-cache" : "default" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status + " " + response.url);
          }
          return response.json();
        });
    },
  });
  var latest = 0;

  /* The theme's result items: a page, then its best section when it has one. */
  function items(results) {
    return results.map(function (result) {
      var page = { location: result.location, title: result.title, text: result.text, score: result.score, terms: result.terms };
      return [page].concat(result.sections);
    });
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var number = ++latest;
      var query = String(message.data || "");
      (query.trim() ? engine.search(query) : Promise.resolve([]))
        .catch(function () { return []; })
        .then(function (results) {
          if (number === latest) {
            self.postMessage({ type: RESULT, data: { items: items(results) } });
          }
        });
    }
  });
})();
