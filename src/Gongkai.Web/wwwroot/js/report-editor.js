// The annual report editor's live check: while the author types, the text is sent (not saved) to the page's Check
// handler and the findings list is replaced with what the validator says about it. Without JavaScript the findings
// are shown after each save.
(function () {
  "use strict";
  var form = document.getElementById("report-editor");
  var list = document.getElementById("findings");
  if (!form || !list || !window.fetch) { return; }
  var url = form.getAttribute("data-check");
  var timer = null;
  var sent = 0;

  function render(findings) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (findings.length === 0) {
      var ok = document.createElement("p");
      ok.className = "success";
      ok.setAttribute("data-testid", "no-findings");
      ok.textContent = "未发现问题。";
      list.appendChild(ok);
      return;
    }
    var ul = document.createElement("ul");
    ul.className = "findings";
    findings.sort(function (a, b) { return (a.error === b.error) ? 0 : (a.error ? -1 : 1); });
    findings.forEach(function (f) {
      var li = document.createElement("li");
      li.className = "finding" + (f.error ? " error" : "");
      li.setAttribute("data-rule", f.rule);
      var strong = document.createElement("strong");
      strong.textContent = f.severity + "（" + f.rule + "）";
      li.appendChild(strong);
      li.appendChild(document.createTextNode(" " + f.message));
      ul.appendChild(li);
    });
    list.appendChild(ul);
  }

  function check() {
    var mine = ++sent;
    var data = new FormData(form);
    list.setAttribute("aria-busy", "true");
    fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (mine !== sent || !body || !body.findings) { return; }
        render(body.findings);
      })
      .catch(function () { /* the findings after the next save still tell */ })
      .finally(function () { if (mine === sent) { list.removeAttribute("aria-busy"); } });
  }

  form.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 700);
  });
})();
