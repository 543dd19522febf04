/* The library page: search as you type, a topic filter, two orders and a count of what shows.
   Without this script the whole list shows, newest first, and the search form stays hidden.
   Staff open the page as index.html#staff to see the clinical-review filter too; whether a review
   is due is worked out from today's date here, so the page itself never changes with the calendar. */
(function () {
  "use strict";

  var form = document.querySelector(".finder");
  var list = document.getElementById("articles");
  var count = document.getElementById("count");
  var none = document.getElementById("none");
  if (!form || !list || !count) { return; }
  var find = document.getElementById("find");
  var topic = document.getElementById("topic");
  var order = document.getElementById("order");
  var review = document.getElementById("review");
  var staff = document.getElementById("staff");
  var language = document.documentElement.lang || "en";

  // Case and accents don't matter: "anxiete" finds "Anxiété".
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase(language);
  }

  var entries = Array.prototype.map.call(list.children, function (item, index) {
    var tags = Array.prototype.map.call(item.querySelectorAll(".tag"), function (t) { return t.textContent; });
    var title = item.querySelector("h2").textContent;
    var summary = item.querySelector(".summary").textContent;
    return {item: item, index: index, title: title, tags: tags, nextReview: item.getAttribute("data-next-review"),
            text: folded([title, summary].concat(tags).join(" \n "))};
  });

  // "due": the next review is within the warning days (or past); "unreviewed": no review recorded.
  function reviewMatches(entry, wanted) {
    if (!wanted) { return true; }
    if (!entry.nextReview) { return wanted === "unreviewed"; }
    if (wanted !== "due") { return false; }
    var warnDays = parseInt(review.getAttribute("data-warn-days"), 10) || 0;
    var warnFrom = new Date(entry.nextReview + "T00:00:00");
    warnFrom.setDate(warnFrom.getDate() - warnDays);
    return new Date() >= warnFrom;
  }

  function matches(entry, words, tag) {
    if (tag && entry.tags.indexOf(tag) < 0) { return false; }
    if (review && !reviewMatches(entry, review.value)) { return false; }
    return words.every(function (word) { return entry.text.indexOf(word) >= 0; });
  }

  function showCount(shown) {
    // The wordings come translated in the page's language, as data-* attributes of the count.
    var total = entries.length;
    var wording = count.getAttribute(shown === total ? "data-all" : "data-some") || "";
    count.textContent = wording.split("|")[total === 1 ? 0 : 1]
      .replace("{shown}", shown).replace("{total}", total);
  }

  function filter() {
    var words = folded(find.value).split(/\s+/).filter(Boolean);
    var tag = topic ? topic.value : "";
    var shown = 0;
    entries.forEach(function (entry) {
      var show = matches(entry, words, tag);
      entry.item.hidden = !show;
      if (show) { shown += 1; }
    });
    none.hidden = shown > 0;
    showCount(shown);
  }

  var collator = new Intl.Collator(language, {sensitivity: "base", numeric: true});
  function sort() {
    var sorted = entries.slice().sort(order.value === "title"
      ? function (a, b) { return collator.compare(a.title, b.title) || a.index - b.index; }
      : function (a, b) { return a.index - b.index; });
    sorted.forEach(function (entry) { list.appendChild(entry.item); });
  }

  find.addEventListener("input", filter);
  if (topic) { topic.addEventListener("change", filter); }
  if (review) { review.addEventListener("change", filter); }
  if (staff && window.location.hash === "#staff") { staff.hidden = false; }
  order.addEventListener("change", sort);
  form.addEventListener("submit", function (event) { event.preventDefault(); filter(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { sort(); filter(); find.focus(); }, 0);  // after the fields reset
  });
  form.hidden = false;
  filter();
}());
