// labsite learn theme: search over the site's index.json (learn's shape: uri, title,
// tags, description, content). Written for labsite; no library needed.
(function () {
  "use strict";
  var input = document.querySelector("[data-search-input]");
  if (!input) { return; }
  var list = input.parentNode.querySelector(".search-results");
  var clear = input.parentNode.querySelector("[data-search-clear]");
  var pages = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = fetch(input.getAttribute("data-search-index"))
        .then(function (r) { return r.json(); })
        .then(function (data) { pages = data; })
        .catch(function () { pages = []; });
    }
    return loading;
  }

  function words(text) {
    return (text || "").toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  }

  // Each query word must appear; title hits weigh most, then tags, then content.
  function score(page, terms) {
    var title = (page.title || "").toLowerCase();
    var tags = (page.tags || []).join(" ").toLowerCase();
    var body = ((page.description || "") + " " + (page.content || "")).toLowerCase();
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      var s = (title.indexOf(t) >= 0 ? 15 : 0) + (tags.indexOf(t) >= 0 ? 10 : 0) + (body.indexOf(t) >= 0 ? 5 : 0);
      if (!s) { return 0; }
      total += s;
    }
    return total;
  }

  function show(results) {
    list.innerHTML = "";
    results.slice(0, 10).forEach(function (page) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = page.uri;
      a.textContent = page.title;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = results.length === 0;
  }

  function search() {
    var terms = words(input.value);
    if (!terms.length) { show([]); return; }
    load().then(function () {
      var scored = pages
        .map(function (p) { return { page: p, score: score(p, terms) }; })
        .filter(function (r) { return r.score > 0; })
        .sort(function (a, b) { return b.score - a.score; });
      show(scored.map(function (r) { return r.page; }));
    });
  }

  input.addEventListener("focus", load);
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && list.firstChild) { window.location.href = list.firstChild.firstChild.href; }
    if (ev.key === "Escape") { input.value = ""; show([]); }
  });
  if (clear) {
    clear.addEventListener("click", function () { input.value = ""; show([]); input.focus(); });
  }
})();
