// The inline scripts of the blind pages, written without reading the team's page script: a small
// React-like runtime as Meta's help-centre forms plausibly behave, driven by the page's JSON
// (<script type="application/json" data-sjs>).
// FORM_RUNTIME:
// - state is the truth: controlled inputs with React's value tracker (a value set through the
//   element's own `value` property is remembered, and the input event that follows is ignored, as
//   React ignores it; the native setter plus an input event is what a person's typing looks like);
//   Send submits the state, never the DOM;
// - late first render (skeleton first), "double-mount" (the whole step rendered again with new
//   nodes a moment later, as hydration does), "first-input" (the first input re-renders the step);
// - steps: "pre" (about AI at Meta? yes/no buttons or radios + Next), "form", "code" (2024);
// - country as <select>, typed combobox (filtered listbox, ArrowDown/Enter or click), click-opened
//   combobox whose listbox is rendered late in a layer at the end of <body>;
// - radio groups, textareas, contenteditable boxes (their textContent at the input event);
// - Send as <button type=submit> in a <form>, <button type=button> or div[role=button]; a gated
//   Send is aria-disabled until every required field holds a value;
// - on Send: its own check (required empty, an email without "@"): messages [data-x-msg] in the
//   field's row and window.__xRefused += 1; otherwise window.__xSent = {key: value} of the form step
//   and, after answer.delayMs, Meta's answer: the code step, or answer.html replacing the form,
//   in a status region above the disabled form, in a live region that was there (empty) from the
//   start, in a toast at the end of <body> that goes away after 4 s, or ("invalid") a message in
//   the email field's row; answer.route: the app moves to another path first (history.pushState).
export const FORM_RUNTIME = `(function () {
  "use strict";
  var cfg = JSON.parse(document.querySelector("script[data-sjs]").textContent);
  var root = document.getElementById(cfg.mount);
  var state = {};
  var step = "loading";
  var rerendered = false;
  var preChoice = "";
  cfg.fields.forEach(function (f) { if (f.prefill != null) state[f.key] = f.prefill; });
  function protoOf(el) {
    return el.tagName === "TEXTAREA" ? HTMLTextAreaElement.prototype : el.tagName === "SELECT" ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  }
  function nget(el) { return Object.getOwnPropertyDescriptor(protoOf(el), "value").get.call(el); }
  function nset(el, v) { Object.getOwnPropertyDescriptor(protoOf(el), "value").set.call(el, v); }
  function track(el) {
    var last = nget(el);
    Object.defineProperty(el, "value", { configurable: true,
      get: function () { return nget(this); },
      set: function (v) { last = String(v); nset(this, v); } });
    el._valueTracker = { get: function () { return last; }, set: function (v) { last = String(v); } };
  }
  function fieldOf(el) {
    if (!el || !el.getAttribute) return null;
    for (var i = 0; i < cfg.fields.length; i++) {
      var f = cfg.fields[i];
      if (f.kind === "radio" ? (el.type === "radio" && el.name === f.key) : el.id === f.id) return f;
    }
    return null;
  }
  function control(f) { return document.getElementById(f.id); }
  function countryName(iso) {
    for (var i = 0; i < cfg.countries.length; i++) if (cfg.countries[i][0] === iso) return cfg.countries[i][1];
    return "";
  }
  function setState(key, v) { state[key] = v; gate(); }
  function missing() {
    return cfg.fields.filter(function (f) {
      if (f.step !== "form" || !f.required) return false;
      var v = String(state[f.key] == null ? "" : state[f.key]).trim();
      return !v || (f.kind === "email" && v.indexOf("@") < 0);
    });
  }
  function gate() {
    if (!cfg.gate || step !== "form") return;
    var b = document.getElementById(cfg.sendId);
    if (b) b.setAttribute("aria-disabled", missing().length ? "true" : "false");
  }
  function onInput(e) {
    var el = e.target;
    if (el && el.name === "__pre" && el.checked) { preChoice = el.value; return; }
    var f = fieldOf(el);
    if (!f || !root.contains(el)) return;
    var v;
    if (f.kind === "editable") v = el.textContent;
    else if (f.kind === "radio") { if (!el.checked) return; v = el.value; }
    else if (f.kind === "select") v = nget(el);
    else {
      var now = nget(el);
      if (el._valueTracker) { if (now === el._valueTracker.get()) return; el._valueTracker.set(now); }
      if (f.kind === "combo-typed") { filter(f, el, now); setState(f.key, ""); return; }
      v = now;
    }
    setState(f.key, v);
    if (cfg.rerender === "first-input" && !rerendered && e.type === "input") { rerendered = true; render(step); }
  }
  document.addEventListener("input", onInput, true);
  document.addEventListener("change", onInput, true);
  function options(list) { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
  function filter(f, input, typed) {
    var list = document.getElementById(f.id + "-lb");
    var q = typed.trim().toLowerCase();
    var shown = 0;
    options(list).forEach(function (o) {
      var hit = q.length > 0 && o.textContent.toLowerCase().indexOf(q) >= 0;
      o.hidden = !hit;
      o.setAttribute("aria-selected", "false");
      if (hit) shown++;
    });
    list.hidden = shown === 0;
    input.setAttribute("aria-expanded", shown ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
  }
  function openList(f, box) {
    if (box.getAttribute("aria-expanded") === "true") return;
    box.setAttribute("aria-expanded", "true");
    setTimeout(function () {
      var old = document.getElementById(f.id + "-lb");
      if (old) old.parentNode.remove();
      var layer = document.createElement("div");
      layer.className = cfg.layerClass;
      var list = document.createElement("div");
      list.setAttribute("role", "listbox");
      list.id = f.id + "-lb";
      cfg.countries.forEach(function (c, i) {
        var o = document.createElement("div");
        o.setAttribute("role", "option");
        o.id = f.id + "-o" + i;
        o.setAttribute("aria-selected", state[f.key] === c[0] ? "true" : "false");
        o.tabIndex = -1;
        var s = document.createElement("span");
        s.textContent = c[1];
        o.appendChild(s);
        list.appendChild(o);
      });
      layer.appendChild(list);
      document.body.appendChild(layer);
    }, cfg.listMs);
  }
  function closeList(f, box) {
    var list = document.getElementById(f.id + "-lb");
    if (f.kind === "combo-click" && list) list.parentNode.remove();
    else if (list) list.hidden = true;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }
  function pick(f, option) {
    var list = option.closest("[role=listbox]");
    var i = options(list).indexOf(option);
    var iso = f.kind === "combo-click" ? cfg.countries[i][0] : option.getAttribute("data-value");
    var box = control(f);
    if (f.kind === "combo-typed") box.value = countryName(iso);
    else box.querySelector("span").textContent = countryName(iso);
    closeList(f, box);
    setState(f.key, iso);
  }
  function comboOf(el) {
    for (var i = 0; i < cfg.fields.length; i++) {
      var f = cfg.fields[i];
      if (f.kind !== "combo-typed" && f.kind !== "combo-click") continue;
      var list = el.closest("[role=listbox]");
      if (list && list.id === f.id + "-lb") return f;
      if (el.closest("[id]") && el.closest("[id]").id === f.id) return f;
    }
    return null;
  }
  function disabled(el) { return el.getAttribute("aria-disabled") === "true" || el.disabled; }
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t || !t.closest) return;
    var f = comboOf(t);
    if (f) {
      var option = t.closest("[role=option]");
      if (option) return pick(f, option);
      if (f.kind === "combo-click") return openList(f, control(f));
    }
    var act = t.closest("[id]");
    while (act && !cfg.actions[act.id]) act = act.parentElement && act.parentElement.closest("[id]");
    if (!act || disabled(act)) return;
    var what = cfg.actions[act.id];
    if (what === "yes") render("form");
    else if (what === "no") root.innerHTML = cfg.noHtml;
    else if (what === "next") {
      if (preChoice === "yes") render("form");
      else if (preChoice === "no") root.innerHTML = cfg.noHtml;
    } else if (what === "send") { if (act.type !== "submit") send(); }
    else if (what === "code") confirmCode();
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (!t || !t.closest) return;
    var f = comboOf(t);
    if (f && !t.closest("[role=listbox]")) {
      var box = control(f);
      var list = document.getElementById(f.id + "-lb");
      var open = box.getAttribute("aria-expanded") === "true" && list && !list.hidden;
      if (!open && f.kind === "combo-click" && (e.key === "Enter" || e.key === " " || e.key === "ArrowDown")) { e.preventDefault(); return openList(f, box); }
      if (!open) return;
      var shown = options(list).filter(function (o) { return !o.hidden; });
      var cur = shown.map(function (o) { return o.id; }).indexOf(box.getAttribute("aria-activedescendant"));
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        cur = e.key === "ArrowDown" ? Math.min(cur + 1, shown.length - 1) : Math.max(cur - 1, 0);
        shown.forEach(function (o, i) { o.setAttribute("aria-selected", i === cur ? "true" : "false"); });
        box.setAttribute("aria-activedescendant", shown[cur].id);
      } else if (e.key === "Enter" && cur >= 0) { e.preventDefault(); pick(f, shown[cur]); }
      else if (e.key === "Escape") closeList(f, box);
      return;
    }
    var b = t.closest("[role=button]");
    if (b && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); b.click(); }
  });
  document.addEventListener("submit", function (e) { e.preventDefault(); send(); }, true);
  function showState() {
    cfg.fields.forEach(function (f) {
      if (f.step !== step) return;
      var v = state[f.key] == null ? "" : String(state[f.key]);
      if (f.kind === "radio") {
        Array.prototype.forEach.call(root.querySelectorAll("input[type=radio]"), function (r) { if (r.name === f.key) r.checked = r.value === v; });
        return;
      }
      var el = control(f);
      if (!el) return;
      if (f.kind === "editable") el.textContent = v;
      else if (f.kind === "select") nset(el, v);
      else if (f.kind === "combo-click") el.querySelector("span").textContent = v ? countryName(v) : cfg.choose;
      else if (f.kind === "combo-typed") el.value = v ? countryName(v) : "";
      else el.value = v;
    });
  }
  function render(name) {
    step = name;
    root.innerHTML = cfg.steps[name];
    Array.prototype.forEach.call(root.querySelectorAll("input:not([type=radio]):not([type=hidden]),textarea"), track);
    showState();
    gate();
    if (name === "form" && cfg.rerender === "double-mount" && !rerendered) {
      rerendered = true;
      setTimeout(function () { if (step === "form") render("form"); }, cfg.remountMs);
    }
  }
  function clearMessages() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-x-msg]"), function (m) { m.remove(); });
  }
  function message(f, text) {
    var row = document.getElementById(f.id + "-row") || root;
    var m = document.createElement("div");
    m.setAttribute("data-x-msg", "");
    m.setAttribute("role", cfg.msgRole || "alert");
    m.className = cfg.msgClass;
    m.textContent = text;
    row.appendChild(m);
    var el = control(f);
    if (el) el.setAttribute("aria-invalid", "true");
  }
  function send() {
    if (step !== "form") return;
    var b = document.getElementById(cfg.sendId);
    if (b && disabled(b)) return;
    clearMessages();
    var bad = missing();
    if (bad.length) {
      bad.forEach(function (f) { message(f, f.kind === "email" && state[f.key] ? cfg.invalidText : cfg.requiredText); });
      window.__xRefused = (window.__xRefused || 0) + 1;
      return;
    }
    var sent = {};
    cfg.fields.forEach(function (f) { if (f.step === "form") sent[f.key] = state[f.key] == null ? "" : String(state[f.key]); });
    window.__xSent = sent;
    if (b) { b.setAttribute("aria-busy", "true"); b.setAttribute("aria-disabled", "true"); }
    setTimeout(answer, cfg.answer.delayMs);
  }
  function disableForm() {
    Array.prototype.forEach.call(root.querySelectorAll("input,textarea,select,button"), function (el) { el.disabled = true; });
    Array.prototype.forEach.call(root.querySelectorAll("[contenteditable]"), function (el) { el.setAttribute("contenteditable", "false"); });
    Array.prototype.forEach.call(root.querySelectorAll("[role=button],[role=combobox],[role=textbox]"), function (el) { el.setAttribute("aria-disabled", "true"); });
  }
  function answer() {
    var a = cfg.answer;
    var b = document.getElementById(cfg.sendId);
    if (b) b.removeAttribute("aria-busy");
    if (a.kind === "code") {
      if (a.mode === "dialog") {
        var d = document.createElement("div");
        d.innerHTML = cfg.steps.code;
        document.body.appendChild(d.firstElementChild);
        step = "code";
        return;
      }
      return render("code");
    }
    if (a.kind === "invalid") {
      if (b) b.setAttribute("aria-disabled", "false");
      var ef = cfg.fields.filter(function (f) { return f.kind === "email"; })[0];
      return message(ef, a.text);
    }
    if (a.route) history.pushState({}, "", a.route);
    if (a.mode === "replace") { step = "done"; root.innerHTML = a.html; return; }
    if (a.mode === "live") { disableForm(); document.getElementById(cfg.liveId).innerHTML = a.html; step = "done"; return; }
    if (a.mode === "status") {
      disableForm();
      var s = document.createElement("div");
      s.innerHTML = a.html;
      root.insertBefore(s.firstElementChild, root.firstChild);
      step = "done";
      return;
    }
    var toast = document.createElement("div");
    toast.innerHTML = a.html;
    var shown = toast.firstElementChild;
    document.body.appendChild(shown);
    setTimeout(function () { shown.remove(); }, 4000);
    if (a.kind === "server") { if (b) b.setAttribute("aria-disabled", "false"); }
    else { disableForm(); step = "done"; }
  }
  function confirmCode() {
    var input = document.querySelector("input[autocomplete=one-time-code]") || root.querySelector("input");
    window.__xCode = input ? nget(input) : "";
  }
  function start() { render(cfg.steps.pre ? "pre" : "form"); }
  if (cfg.lateMs > 0) setTimeout(start, cfg.lateMs); else start();
})();`;

// A Privacy Centre page: a client-side app that renders late, and may render again (new nodes).
export const NOTICE_RUNTIME = `(function () {
  var cfg = JSON.parse(document.querySelector("script[data-sjs]").textContent);
  var root = document.getElementById(cfg.mount);
  function render() { root.innerHTML = document.getElementById(cfg.template).innerHTML; }
  setTimeout(function () {
    render();
    if (cfg.remountMs) setTimeout(render, cfg.remountMs);
  }, cfg.lateMs);
})();`;

// A feed that never stops changing (a "now" label every 60 ms, a story appended every 350 ms) and,
// after cfg.dialogMs, Meta's dialog in a layer at the end of <body>; cfg.dialogLateMs: the dialog
// shows a spinner first and its content that much later.
export const FEED_RUNTIME = `(function () {
  var cfg = JSON.parse(document.querySelector("script[data-sjs]").textContent);
  var feed = document.getElementById(cfg.feed);
  var clock = document.getElementById(cfg.clock);
  var n = 0;
  setInterval(function () { clock.textContent = new Date().toISOString().slice(11, 19); }, 60);
  setInterval(function () {
    var a = document.createElement("div");
    a.setAttribute("role", "article");
    a.className = cfg.postClass;
    a.innerHTML = "<h4><span>" + cfg.authors[n % cfg.authors.length] + "</span></h4><div dir=auto>" + cfg.texts[n % cfg.texts.length] + "</div>";
    n++;
    feed.appendChild(a);
    if (feed.children.length > 40) feed.removeChild(feed.firstElementChild);
  }, 350);
  if (cfg.dialogMs == null) return;
  setTimeout(function () {
    var holder = document.createElement("div");
    holder.innerHTML = document.getElementById(cfg.template).innerHTML;
    var layer = holder.firstElementChild;
    document.body.appendChild(layer);
    if (cfg.dialogLateMs) {
      var body = layer.querySelector("[data-late]");
      var content = body.innerHTML;
      body.innerHTML = "<div role=progressbar aria-busy=true aria-valuetext=Loading></div>";
      setTimeout(function () { body.innerHTML = content; }, cfg.dialogLateMs);
    }
    var close = layer.querySelector("[aria-label='" + cfg.closeLabel + "']");
    if (close) close.addEventListener("click", function () { layer.remove(); });
  }, cfg.dialogMs);
})();`;
