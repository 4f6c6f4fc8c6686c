// The inline script of every generated form page: a small stand-in for Meta's React runtime, driven
// by the page's JSON config (#x-config). It behaves as Meta's pages may, not as our fixtures do:
// - controlled inputs (React's value tracker: a value set without the events React listens to is
//   lost at the next render); the state, not the DOM, is what Send submits;
// - late rendering (config.lateMs), a yes/no pre-step (config.prestep);
// - config.rerender: the first input event re-renders the whole form synchronously (React flushes
//   discrete events at once): every control node is replaced by a new one showing the state, so
//   an element found before that input is detached;
// - country as <select>, typed ARIA combobox, click-opened ARIA combobox whose list is rendered
//   late (config.listMs), or radio buttons; the state keeps the ISO code (option data-iso);
// - Send as <button>, role=button or input[type=submit] (the form's submit event);
// - on Send the page checks what it marks required (empty, or an email without "@") and shows its
//   own message next to the field; otherwise it stores what it submits (window.__xSent, for the
//   test to compare with the person's data) and after config.answer.delayMs replaces the form
//   (mode "replace") or disables it and shows the answer above it (mode "disable").
export const FORM_SCRIPT = `(function () {
  "use strict";
  var root = document.getElementById("x-root");
  var config = JSON.parse(document.getElementById("x-config").textContent);
  var state = {};
  var rendered = false;
  var rerendered = false;
  function descriptorOf(el) {
    var proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype
      : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    return Object.getOwnPropertyDescriptor(proto, "value");
  }
  function track(el) {
    var desc = descriptorOf(el);
    var tracked = desc.get.call(el);
    Object.defineProperty(el, "value", { configurable: true,
      get: function () { return desc.get.call(this); },
      set: function (v) { tracked = String(v); desc.set.call(this, v); } });
    el.__tracker = { get: function () { return tracked; }, set: function (v) { tracked = v; } };
  }
  function nameOf(el) { return el && el.getAttribute && (el.getAttribute("name") || el.getAttribute("data-name")); }
  function onInput(event) {
    var el = event.target;
    var name = nameOf(el);
    if (!name || !root.contains(el)) return;
    if (el.getAttribute("contenteditable") === "true") state[name] = el.textContent;
    else if (el.type === "radio") { if (el.checked) state[name] = el.value; }
    else if (el instanceof HTMLSelectElement) {
      var opt = el.options[el.selectedIndex];
      state[name] = opt && opt.getAttribute("data-iso") || "";
    } else if (el.__tracker) {
      var now = descriptorOf(el).get.call(el);
      if (now === el.__tracker.get()) return;
      el.__tracker.set(now);
      if (el.getAttribute("role") === "combobox") { state[name] = ""; filterOptions(el, now); }
      else state[name] = now;
    } else return;
    if (config.rerender && !rerendered && event.type === "input") { rerendered = true; rerenderAll(); }
  }
  document.addEventListener("input", onInput, true);
  document.addEventListener("change", onInput, true);
  function filterOptions(input, typed) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var q = typed.toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(list.querySelectorAll("[role=option]"), function (o) {
      var match = q.length > 0 && o.textContent.toLowerCase().indexOf(q) === 0;
      o.hidden = !match;
      if (match) shown++;
    });
    list.hidden = shown === 0;
    input.setAttribute("aria-expanded", shown > 0 ? "true" : "false");
  }
  // A click-opened combobox: its list is built only when opened, after config.listMs.
  function openList(box) {
    if (box.getAttribute("aria-expanded") === "true") return;
    box.setAttribute("aria-expanded", "true");
    setTimeout(function () {
      var old = document.getElementById(box.getAttribute("aria-controls"));
      if (old) old.remove();
      var list = document.createElement("div");
      list.setAttribute("role", "listbox");
      list.id = box.getAttribute("aria-controls");
      config.countries.forEach(function (c) {
        var o = document.createElement("div");
        o.setAttribute("role", "option");
        o.setAttribute("data-iso", c[0]);
        o.setAttribute("aria-selected", state[nameOf(box)] === c[0] ? "true" : "false");
        o.textContent = c[1];
        list.appendChild(o);
      });
      box.parentNode.insertBefore(list, box.nextSibling);
    }, config.listMs);
  }
  function pick(option) {
    var list = option.closest("[role=listbox]");
    var box = document.querySelector("[aria-controls='" + list.id + "']");
    var name = nameOf(box);
    state[name] = option.getAttribute("data-iso");
    if (box.tagName === "INPUT") { box.value = option.textContent; list.hidden = true; }
    else { box.querySelector("[data-shown]").textContent = option.textContent; list.remove(); }
    box.setAttribute("aria-expanded", "false");
    box.dispatchEvent(new Event("change", { bubbles: true }));
  }
  document.addEventListener("click", function (event) {
    var t = event.target;
    if (!t.closest) return;
    var option = t.closest("[role=option]");
    if (option) return pick(option);
    var box = t.closest("div[role=combobox]");
    if (box) return openList(box);
    var action = t.closest("[data-action]");
    if (!action || action.getAttribute("aria-disabled") === "true" || action.disabled) return;
    var what = action.getAttribute("data-action");
    if (what === "yes") renderForm();
    if (what === "no") root.innerHTML = "<p>" + config.noText + "</p>";
    if (what === "send" && action.type !== "submit") send();
    if (what === "code") sendCode();
  });
  document.addEventListener("keydown", function (event) {
    var box = event.target.closest && event.target.closest("div[role=combobox]");
    if (box && (event.key === "Enter" || event.key === " " || event.key === "ArrowDown")) { event.preventDefault(); openList(box); }
    var action = event.target.closest && event.target.closest("[role=button][data-action]");
    if (action && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); action.click(); }
  });
  document.addEventListener("submit", function (event) { event.preventDefault(); send(); }, true);
  function showState(el) {
    var name = nameOf(el);
    if (!name) return;
    if (el.getAttribute("contenteditable") === "true") { el.textContent = state[name] || ""; return; }
    if (el.type === "radio") { el.checked = state[name] === el.value; return; }
    if (el instanceof HTMLSelectElement) {
      Array.prototype.forEach.call(el.options, function (o) { o.selected = (o.getAttribute("data-iso") || "") === (state[name] || ""); });
      return;
    }
    if (el.getAttribute("role") === "combobox") return;
    if (el.tagName === "INPUT" || el.tagName === "TEXTAREA") el.value = state[name] || "";
  }
  function controls() {
    return root.querySelectorAll("input[name],textarea[name],select[name],[data-name][contenteditable]");
  }
  function bind(el) {
    if ((el.tagName === "INPUT" && el.type !== "radio") || el.tagName === "TEXTAREA") track(el);
  }
  // React re-rendering with new keys: every control is a new node showing the state.
  function rerenderAll() {
    Array.prototype.forEach.call(controls(), function (el) {
      var fresh = el.cloneNode(el.getAttribute("contenteditable") === "true" ? false : true);
      el.parentNode.replaceChild(fresh, el);
      bind(fresh);
      showState(fresh);
    });
  }
  function renderForm() {
    root.innerHTML = document.getElementById("x-form").innerHTML;
    rendered = true;
    Array.prototype.forEach.call(controls(), function (el) {
      var name = nameOf(el);
      if (el.tagName === "INPUT" && el.type !== "radio" && el.hasAttribute("value")) state[name] = el.getAttribute("value");
      bind(el);
    });
  }
  function clearMessages() {
    Array.prototype.forEach.call(root.querySelectorAll("[data-x-msg]"), function (m) { m.remove(); });
  }
  function message(afterEl, text) {
    var m = document.createElement(config.messageTag);
    if (config.messageRole) m.setAttribute("role", config.messageRole);
    m.setAttribute("data-x-msg", "");
    m.className = "x-err";
    m.textContent = text;
    var field = afterEl.closest("[data-x-field]") || afterEl;
    field.appendChild(m);
  }
  function send() {
    if (!rendered) return;
    clearMessages();
    var bad = config.required.filter(function (name) {
      var v = (state[name] || "").trim();
      return !v || (name === config.emailName && v.indexOf("@") < 0);
    });
    if (bad.length) {
      bad.forEach(function (name) {
        var el = root.querySelector("[name='" + name + "'],[data-name='" + name + "']");
        if (el) message(el, name === config.emailName && state[name] ? config.invalidText : config.requiredText);
      });
      window.__xRefused = (window.__xRefused || 0) + 1;
      return;
    }
    var sent = {};
    Object.keys(state).forEach(function (k) { sent[k] = state[k]; });
    window.__xSent = sent;
    setTimeout(answer, config.answer.delayMs);
  }
  function answer() {
    var a = config.answer;
    if (a.kind === "invalid") {
      var el = root.querySelector("[name='" + config.emailName + "']");
      return message(el || root, a.text);
    }
    if (a.mode === "replace") { root.innerHTML = a.html; return; }
    Array.prototype.forEach.call(root.querySelectorAll("input,textarea,select,button"), function (el) { el.disabled = true; });
    Array.prototype.forEach.call(root.querySelectorAll("[contenteditable]"), function (el) { el.setAttribute("contenteditable", "false"); });
    Array.prototype.forEach.call(root.querySelectorAll("[role=button],[role=combobox]"), function (el) { el.setAttribute("aria-disabled", "true"); });
    var box = document.createElement("div");
    box.innerHTML = a.html;
    root.insertBefore(box, root.firstChild);
  }
  function sendCode() {
    var input = root.querySelector("input[name=code]");
    window.__xCode = input ? descriptorOf(input).get.call(input) : "";
    root.innerHTML = config.afterCode;
  }
  function start() {
    if (config.prestep) root.innerHTML = document.getElementById("x-prestep").innerHTML;
    else renderForm();
  }
  if (config.lateMs > 0) setTimeout(start, config.lateMs); else start();
})();`;

// A feed that never goes quiet (a clock ticking every 50 ms, a post appended every 400 ms), with
// the notice dialog appearing after config.dialogMs. Small: the 50 k-node feed is bench's feed.mjs.
export const FEED_SCRIPT = `(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("x-config").textContent);
  var clock = document.getElementById("x-clock");
  var feed = document.getElementById("x-feed");
  var n = 0;
  setInterval(function () { clock.textContent = String(Date.now() % 100000); }, 50);
  setInterval(function () {
    var a = document.createElement("article");
    a.innerHTML = "<p>Post " + (++n) + ": a friend shared a photo.</p>";
    feed.appendChild(a);
    if (feed.children.length > 60) feed.removeChild(feed.firstElementChild);
  }, 400);
  setTimeout(function () {
    var holder = document.createElement("div");
    holder.innerHTML = document.getElementById("x-dialog").innerHTML;
    while (holder.firstChild) document.body.appendChild(holder.firstChild);
  }, config.dialogMs);
})();`;

// A notice page rendered late (the Privacy Centre is a client-side app).
export const LATE_SCRIPT = `(function () {
  var config = JSON.parse(document.getElementById("x-config").textContent);
  setTimeout(function () { document.getElementById("x-root").innerHTML = document.getElementById("x-late").innerHTML; }, config.lateMs);
})();`;
