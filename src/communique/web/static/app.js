// communique: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Scroll each report's highlighted sentence into the middle of its text box.
  document.querySelectorAll(".report .doctext").forEach(function (box) {
    var mark = box.querySelector("mark");
    if (mark) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
    }
  });
  // Clicking anywhere on a timeline row opens its event.
  document.querySelectorAll("tr.event-row").forEach(function (row) {
    var link = row.querySelector("a.event-link");
    if (!link) { return; }
    row.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) { return; }
      window.location.href = link.href;
    });
  });
});
