// labsite serve: reloads the page when the site is rebuilt (keeping the scroll
// position), swaps changed stylesheets in place, and shows build errors over
// the last good build until the site builds again.
(function () {
  "use strict";
  var scrollKey = "labsite-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    var xy = JSON.parse(saved);
    var restore = function () { window.scrollTo(xy[0], xy[1]); };
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  }

  function overlay(message) {
    var box = document.getElementById("labsite-error");
    if (message === null) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "labsite-error";
      box.setAttribute("role", "alert");
      box.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(24,24,24,.94);color:#f8f8f2;padding:2em;" +
        "font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap");
      document.body.appendChild(box);
    }
    box.textContent = "labsite: the site does not build; this is the last good build.\n\n" + message;
  }

  function swapStylesheets(paths) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      for (var j = 0; j < paths.length; j++) {
        if (url.pathname.endsWith("/" + paths[j])) {
          url.searchParams.set("labsite", Date.now());
          links[i].href = url.toString();
        }
      }
    }
  }

  function connect() {
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__labsite/ws");
    ws.onmessage = function (event) {
      var m = JSON.parse(event.data);
      if (m.type === "error") {
        overlay(m.message);
      } else if (m.type === "css") {
        overlay(null);
        swapStylesheets(m.paths);
      } else if (m.type === "reload") {
        sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
        if (m.path && m.path !== location.pathname) location.href = m.path; else location.reload();
      }
    };
    ws.onclose = function () { setTimeout(connect, 1000); };
  }
  connect();
})();
