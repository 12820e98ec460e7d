/*
 * The site's search worker: Material's own worker (named by ?theme=, next to this
 * file) with two changes, made on its messages:
 * - each query is rewritten for the page's language before Material searches it.
 *   Material turns every word into a prefix ("assurances" -> "assurances*") and lunr
 *   neither stems nor filters a prefix, so the rewrite does it first: stop words and
 *   one-letter words go, accents go, and each word is cut to its stem
 *   ("assurances refusées" -> "assur refus"). It comes from the language's lunr
 *   plugin (lunr.site_<lang>, see ../lunr/min/lunr.site.min.js);
 * - the pages Material found are put in the order of site-ranking.js.
 */
(function () {
  "use strict";

  importScripts("site-ranking.js");

  // Material's search message types (src/templates/assets/javascripts/integrations/search/worker).
  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var language = null;
  var ranking = null;
  var stems = [];

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === SETUP) {
      language = message.data.config.lang[0];
      ranking = self.siteRanking.buildIndex(message.data.docs);
    } else if (message.type === QUERY) {
      var plugin = self.lunr && self.lunr[language];
      if (plugin && plugin.rewriteQuery) {
        message.data = plugin.rewriteQuery(message.data);
      }
      stems = self.siteRanking.words(message.data);
    }
  });

  var post = self.postMessage.bind(self);
  self.postMessage = function (message) {
    if (message && message.type === RESULT && ranking && message.data && message.data.items) {
      message.data.items = self.siteRanking.rankResults(ranking, stems, message.data.items);
    }
    post(message);
  };

  importScripts(new URL(self.location.href).searchParams.get("theme"));
})();
