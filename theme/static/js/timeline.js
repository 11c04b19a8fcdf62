// Timeline site script: the offline filter on the home page, and Escape
// to dismiss tooltips everywhere.
//
// Plain script, not a module: browsers refuse module scripts on file://.
// The home page loads filter/index.js with it: the periods of the
// timeline, with their counts, and the places, actors and types for the
// form. The events come one period a file (filter/2016-08.js), loaded as
// <script> elements the first time a reader uses the filter (or with the
// page, for a small timeline): nothing is fetched, so it works from
// file:// too, and a large timeline's home page stays light. Each file
// hands its events to window.TIMELINE_FILTER_ADD. The words the filter
// shows come with the page (#filter-words, from the theme's i18n).
// Without JavaScript the form stays hidden and the chronology reads as
// it is.
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

  // The periods' events, in the order of filter/index.js, as they arrive.
  var chunks = {};
  var onChunk = null;
  window.TIMELINE_FILTER_ADD = function (key, events) {
    chunks[key] = events;
    if (onChunk) onChunk(key);
  };

  document.addEventListener("DOMContentLoaded", function () {
    openTarget();
    var form = document.getElementById("filter");
    var index = window.TIMELINE_FILTER;
    if (form && index && Array.isArray(index.periods)) {
      setUpFilter(form, index);
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
    statusLoading: "{n} events match so far; searching {loaded} of {total} events\u2026",
    planned: "planned:", dateUnknown: "date unknown",
    likely: "\u2248 likely", unsure: "? unsure", background: "background",
    verified: "\u2713 verified",
    eventPage: "Event page", eventPageFor: " for {label}",
    type: "Type", places: "Places", actors: "Actors"
  };

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }

  function setUpFilter(form, index) {
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
    var names = {types: names0(index.types), places: names0(index.places), actors: names0(index.actors)};

    fillSelect(f.place, index.places);
    fillSelect(f.actor, index.actors);
    fillSelect(f.type, index.types);
    if (index.from) {
      f.from.min = f.to.min = index.from;
      f.from.max = f.to.max = index.to;
    }
    // "Verified only" is offered where an editor verified something.
    if (f.verified && !index.verified) {
      f.verified.closest(".field").hidden = true;
    }

    // Each period's events, with their own words folded once: lower
    // case, no accents; an editor's summary with them. Source titles stay
    // out: one headline would match every event it reports.
    var loaded = [];
    var loadedCount = 0;
    var started = false;
    function prepare(key) {
      var events = chunks[key];
      var hay = events.map(function (e) {
        // Left out of the data where they go without saying.
        e.part = e.part || "chronology";
        if (e.from && !e.to) e.to = e.from;
        var text = e.parts.map(function (p) { return typeof p === "string" ? p : p[0]; }).join("");
        e.type = e.types ? names.types[e.types[0]] : "";
        e.placeNames = (e.places || []).map(function (i) { return names.places[i]; });
        e.actorNames = (e.actors || []).map(function (i) { return names.actors[i]; });
        return fold([e.summary || "", text, e.label, e.type].concat(e.placeNames, e.actorNames).join(" \u0001 "));
      });
      loaded[keys.indexOf(key)] = {events: events, hay: hay};
      loadedCount += events.length;
    }
    var keys = index.periods.map(function (p) { return p.key; });
    // Periods that came before the form was set up (a fast disk).
    Object.keys(chunks).forEach(prepare);
    // Results grow as periods arrive: drawn now and then while they do
    // (each drawing searches all that came), and once all are in.
    var pending = null;
    onChunk = function (key) {
      prepare(key);
      if (loadedCount >= index.total) {
        form.setAttribute("data-loaded", "true");
        clearTimeout(pending);
        pending = null;
        run();
      } else if (!pending) {
        pending = setTimeout(function () { pending = null; run(); }, 400);
      }
    };
    function load() {
      if (started) return;
      started = true;
      index.periods.forEach(function (p) {
        if (chunks[p.key]) return;
        var s = document.createElement("script");
        s.src = new URL(p.file, root).href;
        s.async = true;
        s.onerror = function () { window.TIMELINE_FILTER_ADD(p.key, []); };
        document.body.appendChild(s);
      });
    }
    // Every event loaded so far, in the timeline's order: for scripts
    // and tests that look at the filter's data.
    window.TIMELINE_FILTER_EVENTS = function () {
      var all = [];
      loaded.forEach(function (c) { all = all.concat(c.events); });
      return all;
    };
    // A small timeline's events come with the page. A large one's come
    // once the page has loaded and the browser is idle, so that the first
    // query finds them there; at once if the reader reaches for the
    // filter before.
    if (index.eager) {
      load();
    } else {
      window.addEventListener("load", function () {
        var later = window.requestIdleCallback || function (f) { setTimeout(f, 200); };
        later(load);
      });
    }
    form.addEventListener("focusin", load);
    form.addEventListener("pointerenter", load);

    readHash(form);
    form.hidden = false;

    function run() {
      var q = {
        words: fold(f.q.value).split(/\s+/).filter(Boolean),
        place: names.places.indexOf(f.place.value),
        actor: names.actors.indexOf(f.actor.value),
        type: f.type.value,
        from: f.from.value,
        to: f.to.value,
        exact: f.exact.checked,
        verified: !!(f.verified && f.verified.checked)
      };
      var active = q.words.length || q.place >= 0 || q.actor >= 0 || q.type || q.from || q.to || q.exact || q.verified;
      writeHash(form, active);
      if (!active) {
        chronology.hidden = false;
        results.hidden = true;
        status.textContent = "";
        return;
      }
      load();
      var hits = [];
      for (var c = 0; c < loaded.length; c++) {
        var chunk = loaded[c];
        if (!chunk) continue;
        for (var i = 0; i < chunk.events.length; i++) {
          if (matches(chunk.events[i], chunk.hay[i], q)) hits.push(chunk.events[i]);
        }
      }
      list.textContent = "";
      var frag = document.createDocumentFragment();
      hits.slice(0, MAX_SHOWN).forEach(function (e) { frag.appendChild(renderEvent(e)); });
      list.appendChild(frag);
      var template = hits.length > MAX_SHOWN ? words.statusMore : words.status;
      if (loadedCount < index.total) template = words.statusLoading;
      status.textContent = fill(template, {n: hits.length, total: index.total, shown: MAX_SHOWN, loaded: loadedCount});
      status.setAttribute("data-done", String(loadedCount >= index.total));
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

  function names0(list) {
    return (list || []).map(function (f) { return f[0]; });
  }

  function matches(e, hay, q) {
    for (var i = 0; i < q.words.length; i++) {
      if (hay.indexOf(q.words[i]) < 0) return false;
    }
    if (q.place >= 0 && (e.places || []).indexOf(q.place) < 0) return false;
    if (q.actor >= 0 && (e.actors || []).indexOf(q.actor) < 0) return false;
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
    s = s.toLowerCase();
    // Most text is ASCII, which has no accents to drop.
    return /[^\x00-\x7f]/.test(s) ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }

  // The form's lists, from filter/index.js: [name, count], in order.
  function fillSelect(select, facets) {
    (facets || []).forEach(function (v) {
      var o = document.createElement("option");
      o.value = v[0];
      o.textContent = v[0] + " (" + v[1] + ")";
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

    var facets = [[words.type, e.type ? [e.type] : []], [words.places, e.placeNames], [words.actors, e.actorNames]];
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
