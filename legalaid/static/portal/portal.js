/* The public portal's only script (progressive: every page works without it). When a province is chosen, the
   commune list of the same form is filled in from /cong-dich-vu/van-phong/xa/, and the "show the communes" button is
   hidden. No inline script anywhere (the site's CSP forbids it). */
(function () {
  "use strict";
  function wire(form) {
    var province = form.querySelector("select[name=province]");
    var commune = form.querySelector("select[name=commune]");
    var button = form.querySelector("#show-communes");
    if (!province || !commune || !window.fetch) { return; }
    if (button) { button.hidden = true; }
    province.addEventListener("change", function () {
      var url = document.documentElement.getAttribute("data-communes-url") || "/cong-dich-vu/van-phong/xa/";
      fetch(url + "?province=" + encodeURIComponent(province.value), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { if (html) { commune.innerHTML = html; } });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("form"), wire);
  });
})();
