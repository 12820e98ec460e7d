/*
 * The site's search engine. It depends on no theme: give it a function that loads a
 * JSON file of the language's search folder, and it answers queries with pages
 * ranked, titled and with a snippet, highlighted as well-formed, escaped HTML.
 * workers/site-search.js connects it to the theme's search box.
 *
 * The files are made at build time by sitekit/build/search_files.py (read its docstring):
 * manifest.json first, then only the shards of the words typed, then only the pages
 * shown. Words are cut as sitekit/build/search_words.py cuts them: lower case, accents
 * removed, apostrophes split, hyphenated words whole and in parts.
 *
 * Ranking, in two steps. First, BM25 over the page's weighted word counts (rare words
 * weigh more; the title, the description and the page's search terms from its front
 * matter count more than the text; a reader word from the language's table, a
 * misspelling or a word beginning weighs less than the word as typed), times a bonus
 * for the share of the reader's words the page matches, above all in its title,
 * description or search terms, times the page's boost (sitekit/build/search_index.py).
 * Then the first MAX_RESULTS pages are ranked again by the ranker of the manifest, a
 * weighted sum of what features() reads of each page (the first score and its parts,
 * the reader's words side by side, the share of them in the title, the headings, the
 * answer, the words the page's example queries used...). Its weights are learnt by
 * `make search-train` (scripts/search_ranker.py) from the tuning set of
 * `make search-bench` only, whose queries are also the pages' example queries; the
 * held-back check set is reported apart and never trained on.
 */
(function (scope) {
  "use strict";

  var LETTER_WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  var MIN_WORD = 2;
  var K1 = 1.2;
  var B = 0.5; // how much a long page's counts are scaled down
  var TITLE_MATCH_BONUS = 8;
  var READER_WORD_WEIGHT = 0.8; // a word from the language's table of reader words
  var TYPING_WEIGHT = 0.9; // a word being typed, matched by its beginning
  var NEAR_WEIGHT = 0.6; // a misspelling, or a shortened word
  var MAX_NEAR = 6;
  var PAIR_GAP = 2; // words between two of the reader's words that still count as a pair
  var MAX_RESULTS = 20;
  var SNIPPET_LENGTH = 220;
  var SNIPPET_LEAD = 60;

  function fold(text) {
    return text
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }

  /* A folded word as searched: itself, or for "medi-cal": "medi-cal", "medical", "medi",
     "cal" (as sitekit/build/search_words.forms). */
  function forms(word) {
    if (word.indexOf("-") < 0) {
      return [word];
    }
    var parts = word.split("-");
    return [word, parts.join("")].concat(parts);
  }

  /* Every word of a text with its place: [{start, end, forms}]. */
  function wordSpans(text) {
    var spans = [];
    var lowered = text.normalize("NFC").toLowerCase();
    var normalized = text.normalize("NFC");
    LETTER_WORD.lastIndex = 0;
    var match;
    while ((match = LETTER_WORD.exec(lowered)) !== null) {
      spans.push({
        start: match.index,
        end: match.index + match[0].length,
        written: normalized.slice(match.index, match.index + match[0].length),
        forms: forms(fold(match[0])),
      });
    }
    return spans;
  }

  /* wordSpans, worked out once per text: the pages shown are read again for every query
     typed while the search is open. */
  var spanCache = new Map();
  var SPAN_CACHE_SIZE = 4000;

  function spansOf(text) {
    var spans = spanCache.get(text);
    if (!spans) {
      if (spanCache.size >= SPAN_CACHE_SIZE) {
        spanCache.clear();
      }
      spans = wordSpans(text);
      spanCache.set(text, spans);
    }
    return spans;
  }

  /* The searchable words of a text, folded, in order (as sitekit/search_words.words). */
  function words(text) {
    var found = [];
    wordSpans(text).forEach(function (span) {
      found.push.apply(found, span.forms);
    });
    return found;
  }

  /* object[key] when the object has it as its own, else undefined: a reader's word is
     never taken for what every object inherits ("constructor", "__proto__"). */
  function ownValue(object, key) {
    return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (char) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[char];
    });
  }

  /* By code points, as Python slices: a letter beyond U+FFFF is two UTF-16 units. */
  function shardName(word) {
    var prefix = Array.from(word).slice(0, MIN_WORD).join("");
    if (/^[a-z0-9]+$/.test(prefix)) {
      return prefix;
    }
    return "x" + Array.from(prefix).map(function (char) { return char.codePointAt(0).toString(16); }).join("-");
  }

  /* The reader's words, as concepts: what was typed, and the words to look up for it. */
  function concepts(query, manifest) {
    var stop = new Set(manifest.stop_words);
    var exact = new Set(manifest.exact_words || []);
    var found = [];
    var seen = new Set();
    var spans = wordSpans(query);
    var typing = !/\s$/.test(query);
    spans.forEach(function (span, position) {
      var whole = span.forms[0];
      if (whole.length < MIN_WORD || stop.has(whole) || seen.has(whole)) {
        return;
      }
      seen.add(whole);
      var lookups = [
        { word: whole, weight: 1, typing: typing && position === spans.length - 1, exactOnly: exact.has(whole) },
      ];
      // The same word in the singular or the plural, when the pages use it ("revenus",
      // "revenu"): stemmers leave some plurals alone.
      var other = /[sx]$/.test(whole) ? whole.slice(0, -1) : whole + "s";
      if (other.length >= MIN_WORD + 1) {
        lookups.push({ word: other, weight: 1, typing: false, exactOnly: true });
      }
      (ownValue(manifest.reader_words, whole) || []).forEach(function (other) {
        lookups.push({ word: forms(other)[0], weight: READER_WORD_WEIGHT, typing: false });
      });
      var parts = span.forms.slice(1).filter(function (part) {
        return part.length >= MIN_WORD && !stop.has(part);
      });
      found.push({ typed: span.written.toLowerCase(), lookups: lookups, parts: parts });
    });
    return found;
  }

  /* Edit distance of two words, with a swap of two letters counting once; stops past max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) {
      return max + 1;
    }
    var before = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) {
      previous.push(j);
    }
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        var value = Math.min(previous[k] + 1, current[k - 1] + 1, previous[k - 1] + cost);
        if (before && i > 1 && k > 1 && a[i - 1] === b[k - 2] && a[i - 2] === b[k - 1]) {
          value = Math.min(value, before[k - 2] + 1);
        }
        current.push(value);
        best = Math.min(best, value);
      }
      if (best > max) {
        return max + 1;
      }
      before = previous;
      previous = current;
    }
    return previous[b.length];
  }

  /* The groups a looked-up word matches in its shard: [{group, weight}]. */
  function matchWord(lookup, shard) {
    if (!shard) {
      return [];
    }
    var word = lookup.word;
    if (Object.prototype.hasOwnProperty.call(shard.words, word)) {
      return [{ group: shard.words[word], weight: lookup.weight }];
    }
    if (lookup.exactOnly) {
      return [];
    }
    var near = [];
    var maxDistance = word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
    Object.keys(shard.words).forEach(function (candidate) {
      if (lookup.typing && word.length >= 3 && candidate.indexOf(word) === 0) {
        near.push({ candidate: candidate, rank: 0, weight: TYPING_WEIGHT });
      } else if (word.length >= 4 && candidate.indexOf(word) === 0) {
        near.push({ candidate: candidate, rank: 1, weight: NEAR_WEIGHT });
      } else if (maxDistance > 0) {
        var d = distance(word, candidate, maxDistance);
        if (d <= maxDistance) {
          near.push({ candidate: candidate, rank: 1 + d, weight: NEAR_WEIGHT });
        }
      }
    });
    if (!near.length && word.length >= 6) {
      // A form the pages never use ("appealing"): the words that begin like it.
      for (var cut = word.length - 1; cut >= Math.max(4, word.length - 3) && !near.length; cut--) {
        var stem = word.slice(0, cut);
        Object.keys(shard.words).forEach(function (candidate) {
          if (candidate.indexOf(stem) === 0) {
            near.push({ candidate: candidate, rank: 4, weight: NEAR_WEIGHT });
          }
        });
      }
    }
    near.sort(function (a, b) {
      return a.rank - b.rank || a.candidate.length - b.candidate.length || (a.candidate < b.candidate ? -1 : 1);
    });
    var groups = [];
    var seen = new Set();
    near.forEach(function (item) {
      var group = shard.words[item.candidate];
      if (!seen.has(group) && groups.length < MAX_NEAR) {
        seen.add(group);
        groups.push({ group: group, weight: lookup.weight * item.weight });
      }
    });
    return groups;
  }

  function create(options) {
    var load = options.load;
    var cache = new Map();
    var manifestPromise = null;

    function loadOnce(path) {
      if (!cache.has(path)) {
        cache.set(path, load(path));
      }
      return cache.get(path);
    }

    function manifest() {
      if (!manifestPromise) {
        manifestPromise = load("manifest.json");
      }
      return manifestPromise;
    }

    function shard(info, word) {
      var name = shardName(word);
      if (info.shards.indexOf(name) < 0) {
        return Promise.resolve(null);
      }
      return loadOnce("shards/" + name + ".json?v=" + info.version);
    }

    function pageFile(info, number) {
      var perFile = info.pages_per_file || 1;
      var file = Math.floor(number / perFile);
      return loadOnce("pages/" + file + ".json?v=" + info.version).then(function (pages) {
        return pages[number % perFile];
      });
    }

    /* Each concept's matched groups and their postings, with the words that show them. */
    function resolve(info, found) {
      return Promise.all(
        found.map(function (concept) {
          return resolveLookups(info, concept.lookups).then(function (matched) {
            if (matched.groups.length || !concept.parts.length) {
              return matched;
            }
            // A hyphenated word the pages do not write that way ("post-partum" for
            // "postpartum"): its joined form and its parts.
            return resolveLookups(info, concept.parts.map(function (part) {
              return { word: part, weight: 1, typing: false };
            }));
          });
        })
      );
    }

    function resolveLookups(info, lookups) {
      return Promise.all(
        lookups.map(function (lookup) {
          return shard(info, lookup.word).then(function (data) {
            return { shard: data, groups: matchWord(lookup, data) };
          });
        })
      ).then(function (results) {
        var groups = [];
        var forms_ = new Set();
        var typed = new Set(); // the forms of the words as typed, not of reader words
        results.forEach(function (result) {
          result.groups.forEach(function (match) {
            groups.push({ weight: match.weight, postings: result.shard.postings[match.group] || [] });
            Object.keys(result.shard.words).forEach(function (word) {
              if (result.shard.words[word] === match.group) {
                forms_.add(word);
                if (match.weight >= TYPING_WEIGHT) {
                  typed.add(word);
                }
              }
            });
          });
        });
        return { groups: groups, forms: forms_, typed: typed };
      });
    }

    /* A first score for each page number (see the file's comment), with what it is made
       of, which the ranker reads again; and each concept's rarity (the idf of its rarest
       word, times that word's weight) in concept.rarity. */
    function score(info, matched) {
      var total = info.pages;
      var averageLength = info.lengths.reduce(function (sum, length) { return sum + length; }, 0) / (total || 1) || 1;
      var scores = new Map();
      var hits = new Map();
      var titled = new Map();
      matched.forEach(function (concept) {
        // Each word the concept matches weighs by its own rarity, and the page keeps
        // its best: a common reader word ("plan" for "insurance") never dilutes a rare one.
        var best = new Map();
        var inSummary = new Map();
        concept.groups.forEach(function (group) {
          var postings = group.postings;
          var frequency = postings.length / 3;
          var idf = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
          concept.rarity = Math.max(concept.rarity || 0, idf * group.weight);
          // A word in the title or description of most pages tells little about any.
          var summaryCredit = group.weight;
          for (var i = 0; i < postings.length; i += 3) {
            var page = postings[i];
            var count = postings[i + 1];
            var norm = K1 * (1 - B + (B * (info.lengths[page] || averageLength)) / averageLength);
            var value = (group.weight * idf * count * (K1 + 1)) / (count + norm);
            if (value > (best.get(page) || 0)) {
              best.set(page, value);
            }
            if (postings[i + 2] && summaryCredit > (inSummary.get(page) || 0)) {
              inSummary.set(page, summaryCredit);
            }
          }
        });
        best.forEach(function (value, page) {
          scores.set(page, (scores.get(page) || 0) + value);
          hits.set(page, (hits.get(page) || 0) + 1);
          titled.set(page, (titled.get(page) || 0) + (inSummary.get(page) || 0));
        });
      });
      var ranked = [];
      scores.forEach(function (value, page) {
        var share = hits.get(page) / matched.length;
        var titleShare = (titled.get(page) || 0) / matched.length;
        var boost = info.boosts[page] === undefined ? 1 : info.boosts[page];
        ranked.push({
          page: page,
          score: value * (1 + share * share) * (1 + TITLE_MATCH_BONUS * titleShare) * boost,
          bm25: value,
          share: share,
          summaryShare: titleShare,
          boost: boost,
        });
      });
      ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
      return ranked;
    }

    /* For each of the reader's words (exampleWords), the pages whose example queries
       used it (the shard's "examples"), or null. */
    function examplePages(info, typed) {
      return Promise.all(
        typed.map(function (word) {
          return shard(info, word).then(function (data) {
            return (data && ownValue(data.examples, word)) || null;
          });
        })
      );
    }

    /* The pages for a query, best first. options.explain: each result also carries the
       features the ranker weighed (scripts/search_ranker.py trains on them). */
    function search(query, options) {
      var explain = Boolean(options && options.explain);
      return manifest().then(function (info) {
        var found = concepts(query, info);
        if (!found.length) {
          return [];
        }
        var stop = new Set(info.stop_words);
        return Promise.all([
          resolve(info, found),
          examplePages(info, exampleWords(query, stop)),
        ]).then(function (both) {
          var matched = both[0];
          var examples = { lists: both[1], pages: info.example_pages || 0 };
          var ranked = score(info, matched).slice(0, MAX_RESULTS);
          return Promise.all(
            ranked.map(function (entry) { return pageFile(info, entry.page); })
          ).then(function (pages) {
            return rerank(pages, ranked, matched, query, stop, info.ranker, examples).map(function (entry) {
              var result = present(entry.page, entry.score, found, matched);
              if (explain) {
                result.features = entry.features;
              }
              return result;
            });
          });
        });
      });
    }

    /* The reader's words that example queries are looked up by (exampleWords). */
    function queryWords(query) {
      return manifest().then(function (info) {
        return exampleWords(query, new Set(info.stop_words));
      });
    }

    return { search: search, exampleWords: queryWords };
  }

  /* The words of a query looked up in the example queries: every searchable word
     (hyphenated ones whole and in parts), once, but the language's stop words. */
  function exampleWords(query, stop) {
    return Array.from(new Set(words(query))).filter(function (word) {
      return word.length >= MIN_WORD && !stop.has(word);
    });
  }

  /* How much of a query the example queries of a page share: each of the query's words
     weighs by its rarity among the pages that have examples (a word no example used
     weighs most), and counts when the page's examples used it. lists: for each word,
     the pages whose examples used it, or null; withExamples: how many pages have
     examples. The example queries are the tuning set of `make search-bench`, put in
     the search files by the build (scripts/search_ranker.js makes the table). */
  function exampleShare(lists, page, withExamples) {
    var total = 0;
    var shared = 0;
    lists.forEach(function (list) {
      var rarity = Math.log((withExamples + 1) / ((list ? list.length : 0) + 1));
      total += rarity;
      if (list && list.indexOf(page) >= 0) {
        shared += rarity;
      }
    });
    return total > 0 ? shared / total : 0;
  }

  /* The concept each word of a text matches with the reader's own words (or -1), in order:
     reader words from the language's table are looser evidence of a phrase. */
  function conceptSequence(text, matched) {
    return spansOf(text).map(function (span) {
      for (var position = 0; position < matched.length; position++) {
        var forms_ = matched[position].typed;
        if (span.forms.some(function (form) { return forms_.has(form); })) {
          return position;
        }
      }
      return -1;
    });
  }

  /* How many pairs of the reader's words, next to each other in the query, are close
     together in the text too (at most PAIR_GAP words apart). */
  function pairsIn(sequence, count) {
    var found = new Set();
    var last = new Map();
    sequence.forEach(function (concept, index) {
      if (concept < 0) {
        return;
      }
      [concept - 1, concept + 1].forEach(function (neighbour) {
        if (last.has(neighbour) && index - last.get(neighbour) <= PAIR_GAP + 1) {
          found.add(Math.min(concept, neighbour));
        }
      });
      last.set(concept, index);
    });
    return count > 1 ? found.size / (count - 1) : 0;
  }

  /* Whether a text has the words of phrase (folded, in order) side by side. */
  function hasPhrase(text, phrase) {
    var sequence = spansOf(text).map(function (span) { return span.forms[0]; });
    for (var start = 0; start + phrase.length <= sequence.length; start++) {
      if (phrase.every(function (word, offset) { return sequence[start + offset] === word; })) {
        return true;
      }
    }
    return false;
  }

  /* Whether a text has exactly the words of phrase (folded, in order), no more. */
  function sameWords(text, phrase) {
    var sequence = spansOf(text).map(function (span) { return span.forms[0]; });
    return sequence.length === phrase.length && hasPhrase(text, phrase);
  }

  /* Whether the reader typed every word of a title but its stop words ("health
     insurance section" has the whole of "Health insurance"): a short title typed whole
     names the page the reader is looking for. */
  function titleTyped(title, typedWords, stop) {
    var titleWords = spansOf(title)
      .map(function (span) { return span.forms[0]; })
      .filter(function (word) { return !stop.has(word); });
    return titleWords.length > 0 && titleWords.every(function (word) { return typedWords.has(word); });
  }

  /* The share of the reader's concepts that some text of texts has, each concept
     counted once; by rarity, each weighs its concept.rarity instead of 1. */
  function coverage(texts, matched, byRarity) {
    var hit = new Set();
    texts.forEach(function (text) {
      conceptsIn(text || "", matched).forEach(function (position) { hit.add(position); });
    });
    var total = 0;
    var found = 0;
    matched.forEach(function (concept, position) {
      var weight = byRarity ? concept.rarity || 0 : 1;
      total += weight;
      found += hit.has(position) ? weight : 0;
    });
    return total ? found / total : 0;
  }

  /* The largest share of the reader's words that one section holds, in its heading
     and text: a query about one part of a page finds it in one place. */
  function bestSection(sections, matched, byRarity) {
    return sections.reduce(function (best, section) {
      return Math.max(best, coverage([section[1], section[2]], matched, byRarity));
    }, 0);
  }

  /* What the ranker weighs for a page found first (entry: its first score and what it
     is made of; position: its place in the first ranking): the first score's parts,
     the reader's words side by side in a heading or in the text, the whole query as a
     heading or a search term has it, a title typed whole, and the share of the
     reader's words (and of their rarity) in each part of the page and in its best
     section, and in the example queries that page answers (exampleShare). The names
     are those of the ranker's file, includes/search-ranker.json. */
  function features(page, entry, position, matched, phrase, typedWords, stop, examples) {
    var count = matched.length;
    var headings = page.sections.map(function (section) { return section[1]; });
    var summaries = [page.title, page.description].concat(page.search_terms || [], headings);
    var texts = page.sections.map(function (section) { return section[2]; });
    var answer = page.sections[0] && page.sections[0][0] === page.location ? page.sections[0][2] : "";
    var terms = page.search_terms || [];
    var everything = summaries.concat(texts);
    return {
      first_score: Math.log(entry.score),
      first_rank: Math.log(1 + position),
      bm25: Math.log(entry.bm25),
      share: entry.share,
      summary_share: entry.summaryShare,
      boost: Math.log(entry.boost),
      pairs_in_headings: Math.max.apply(null, summaries.map(function (text) { return pairsIn(conceptSequence(text, matched), count); })),
      pairs_in_text: Math.max.apply(null, texts.map(function (text) { return pairsIn(conceptSequence(text, matched), count); }).concat([0])),
      phrase_in_heading: phrase.length > 1 && summaries.some(function (text) { return hasPhrase(text, phrase); }) ? 1 : 0,
      query_is_term: phrase.length && terms.some(function (term) { return sameWords(term, phrase); }) ? 1 : 0,
      title_typed: titleTyped(page.title, typedWords, stop) ? 1 : 0,
      in_title: coverage([page.title], matched, false),
      in_description: coverage([page.description], matched, false),
      in_terms: coverage(terms, matched, false),
      in_headings: coverage(headings, matched, false),
      in_answer: coverage([answer], matched, false),
      text_length: Math.log(1 + texts.reduce(function (sum, text) { return sum + text.length; }, 0)),
      rare_in_title: coverage([page.title], matched, true),
      rare_in_description: coverage([page.description], matched, true),
      rare_in_terms: coverage(terms, matched, true),
      rare_in_headings: coverage(headings, matched, true),
      rare_in_answer: coverage([answer], matched, true),
      rare_anywhere: coverage(everything, matched, true),
      in_best_section: bestSection(page.sections, matched, false),
      rare_in_best_section: bestSection(page.sections, matched, true),
      example_share: exampleShare(examples.lists, entry.page, examples.pages),
    };
  }

  /* A page's final score: the ranker's weighted sum of its features, each centred and
     scaled as in training; without a ranker, its first score. */
  function rankedScore(values, entry, ranker) {
    if (!ranker) {
      return Math.log(entry.score);
    }
    var total = 0;
    ranker.features.forEach(function (name, index) {
      var value = values[name];
      if (typeof value === "number" && isFinite(value)) {
        total += (ranker.weights[index] * (value - ranker.center[index])) / ranker.scale[index];
      }
    });
    return total;
  }

  /* The pages found first, ranked again by the ranker (includes/search-ranker.json,
     trained on the tuning set of `make search-bench` by `make search-train`), which
     weighs what only their text tells with the first score. */
  function rerank(pages, ranked, matched, query, stop, ranker, examples) {
    var phrase = wordSpans(query).map(function (span) { return span.forms[0]; });
    var typedWords = new Set(phrase);
    return pages
      .map(function (page, position) {
        var values = features(page, ranked[position], position, matched, phrase, typedWords, stop, examples);
        return { page: page, features: values, score: rankedScore(values, ranked[position], ranker), position: position };
      })
      .sort(function (a, b) { return b.score - a.score || a.position - b.position; });
  }

  /* Which concepts a text's words match: a Set of concept positions. */
  function conceptsIn(text, matched) {
    var hit = new Set();
    spansOf(text).forEach(function (span) {
      matched.forEach(function (concept, position) {
        if (span.forms.some(function (form) { return concept.forms.has(form); })) {
          hit.add(position);
        }
      });
    });
    return hit;
  }

  /* Escaped text with each matched word in <mark>; the words are never cut or nested. */
  function highlight(text, allForms) {
    var out = "";
    var at = 0;
    spansOf(text).forEach(function (span) {
      if (span.forms.some(function (form) { return allForms.has(form); })) {
        out += escapeHtml(text.slice(at, span.start)) + "<mark>" + escapeHtml(text.slice(span.start, span.end)) + "</mark>";
        at = span.end;
      }
    });
    return out + escapeHtml(text.slice(at));
  }

  /* Up to SNIPPET_LENGTH characters of a text: from its start (an answer is read from
     its first sentence), or around its first matched word. */
  function excerpt(text, allForms, fromStart) {
    text = text.normalize("NFC");
    if (text.length <= SNIPPET_LENGTH) {
      return highlight(text, allForms);
    }
    var spans = spansOf(text);
    var first = spans.find(function (span) {
      return span.forms.some(function (form) { return allForms.has(form); });
    });
    var start = 0;
    if (first && !fromStart && first.end > SNIPPET_LENGTH - SNIPPET_LEAD) {
      var from = first.start - SNIPPET_LEAD;
      var boundary = spans.find(function (span) { return span.start >= from; });
      start = boundary ? boundary.start : first.start;
    }
    var end = start + SNIPPET_LENGTH;
    var last = spans.filter(function (span) { return span.end <= end; }).pop();
    end = last && last.end > start ? last.end : Math.min(text.length, end);
    var piece = text.slice(start, end);
    return (start > 0 ? "…" : "") + highlight(piece, allForms) + (end < text.length ? "…" : "");
  }

  /* A page as shown: its answer, or the section that matches the query best. */
  function present(page, score, found, matched) {
    var allForms = new Set();
    matched.forEach(function (concept) {
      concept.forms.forEach(function (form) { allForms.add(form); });
    });
    var pageHits = new Set();
    [page.title, page.description].concat(
      page.search_terms || [],
      page.twin_terms || [],
      page.sections.map(function (section) { return section[1]; }),
      page.sections.map(function (section) { return section[2]; })
    ).forEach(function (text) {
      conceptsIn(text, matched).forEach(function (position) { pageHits.add(position); });
    });
    var terms = {};
    found.forEach(function (concept, position) {
      terms[concept.typed] = pageHits.has(position);
    });
    var intro = page.sections[0] && page.sections[0][0] === page.location ? page.sections[0][2] : "";
    var answer = intro || page.description;
    // The answer comes first; a section replaces it only when it matches more of the
    // reader's words ("who to call" for a query about phone numbers).
    var answerHits = conceptsIn(answer, matched).size;
    var best = null;
    page.sections.forEach(function (section) {
      // A heading over other headings only ("Agencies and laws" in the glossary) has no
      // text of its own to show.
      if (section[0] === page.location || !section[2]) {
        return;
      }
      var inHeading = conceptsIn(section[1], matched);
      var hits = new Set(inHeading);
      conceptsIn(section[2], matched).forEach(function (position) { hits.add(position); });
      inHeading = inHeading.size;
      hits = hits.size;
      if (hits > answerHits && (!best || hits > best.hits || (hits === best.hits && inHeading > best.inHeading))) {
        best = { section: section, hits: hits, inHeading: inHeading };
      }
    });
    var result = {
      location: page.location,
      title: highlight(page.title, allForms),
      text: excerpt(answer, allForms, true),
      score: score,
      terms: terms,
      sections: [],
    };
    if (best) {
      result.sections.push({
        location: best.section[0],
        title: highlight(best.section[1], allForms),
        text: excerpt(best.section[2], allForms),
        score: score,
        terms: terms,
      });
    }
    return result;
  }

  scope.siteSearch = {
    create: create,
    fold: fold,
    words: words,
    distance: distance,
    highlight: highlight,
    excerpt: excerpt,
    shardName: shardName,
    exampleWords: exampleWords,
    exampleShare: exampleShare,
  };
})(typeof self !== "undefined" ? self : this);
