/* roadmap-gen: filters for the journey board and index pages.
   Progressive enhancement: without JavaScript the filter form stays hidden and
   every card is shown. The filter state lives in the URL query
   (journey/?status=validated&team=growth), so a filtered view can be shared. */
(function () {
  "use strict";

  function matches(card, state) {
    for (var key in state) {
      if (!state[key]) continue;
      var value = card.getAttribute("data-" + key) || "";
      if (value !== state[key]) return false;
    }
    return true;
  }

  function readState(form) {
    var state = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      state[select.name] = select.value;
    });
    return state;
  }

  function writeUrl(state) {
    var params = new URLSearchParams(window.location.search);
    for (var key in state) {
      if (state[key]) params.set(key, state[key]); else params.delete(key);
    }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
  }

  function apply(form, root) {
    var state = readState(form);
    var cards = root.querySelectorAll(".rg-card");
    var all = {}, seen = {}, shown = 0, total = 0;
    Array.prototype.forEach.call(cards, function (card) {
      var key = card.getAttribute("data-key"); // a card on several stages counts once
      if (!all[key]) { all[key] = true; total += 1; }
      if (matches(card, state)) {
        card.removeAttribute("data-rg-hidden");
        if (!seen[key]) { seen[key] = true; shown += 1; }
      } else card.setAttribute("data-rg-hidden", "");
    });
    // empty board cells and index groups say so
    Array.prototype.forEach.call(root.querySelectorAll(".rg-board__cell"), function (cell) {
      var visible = cell.querySelector(".rg-card:not([data-rg-hidden])");
      var empty = cell.querySelector(".rg-board__empty");
      if (empty) empty.hidden = !!visible;
    });
    Array.prototype.forEach.call(root.querySelectorAll(".rg-index__group"), function (group) {
      var visible = group.querySelector(".rg-card:not([data-rg-hidden])");
      if (visible) group.removeAttribute("data-rg-hidden"); else group.setAttribute("data-rg-hidden", "");
    });
    var count = form.querySelector(".rg-filters__count");
    if (count) {
      count.textContent = shown === 0 ? count.getAttribute("data-label-none")
        : shown + " / " + total + " " + count.getAttribute("data-label-shown");
    }
    return state;
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-rg-filter]"), function (form) {
      if (form.getAttribute("data-rg-ready")) return;
      form.setAttribute("data-rg-ready", "1");
      var root = document.querySelector('[data-rg-filterable="' + form.getAttribute("data-rg-filter") + '"]');
      if (!root) return;
      var params = new URLSearchParams(window.location.search);
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
        var wanted = params.get(select.name);
        if (wanted !== null) {
          var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
          if (!known) { // a shared link may name a value this page has no option for
            var option = document.createElement("option");
            option.value = wanted; option.textContent = wanted;
            select.appendChild(option);
          }
          select.value = wanted;
        }
        select.addEventListener("change", function () { writeUrl(apply(form, root)); });
      });
      form.addEventListener("reset", function () {
        window.setTimeout(function () { writeUrl(apply(form, root)); }, 0);
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.hidden = false;
      apply(form, root);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup); // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
