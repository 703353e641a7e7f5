// labsite learn theme: sidebar toggle, visited pages, tabs, TOC toggle and copy buttons.
// Written for labsite; works without any library. The page stays usable without it.
(function () {
  "use strict";
  var store = {
    get: function (k) { try { return window.sessionStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.sessionStorage.setItem(k, v); } catch (e) { /* private mode */ } },
    keep: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode */ } },
    recall: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    clear: function () { try { window.sessionStorage.clear(); } catch (e) { /* private mode */ } }
  };

  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }

  // Sidebar on small screens.
  each("[data-sidebar-toggle]", function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      document.body.classList.toggle("sidebar-open");
    });
  });

  // Visited pages get a check mark.
  var url = document.body.getAttribute("data-url");
  if (url) { store.set("labsite-visited:" + url, "1"); }
  function markVisited(root) {
    each("li.dd-item[data-nav-id]", function (li) {
      if (store.get("labsite-visited:" + li.getAttribute("data-nav-id"))) { li.classList.add("visited"); }
    }, root);
  }
  each("#sidebar", markVisited);

  // A branch's caret opens or closes it. A page carries the branches open on it;
  // the others come from the whole tree, fetched once when a reader opens one.
  var sidebar = document.getElementById("sidebar");
  var wholeTree = null;
  function loadTree() {
    if (!wholeTree) {
      wholeTree = fetch(sidebar.getAttribute("data-menu"))
        .then(function (r) { return r.text(); })
        .then(function (html) { return new DOMParser().parseFromString(html, "text/html"); });
    }
    return wholeTree;
  }
  function setOpen(li, open) {
    li.classList.toggle("open", open);
    li.classList.toggle("closed", !open);
    var caret = li.querySelector(":scope > a > .fa-caret-right, :scope > a > .fa-caret-down");
    if (caret) {
      caret.classList.toggle("fa-caret-down", open);
      caret.classList.toggle("fa-caret-right", !open);
    }
  }
  function wireCarets(root) {
    each("li.dd-item > a > .fa-caret-right, li.dd-item > a > .fa-caret-down", function (caret) {
      caret.addEventListener("click", function (ev) {
        ev.preventDefault();
        ev.stopPropagation();
        var li = caret.parentNode.parentNode;
        var children = li.querySelector(":scope > ul");
        if (children) {
          setOpen(li, getComputedStyle(children).display === "none");
          return;
        }
        if (!sidebar || !sidebar.getAttribute("data-menu")) { return; }
        loadTree().then(function (doc) {
          var id = li.getAttribute("data-nav-id");
          var source = doc.querySelector('li[data-nav-id="' + CSS.escape(id) + '"] > ul');
          if (!source || li.querySelector(":scope > ul")) { return; }
          var copy = document.importNode(source, true);
          li.appendChild(copy);
          markVisited(copy);
          wireCarets(copy);
          setOpen(li, true);
        });
      });
    }, root);
  }
  if (sidebar) { wireCarets(sidebar); }

  // A branch with very many pages shows those around this one and "more" items
  // for the rest: one brings the branch's whole list from the shared tree.
  function wireMore(root) {
    each("li.labsite-more > a", function (a) {
      a.addEventListener("click", function (ev) {
        if (!sidebar || !sidebar.getAttribute("data-menu")) { return; }
        ev.preventDefault();
        var list = a.parentNode.parentNode;
        var branch = a.parentNode.getAttribute("data-labsite-more");
        loadTree().then(function (doc) {
          var source = doc.querySelector('li[data-nav-id="' + CSS.escape(branch) + '"] > ul');
          if (!source || !list.parentNode) { return; }
          var copy = document.importNode(source, true);
          each("li.dd-item[data-nav-id]", function (li) {
            if (li.getAttribute("data-nav-id") === url) { li.classList.add("active"); }
          }, copy);
          list.parentNode.replaceChild(copy, list);
          markVisited(copy);
          wireCarets(copy);
          wireMore(copy);
        });
      });
    }, root);
  }
  if (sidebar) { wireMore(sidebar); }
  each("[data-clear-history-toggle]", function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      store.clear();
      each("#sidebar li.visited", function (li) { li.classList.remove("visited"); });
    });
  });

  // Table of contents.
  each("#toc-menu", function (t) {
    t.addEventListener("click", function () {
      each(".progress", function (p) { p.classList.toggle("open"); });
    });
  });

  // Tabs: switch without a reload; the choice is remembered per group.
  function selectTab(group, name) {
    each('[data-tab-group="' + CSS.escape(group) + '"][data-tab-item]', function (el) {
      el.classList.toggle("active", el.getAttribute("data-tab-item") === name);
      if (el.tagName === "BUTTON") { el.setAttribute("aria-selected", el.classList.contains("active")); }
    });
  }
  each(".tab-nav-button", function (b) {
    b.addEventListener("click", function () {
      var group = b.getAttribute("data-tab-group");
      var name = b.getAttribute("data-tab-item");
      selectTab(group, name);
      store.keep("labsite-tab:" + group, name);
    });
  });
  each(".tab-panel[data-tab-group]", function (panel) {
    var group = panel.getAttribute("data-tab-group");
    var saved = store.recall("labsite-tab:" + group);
    if (saved && panel.querySelector('[data-tab-item="' + CSS.escape(saved) + '"]')) { selectTab(group, saved); }
  });

  // Copy buttons on code blocks.
  if (navigator.clipboard) {
    each("pre > code", function (code) {
      var button = document.createElement("button");
      button.className = "copy-to-clipboard";
      button.type = "button";
      button.title = "Copy to clipboard";
      button.innerHTML = '<i class="far fa-copy"></i>';
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(code.innerText).then(function () {
          button.innerHTML = '<i class="fas fa-check"></i>';
          setTimeout(function () { button.innerHTML = '<i class="far fa-copy"></i>'; }, 1500);
        });
      });
      code.parentNode.appendChild(button);
    });
  }
})();
