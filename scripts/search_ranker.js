/*
 * Training of the search ranker, run in chromium by scripts/search_ranker.py.
 *
 * Each row is a query of the tuning set with the page that should answer it and the
 * pages the engine found first, each with its features (engine.js, features()). The
 * ranker scores a page with a weighted sum of its features, each centred and scaled
 * over every candidate of every row; the weights make the expected page likely under
 * a softmax over each row's candidates (a listwise ranking loss), with a small penalty
 * on large weights. Plain gradient descent from zero weights over the whole set at
 * each step: the same rows always give the same weights.
 *
 * Every feature but those of SIGN_FREE says how much of the reader's words a page
 * matches, and more of a match never counts against a page: its weight is kept at 0 or
 * above.
 *
 * Cross-validation tells how the ranker does on queries it was not trained on: the
 * rows are cut into FOLDS parts by their place in the file; each part is ranked with
 * weights learnt on the others.
 *
 * The tuning queries are also the pages' example queries (engine.js, exampleShare):
 * rows that carry their language and example_words give the table of which words the
 * queries of each page used, returned as `examples` for the build to put in the search
 * files. A query never counts as its own example: in training, each row's share is
 * reckoned without it, and in cross-validation the left-out part's queries are no
 * examples at all. A query written twice (the same words, in the same language) is
 * one example, and both copies fall in the same part of the cross-validation, so that
 * neither is the other's example. This needs engine.js loaded first, for exampleShare.
 */
(function (scope) {
  "use strict";

  function featureNames(rows) {
    for (var r = 0; r < rows.length; r++) {
      if (rows[r].candidates.length) {
        return Object.keys(rows[r].candidates[0].features);
      }
    }
    return [];
  }

  /* The mean and the standard deviation of each feature over every candidate. */
  function standardize(rows, names) {
    var sums = names.map(function () { return 0; });
    var squares = names.map(function () { return 0; });
    var count = 0;
    rows.forEach(function (row) {
      row.candidates.forEach(function (candidate) {
        count++;
        names.forEach(function (name, index) {
          var value = candidate.features[name];
          sums[index] += value;
          squares[index] += value * value;
        });
      });
    });
    var center = sums.map(function (sum) { return count ? sum / count : 0; });
    var scale = squares.map(function (square, index) {
      var variance = count ? square / count - center[index] * center[index] : 0;
      return variance > 1e-12 ? Math.sqrt(variance) : 1;
    });
    return { center: center, scale: scale };
  }

  /* Each row as vectors: {target: index of the expected page or -1, vectors: [[...]]}. */
  function vectorize(rows, names, norm) {
    return rows.map(function (row) {
      return {
        target: row.candidates.findIndex(function (candidate) { return candidate.location === row.expect; }),
        vectors: row.candidates.map(function (candidate) {
          return names.map(function (name, index) {
            return (candidate.features[name] - norm.center[index]) / norm.scale[index];
          });
        }),
      };
    });
  }

  function dot(weights, vector) {
    var total = 0;
    for (var i = 0; i < vector.length; i++) {
      total += weights[i] * vector[i];
    }
    return total;
  }

  /* The features whose sign the data decides: a page found lower, the page's own boost,
     the length of its text. Without the rule, a rare feature (the whole query typed as
     one of a page's search terms: 1 candidate in 1000) learnt a penalty from the few
     queries whose page came first anyway, and pushed down the page of a reader who
     typed exactly its term. */
  var SIGN_FREE = ["first_rank", "boost", "text_length"];

  function signFree(names) {
    return names.map(function (name) { return SIGN_FREE.indexOf(name) >= 0; });
  }

  /* free[i]: the weight of feature i may go below 0. */
  function fit(data, free, options) {
    var size = free.length;
    var weights = new Array(size).fill(0);
    var usable = data.filter(function (row) { return row.target >= 0; });
    for (var step = 0; step < options.iterations; step++) {
      var gradient = new Array(size).fill(0);
      usable.forEach(function (row) {
        var scores = row.vectors.map(function (vector) { return dot(weights, vector); });
        var top = Math.max.apply(null, scores);
        var exps = scores.map(function (score) { return Math.exp(score - top); });
        var total = exps.reduce(function (sum, value) { return sum + value; }, 0);
        row.vectors.forEach(function (vector, index) {
          var error = exps[index] / total - (index === row.target ? 1 : 0);
          for (var i = 0; i < size; i++) {
            gradient[i] += error * vector[i];
          }
        });
      });
      for (var i = 0; i < size; i++) {
        weights[i] -= options.learning_rate * (gradient[i] / (usable.length || 1) + options.l2 * weights[i]);
        if (!free[i] && weights[i] < 0) {
          weights[i] = 0;
        }
      }
    }
    return weights;
  }

  /* Top-1 and top-3 hits of weights on rows (a row whose page was not found misses). */
  function hits(data, weights) {
    var top1 = 0;
    var top3 = 0;
    data.forEach(function (row) {
      if (row.target < 0) {
        return;
      }
      var mine = dot(weights, row.vectors[row.target]);
      var better = row.vectors.filter(function (vector, index) {
        var score = dot(weights, vector);
        // A tie goes to the page found first, as in the engine.
        return score > mine || (score === mine && index < row.target);
      }).length;
      top1 += better === 0 ? 1 : 0;
      top3 += better < 3 ? 1 : 0;
    });
    return { queries: data.length, top1: top1, top3: top3 };
  }

  /* What makes two rows the same example: their language and their words. */
  function exampleKey(row) {
    return row.lang + "\u0000" + row.example_words.slice().sort().join(" ") + "\u0000" + row.expect;
  }

  /* The part of the cross-validation each row falls in: a row written twice falls
     where its first copy does. */
  function foldsOf(rows, folds) {
    var first = new Map();
    return rows.map(function (row, index) {
      var key = row.example_words ? exampleKey(row) : String(index);
      if (!first.has(key)) {
        first.set(key, index);
      }
      return first.get(key) % folds;
    });
  }

  /* How many distinct example queries of each language used each word for each page:
     {lang: {word: {location: count}}}, with no inherited keys ("constructor"). */
  function exampleCounts(rows) {
    var counts = Object.create(null);
    var seen = new Set();
    rows.forEach(function (row) {
      if (!row.example_words || seen.has(exampleKey(row))) {
        return;
      }
      seen.add(exampleKey(row));
      var words = (counts[row.lang] = counts[row.lang] || Object.create(null));
      row.example_words.forEach(function (word) {
        var pages = (words[word] = words[word] || Object.create(null));
        pages[row.expect] = (pages[row.expect] || 0) + 1;
      });
    });
    return counts;
  }

  /* What the build puts in the search files, sorted: {lang: [[word, [location, ...]],
     ...]}. Pairs, not an object by word: an object would lose "__proto__" on its way
     out of the browser. */
  function exampleTable(counts) {
    var table = {};
    Object.keys(counts).sort().forEach(function (lang) {
      table[lang] = Object.keys(counts[lang]).sort().map(function (word) {
        return [word, Object.keys(counts[lang][word]).sort()];
      });
    });
    return table;
  }

  /* The rows with each candidate's example_share reckoned from counts; with
     leaveOut, each row's own words are taken out of the counts first (the number of
     pages with examples stays as it is: it hardly moves, and never towards the
     row's page). */
  function withExampleShare(rows, counts, leaveOut) {
    var pagesOf = {};
    Object.keys(counts).forEach(function (lang) {
      var pages = new Set();
      Object.keys(counts[lang]).forEach(function (word) {
        Object.keys(counts[lang][word]).forEach(function (page) { pages.add(page); });
      });
      pagesOf[lang] = pages.size;
    });
    return rows.map(function (row) {
      if (!row.example_words) {
        return row;
      }
      var words = counts[row.lang] || Object.create(null);
      var lists = row.example_words.map(function (word) {
        var pages = words[word] || Object.create(null);
        var list = Object.keys(pages).filter(function (page) {
          return pages[page] - (leaveOut && page === row.expect ? 1 : 0) > 0;
        });
        return list.length ? list : null;
      });
      return {
        expect: row.expect,
        candidates: row.candidates.map(function (candidate) {
          var features = Object.assign({}, candidate.features);
          features.example_share = siteSearch.exampleShare(lists, candidate.location, pagesOf[row.lang] || 0);
          return { location: candidate.location, features: features };
        }),
      };
    });
  }

  function train(rows, options) {
    var names = featureNames(rows);
    var counts = exampleCounts(rows);
    var own = withExampleShare(rows, counts, true);
    var norm = standardize(own, names);
    var data = vectorize(own, names, norm);
    var free = signFree(names);
    var weights = fit(data, free, options);
    var folds = { queries: data.length, top1: 0, top3: 0 };
    var foldOf = foldsOf(rows, options.folds);
    for (var fold = 0; fold < options.folds; fold++) {
      var held = rows.filter(function (row, index) { return foldOf[index] === fold; });
      var rest = rows.filter(function (row, index) { return foldOf[index] !== fold; });
      var restCounts = exampleCounts(rest);
      var result = hits(
        vectorize(withExampleShare(held, restCounts, false), names, norm),
        fit(vectorize(withExampleShare(rest, restCounts, true), names, norm), free, options)
      );
      folds.top1 += result.top1;
      folds.top3 += result.top3;
    }
    return {
      features: names,
      center: norm.center,
      scale: norm.scale,
      weights: weights,
      examples: exampleTable(counts),
      tuning: hits(data, weights),
      first_score_only: hits(data, names.map(function (name) { return name === "first_score" ? 1 : 0; })),
      cross_validation: folds,
    };
  }

  scope.siteRanker = { train: train };
})(typeof self !== "undefined" ? self : this);
