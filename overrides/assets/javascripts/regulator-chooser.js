/*
 * "Which regulator handles my plan?": a few questions, one at a time, leading to the
 * DMHC, the CDI, Medicare, an employer plan under federal rules, or Medi-Cal. The
 * questions and answers are in the page, the first one shown, so that nothing moves
 * when this script runs; without JavaScript, assets/stylesheets/no-script.css hides
 * the tool and the page's own text is the guide.
 */
(function () {
  "use strict";

  function setUp(tool) {
    var steps = tool.querySelectorAll("[data-step]");

    function show(name) {
      steps.forEach(function (step) {
        step.hidden = step.dataset.step !== name;
      });
      var current = tool.querySelector('[data-step="' + name + '"]');
      var heading = current.querySelector("p");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }

    tool.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) {
        return;
      }
      show(button.dataset.next || tool.dataset.start);
    });
    tool.hidden = false;
    steps.forEach(function (step) {
      step.hidden = step.dataset.step !== tool.dataset.start;
    });
  }

  document.querySelectorAll(".site-chooser").forEach(setUp);
})();
