/*
 * Page ranking for the site's search (used by site-search.js, in the search worker).
 *
 * Material finds the matching sections with lunr and orders pages by their single
 * best section, with page titles weighing 1000 times the text. For questions
 * written the way people type them, that favours a page whose title shares one
 * common word with the query over the page that answers it. This ranks whole pages
 * instead, with BM25 (rare words weigh more than common ones; a word counts more in
 * the title, the description and the headings than in the text), then favours the
 * pages that match more of the query's words, above all in their title and
 * description, and applies each page's boost (set by hooks/search_per_language.py).
 * The weights were chosen with the relevance benchmark (make search-bench).
 */
(function (scope) {
  "use strict";

  var K1 = 1.2;
  var B = 0;
  var FIELD_WEIGHTS = { title: 8, summary: 4, heading: 2, text: 1 };
  var TITLE_MATCH_BONUS = 4;

  function foldAccents(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* The words of a text (HTML tags removed), lower case, without accents; a word
     joined by hyphens also counts whole: "Medi-Cal" -> "medi-cal", "medical", "medi", "cal". */
  function words(text) {
    var plain = foldAccents(String(text).replace(/<[^>]*>/g, " ").toLowerCase());
    var found = [];
    (plain.match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) || []).forEach(function (word) {
      found.push(word);
      if (word.indexOf("-") > 0) {
        var parts = word.split("-");
        found.push(parts.join(""));
        found.push.apply(found, parts);
      }
    });
    return found;
  }

  function pageOf(location) {
    return location.split("#")[0];
  }

  /* Word counts per page and field, from Material's search documents. */
  function buildIndex(docs) {
    var pages = Object.create(null);
    var vocabulary = Object.create(null);
    docs.forEach(function (doc) {
      var name = pageOf(doc.location);
      var page = pages[name] || (pages[name] = { counts: Object.create(null), length: 0, boost: 1 });
      var isPageDoc = doc.location === name;
      if (isPageDoc && typeof doc.boost === "number") {
        page.boost = doc.boost;
      }
      var fields = {
        title: isPageDoc ? doc.title : "",
        summary: isPageDoc ? doc.description || "" : "",
        heading: isPageDoc ? "" : doc.title,
        text: doc.text,
      };
      Object.keys(fields).forEach(function (field) {
        words(fields[field] || "").forEach(function (word) {
          var key = field + ":" + word;
          page.counts[key] = (page.counts[key] || 0) + 1;
          page.length += FIELD_WEIGHTS[field];
          vocabulary[word] = true;
        });
      });
    });
    var names = Object.keys(pages);
    var total = names.reduce(function (sum, name) { return sum + pages[name].length; }, 0);
    return {
      pages: pages,
      vocabulary: Object.keys(vocabulary),
      averageLength: names.length ? total / names.length : 1,
    };
  }

  /* The page's weighted count of the words that start with one of the stems. */
  function weightedCount(page, matches) {
    var count = 0;
    matches.forEach(function (word) {
      Object.keys(FIELD_WEIGHTS).forEach(function (field) {
        count += (page.counts[field + ":" + word] || 0) * FIELD_WEIGHTS[field];
      });
    });
    return count;
  }

  /* A score for each page name: BM25 over the query's stems (words are matched by
     prefix, as the reader may not have typed the whole word), times a bonus for the
     share of the stems the page matches, and for the share it matches in its title
     or description, times the page's boost. */
  function scorePages(index, stems) {
    var names = Object.keys(index.pages);
    var scores = Object.create(null);
    var matched = Object.create(null);
    var titled = Object.create(null);
    stems.forEach(function (stem) {
      var matches = index.vocabulary.filter(function (word) { return word.indexOf(stem) === 0; });
      if (!matches.length) {
        return;
      }
      var counts = names.map(function (name) { return weightedCount(index.pages[name], matches); });
      var documentFrequency = counts.filter(function (count) { return count > 0; }).length;
      var idf = Math.log(1 + (names.length - documentFrequency + 0.5) / (documentFrequency + 0.5));
      names.forEach(function (name, position) {
        var count = counts[position];
        if (!count) {
          return;
        }
        var page = index.pages[name];
        var norm = K1 * (1 - B + (B * page.length) / index.averageLength);
        scores[name] = (scores[name] || 0) + (idf * count * (K1 + 1)) / (count + norm);
        matched[name] = (matched[name] || 0) + 1;
        if (inSummary(page, matches)) {
          titled[name] = (titled[name] || 0) + 1;
        }
      });
    });
    Object.keys(scores).forEach(function (name) {
      var share = matched[name] / stems.length;
      var titleShare = (titled[name] || 0) / stems.length;
      scores[name] *= (1 + share * share) * (1 + TITLE_MATCH_BONUS * titleShare) * index.pages[name].boost;
    });
    return scores;
  }

  function inSummary(page, matches) {
    return matches.some(function (word) {
      return page.counts["title:" + word] || page.counts["summary:" + word];
    });
  }

  /* Material's result pages (arrays of sections, the page first) in our order. */
  function rankResults(index, stems, results) {
    var scores = scorePages(index, stems);
    return results
      .map(function (sections, position) {
        return { sections: sections, score: scores[pageOf(sections[0].location)] || 0, position: position };
      })
      .sort(function (a, b) { return b.score - a.score || a.position - b.position; })
      .map(function (ranked) { return ranked.sections; });
  }

  scope.siteRanking = {
    words: words,
    buildIndex: buildIndex,
    scorePages: scorePages,
    rankResults: rankResults,
  };
})(self);
