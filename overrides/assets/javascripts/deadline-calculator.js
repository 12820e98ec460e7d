/*
 * Deadline calculator (IMR pages): from the date of the plan's written decision, the
 * last day to apply for an Independent Medical Review (6 months later) and, for members
 * of a Medi-Cal managed care plan, to ask for a State Hearing (120 days after the
 * Notice of Appeal Resolution), written in the page's language. Plain JavaScript, no
 * request. The rule is in the page's text as well, for readers without JavaScript; the
 * markup (in the page) is shown only here.
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

  function parseIsoDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    if (!match) {
      return null;
    }
    var date = { year: +match[1], month: +match[2], day: +match[3] };
    var valid = date.month >= 1 && date.month <= 12 && date.day >= 1 &&
      date.day <= daysInMonth(date.year, date.month);
    return valid ? date : null;
  }

  function longDate(date, lang) {
    var when = new Date(Date.UTC(date.year, date.month - 1, date.day));
    return new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(when);
  }

  function setUp(tool) {
    var lang = document.documentElement.lang || "en";
    var input = tool.querySelector("input[type=date]");
    var output = tool.querySelector("[data-result]");
    function show() {
      var decision = parseIsoDate(input.value);
      output.textContent = "";
      if (!decision) {
        return;
      }
      [
        tool.dataset.imr.replace("{date}", longDate(addMonths(decision, 6), lang)),
        tool.dataset.late,
        tool.dataset.hearing.replace("{date}", longDate(addDays(decision, 120), lang)),
      ].forEach(function (text) {
        var line = document.createElement("p");
        line.textContent = text;
        output.appendChild(line);
      });
    }
    input.addEventListener("input", show);
    input.addEventListener("change", show);
    tool.hidden = false;
  }

  window.siteDeadlines = { addMonths: addMonths, addDays: addDays, parseIsoDate: parseIsoDate, longDate: longDate };
  document.querySelectorAll(".site-deadline").forEach(setUp);
})();
