/*
 * Deadline calculator (IMR pages): from the date of the plan's written decision, the
 * last day to apply for an Independent Medical Review (6 months later) and, for members
 * of a Medi-Cal managed care plan, to ask for a State Hearing (120 days after the
 * Notice of Appeal Resolution), written in the page's language. Plain JavaScript, no
 * request. The rule is in the page's text as well, for readers without JavaScript.
 *
 * The date is typed in the page's language's order (08/14/2026 in English, 14/08/2026
 * in French: the order comes from the browser's own date format for that language), or
 * chosen in the browser's calendar. A date in the future is refused with a sentence; a
 * deadline already past is said so, with what to do. Every sentence comes from the
 * tool's data attributes, in the page's language.
 */
(function () {
  "use strict";

  var DAY = 24 * 60 * 60 * 1000;

  function daysInMonth(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  /* The same day so many months later, or the month's last day when it has fewer
     days: August 31 plus 6 months is the end of February. */
  function addMonths(date, months) {
    var index = date.month - 1 + months;
    var year = date.year + Math.floor(index / 12);
    var month = (((index % 12) + 12) % 12) + 1;
    return { year: year, month: month, day: Math.min(date.day, daysInMonth(year, month)) };
  }

  function addDays(date, days) {
    var moved = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
    return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
  }

  function validDate(year, month, day) {
    var ok = month >= 1 && month <= 12 && day >= 1 && year >= 1900 && day <= daysInMonth(year, month);
    return ok ? { year: year, month: month, day: day } : null;
  }

  function parseIsoDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return match ? validDate(+match[1], +match[2], +match[3]) : null;
  }

  /* "month", "day" and "year" in the order the language writes a short date. */
  function fieldOrder(lang) {
    var parts = new Intl.DateTimeFormat(lang, { timeZone: "UTC" }).formatToParts(new Date(Date.UTC(2026, 10, 23)));
    return parts
      .map(function (part) { return part.type; })
      .filter(function (type) { return type === "day" || type === "month" || type === "year"; });
  }

  /* A typed date: "8/14/2026" in English, "14/08/2026" or "14.08.2026" in French; an ISO
     date (2026-08-14) in any language. */
  function parseTypedDate(value, lang) {
    var text = (value || "").trim();
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) {
      var iso = text.split("-");
      return validDate(+iso[0], +iso[1], +iso[2]);
    }
    var numbers = text.split(/\s*[./\-\s]\s*/);
    if (numbers.length !== 3 || !numbers.every(function (n) { return /^\d+$/.test(n); })) {
      return null;
    }
    var order = fieldOrder(lang);
    var fields = {};
    order.forEach(function (type, index) {
      fields[type] = +numbers[index];
    });
    if (numbers[order.indexOf("year")].length !== 4) {
      return null;
    }
    return validDate(fields.year, fields.month, fields.day);
  }

  function typedDate(date, lang) {
    var when = new Date(Date.UTC(date.year, date.month - 1, date.day));
    return new Intl.DateTimeFormat(lang, {
      year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC",
    }).format(when);
  }

  function isoDate(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.year + "-" + two(date.month) + "-" + two(date.day);
  }

  /* "August 14, 2026", "14 août 2026"; the first of the month is "1er" in French. */
  function longDate(date, lang) {
    var when = new Date(Date.UTC(date.year, date.month - 1, date.day));
    var text = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(when);
    return /^fr\b/.test(lang) && date.day === 1 ? text.replace(/^1(?=\s)/, "1er") : text;
  }

  function compare(a, b) {
    return (a.year - b.year) || (a.month - b.month) || (a.day - b.day);
  }

  function today() {
    var now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }

  /* The sentences to show for a typed value: [{text, kind}], kind "deadline", "past",
     "warning" or "" (an ordinary line). */
  function answer(tool, value, lang, now) {
    if (!value.trim()) {
      return [];
    }
    var decision = parseTypedDate(value, lang);
    if (!decision) {
      return [{ text: tool.dataset.invalid, kind: "warning" }];
    }
    if (compare(decision, now) > 0) {
      return [{ text: tool.dataset.future, kind: "warning" }];
    }
    var imr = addMonths(decision, 6);
    var hearing = addDays(decision, 120);
    var lines = [{ text: tool.dataset.imr.replace("{date}", longDate(imr, lang)), kind: "deadline" }];
    if (compare(imr, now) < 0) {
      lines.push({ text: tool.dataset.past + " " + tool.dataset.late, kind: "past" });
    }
    var hearingLine = tool.dataset.hearing.replace("{date}", longDate(hearing, lang));
    lines.push({ text: hearingLine + (compare(hearing, now) < 0 ? " " + tool.dataset.past : ""), kind: "" });
    return lines;
  }

  function setUp(tool) {
    var lang = document.documentElement.lang || "en";
    var input = tool.querySelector("input[data-typed]");
    var picker = tool.querySelector("input[type=date]");
    var output = tool.querySelector("[data-result]");
    function show() {
      output.textContent = "";
      answer(tool, input.value, lang, today()).forEach(function (line) {
        var paragraph = document.createElement("p");
        paragraph.textContent = line.text;
        if (line.kind) {
          paragraph.className = "site-deadline__" + line.kind;
        }
        output.appendChild(paragraph);
      });
    }
    input.addEventListener("input", show);
    input.addEventListener("change", show);
    if (picker) {
      picker.max = isoDate(today());
      picker.addEventListener("change", function () {
        var chosen = parseIsoDate(picker.value);
        if (chosen) {
          input.value = typedDate(chosen, lang);
          show();
        }
      });
    }
    tool.hidden = false;
  }

  window.siteDeadlines = {
    addMonths: addMonths,
    addDays: addDays,
    parseIsoDate: parseIsoDate,
    parseTypedDate: parseTypedDate,
    longDate: longDate,
    answer: answer,
  };
  document.querySelectorAll(".site-deadline").forEach(setUp);
})();
