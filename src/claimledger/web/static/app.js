// claimledger document page: clicking a highlighted claim shows its card.
// Offsets never cross into the browser: every highlight was sliced and escaped on the server.
(function () {
  "use strict";
  var text = document.getElementById("doc-text");
  var hint = document.getElementById("claim-hint");
  if (!text) { return; }
  var shown = null;

  function show(id) {
    var card = document.getElementById("card-" + id);
    if (!card) { return false; }
    if (shown) { shown.hidden = true; }
    document.querySelectorAll(".hl.selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll('#doc-text [data-claim="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.add("selected");
    });
    card.hidden = false;
    if (hint) { hint.hidden = true; }
    shown = card;
    return true;
  }

  text.addEventListener("click", function (event) {
    // The innermost claim under the pointer: a claim reported inside another wins.
    var el = event.target.closest("[data-claim]");
    if (el) { show(el.getAttribute("data-claim")); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-show]");
    if (link && show(link.getAttribute("data-show"))) {
      var first = document.getElementById(link.getAttribute("data-show"));
      if (first) { first.scrollIntoView({block: "center"}); }
      history.replaceState(null, "", "#" + link.getAttribute("data-show"));
      event.preventDefault();
    }
  });
  // A link from the explorer (#a3) opens on that claim.
  if (location.hash.length > 1) { show(decodeURIComponent(location.hash.slice(1))); }
})();
