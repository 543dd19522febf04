/* Read-along: the sentence being spoken is lit in the article as written; a sentence, chosen,
   plays from there. The cue times are written into the page so they work from a local file
   (browsers refuse to load a <track> from file://). */
(function () {
  "use strict";

  function readAlong(text) {
    var audio = document.getElementById(text.getAttribute("data-read-along"));
    var sentences = Array.prototype.slice.call(text.querySelectorAll(".sentence"));
    var starts = sentences.map(function (s) { return parseFloat(s.getAttribute("data-start")); });
    var current = null;
    if (!audio || !sentences.length) { return; }

    // The last sentence that has started: it stays lit through the pause after it.
    function sentenceAt(time) {
      var low = 0, high = starts.length - 1, found = -1;
      while (low <= high) {
        var middle = (low + high) >> 1;
        if (starts[middle] <= time + 0.001) { found = middle; low = middle + 1; } else { high = middle - 1; }
      }
      return found < 0 ? null : sentences[found];
    }

    function onScreen(element) {
      var box = element.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }

    // Follow the voice down the page while the reader is following it (the lit sentence was on
    // screen); a reader who has scrolled elsewhere is left where they are.
    function light(sentence) {
      if (sentence === current) { return; }
      var following = !audio.paused && current !== null && onScreen(current);
      if (current) { current.classList.remove("speaking"); current.removeAttribute("aria-current"); }
      current = sentence;
      if (current) {
        current.classList.add("speaking");
        current.setAttribute("aria-current", "true");
        if (following && !onScreen(current)) { current.scrollIntoView({block: "center"}); }
      }
    }

    function follow() { light(sentenceAt(audio.currentTime)); }

    function playFrom(sentence) {
      audio.currentTime = parseFloat(sentence.getAttribute("data-start"));
      light(sentence);
      var playing = audio.play();
      if (playing && playing.catch) { playing.catch(function () { /* stays paused at the sentence */ }); }
    }

    ["timeupdate", "seeking", "seeked"].forEach(function (name) { audio.addEventListener(name, follow); });
    audio.addEventListener("ended", function () { light(null); });

    text.addEventListener("click", function (event) {
      if (event.target.closest("a")) { return; }  // a link in a sentence opens the link
      var sentence = event.target.closest(".sentence");
      if (sentence) { playFrom(sentence); }
    });
    text.addEventListener("keydown", function (event) {
      var sentence = event.target.closest(".sentence");
      if (sentence && event.target === sentence && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        playFrom(sentence);
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-read-along]"), readAlong);
}());
