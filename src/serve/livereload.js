// labsite serve: reloads the page when the site is rebuilt (keeping the scroll
// position), swaps changed stylesheets in place, shows build errors over the
// last good build until the site builds again, and the build's warnings in a
// banner that can be dismissed.
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

  function banner(messages) {
    var old = document.getElementById("labsite-warnings");
    if (old) old.remove();
    var key = "labsite-dismissed:" + messages.join("\n");
    if (!messages.length || sessionStorage.getItem(key) !== null) return;
    var box = document.createElement("div");
    box.id = "labsite-warnings";
    box.setAttribute("role", "status");
    box.setAttribute("style", "position:fixed;left:0;right:0;bottom:0;z-index:2147483646;max-height:30vh;" +
      "overflow:auto;background:#fff8c5;color:#3b2300;border-top:2px solid #d4a72c;padding:.6em 2.6em .6em 1em;" +
      "font:13px/1.4 ui-monospace,monospace;white-space:pre-wrap");
    var close = document.createElement("button");
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", "Dismiss the warnings");
    close.setAttribute("style", "position:absolute;top:.3em;right:.5em;font:18px/1 sans-serif;" +
      "background:none;border:0;cursor:pointer;color:inherit");
    close.onclick = function () { sessionStorage.setItem(key, "1"); box.remove(); };
    var text = document.createElement("div");
    text.textContent = "labsite: " + messages.length + " warning(s)\n" + messages.join("\n");
    box.appendChild(close);
    box.appendChild(text);
    document.body.appendChild(box);
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
      } else if (m.type === "warnings") {
        banner(m.messages);
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
