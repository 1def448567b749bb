// The catalogue item editor's live check: while the author types, 标题, 内容概述 and 正文 are sent (not saved) to the
// page's read-only Check handler and the findings beside each field are replaced with what the checks say. A
// finding's "改为…" button applies its suggestion in the field at once (if the text there is still what was found)
// and checks again. Without JavaScript the findings are shown after each save and the button posts to the Fix handler.
(function () {
  "use strict";
  var form = document.getElementById("item-editor");
  if (!form || !window.fetch) { return; }
  var url = form.getAttribute("data-check");
  var fields = ["Title", "Summary", "Body"];
  var timer = null;
  var sent = 0;

  function container(field) { return document.getElementById("findings-" + field); }

  function severityText(f) { return f.severity + "（" + f.kind + "，第 " + (f.start + 1) + " 字起）"; }

  function render(findings) {
    fields.forEach(function (field) {
      var box = container(field);
      if (!box) { return; }
      while (box.firstChild) { box.removeChild(box.firstChild); }
      var mine = findings.filter(function (f) { return f.field === field; });
      if (mine.length === 0) { return; }
      var ul = document.createElement("ul");
      ul.className = "findings";
      mine.forEach(function (f) {
        var li = document.createElement("li");
        li.className = "finding" + (f.blocking ? " error" : "");
        li.setAttribute("data-kind", f.code);
        li.setAttribute("data-severity", f.blocking ? "blocking" : "warning");
        var strong = document.createElement("strong");
        strong.textContent = severityText(f);
        li.appendChild(strong);
        li.appendChild(document.createTextNode(" " + f.message + " "));
        if (f.suggestion !== null && f.suggestion !== undefined) {
          var button = document.createElement("button");
          button.type = "button";
          button.className = "small";
          button.setAttribute("data-fix", "");
          button.setAttribute("data-field", field);
          button.setAttribute("data-start", String(f.start));
          button.setAttribute("data-length", String(f.length));
          button.setAttribute("data-found", f.found);
          button.setAttribute("data-suggestion", f.suggestion);
          button.textContent = "改为“" + f.suggestion + "”";
          li.appendChild(button);
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
  }

  function check() {
    var mine = ++sent;
    var data = new FormData(form);
    fields.forEach(function (field) { var box = container(field); if (box) { box.setAttribute("aria-busy", "true"); } });
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (mine !== sent || !body || !body.findings) { return; }
        render(body.findings);
      })
      .catch(function () { /* the findings after the next save still tell */ })
      .finally(function () {
        if (mine === sent) { fields.forEach(function (field) { var box = container(field); if (box) { box.removeAttribute("aria-busy"); } }); }
      });
  }

  function schedule() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 600);
  }

  form.addEventListener("input", function (e) {
    if (e.target && fields.indexOf(e.target.name) >= 0) { schedule(); }
  });

  form.addEventListener("click", function (e) {
    var button = e.target && e.target.closest ? e.target.closest("button[data-fix]") : null;
    if (!button) { return; }
    var input = form.elements.namedItem(button.getAttribute("data-field"));
    if (!input) { return; }
    var start = parseInt(button.getAttribute("data-start"), 10);
    var length = parseInt(button.getAttribute("data-length"), 10);
    var found = button.getAttribute("data-found");
    e.preventDefault();
    if (input.value.substr(start, length) !== found) {
      check();
      return;
    }
    input.value = input.value.substring(0, start) + button.getAttribute("data-suggestion") + input.value.substring(start + length);
    input.focus();
    check();
  });
})();
