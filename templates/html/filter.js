(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-kind]"));
  var count = document.getElementById("filter-count");
  form.hidden = false;

  function matches(row) {
    var kind = form.elements.kind.value, priority = form.elements.priority.value;
    var status = form.elements.status.value, words = form.elements.q.value.trim().toLowerCase().split(/\s+/);
    if (kind && row.getAttribute("data-kind") !== kind) { return false; }
    if (status && row.getAttribute("data-status") !== status) { return false; }
    if (priority && (" " + row.getAttribute("data-priorities") + " ").indexOf(" " + priority + " ") < 0) { return false; }
    var text = row.getAttribute("data-search");
    return words.every(function (word) { return !word || text.indexOf(word) >= 0; });
  }

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    Array.prototype.forEach.call(document.querySelectorAll("section.kind"), function (section) {
      var visible = section.querySelectorAll("tr[data-kind]:not([hidden])").length;
      var none = section.querySelector(".none-match");
      if (none) { none.hidden = visible > 0; }
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " arrangements";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });

  function sortBy(table, th, index) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.querySelectorAll("th[aria-sort]"), function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var sorted = Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = a.cells[index].getAttribute("data-sort") || a.cells[index].textContent.trim().toLowerCase();
      var y = b.cells[index].getAttribute("data-sort") || b.cells[index].textContent.trim().toLowerCase();
      var nx = parseFloat(x), ny = parseFloat(y);
      var order = (!isNaN(nx) && !isNaN(ny) && String(nx) === x && String(ny) === y) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, th, index); });
    });
  });
  apply();
}());
