// The argmap page: pan and zoom, search, details, folding, the status overlay.
// Every map text is put into the page with textContent, never as markup.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("argmap-data").textContent);
  var view = document.getElementById("view");
  var svg, graph, base, state = null;
  var folded = {};
  var matches = [], current = -1;
  var SAFE = /^(https?:\/\/|mailto:)/i;

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // -- The picture: its frame is in the page; each node and edge (a part) is built from its SVG
  // text when it first comes into view. With more parts in view than BUDGET, the map is drawn at
  // low detail instead: a box per node, a line per edge, a few <path> elements in all. --------
  var NS = "http://www.w3.org/2000/svg", XLINK = "http://www.w3.org/1999/xlink";
  // At most this many parts are built for one view (a test may set window.argmapBudget lower).
  var BUDGET = window.argmapBudget || 1500;
  var rows = JSON.parse(document.getElementById("argmap-parts").textContent);
  var parts = [], partById = {}, partOf = {}, refs = [], layers = {}, layerParts = {};
  var shift = { x: 0, y: 0 }, overview = null, overviewStale = true, detail = true, attached = 0;
  var hidden = {}, matchSet = {}, currentRef = null, selected = null, critical = {}, reused = 0;

  function setUp(previous) {
    svg = view.querySelector("svg");
    graph = svg.querySelector("g.graph");
    var vb = svg.viewBox.baseVal;
    base = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    var t = graph.transform.baseVal.consolidate();
    shift = { x: t ? t.matrix.e : 0, y: t ? t.matrix.f : 0 };
    layers = {}; layerParts = {};
    graph.querySelectorAll("g[data-layer]").forEach(function (g) {
      layers[g.getAttribute("data-layer")] = g; layerParts[g.getAttribute("data-layer")] = [];
    });
    overview = document.createElementNS(NS, "g");
    overview.setAttribute("class", "overview");
    graph.appendChild(overview);
    parts = []; partById = {}; partOf = {}; refs = []; attached = 0; reused = 0;
    rows.forEach(function (r, i) {
      var p = { id: r[0], layer: r[1], x: r[2], y: r[3], w: r[4], h: r[5], colour: r[6], ends: r[7], svg: r[8], e: null, ref: null, index: i };
      var old = previous && previous[p.id];
      if (old && old.e && old.svg === p.svg) { p.e = old.e; p.e.remove(); reused += 1; }
      parts.push(p); partById[p.id] = p;
      if (layerParts[p.layer]) layerParts[p.layer].push(p);
    });
    D.nodes.forEach(function (n) {
      var p = partById[(n[1] === "statement" ? "statement-" : "inference-") + n[0]];
      if (p) mark(p, n[2], n[1] === "statement" ? "statement" : "inference");
    });
    D.edges.forEach(function (ed) {
      var p = partById["edge-" + ed[0]];
      if (ed[3] && !partOf[ed[3]] && p) mark(p, ed[3], "inference");
    });
    if (parts.length <= BUDGET) { build(parts.filter(function (p) { return !p.e; })); attach(parts); }
    parts.forEach(function (p) { if (p.e) label(p); });
    folded = {}; hidden = {}; overviewStale = true;
  }

  function mark(p, ref, what) {
    p.ref = ref; p.what = what;
    partOf[ref] = p; refs.push(ref);
  }
  function label(p) {
    if (!p.ref) { decorate(p); return; }
    var e = p.e;
    e.setAttribute("tabindex", "0");
    e.setAttribute("role", "button");
    e.setAttribute("data-ref", p.ref);
    e.setAttribute("aria-label", words(p.ref, p.what));
    decorate(p);
  }
  function words(ref, what) {
    if (what === "statement") {
      var s = D.statements[ref];
      return s ? s.kind + ": " + s.text : ref;
    }
    var i = D.inferences[ref];
    if (!i) return ref;
    return (i.label ? i.label + ": " : "") + i.kind + " inference " + ref;
  }
  function statusOf(ref) { return D.evaluation && ref ? D.evaluation.statuses[ref] : null; }
  function decorate(p) {  // what the page says about a part, as classes on its element
    var c = p.e.classList, ref = p.ref, st = statusOf(ref);
    c.toggle("match", !!(ref && matchSet[ref]));
    c.toggle("current", !!ref && ref === currentRef);
    c.toggle("selected", !!ref && ref === selected);
    c.toggle("critical", !!(ref && critical[ref]));
    c.toggle("folded-away", !!hidden[p.id]);
    ["in", "out", "undecided"].forEach(function (s) { c.toggle("st-" + s, s === st); });
  }
  function redecorate() {
    parts.forEach(function (p) { if (p.e) decorate(p); });
    overviewStale = true;
    if (!detail) drawOverview();
  }

  function build(list) {  // the elements of these parts, from their SVG text, in one parse
    if (!list.length) return;
    var text = ['<svg xmlns="', NS, '" xmlns:xlink="', XLINK, '">'];
    list.forEach(function (p) { text.push(p.svg); });
    text.push("</svg>");
    var doc = new DOMParser().parseFromString(text.join(""), "image/svg+xml").documentElement;
    var made = doc.children;
    if (doc.nodeName !== "svg" || made.length !== list.length) return;
    for (var j = 0; j < list.length; j++) {
      list[j].e = document.importNode(made[j], true);
      label(list[j]);
    }
  }
  function attach(list) {  // put these parts' elements in their layers, in the picture's order
    var want = {}, any = false;
    list.forEach(function (p) { if (p.e && !p.e.parentNode) { want[p.id] = true; any = true; } });
    if (!any) return;
    Object.keys(layerParts).forEach(function (name) {
      var layer = layers[name], all = layerParts[name], next = null;
      for (var j = all.length - 1; j >= 0; j--) {
        var p = all[j];
        if (want[p.id]) { layer.insertBefore(p.e, next); attached += 1; }
        if (p.e && p.e.parentNode === layer) next = p.e;
      }
    });
  }
  function detachAllBut(keep) {
    var wanted = {};
    keep.forEach(function (p) { wanted[p.id] = true; });
    parts.forEach(function (p) {
      if (p.e && p.e.parentNode && !wanted[p.id]) { p.e.remove(); attached -= 1; }
    });
  }
  function inView(margin) {  // the view in the graph's own units, widened by a margin
    var s = size(), w = s.w / state.k, h = s.h / state.k;
    return { x: state.cx - w / 2 - shift.x - w * margin, y: state.cy - h / 2 - shift.y - h * margin, w: w * (1 + 2 * margin), h: h * (1 + 2 * margin) };
  }
  function update() {  // build and show the parts in view, or the low-detail picture
    if (parts.length <= BUDGET) return setDetail(true);
    var r = inView(0.25);
    var seen = parts.filter(function (p) {
      return p.x <= r.x + r.w && p.x + p.w >= r.x && p.y <= r.y + r.h && p.y + p.h >= r.y;
    });
    if (seen.length > BUDGET) return setDetail(false);
    build(seen.filter(function (p) { return !p.e; }));
    if (attached + seen.length > 3 * BUDGET) detachAllBut(seen);
    attach(seen);
    setDetail(true);
  }
  function setDetail(on) {
    if (!on && overviewStale) drawOverview();
    if (on === detail) return;
    detail = on;
    Object.keys(layers).forEach(function (name) { layers[name].style.display = on ? "" : "none"; });
    overview.style.display = on ? "none" : "";
  }
  var STATUS_FILL = { "in": "#dafbe1", "out": "#ffebe9", "undecided": "#fff8c5" };
  function drawOverview() {
    overviewStale = false;
    overview.textContent = "";
    var overlay = document.body.classList.contains("overlay"), paths = {}, order = [];
    function add(key, d, attrs) {
      if (!paths[key]) { paths[key] = { d: [], attrs: attrs }; order.push(key); }
      paths[key].d.push(d);
    }
    var names = Object.keys(layers);
    names.forEach(function (name) {
      layerParts[name].forEach(function (p) {
        if (hidden[p.id]) return;
        if (p.layer === "edge") {
          if (p.ends.length === 4) add("e" + p.colour, "M" + p.ends[0] + " " + p.ends[1] + "L" + p.ends[2] + " " + p.ends[3], { fill: "none", stroke: p.colour, "stroke-width": 1 });
          return;
        }
        var st = overlay ? statusOf(p.ref) : null, fill = st ? STATUS_FILL[st] : p.colour;
        add("n" + fill, box(p), { fill: fill, stroke: "#57606a", "stroke-width": 0.5 });
      });
    });
    refs.forEach(function (ref) {
      var p = partOf[ref];
      if (hidden[p.id]) return;
      if (matchSet[ref]) add("match", box(p), { fill: "none", stroke: "#bf8700", "stroke-width": 3 });
      if (ref === currentRef) add("current", box(p), { fill: "none", stroke: "#fb8500", "stroke-width": 5 });
      if (ref === selected) add("selected", box(p), { fill: "none", stroke: "#0969da", "stroke-width": 4 });
      if (critical[ref]) add("critical", box(p), { fill: "none", stroke: "#cf222e", "stroke-width": 4 });
    });
    order.forEach(function (key) {
      var path = document.createElementNS(NS, "path");
      path.setAttribute("d", paths[key].d.join(""));
      path.setAttribute("vector-effect", "non-scaling-stroke");
      Object.keys(paths[key].attrs).forEach(function (a) { path.setAttribute(a, paths[key].attrs[a]); });
      overview.appendChild(path);
    });
  }
  function box(p) { return "M" + p.x + " " + p.y + "h" + p.w + "v" + p.h + "h" + (-p.w) + "z"; }
  function partAt(px, py) {  // the statement or inference drawn at a point of the view
    var s = size(), x = state.cx + (px - s.w / 2) / state.k - shift.x, y = state.cy + (py - s.h / 2) / state.k - shift.y;
    var best = null;
    refs.forEach(function (ref) {
      var p = partOf[ref];
      if (p.layer !== "node" || hidden[p.id] || x < p.x || x > p.x + p.w || y < p.y || y > p.y + p.h) return;
      if (!best || p.w * p.h < best.w * best.h) best = p;
    });
    return best;
  }

  // -- Pan and zoom: the view is a centre point and a scale (screen pixels per map unit) --
  function size() { return { w: view.clientWidth || 1, h: view.clientHeight || 1 }; }
  function show() {
    var s = size();
    var w = s.w / state.k, h = s.h / state.k;
    svg.setAttribute("viewBox", [state.cx - w / 2, state.cy - h / 2, w, h].map(function (v) { return v.toFixed(2); }).join(" "));
    update();
  }
  function fit() {
    var s = size();
    state = { cx: base.x + base.w / 2, cy: base.y + base.h / 2, k: Math.min(s.w / base.w, s.h / base.h) * 0.98 };
    show();
  }
  function reset() {
    state = { cx: base.x + base.w / 2, cy: base.y + base.h / 2, k: 1 };
    show();
  }
  function zoom(f, px, py) {
    var s = size();
    var k = Math.max(0.02, Math.min(20, state.k * f));
    if (px != null) {  // keep the point under the pointer where it is
      var mx = state.cx + (px - s.w / 2) / state.k, my = state.cy + (py - s.h / 2) / state.k;
      state.cx = mx - (px - s.w / 2) / k; state.cy = my - (py - s.h / 2) / k;
    }
    state.k = k;
    show();
  }
  function pan(dx, dy) { state.cx -= dx / state.k; state.cy -= dy / state.k; show(); }
  function centre(ref) {
    var p = partOf[ref];
    if (!p) return;
    state.cx = p.x + shift.x + p.w / 2; state.cy = p.y + shift.y + p.h / 2;
    if (state.k < 0.6) state.k = 1;
    show();
  }
  function where(ref) {  // a part's centre in the window's coordinates
    var p = partOf[ref], s = size(), r = view.getBoundingClientRect();
    return { x: r.left + s.w / 2 + (p.x + shift.x + p.w / 2 - state.cx) * state.k, y: r.top + s.h / 2 + (p.y + shift.y + p.h / 2 - state.cy) * state.k };
  }

  var drag = null;
  view.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, moved: false };
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    drag.moved = true; view.classList.add("dragging");
    drag.x = ev.clientX; drag.y = ev.clientY;
    pan(dx, dy);
  });
  window.addEventListener("pointerup", function () {
    view.classList.remove("dragging");
    setTimeout(function () { drag = null; }, 0);
  });
  view.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var r = view.getBoundingClientRect();
    zoom(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
  }, { passive: false });
  view.addEventListener("keydown", function (ev) {
    var step = 60;
    var keys = {
      "+": function () { zoom(1.25); }, "=": function () { zoom(1.25); }, "-": function () { zoom(0.8); },
      "0": fit, "ArrowLeft": function () { pan(step, 0); }, "ArrowRight": function () { pan(-step, 0); },
      "ArrowUp": function () { pan(0, step); }, "ArrowDown": function () { pan(0, -step); }
    };
    var ref = ev.target.getAttribute && ev.target.getAttribute("data-ref");
    if ((ev.key === "Enter" || ev.key === " ") && ref) { ev.preventDefault(); open(ref); return; }
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });
  view.addEventListener("click", function (ev) {
    if (drag && drag.moved) { ev.preventDefault(); return; }
    var box = ev.target.closest ? ev.target.closest(".fold-box") : null;
    if (box) { ev.preventDefault(); fold(box.getAttribute("data-section"), false); return; }
    var e = ev.target.closest ? ev.target.closest("[data-ref]") : null;
    if (e) { ev.preventDefault(); open(e.getAttribute("data-ref")); return; }
    var r = view.getBoundingClientRect(), p = partAt(ev.clientX - r.left, ev.clientY - r.top);
    if (p) { ev.preventDefault(); open(p.ref); }
  });
  window.addEventListener("resize", show);
  $("zoom-in").onclick = function () { zoom(1.25); };
  $("zoom-out").onclick = function () { zoom(0.8); };
  $("fit").onclick = fit;
  $("reset").onclick = reset;

  // -- Search --------------------------------------------------------------------------
  function haystack(ref) {
    var s = D.statements[ref];
    if (s) {
      return [ref, s.text, s.by && s.by.name, s.by && s.by.id, s.source && s.source.title, s.source && s.source.id,
        s.source && s.source.author, s.quote].join("\n").toLowerCase();
    }
    var i = D.inferences[ref];
    return i ? [ref, i.label, i.scheme, i.by && i.by.name].join("\n").toLowerCase() : ref.toLowerCase();
  }
  var haystacks = null;
  function search(text) {
    matches = []; current = -1; matchSet = {}; currentRef = null;
    var q = text.trim().toLowerCase();
    if (q) {
      if (!haystacks) haystacks = refs.map(haystack);  // built on the first search
      refs.forEach(function (ref, j) {
        if (haystacks[j].indexOf(q) >= 0) { matches.push(ref); matchSet[ref] = true; }
      });
    }
    redecorate();
    $("found").textContent = q ? (matches.length ? matches.length + " found" : "none found") : "";
  }
  function step(by) {
    if (!matches.length) return;
    current = (current + by + matches.length) % matches.length;
    currentRef = matches[current];
    unfoldAround(currentRef);
    redecorate();
    centre(currentRef);
    $("found").textContent = (current + 1) + " of " + matches.length;
  }
  $("search").addEventListener("input", function (ev) { search(ev.target.value); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); step(ev.shiftKey ? -1 : 1); }
  });
  $("next").onclick = function () { step(1); };
  $("prev").onclick = function () { step(-1); };

  // -- The details panel ----------------------------------------------------------------
  function go(ref) {
    if (partOf[ref]) {
      unfoldAround(ref); centre(ref);
      if (partOf[ref].e) partOf[ref].e.focus({ preventScroll: true });
    }
    open(ref);
  }
  function refButton(ref) {
    var s = D.statements[ref], i = D.inferences[ref];
    var text = s ? ref + ": " + s.text : i ? (i.label || ref) : ref;
    var b = el("button", text, "link");
    b.type = "button";
    b.onclick = function () { go(ref); };
    return b;
  }
  function link(url, text) {
    if (!url || !SAFE.test(url)) return el("span", text);
    var a = el("a", text);
    a.href = url; a.rel = "noopener noreferrer"; a.target = "_blank";
    return a;
  }
  function row(dl, name, value) {
    if (value == null || value === "" || (value.length === 0)) return;
    dl.appendChild(el("dt", name));
    var dd = el("dd");
    if (typeof value === "string") dd.textContent = value;
    else if (Array.isArray(value)) value.forEach(function (v) { var d = el("div"); d.appendChild(v); dd.appendChild(d); });
    else dd.appendChild(value);
    dl.appendChild(dd);
  }
  function relations(ref) {
    var into = [], out = [];
    Object.keys(D.inferences).forEach(function (key) {
      var i = D.inferences[key];
      if (i.target === ref) into.push(key);
      if (i.premises.indexOf(ref) >= 0) out.push(key);
    });
    D.contradictions.forEach(function (c) {
      if (c[0] === ref) out.push(c[1]);
      if (c[1] === ref) into.push(c[0]);
    });
    return { into: into, out: out };
  }
  function relationItem(key, side) {
    var i = D.inferences[key];
    var wrap = el("span");
    if (!i) { wrap.appendChild(el("span", "contradicts ")); wrap.appendChild(refButton(key)); return wrap; }
    wrap.appendChild(el("span", i.kind + " "));
    wrap.appendChild(refButton(key));
    var other = side === "in" ? i.premises : (i.target ? [i.target] : []);
    other.forEach(function (r) { wrap.appendChild(el("span", " · ")); wrap.appendChild(refButton(r)); });
    return wrap;
  }
  function open(ref) {
    var body = $("panel-body");
    body.textContent = "";
    selected = ref; critical = {};
    var dl = el("dl"), s = D.statements[ref], i = D.inferences[ref];
    var ev = D.evaluation;
    if (s) {
      body.appendChild(el("h2", s.text));
      row(dl, "Kind", s.kind + " " + ref);
      if (s.by) row(dl, "By", s.by.name + (s.by.role ? " (" + s.by.role + ")" : ""));
      if (s.source) {
        var src = el("span");
        src.appendChild(link(s.source.url, s.source.title));
        var more = [s.source.author, s.source.date].filter(Boolean).join(", ");
        if (more) src.appendChild(el("span", " — " + more));
        row(dl, "Source", src);
      }
      row(dl, "Date", s.date);
      if (s.url) row(dl, "Link", link(s.url, s.url));
      if (s.quote) row(dl, "Quote", el("blockquote", s.quote));
      row(dl, "Note", s.note);
      row(dl, "Tags", s.tags.join(", "));
      row(dl, "Section", s.section);
    } else if (i) {
      body.appendChild(el("h2", i.label || (i.kind + " inference")));
      row(dl, "Kind", i.kind + " " + ref);
      row(dl, "Premises", i.premises.map(refButton));
      if (i.target) row(dl, "Conclusion", refButton(i.target));
      row(dl, "Scheme", i.scheme);
      var unasked = i.questions.filter(function (q) { return q.state === "open"; });
      row(dl, "Open questions", unasked.map(function (q) {
        return el("span", q.key + " (" + q.type + "): " + q.text, "question");
      }));
      row(dl, "Asked questions", i.questions.filter(function (q) { return q.state !== "open"; }).map(function (q) {
        return el("span", q.key + " (" + q.state + "): " + q.text, "question");
      }));
      row(dl, "Raises", i.raises);
      row(dl, "Answers", i.answers);
      row(dl, "Warrant", i.warrant);
      if (i.by) row(dl, "By", i.by.name);
      row(dl, "Note", i.note);
      row(dl, "Tags", i.tags.join(", "));
      var under = Object.keys(D.inferences).filter(function (k) {
        var u = D.inferences[k];
        return u.kind === "undercut" && u.target != null && (u.target === i.id || u.target === ref);
      });
      row(dl, "Undercut by", under.map(refButton));
    } else {
      body.appendChild(el("h2", ref));
    }
    if (s || i) {
      var rel = relations(ref);
      if (s) {
        row(dl, "Relations in", rel.into.map(function (k) { return relationItem(k, "in"); }));
        row(dl, "Relations out", rel.out.map(function (k) { return relationItem(k, "out"); }));
      }
    }
    if (ev && ev.statuses[ref]) row(dl, "Status", ev.statuses[ref].toUpperCase() + " (" + ev.semantics + ")");
    if (ev && ev.critical[ref]) {
      var points = ev.critical[ref];
      row(dl, "Critical points", points.length ? points.map(function (p) {
        var verb = p.kind === "rank" ? "reversing, by rank, " : p.kind === "preference" ? "reversing preference " : "rejecting " + p.kind + " ";
        var w = el("span", verb);
        w.appendChild(p.kind === "statement" ? refButton(p.id) : el("span", p.id));
        w.appendChild(el("span", " makes it " + p.after.toUpperCase()));
        return w;
      }) : "none: no single statement, inference, actor, source or preference changes it");
      points.forEach(function (p) {
        p.rejected.forEach(function (r) { critical[r] = true; });
      });
    }
    body.appendChild(dl);
    redecorate();
    $("panel").hidden = false;
  }
  $("close").onclick = function () {
    $("panel").hidden = true;
    selected = null; critical = {};
    redecorate();
  };

  // -- Folding: a folded section is one box over its place, with its counts; the lines
  // into it stay and end at the box; the lines inside it are hidden. ---------------------
  var parentOf = {}, titleOf = {};
  function within(cluster, section) {
    while (cluster) { if (cluster === section) return true; cluster = parentOf[cluster]; }
    return false;
  }
  function fold(section, on) {
    var box = document.getElementById("section-" + section);
    if (!box) return;
    if (on === !!folded[section]) return;
    var counts = { statement: 0, junction: 0 };
    D.nodes.forEach(function (n) { if (within(n[3], section)) counts[n[1]] += 1; });
    if (on) {
      var b = box.getBBox();
      var ns = "http://www.w3.org/2000/svg";
      var g = document.createElementNS(ns, "g");
      g.setAttribute("class", "fold-box");
      g.setAttribute("data-section", section);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      var words = titleOf[section] + " (" + counts.statement + " statements, " + counts.junction + " inferences; folded)";
      g.setAttribute("aria-label", words);
      var r = document.createElementNS(ns, "rect");
      ["x", "y", "width", "height"].forEach(function (a, j) { r.setAttribute(a, [b.x, b.y, b.width, b.height][j]); });
      r.setAttribute("rx", "8");
      var t = document.createElementNS(ns, "text");
      t.setAttribute("x", b.x + 12); t.setAttribute("y", b.y + 24);
      t.textContent = "▸ " + words;
      g.appendChild(r); g.appendChild(t);
      g.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.stopPropagation(); fold(section, false); } });
      graph.appendChild(g);
      folded[section] = g;
    } else {
      folded[section].remove();
      delete folded[section];
    }
    hideFolded();
    var option = $("sections").querySelector('option[value="' + CSS.escape(section) + '"]');
    if (option) option.textContent = (on ? "▸ " : "▾ ") + titleOf[section];
  }
  function hideFolded() {  // the nodes in a folded section, and the lines within it
    var clusterOf = {};
    hidden = {};
    D.nodes.forEach(function (n) { clusterOf[n[0]] = n[3]; });
    Object.keys(folded).forEach(function (section) {
      D.nodes.forEach(function (n) {
        if (within(n[3], section)) hidden[(n[1] === "statement" ? "statement-" : "inference-") + n[0]] = true;
      });
      D.edges.forEach(function (ed) {
        if (within(clusterOf[ed[1]], section) && within(clusterOf[ed[2]], section)) hidden["edge-" + ed[0]] = true;
      });
    });
    redecorate();
  }
  function unfoldAround(ref) {
    var n = D.nodes.find(function (x) { return x[2] === ref; });
    if (!n) return;
    Object.keys(folded).forEach(function (section) { if (within(n[3], section)) fold(section, false); });
  }
  function sectionsMenu() {
    var menu = $("sections");
    D.clusters.forEach(function (c) {
      parentOf[c[0]] = c[2]; titleOf[c[0]] = c[1];
      var depth = 0, p = c[2];
      while (p) { depth += 1; p = parentOf[p]; }
      var o = el("option", "▾ " + c[1]);
      o.value = c[0];
      o.style.paddingLeft = depth + "em";
      menu.appendChild(o);
    });
    menu.hidden = !D.clusters.length;
    menu.onchange = function () {
      if (menu.value) fold(menu.value, !folded[menu.value]);
      menu.value = "";
    };
  }

  // -- Evaluation: statuses as an overlay, the caption ------------------------------------
  function caption() {
    var ev = D.evaluation, cap = $("caption");
    if (!ev) { cap.hidden = true; $("overlay-switch").hidden = true; document.body.classList.remove("overlay"); return; }
    cap.textContent = "";
    cap.appendChild(el("span", "Statuses under " + ev.semantics + " semantics"));
    var ifs = [["assuming", ev.assume], ["rejecting", ev.reject], ["distrusting", ev.distrust]]
      .filter(function (x) { return x[1].length; })
      .map(function (x) { return x[0] + " " + x[1].join(", "); });
    cap.appendChild(el("span", ifs.length ? "; what if: " + ifs.join("; ") : "; as written"));
    [["in", "#dafbe1"], ["out", "#ffebe9"], ["undecided", "#fff8c5"]].forEach(function (k) {
      var key = el("span", null, "legend-key");
      key.style.background = k[1];
      cap.appendChild(key);
      cap.appendChild(el("span", k[0].toUpperCase()));
    });
    cap.hidden = false;
    $("overlay-switch").hidden = false;
    document.body.classList.toggle("overlay", $("overlay").checked);
  }
  $("overlay").addEventListener("change", function (ev) {
    document.body.classList.toggle("overlay", ev.target.checked);
    redecorate();
  });

  // -- Live preview (argmap serve): the new picture, keeping the view, the selection, the
  // folded sections and the search; a part drawn exactly as before keeps its element. -------
  function replace(picture, data) {
    var keep = state, was = Object.keys(folded), chosen = selected, panelOpen = !$("panel").hidden;
    var parsed = new DOMParser().parseFromString(picture.frame, "image/svg+xml").documentElement;
    if (parsed.nodeName !== "svg") return;
    var previous = partById;
    var fresh = document.importNode(parsed, true);
    fresh.setAttribute("width", "100%"); fresh.setAttribute("height", "100%");
    view.replaceChildren(fresh);
    D = data; rows = picture.parts; haystacks = null; detail = true;
    setUp(previous);
    sectionsMenuReset();
    caption();
    state = keep;
    if (state) show(); else fit();
    was.forEach(function (s) { fold(s, true); });
    search($("search").value);
    if (chosen && panelOpen && (D.statements[chosen] || D.inferences[chosen])) open(chosen);
    else { selected = null; critical = {}; $("panel").hidden = true; redecorate(); }
  }
  function sectionsMenuReset() {
    var menu = $("sections");
    while (menu.options.length > 1) menu.remove(1);
    sectionsMenu();
  }
  function problems(lines) {
    var p = $("problems");
    p.textContent = lines.join("\n");
    p.hidden = !lines.length;
  }
  if (window.location.protocol === "http:" && window.EventSource) {
    var source = new EventSource("/events");
    source.addEventListener("picture", function () {
      fetch("/picture.json", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (p) {
        problems(p.problems);
        if (p.picture) replace(p.picture, p.data);
      });
    });
  }

  setUp();
  sectionsMenu();
  caption();
  fit();
  document.body.setAttribute("data-ready", "true");
  window.argmapPage = {
    fit: fit, zoom: zoom, search: search, step: step, open: open, fold: fold, where: where,
    state: function () { return state; },
    detail: function () { return detail; },
    reused: function () { return reused; }
  };
})();
