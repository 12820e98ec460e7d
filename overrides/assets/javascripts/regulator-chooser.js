/*
 * "Which regulator handles my plan?": a few questions, one at a time, leading to the
 * DMHC, the CDI, Medicare, an employer plan under federal rules, or Medi-Cal. The
 * questions and answers are in the page, the first one shown, so that nothing moves
 * when this script runs; without JavaScript, assets/stylesheets/no-script.css hides
 * the tool and the page's own text is the guide. Each step after the first has a
 * "Back" button (its text is the tool's data-back, in the page's language); each
 * result shows who to call (filled in by the build from includes/help-lines.yml).
 */
(function () {
  "use strict";

  function setUp(tool) {
    var steps = tool.querySelectorAll("[data-step]");
    var visited = [];

    function display(name) {
      steps.forEach(function (step) {
        step.hidden = step.dataset.step !== name;
      });
    }

    function show(name) {
      display(name);
      var current = tool.querySelector('[data-step="' + name + '"]');
      var heading = current.querySelector("p");
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }

    steps.forEach(function (step) {
      if (step.dataset.step === tool.dataset.start || !tool.dataset.back) {
        return;
      }
      var back = document.createElement("button");
      back.type = "button";
      back.className = "site-chooser__back";
      back.setAttribute("data-site-back", "");
      back.textContent = tool.dataset.back;
      step.insertBefore(back, step.firstChild);
    });

    tool.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) {
        return;
      }
      if (button.hasAttribute("data-site-back")) {
        show(visited.pop() || tool.dataset.start);
        return;
      }
      var current = tool.querySelector("[data-step]:not([hidden])").dataset.step;
      if (button.dataset.next) {
        visited.push(current);
        show(button.dataset.next);
      } else {
        visited = [];
        show(tool.dataset.start);
      }
    });
    tool.hidden = false;
    display(tool.dataset.start);
  }

  document.querySelectorAll(".site-chooser").forEach(setUp);
})();
