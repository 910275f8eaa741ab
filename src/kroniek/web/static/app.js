// Evidence highlighting: a record link (data-keys) lights up its spans in the text,
// and a highlighted span lights up the records it belongs to. No framework, no fetches.
(function () {
  "use strict";
  function clear() {
    document.querySelectorAll(".on").forEach(function (el) { el.classList.remove("on"); });
  }
  function show(keys, scroll) {
    clear();
    var first = null;
    keys.forEach(function (k) {
      document.querySelectorAll('.text [data-k~="' + k + '"]').forEach(function (el) {
        el.classList.add("on");
        if (!first) { first = el; }
      });
      document.querySelectorAll('.records [data-for~="' + k + '"]').forEach(function (el) {
        el.classList.add("on");
      });
    });
    if (first && scroll) { first.scrollIntoView({block: "center"}); }
    return first;
  }
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("[data-keys]");
    if (link) {
      ev.preventDefault();
      show(link.dataset.keys.split(" "), true);
      history.replaceState(null, "", link.getAttribute("href"));
      return;
    }
    var span = ev.target.closest(".text [data-k]");
    if (span) {
      show(span.dataset.k.split(" "), false);
      var rec = document.querySelector(".records li.on");
      if (rec) { rec.scrollIntoView({block: "nearest"}); }
    }
  });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    var link = null;
    if (target) {
      link = target.matches("[data-keys]") ? target : target.querySelector("[data-keys]");
    }
    if (!link) { link = document.querySelector('.records [data-keys][href="#' + id + '"]'); }
    if (link) { show(link.dataset.keys.split(" "), true); }
  }
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);
}());
