// Timeline site script: the offline filter on the home page, and Escape
// to dismiss tooltips everywhere.
//
// Plain script, not a module: browsers refuse module scripts on file://.
// The events come from events.js, loaded before this file's filter runs,
// as window.TIMELINE_EVENTS; nothing is fetched. The words it shows come
// with the page (#filter-words, from the theme's i18n). Without
// JavaScript the form stays hidden and the chronology reads as it is.
(function () {
  "use strict";

  // The site root, from this script's own URL (js/timeline.js): it works
  // the same on file://, on a server and under a GitHub Pages subpath.
  var root = new URL("..", document.currentScript.src);

  // Tooltips open on hover and focus (CSS); Escape hides the open one
  // without moving focus or pointer, as WCAG 1.4.13 asks.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    var open = document.querySelectorAll(".tx:hover, .tx:focus-within");
    for (var i = 0; i < open.length; i++) open[i].classList.add("tip-dismissed");
  });
  document.addEventListener("focusout", function (ev) {
    var tx = ev.target.closest && ev.target.closest(".tx");
    if (tx) tx.classList.remove("tip-dismissed");
  });
  document.addEventListener("mouseout", function (ev) {
    var tx = ev.target.closest && ev.target.closest(".tx");
    if (tx && !tx.contains(ev.relatedTarget)) tx.classList.remove("tip-dismissed");
  });

  // A link to a collapsed section (index.html#background, from a
  // background event's page) opens it.
  function openTarget() {
    if (!/^#[\w-]+$/.test(location.hash)) return;
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openTarget);

  document.addEventListener("DOMContentLoaded", function () {
    openTarget();
    var form = document.getElementById("filter");
    if (form && Array.isArray(window.TIMELINE_EVENTS)) {
      setUpFilter(form, window.TIMELINE_EVENTS);
    }
  });

  // Results beyond this many are counted but not drawn: the count and a
  // narrower filter are more use than ten thousand list items.
  var MAX_SHOWN = 300;

  // The fields the URL's fragment keeps, in order.
  var FIELDS = ["q", "place", "actor", "type", "from", "to", "exact", "verified"];

  // Words for the reader, from the page; English if a theme override
  // dropped them.
  var words = {
    status: "{n} of {total} events match.",
    statusMore: "{n} of {total} events match; the first {shown} are shown.",
    planned: "planned:", dateUnknown: "date unknown",
    likely: "\u2248 likely", unsure: "? unsure", background: "background",
    verified: "\u2713 verified",
    eventPage: "Event page", eventPageFor: " for {label}",
    type: "Type", places: "Places", actors: "Actors"
  };

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function setUpFilter(form, events) {
    var chronology = document.getElementById("chronology");
    var results = document.getElementById("results");
    var list = document.getElementById("results-list");
    var status = document.getElementById("f-status");
    var f = form.elements;
    var given = document.getElementById("filter-words");
    if (given) {
      try {
        var w = JSON.parse(given.textContent);
        Object.keys(w).forEach(function (k) { if (w[k]) words[k] = w[k]; });
      } catch (err) {
        // Keep the English words.
      }
    }

    fillSelect(f.place, events, function (e) { return e.places; });
    fillSelect(f.actor, events, function (e) { return e.actors; });
    fillSelect(f.type, events, function (e) { return e.type ? [e.type] : []; });
    var days = events.filter(function (e) { return e.from; });
    if (days.length) {
      var first = days.reduce(function (a, e) { return e.from < a ? e.from : a; }, days[0].from);
      var last = days.reduce(function (a, e) { return e.to > a ? e.to : a; }, days[0].to);
      f.from.min = f.to.min = first;
      f.from.max = f.to.max = last;
    }

    // Each event's own words, folded once: lower case, no accents; an
    // editor's summary with them. Source titles stay out: one headline
    // would match every event it reports.
    var haystacks = events.map(function (e) {
      var text = e.parts.map(function (p) { return typeof p === "string" ? p : p[0]; }).join("");
      return fold([e.summary || "", text, e.label, e.type].concat(e.places, e.actors).join(" \u0001 "));
    });
    // "Verified only" is offered where an editor verified something.
    if (f.verified && !events.some(function (e) { return e.verified; })) {
      f.verified.closest(".field").hidden = true;
    }

    readHash(form);
    form.hidden = false;

    function run() {
      var q = {
        words: fold(f.q.value).split(/\s+/).filter(Boolean),
        place: f.place.value,
        actor: f.actor.value,
        type: f.type.value,
        from: f.from.value,
        to: f.to.value,
        exact: f.exact.checked,
        verified: !!(f.verified && f.verified.checked)
      };
      var active = q.words.length || q.place || q.actor || q.type || q.from || q.to || q.exact || q.verified;
      writeHash(form, active);
      if (!active) {
        chronology.hidden = false;
        results.hidden = true;
        status.textContent = "";
        return;
      }
      var hits = [];
      for (var i = 0; i < events.length; i++) {
        if (matches(events[i], haystacks[i], q)) hits.push(events[i]);
      }
      list.textContent = "";
      var frag = document.createDocumentFragment();
      hits.slice(0, MAX_SHOWN).forEach(function (e) { frag.appendChild(renderEvent(e)); });
      list.appendChild(frag);
      status.textContent = fill(hits.length > MAX_SHOWN ? words.statusMore : words.status,
        {n: hits.length, total: events.length, shown: MAX_SHOWN});
      chronology.hidden = true;
      results.hidden = false;
    }

    // A link to a filtered view (#place=Aleppo) from this very page
    // changes only the fragment: no reload, so read it here. Plain anchors
    // (#m-2016-08, from the chart) are not filters.
    window.addEventListener("hashchange", function () {
      if (!/[=&]/.test(location.hash)) return;
      form.reset();
      readHash(form);
      run();
    });
    form.addEventListener("input", run);
    form.addEventListener("change", run);
    // The reset event fires before the fields are cleared.
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
    run();
  }

  function matches(e, hay, q) {
    for (var i = 0; i < q.words.length; i++) {
      if (hay.indexOf(q.words[i]) < 0) return false;
    }
    if (q.place && e.places.indexOf(q.place) < 0) return false;
    if (q.actor && e.actors.indexOf(q.actor) < 0) return false;
    if (q.type && e.type !== q.type) return false;
    // Stated outright, or known to the day and not inferred.
    if (q.exact && !e.exact) return false;
    // Checked by an editor (events.toml).
    if (q.verified && !e.verified) return false;
    if (q.from || q.to) {
      // An event matches when any day it may mean lies in the range;
      // "July 2016" matches a range that touches July.
      if (!e.from) return false;
      if (q.from && e.to < q.from) return false;
      if (q.to && e.from > q.to) return false;
    }
    return true;
  }

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function fillSelect(select, events, values) {
    var counts = {};
    events.forEach(function (e) {
      values(e).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
    });
    Object.keys(counts).sort(function (a, b) { return a.localeCompare(b); }).forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = v + " (" + counts[v] + ")";
      select.appendChild(o);
    });
  }

  // The same markup as the theme's event partial, built as DOM nodes from
  // plain strings: nothing from the data is ever parsed as HTML. The
  // badge links to the event's page, where its reasons are.
  function renderEvent(e) {
    var li = el("li");
    var art = el("article", "event" + (e.badge ? " is-uncertain" + (e.confidence < 0.5 ? " is-doubtful" : "") : "") + (e.planned ? " is-planned" : "") +
      (e.part === "background" ? " is-background" : "") + (e.verified ? " is-verified" : ""));
    art.id = "r-" + e.id;
    art.setAttribute("data-precision", e.precision);
    art.setAttribute("data-inferred", String(!!e.inferred));
    art.setAttribute("data-stated", String(!!e.stated));
    art.setAttribute("data-exact", String(!!e.exact));
    art.setAttribute("data-part", e.part);
    art.setAttribute("data-verified", String(!!e.verified));
    var when = el("p", "when");
    if (e.planned) {
      when.appendChild(el("span", "planned-label", words.planned));
      when.appendChild(document.createTextNode(" "));
    }
    var unknown = words.dateUnknown.charAt(0).toUpperCase() + words.dateUnknown.slice(1);
    var time = el(e.datetime ? "time" : "span", null, e.label || unknown);
    if (e.datetime) time.setAttribute("datetime", e.datetime);
    when.appendChild(time);
    if (e.badge) {
      when.appendChild(document.createTextNode(" "));
      when.appendChild(el("span", "badge badge-" + e.badge,
        (words[e.badge] || e.badge) + (e.confidence ? " \u00b7 " + e.confidence.toFixed(2) : "")));
    }
    if (e.part === "background") {
      when.appendChild(document.createTextNode(" "));
      when.appendChild(el("span", "badge badge-background", words.background));
    }
    if (e.verified) {
      // Who and why are on the event's page, a link away.
      when.appendChild(document.createTextNode(" "));
      when.appendChild(el("span", "badge badge-verified", words.verified));
    }
    art.appendChild(when);
    if (e.summary) art.appendChild(el("p", "summary", e.summary));

    var text = el("p", e.summary ? "text quoted" : "text");
    e.parts.forEach(function (p) {
      if (typeof p === "string") {
        text.appendChild(document.createTextNode(p));
      } else {
        var m = el("mark", p[2] ? "timex dating" : "timex", p[0]);
        m.title = p[1];
        text.appendChild(m);
      }
    });
    art.appendChild(text);

    var facets = [[words.type, e.type ? [e.type] : []], [words.places, e.places], [words.actors, e.actors]];
    var dl = el("dl", "facets");
    facets.forEach(function (f) {
      if (!f[1].length) return;
      var d = el("div");
      d.appendChild(el("dt", null, f[0]));
      d.appendChild(el("dd", null, f[1].join(", ")));
      dl.appendChild(d);
    });
    art.appendChild(dl);

    var link = el("p", "event-link");
    var a = el("a", null, words.eventPage);
    a.href = new URL(e.url, root).href;
    a.appendChild(el("span", "visually-hidden", fill(words.eventPageFor, {label: e.label || words.dateUnknown})));
    link.appendChild(a);
    art.appendChild(link);
    li.appendChild(art);
    return li;
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }

  // The filter lives in the URL's fragment (#place=Aleppo&q=siege), so a
  // filtered view can be bookmarked or shared, from disk as well.
  function readHash(form) {
    var params = new URLSearchParams(location.hash.slice(1));
    FIELDS.forEach(function (k) {
      var v = params.get(k);
      var field = form.elements[k];
      if (v === null || !field) return;
      if (field.type === "checkbox") {
        field.checked = v === "1";
        return;
      }
      if (field.tagName === "SELECT" && !hasOption(field, v)) return;
      field.value = v;
    });
  }

  function writeHash(form, active) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (k) {
      var field = form.elements[k];
      if (!field) return; // a theme override may leave a field out
      var v = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
      if (v) params.set(k, v);
    });
    var hash = active ? "#" + params.toString() : "";
    // Leave a plain anchor (#m-2016-08, from the chart) alone when idle.
    if (!active && !/[=&]/.test(location.hash)) return;
    if (hash === location.hash) return;
    try {
      history.replaceState(null, "", location.pathname + location.search + hash);
    } catch (err) {
      // Some browsers refuse history changes for file:// pages.
      location.replace(hash || "#");
    }
  }

  function hasOption(select, v) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === v) return true;
    }
    return false;
  }
})();
