/* Read-along: highlight the sentence being spoken; a sentence, selected, plays from there.
   The cue times are the WebVTT cues, written into the page so they work from a local file
   (browsers refuse to load a <track> from file://). */
(function () {
  "use strict";

  function readAlong(transcript) {
    var audio = document.getElementById(transcript.getAttribute("data-read-along"));
    var details = transcript.closest("details");
    var sentences = Array.prototype.slice.call(transcript.querySelectorAll(".sentence"));
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

    function keepInView(sentence) {
      var box = transcript.getBoundingClientRect();
      var line = sentence.getBoundingClientRect();
      if (line.top < box.top || line.bottom > box.bottom) {
        transcript.scrollTop += line.top - box.top - box.height / 3;
      }
    }

    function light(sentence) {
      if (sentence === current) { return; }
      if (current) { current.classList.remove("speaking"); current.removeAttribute("aria-current"); }
      current = sentence;
      if (current) {
        current.classList.add("speaking");
        current.setAttribute("aria-current", "true");
        if (details && details.open) { keepInView(current); }
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
    audio.addEventListener("play", function () { if (details) { details.open = true; } });

    transcript.addEventListener("click", function (event) {
      var sentence = event.target.closest(".sentence");
      if (sentence) { playFrom(sentence); }
    });
    transcript.addEventListener("keydown", function (event) {
      var sentence = event.target.closest(".sentence");
      if (sentence && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        playFrom(sentence);
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-read-along]"), readAlong);
}());
