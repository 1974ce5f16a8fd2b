(function () {
  "use strict";
  // Filters and sorting for the register's index. Without JavaScript every arrangement is on the
  // page and the links "?kind=...#kind" jump to their section; with it, the filters below show only
  // what matches, hide what is then empty, count what is shown, and keep the choice in the address
  // (?kind=community-funding), so that a filtered view can be linked and opened again.
  var form = document.getElementById("filters");
  if (!form) { return; }
  var FIELDS = ["q", "kind", "priority", "status"];
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-kind]"));
  var count = document.getElementById("filter-count");
  form.hidden = false;

  function chosen() {
    var out = {};
    FIELDS.forEach(function (name) { out[name] = form.elements[name].value.trim(); });
    return out;
  }

  function matches(node, f, words) {
    if (f.kind && node.getAttribute("data-kind") !== f.kind) { return false; }
    if (f.status && node.getAttribute("data-status") !== f.status) { return false; }
    var priorities = node.getAttribute("data-priorities");
    if (f.priority && priorities !== null && (" " + priorities + " ").indexOf(" " + f.priority + " ") < 0) {
      return false;
    }
    var text = node.getAttribute("data-search") || "";
    return words.every(function (word) { return !word || text.indexOf(word) >= 0; });
  }

  function setCount(node, shown, filtering) {
    var all = node.getAttribute("data-count");
    node.textContent = filtering && String(shown) !== all ? shown + " of " + all + " shown" : all;
  }

  function apply(event) {
    var f = chosen();
    var filtering = FIELDS.some(function (name) { return f[name] !== ""; });
    var words = f.q.toLowerCase().split(/\s+/);
    var shown = 0, byKind = {};
    rows.forEach(function (row) {
      var ok = matches(row, f, words);
      row.hidden = !ok;
      if (ok) {
        shown += 1;
        byKind[row.getAttribute("data-kind")] = (byKind[row.getAttribute("data-kind")] || 0) + 1;
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("section[data-section]"), function (section) {
      var kind = section.getAttribute("data-section");
      var visible = byKind[kind] || 0;
      // a filter hides the sections it leaves empty; with none, every section stays, empty or not
      section.hidden = filtering && visible === 0;
      var caption = section.querySelector("caption .shown-count");
      if (caption) { setCount(caption, visible, filtering); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-section] > .shown-count, tr[data-total] .shown-count"), function (node) {
      var holder = node.closest("[data-section], [data-total]");
      var kind = holder.getAttribute("data-section") || holder.getAttribute("data-total");
      setCount(node, byKind[kind] || 0, filtering);
    });
    Array.prototype.forEach.call(document.querySelectorAll("nav.contents li[data-section]"), function (li) {
      li.hidden = filtering && !byKind[li.getAttribute("data-section")];
    });
    var priorityShown = 0;
    Array.prototype.forEach.call(document.querySelectorAll("div.priority"), function (group) {
      var visible = 0;
      Array.prototype.forEach.call(group.querySelectorAll("li[data-kind]"), function (li) {
        var ok = matches(li, f, words) && (!f.priority || group.getAttribute("data-priority") === f.priority);
        li.hidden = !ok;
        if (ok) { visible += 1; }
      });
      group.hidden = visible === 0;
      if (visible) { priorityShown += 1; }
      setCount(group.querySelector(".shown-count"), visible, filtering);
    });
    var byPriority = document.getElementById("section-by-priority");
    if (byPriority) { byPriority.hidden = filtering && priorityShown === 0; }
    count.textContent = (filtering ? "Showing " + shown + " of " + rows.length : "Showing all " + rows.length) +
      (rows.length === 1 ? " arrangement" : " arrangements") + (filtering && shown === 0 ? ": none match the filters" : "");
    var priorityLink = document.querySelector("nav.contents a[href='#by-priority']");
    if (priorityLink && byPriority) { priorityLink.parentNode.hidden = byPriority.hidden; }
    if (event !== "restored") { remember(f, event && event.type === "change"); }
  }

  // A choice from a list is a step Back returns from; typing in the search box replaces the address
  // as it goes, so that Back does not step through every letter.
  function remember(f, step) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (f[name]) { params.set(name, f[name]); } });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      try {
        if (step) { window.history.pushState(null, "", address); } else { window.history.replaceState(null, "", address); }
      } catch (e) { /* a browser that refuses: the filter still works */ }
    }
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      if (value === null) { value = ""; }
      var field = form.elements[name];
      if (field.tagName === "SELECT") {
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
        field.value = known ? value : "";
      } else {
        field.value = value;
      }
    });
  }

  form.addEventListener("input", function (event) { if (event.target.tagName !== "SELECT") { apply(event); } });
  form.addEventListener("change", apply);
  window.addEventListener("popstate", function () { restore(); apply("restored"); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply({ type: "change" }); }, 0); });
  // a link to a kind (?kind=...#kind) within the page filters without reloading
  Array.prototype.forEach.call(document.querySelectorAll("a[href^='?kind=']"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      form.reset();
      form.elements.kind.value = new URLSearchParams(link.getAttribute("href").split("#")[0]).get("kind") || "";
      apply({ type: "change" });
      var target = document.getElementById(form.elements.kind.value);
      if (target) { target.scrollIntoView(); }
    });
  });

  // Sorting: numbers as numbers and dates as dates (by their data-sort value); what is not recorded last.
  function key(cell, type) {
    var value = cell.getAttribute("data-sort");
    if (value === null) { value = type === "text" ? cell.textContent.trim().toLowerCase() : ""; }
    if (type === "number") { return value === "" ? null : parseFloat(value); }
    return value === "" ? null : value;
  }

  function sortBy(table, th, index) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var type = th.getAttribute("data-type") || "text";
    Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var sorted = Array.prototype.slice.call(body.rows).map(function (row, at) {
      return { row: row, at: at, key: key(row.cells[index], type) };
    }).sort(function (a, b) {
      if (a.key === null || b.key === null) {
        return a.key === b.key ? a.at - b.at : (a.key === null ? 1 : -1);
      }
      var order = type === "number" ? a.key - b.key : (type === "date" ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.key.localeCompare(b.key));
      return (ascending ? order : -order) || a.at - b.at;
    });
    sorted.forEach(function (item) { body.appendChild(item.row); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      var printed = document.createElement("span");  // Chromium leaves a button out of a printed table's repeated header
      button.type = "button";
      button.textContent = printed.textContent = th.textContent;
      printed.className = "print-only";
      th.textContent = "";
      th.appendChild(button);
      th.appendChild(printed);
      button.addEventListener("click", function () { sortBy(table, th, index); });
    });
  });
  restore();
  apply("restored");
}());
