// factcheck desk: j/k between findings, a file dropped on the text box, index progress.
// Served from the desk itself (CSP script-src 'self'); it never builds HTML from data.
(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var current = -1;
  function typing(el) { return el && /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName); }
  document.addEventListener("keydown", function (e) {
    if (!findings.length || typing(document.activeElement) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key !== "j" && e.key !== "k") return;
    current = Math.max(0, Math.min(findings.length - 1, current + (e.key === "j" ? 1 : -1)));
    findings[current].focus();
    findings[current].scrollIntoView({block: "start"});
    e.preventDefault();
  });

  var text = document.getElementById("text"), file = document.getElementById("file"),
      name = document.getElementById("name");
  if (text && file) {
    text.addEventListener("dragover", function (e) { e.preventDefault(); text.classList.add("dragover"); });
    text.addEventListener("dragleave", function () { text.classList.remove("dragover"); });
    text.addEventListener("drop", function (e) {
      e.preventDefault(); text.classList.remove("dragover");
      if (e.dataTransfer && e.dataTransfer.files.length) { file.files = e.dataTransfer.files; file.dispatchEvent(new Event("change")); }
    });
    file.addEventListener("change", function () {
      if (file.files.length && name && !name.value) name.value = file.files[0].name;
    });
  }

  function poll(row) {
    fetch("/api/index/" + encodeURIComponent(row.dataset.job), {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (j) {
        row.querySelector(".job-status").textContent = j.status;
        row.querySelector(".job-progress").textContent = j.message || (j.indexed + " indexed, " + j.unchanged + " unchanged, " + j.claims + " claims");
        if (j.status === "running" || j.status === "queued") setTimeout(function () { poll(row); }, 700);
        else if (j.status === "done") row.dataset.status = "done";
      })
      .catch(function () { setTimeout(function () { poll(row); }, 2000); });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".job"), function (row) {
    if (row.dataset.status === "running" || row.dataset.status === "queued") poll(row);
  });
})();
