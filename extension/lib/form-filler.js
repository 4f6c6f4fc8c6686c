"use strict";
// Fills Meta's objection form as a person would, and walks the flow: answers the yes/no pre-step,
// fills email, country and the justification, presses Send, and waits for Meta's answer.
// Classic script (Objector.filler); needs Objector.normalize, .matcher and .domScan. Works on any
// Document; `wait` and `now` are injected so tests and pages share one clock.
//
// setValue(el, text) → sets an input/textarea/select through the native value setter, then fires
//   bubbling input and change events (React-controlled inputs accept it); contenteditable boxes
//   get the text through an insertText edit (or textContent + input event where that is missing).
// readValue(el) → what the control holds now.
// fillFields(root, compiled, {language, round, profile, justification}) → Promise<{ok, missing,
//   mismatched, emailKept, filled: {email, country, justification}}>. Nothing is touched when a
//   needed field is missing (it is reported, never guessed); the optional second box stays empty.
// runObjection(doc, compiled, {language, round, data, send, timeoutMs}) → Promise<{phase, ...}>:
//   phase "review" (filled, Send left to the user), "sent" + outcome, or "missing"/"failed".
(function (factory) {
  const isNode = typeof module === "object" && module.exports;
  const deps = isNode
    ? [require("./normalize.js"), require("./dom-scan.js")]
    : [globalThis.Objector.normalize, globalThis.Objector.domScan];
  const api = factory(...deps);
  if (isNode) module.exports = api;
  else (globalThis.Objector = globalThis.Objector || {}).filler = api;
})(function ({ normalizeText }, domScan) {
  function windowOf(el) {
    return el.ownerDocument.defaultView;
  }

  function valueDescriptor(el) {
    const win = windowOf(el);
    const proto = el.tagName === "TEXTAREA" ? win.HTMLTextAreaElement.prototype
      : el.tagName === "SELECT" ? win.HTMLSelectElement.prototype : win.HTMLInputElement.prototype;
    return Object.getOwnPropertyDescriptor(proto, "value");
  }

  function isEditable(el) {
    return el.tagName !== "INPUT" && el.tagName !== "TEXTAREA" && el.tagName !== "SELECT";
  }

  function fire(el, type) {
    const win = windowOf(el);
    el.dispatchEvent(new win.Event(type, { bubbles: true }));
  }

  function setValue(el, text) {
    const win = windowOf(el);
    if (typeof el.focus === "function") el.focus();
    if (isEditable(el)) {
      const doc = el.ownerDocument;
      let done = false;
      try {
        const range = doc.createRange();
        range.selectNodeContents(el);
        const sel = win.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        done = typeof doc.execCommand === "function" && doc.execCommand("insertText", false, text) && el.textContent === text;
      } catch {
        done = false;
      }
      if (!done) {
        el.textContent = text;
        el.dispatchEvent(new win.InputEvent("input", { bubbles: true, inputType: "insertText", data: text }));
      }
    } else {
      valueDescriptor(el).set.call(el, text);
      fire(el, "input");
      fire(el, "change");
    }
    if (typeof el.blur === "function") el.blur();
  }

  function readValue(el) {
    return isEditable(el) ? el.textContent : valueDescriptor(el).get.call(el);
  }

  function click(el) {
    const win = windowOf(el);
    for (const type of ["pointerdown", "mousedown", "pointerup", "mouseup"]) {
      const Ctor = type.startsWith("pointer") && win.PointerEvent ? win.PointerEvent : win.MouseEvent;
      el.dispatchEvent(new Ctor(type, { bubbles: true, cancelable: true, view: win }));
    }
    el.click();
  }

  // Names of `iso` a page in `language` may show, normalised: localised, English, the code itself.
  function countryNames(iso, language) {
    const names = new Set([normalizeText(iso)]);
    for (const lang of [language === "no" ? "nb" : language, "en"]) {
      try {
        names.add(normalizeText(new Intl.DisplayNames([lang], { type: "region" }).of(iso)));
      } catch {
        // an unknown language tag: the other names still apply
      }
    }
    return names;
  }

  function displayName(iso, language) {
    try {
      return new Intl.DisplayNames([language === "no" ? "nb" : language], { type: "region" }).of(iso);
    } catch {
      return iso;
    }
  }

  async function chooseCountry(field, iso, language, wait) {
    const names = countryNames(iso, language);
    const el = field.el;
    if (field.type === "select") {
      const option = Array.from(el.options).find((o) => o.value.toUpperCase() === iso || names.has(normalizeText(o.textContent)));
      if (!option) return { ok: false, why: `no option for ${iso}` };
      setValue(el, option.value);
      return { ok: readValue(el) === option.value, shown: option.textContent.trim() };
    }
    // A combobox: type the name, then pick the option the page offers.
    const typed = displayName(iso, language);
    setValue(el, typed);
    if (typeof el.focus === "function") el.focus();
    const doc = el.ownerDocument;
    const listId = el.getAttribute("aria-controls") || el.getAttribute("aria-owns");
    const option = await wait(() => {
      const scope = (listId && doc.getElementById(listId)) || doc;
      return Array.from(scope.querySelectorAll("[role=option]")).find((o) => domScan.isShown(o) && names.has(normalizeText(o.textContent))) || null;
    }, 3000);
    if (!option) return { ok: false, why: `the list offered no ${typed}` };
    click(option);
    const shown = readValue(el);
    return { ok: names.has(normalizeText(shown)), shown };
  }

  function emailMatches(a, b) {
    return normalizeText(a) === normalizeText(b);
  }

  // The fields each round needs; the rest of the form is left as it is.
  function neededFields(round, fields) {
    const needed = ["email", "justification"];
    if (round === "2024" || fields.country) needed.push("country");
    return needed;
  }

  async function fillFields(root, compiled, { language, round, profile, justification, wait }) {
    const fields = domScan.findFields(root, compiled, language);
    const missing = neededFields(round, fields).filter((k) => !fields[k]);
    if (missing.length) return { ok: false, missing, mismatched: [], emailKept: null, filled: {} };
    const filled = {};
    const mismatched = [];
    let emailKept = null;
    const present = readValue(fields.email.el).trim();
    const mine = (profile.emails || []).filter(Boolean);
    if (present && !mine.some((e) => emailMatches(e, present))) {
      emailKept = present; // Meta prefilled the account's address: keep it, tell the user
      filled.email = present;
    } else if (present) {
      filled.email = present;
    } else {
      setValue(fields.email.el, mine[0]);
      filled.email = mine[0];
      if (readValue(fields.email.el) !== mine[0]) mismatched.push("email");
    }
    if (fields.country) {
      const result = await chooseCountry(fields.country, profile.country, language, wait);
      filled.country = profile.country;
      if (!result.ok) mismatched.push("country");
    }
    setValue(fields.justification.el, justification);
    filled.justification = justification;
    if (normalizeText(readValue(fields.justification.el)) !== normalizeText(justification)) mismatched.push("justification");
    if (fields.optional && readValue(fields.optional.el).trim() !== "") mismatched.push("optional");
    return { ok: mismatched.length === 0, missing: [], mismatched, emailKept, filled, fields };
  }

  const SETTLED = new Set(["confirmation", "acknowledged", "code", "validation", "error"]);

  // The whole flow from wherever the form is (pre-step, late rendering) to Meta's answer.
  async function runObjection(doc, compiled, { language, round, data, send, wait, timeoutMs = 20000 }) {
    const body = doc.body;
    let step = await wait(() => {
      const s = domScan.pageStep(body, compiled, language);
      return s === "loading" ? null : s;
    }, timeoutMs);
    if (!step) return { phase: "failed", reason: "the form did not appear" };
    if (step === "prestep") {
      const yes = domScan.findFields(body, compiled, language).yes;
      click(yes);
      step = await wait(() => {
        const s = domScan.pageStep(body, compiled, language);
        return s === "form" ? s : null;
      }, timeoutMs);
      if (!step) return { phase: "failed", reason: "the form did not appear after the pre-step" };
    }
    if (step !== "form" && step !== "validation") return { phase: "failed", reason: `unexpected step ${step}` };
    const fill = await fillFields(body, compiled, { language, round, profile: data.profile, justification: data.justification.text, wait });
    if (fill.missing.length) return { phase: "missing", missing: fill.missing, fill };
    if (!fill.ok) return { phase: "failed", reason: `could not set ${fill.mismatched.join(", ")}`, fill };
    if (!send) return { phase: "review", fill };
    const sendButton = domScan.findFields(body, compiled, language).send;
    if (!sendButton) return { phase: "missing", missing: ["send"], fill };
    click(sendButton);
    const outcome = await waitForOutcome(doc, compiled, language, wait, timeoutMs);
    return { phase: "sent", fill, outcome };
  }

  async function waitForOutcome(doc, compiled, language, wait, timeoutMs) {
    const outcome = await wait(() => {
      const o = domScan.outcomeOf(doc.body, compiled, language);
      return SETTLED.has(o.step) ? o : null;
    }, timeoutMs);
    return outcome || { step: "timeout", status: null, reason: "" };
  }

  // A polling wait built on a page's setTimeout: resolves with fn()'s first truthy value, or null.
  function makeWait(setTimeoutFn, intervalMs = 50) {
    return (fn, timeoutMs) =>
      new Promise((resolve) => {
        const started = Date.now();
        const tick = () => {
          let value = null;
          try {
            value = fn();
          } catch {
            value = null;
          }
          if (value) return resolve(value);
          if (Date.now() - started >= timeoutMs) return resolve(null);
          setTimeoutFn(tick, intervalMs);
        };
        tick();
      });
  }

  return { setValue, readValue, click, chooseCountry, fillFields, runObjection, waitForOutcome, makeWait, countryNames };
});
