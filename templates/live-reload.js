/* Live reload for `python -m pipeline serve`. Only the preview server adds this script to the pages
   it sends (with its hash in their Content-Security-Policy); it is never written into build/.
   The server tells it when a build finishes: a newer build reloads the page, a failed one shows
   what went wrong on top of the page until the next build. */
(function () {
  "use strict";
  var shown = document.currentScript.getAttribute("data-build");
  var events = new EventSource("/.live-reload");

  function showProblems(problems) {
    var box = document.getElementById("live-reload-problems");
    if (!problems.length) {
      if (box) { box.parentNode.removeChild(box); }
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "live-reload-problems";
      box.setAttribute("role", "alert");
      box.style.position = "fixed";
      box.style.left = "0";
      box.style.right = "0";
      box.style.top = "0";
      box.style.zIndex = "2147483647";
      box.style.margin = "0";
      box.style.padding = "12px 16px";
      box.style.background = "#fdf2f2";
      box.style.color = "#6b1010";
      box.style.borderBottom = "4px solid #8a1c1c";
      box.style.font = "15px/1.45 monospace";
      box.style.whiteSpace = "pre-wrap";
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.textContent = "The build failed; the page shows the last good build.\n" + problems.join("\n");
  }

  events.addEventListener("build", function (event) {
    var state = JSON.parse(event.data);
    if (String(state.build) !== shown) {
      events.close();
      window.location.reload();
      return;
    }
    showProblems(state.problems);
  });
}());
