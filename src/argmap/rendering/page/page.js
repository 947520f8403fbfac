// The argmap page: pan and zoom, search, details, folding, the status overlay.
// Every map text is put into the page with textContent, never as markup.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("argmap-data").textContent);
  var view = document.getElementById("view");
  var svg, graph, base, state = null;
  var byRef = {};       // model element (statement id or inference key) -> its element in the picture
  var refOf = new Map(); // element in the picture -> model element
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
  function pictureId(prefix, id) { return document.getElementById(prefix + "-" + id); }

  // -- The picture -------------------------------------------------------------------
  function setUp() {
    svg = view.querySelector("svg");
    graph = svg.querySelector("g.graph");
    var vb = svg.viewBox.baseVal;
    base = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    byRef = {}; refOf = new Map();
    D.nodes.forEach(function (n) {
      var e = pictureId(n[1] === "statement" ? "statement" : "inference", n[0]);
      if (e) mark(e, n[2], n[1] === "statement" ? "statement" : "inference");
    });
    D.edges.forEach(function (ed) {
      if (ed[3] && !byRef[ed[3]]) {
        var e = pictureId("edge", ed[0]);
        if (e) mark(e, ed[3], "inference");
      }
    });
    applyStatuses();
    folded = {};
  }

  function mark(e, ref, what) {
    byRef[ref] = e;
    refOf.set(e, ref);
    e.setAttribute("tabindex", "0");
    e.setAttribute("role", "button");
    e.setAttribute("data-ref", ref);
    e.setAttribute("aria-label", label(ref, what));
  }

  function label(ref, what) {
    if (what === "statement") {
      var s = D.statements[ref];
      return s ? s.kind + ": " + s.text : ref;
    }
    var i = D.inferences[ref];
    if (!i) return ref;
    return (i.label ? i.label + ": " : "") + i.kind + " inference: " + i.premises.join(", ") + " to " + (i.target || "");
  }

  // -- Pan and zoom: the view is a centre point and a scale (screen pixels per map unit) --
  function size() { return { w: view.clientWidth || 1, h: view.clientHeight || 1 }; }
  function show() {
    var s = size();
    var w = s.w / state.k, h = s.h / state.k;
    svg.setAttribute("viewBox", [state.cx - w / 2, state.cy - h / 2, w, h].map(function (v) { return v.toFixed(2); }).join(" "));
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
  function boxOf(e) {  // an element's box in the svg's own units
    var b = e.getBBox(), m = graph.transform.baseVal.consolidate();
    var tx = m ? m.matrix.e : 0, ty = m ? m.matrix.f : 0;
    return { x: b.x + tx, y: b.y + ty, w: b.width, h: b.height };
  }
  function centre(e) {
    var b = boxOf(e);
    state.cx = b.x + b.w / 2; state.cy = b.y + b.h / 2;
    if (state.k < 0.6) state.k = 1;
    show();
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
    var ref = refOf.get(ev.target);
    if ((ev.key === "Enter" || ev.key === " ") && ref) { ev.preventDefault(); open(ref); return; }
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });
  view.addEventListener("click", function (ev) {
    if (drag && drag.moved) { ev.preventDefault(); return; }
    var box = ev.target.closest ? ev.target.closest(".fold-box") : null;
    if (box) { ev.preventDefault(); fold(box.getAttribute("data-section"), false); return; }
    var e = ev.target.closest ? ev.target.closest("[data-ref]") : null;
    if (e) { ev.preventDefault(); open(refOf.get(e)); }
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
  function search(text) {
    matches.forEach(function (e) { e.classList.remove("match", "current"); });
    matches = []; current = -1;
    var q = text.trim().toLowerCase();
    if (q) {
      Object.keys(byRef).forEach(function (ref) {
        if (haystack(ref).indexOf(q) >= 0) matches.push(byRef[ref]);
      });
      matches.forEach(function (e) { e.classList.add("match"); });
    }
    $("found").textContent = q ? (matches.length ? matches.length + " found" : "none found") : "";
  }
  function step(by) {
    if (!matches.length) return;
    if (current >= 0) matches[current].classList.remove("current");
    current = (current + by + matches.length) % matches.length;
    var e = matches[current];
    e.classList.add("current");
    unfoldAround(refOf.get(e));
    centre(e);
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
    var e = byRef[ref];
    if (e) { unfoldAround(ref); centre(e); e.focus({ preventScroll: true }); }
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
    document.querySelectorAll(".selected, .critical").forEach(function (e) { e.classList.remove("selected", "critical"); });
    if (byRef[ref]) byRef[ref].classList.add("selected");
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
      row(dl, "Kind", i.kind + (i.id ? " " + i.id : ""));
      row(dl, "Premises", i.premises.map(refButton));
      if (i.target) row(dl, "Conclusion", refButton(i.target));
      row(dl, "Scheme", i.scheme);
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
        var w = el("span", (p.kind === "preference" ? "reversing " : "rejecting ") + p.kind + " ");
        w.appendChild(p.kind === "statement" ? refButton(p.id) : el("span", p.id));
        w.appendChild(el("span", " makes it " + p.after.toUpperCase()));
        return w;
      }) : "none: no single statement, inference, actor, source or preference changes it");
      points.forEach(function (p) {
        p.rejected.forEach(function (r) { if (byRef[r]) byRef[r].classList.add("critical"); });
      });
    }
    body.appendChild(dl);
    $("panel").hidden = false;
  }
  $("close").onclick = function () {
    $("panel").hidden = true;
    document.querySelectorAll(".selected, .critical").forEach(function (e) { e.classList.remove("selected", "critical"); });
  };

  // -- Folding: a folded section is one box over its place, with its counts; the lines
  // into it stay and end at the box; the lines inside it are hidden. ---------------------
  var parentOf = {}, titleOf = {};
  function within(cluster, section) {
    while (cluster) { if (cluster === section) return true; cluster = parentOf[cluster]; }
    return false;
  }
  function fold(section, on) {
    var box = pictureId("section", section);
    if (!box) return;
    if (on === folded[section] || (!on && !folded[section])) return;
    var inside = {}, counts = { statement: 0, junction: 0 };
    D.nodes.forEach(function (n) { if (within(n[3], section)) { inside[n[0]] = true; counts[n[1]] += 1; } });
    D.nodes.forEach(function (n) {
      if (!inside[n[0]]) return;
      var e = pictureId(n[1] === "statement" ? "statement" : "inference", n[0]);
      if (e) e.classList.toggle("folded-away", on);
    });
    D.edges.forEach(function (ed) {
      var e = pictureId("edge", ed[0]);
      if (e) e.classList.toggle("folded-away", on && !!inside[ed[1]] && !!inside[ed[2]]);
    });
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
    var option = $("sections").querySelector('option[value="' + CSS.escape(section) + '"]');
    if (option) option.textContent = (on ? "▸ " : "▾ ") + titleOf[section];
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
  function applyStatuses() {
    var ev = D.evaluation;
    if (!ev) return;
    Object.keys(byRef).forEach(function (ref) {
      var st = ev.statuses[ref];
      if (st) byRef[ref].classList.add("st-" + st);
    });
  }
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
  $("overlay").addEventListener("change", function (ev) { document.body.classList.toggle("overlay", ev.target.checked); });

  // -- Live preview (argmap serve): swap the picture, keep the view ------------------------
  function replace(text, data) {
    var keep = state, was = Object.keys(folded);
    var parsed = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    if (parsed.nodeName !== "svg") return;
    var fresh = document.importNode(parsed, true);
    fresh.setAttribute("width", "100%"); fresh.setAttribute("height", "100%");
    view.replaceChildren(fresh);
    D = data;
    setUp();
    sectionsMenuReset();
    caption();
    state = keep;
    if (state) show(); else fit();
    was.forEach(function (s) { fold(s, true); });
    search($("search").value);
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
        if (p.svg) replace(p.svg, p.data);
      });
    });
  }

  setUp();
  sectionsMenu();
  caption();
  fit();
  document.body.setAttribute("data-ready", "true");
  window.argmapPage = { fit: fit, zoom: zoom, search: search, step: step, open: open, fold: fold, state: function () { return state; } };
})();
