/* roadmap-gen: filters for the journey board and index pages, and hints on boxes that scroll sideways.
   Progressive enhancement: without JavaScript the filter form stays hidden and
   every card is shown. The filter state lives in the URL query
   (journey/?status=validated&team=growth), so a filtered view can be shared:
   opening such a link shows the filtered view, changing a filter rewrites the
   address (history.replaceState, no new history entry). Query parameters the
   page has no filter for are left in the address untouched. A page with several
   boards (journey/ with several journeys) gives each board's form its own
   parameters, named after the board's journey (data-rg-param):
   journey/?client.status=validated&advisor.team=growth. */
(function () {
  "use strict";

  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

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
    each(form.querySelectorAll("select[name]"), function (select) { state[select.name] = select.value; });
    return state;
  }

  function writeUrl(state, prefix) {
    var params = new URLSearchParams(window.location.search);
    for (var key in state) {
      if (state[key]) params.set(prefix + key, state[key]); else params.delete(prefix + key);
    }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    try {
      window.history.replaceState(window.history.state, "", url);
    } catch (e) { /* some browsers refuse replaceState on file:// pages; the view still filters */ }
  }

  /* The option a query value asks for: its value, else the same value or label in
     another case (?status=Validated). A value the page has no option for (a link
     from an older roadmap, a typo) gets an option of its own, so the view shows
     what the link asked for (nothing matches) rather than silently showing all. */
  function choose(select, wanted) {
    var options = select.options, lower = wanted.toLowerCase(), i;
    for (i = 0; i < options.length; i++) if (options[i].value === wanted) return wanted;
    for (i = 0; i < options.length; i++) {
      if (options[i].value && (options[i].value.toLowerCase() === lower ||
          options[i].text.trim().toLowerCase() === lower)) return options[i].value;
    }
    var option = document.createElement("option");
    option.value = wanted;
    option.textContent = wanted;
    option.setAttribute("data-rg-unknown", "");
    select.appendChild(option);
    return wanted;
  }

  function apply(form, root) {
    var state = readState(form);
    var all = {}, seen = {}, shown = 0, total = 0;
    each(root.querySelectorAll(".rg-card"), function (card) {
      var id = card.getAttribute("data-key") || ""; // a card on several stages counts once
      if (!all[id]) { all[id] = true; total += 1; }
      if (matches(card, state)) {
        card.removeAttribute("data-rg-hidden");
        if (!seen[id]) { seen[id] = true; shown += 1; }
      } else {
        card.setAttribute("data-rg-hidden", "");
      }
    });
    // a board cell without a visible card says so
    each(root.querySelectorAll(".rg-board__cell"), function (cell) {
      var empty = cell.querySelector(".rg-board__empty");
      if (empty) empty.hidden = !!cell.querySelector(".rg-card:not([data-rg-hidden])");
    });
    // an index group (a horizon) without a visible card goes away, heading and all
    each(root.querySelectorAll(".rg-index__group"), function (group) {
      if (!group.querySelector(".rg-card")) return; // nothing to filter in it
      if (group.querySelector(".rg-card:not([data-rg-hidden])")) group.removeAttribute("data-rg-hidden");
      else group.setAttribute("data-rg-hidden", "");
    });
    var count = form.querySelector(".rg-filters__count");
    if (count) {
      var text = shown === 0 ? count.getAttribute("data-label-none")
        : shown + " / " + total + " " + count.getAttribute("data-label-shown");
      if (count.textContent !== text) count.textContent = text; // announced once, by the live region
    }
    return state;
  }

  function setupForm(form) {
    if (form.getAttribute("data-rg-ready")) return;
    var root = document.querySelector('[data-rg-filterable="' + form.getAttribute("data-rg-filter") + '"]');
    if (!root) return;
    form.setAttribute("data-rg-ready", "1");
    var params = new URLSearchParams(window.location.search);
    var prefix = form.getAttribute("data-rg-param") || "";
    each(form.querySelectorAll("select[name]"), function (select) {
      var wanted = (params.get(prefix + select.name) || "").trim();
      select.value = wanted ? choose(select, wanted) : "";
      select.addEventListener("change", function () { writeUrl(apply(form, root), prefix); });
    });
    form.addEventListener("reset", function () {
      // the browser resets the selects after this event; filter once it has
      window.setTimeout(function () {
        each(form.querySelectorAll("option[data-rg-unknown]"), function (o) { o.remove(); });
        writeUrl(apply(form, root), prefix);
      }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); }); // Enter in a field
    form.addEventListener("keydown", function (event) { // Escape clears the filters
      if (event.key !== "Escape") return;
      var any = false;
      each(form.querySelectorAll("select[name]"), function (s) { if (s.value) any = true; });
      if (any) { event.preventDefault(); form.reset(); }
    });
    var count = form.querySelector(".rg-filters__count");
    if (count) {
      count.setAttribute("role", "status");
      count.setAttribute("aria-atomic", "true");
    }
    apply(form, root);
    form.hidden = false;
  }

  /* A box that scrolls sideways (a tree or the board in .rg-scroll): when it is wider than the page its
     hint shows, and the edge with more to see fades (data-rg-overflow, data-rg-at-end). */
  function setupScroll(wrap) {
    var box = wrap.querySelector(".rg-tree, .rg-board"), hint = wrap.querySelector(".rg-scroll__hint");
    if (!box || wrap.getAttribute("data-rg-ready")) return;
    wrap.setAttribute("data-rg-ready", "1");
    var update = function () {
      var over = box.scrollWidth > box.clientWidth + 1;
      var end = box.scrollLeft + box.clientWidth >= box.scrollWidth - 1;
      wrap.toggleAttribute("data-rg-overflow", over);
      wrap.toggleAttribute("data-rg-at-end", end);
      if (hint) hint.hidden = !over;
    };
    box.addEventListener("scroll", update, { passive: true });
    if (window.ResizeObserver) new ResizeObserver(update).observe(box);
    else window.addEventListener("resize", update);
    update();
  }

  function setup() {
    each(document.querySelectorAll("form[data-rg-filter]"), setupForm);
    each(document.querySelectorAll(".rg-scroll"), setupScroll);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup); // Material: every page, instant navigation included
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
