// Site behaviour without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});

// Intake form: the papers checkboxes list only the papers that may prove a category that applies or may apply (the
// eligibility result names their codes in data-proofs) and any paper already ticked. Without JavaScript, or before
// the first result, every paper is listed. "Hiện mọi loại giấy tờ" lists them all again.
(function () {
  var showAll = false;

  function showRelevantPapers() {
    var papers = document.getElementById("papers-received");
    var result = document.querySelector("#eligibility-result [data-proofs]");
    if (!papers || !result) { return; }
    var wanted = result.getAttribute("data-proofs").split(" ").filter(Boolean);
    var shown = 0;
    var hidden = 0;
    papers.querySelectorAll("[data-paper]").forEach(function (item) {
      var box = item.querySelector("input[type=checkbox]");
      var show = showAll || (box && box.checked) || wanted.indexOf(item.getAttribute("data-paper")) !== -1;
      item.hidden = !show;
      if (show) { shown += 1; } else { hidden += 1; }
    });
    var none = document.getElementById("papers-none");
    if (none) { none.hidden = shown > 0; }
    var button = document.getElementById("papers-show-all");
    if (button) { button.hidden = hidden === 0; }
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "eligibility-result") { showRelevantPapers(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target && event.target.id === "papers-show-all") {
      showAll = true;
      showRelevantPapers();
    }
  });
})();
