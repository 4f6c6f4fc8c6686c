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
//   (fillFields and runObjection are the flow of today's content.js; lib/session.js replaces them.)
//
// Fill what the page has (FLOW.md "form-filler"):
// scanForm(root, compiled, language) → {fields: {email, emailConfirm, country, justification, optional, name,
//   code}, required: [{key, label, el}], unknown: [{label, el}], send, yes, form}: each field is
//   {el, type: "email"|"text"|"box"|"select"|"combobox"|"radio"|"editable", label (normalised),
//   labelText (as shown), required} or null (a radio group also has `radios`). Labels come from
//   <label>, aria-labelledby, aria-label, placeholder, title, or the text just before the control.
//   Required = required/aria-required, a "*" or a required word in the label, or the form's only
//   text box. `unknown` = required controls Objector cannot identify (and unticked required
//   checkboxes).
// neededData(scan) → the subset of ["email", "country", "justification", "name"] the form has.
// fillForm(doc, compiled, {language, data, wait, timeoutMs}) → Promise<{ok, filled: {email,
//   country (ISO), justification, name}, missing: [label], mismatched: [key], emailKept, reason?,
//   scan}>. Nothing is touched when `missing` is not empty.
// verifyBeforeSend(doc, compiled, {language, filled, wait}) → Promise<{ok, problems: [key], scan}>.
// findSend(root, compiled, language) → the Send control or null; click(el) presses it as a person.
// answerPrestep(root, compiled, language, wait?) → Promise<boolean>: answers the pre-step "yes"
//   as a person would: presses its Yes button, or picks its Yes radio (a click on the radio's
//   label, else on the radio) and then presses the continue-like button once it is usable.
//   false (nothing pressed) when no Yes is found, or the continue button never becomes usable.
(function (factory) {
  const isNode = typeof module === "object" && module.exports;
  const deps = isNode
    ? [require("./normalize.js"), require("./dom-scan.js")]
    : [globalThis.Objector.normalize, globalThis.Objector.domScan];
  const api = factory(...deps);
  if (isNode) module.exports = api;
  else (globalThis.Objector = globalThis.Objector || {}).filler = api;
})(function ({ normalizeText, tokens }, domScan) {
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
      if (!(await answerPrestep(body, compiled, language, wait))) return { phase: "failed", reason: "the pre-step could not be answered" };
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


  function isRadio(el) {
    return (el.tagName === "INPUT" && (el.getAttribute("type") || "").toLowerCase() === "radio") || el.getAttribute("role") === "radio";
  }

  function isChecked(el) {
    return el.tagName === "INPUT" ? el.checked : el.getAttribute("aria-checked") === "true";
  }

  async function answerPrestep(root, compiled, language, wait) {
    const w = wait || makeWait((fn, ms) => windowOf(root).setTimeout(fn, ms));
    const found = domScan.findFields(root, compiled, language);
    if (!found.yes) return false;
    if (!isRadio(found.yes)) {
      click(found.yes);
      return true;
    }
    const radio = found.yes;
    const label = radio.tagName === "INPUT" && radio.labels && radio.labels.length ? radio.labels[0] : null;
    click(label || radio);
    if (!(await w(() => isChecked(radio) || null, 1000))) click(radio);
    if (!isChecked(radio)) return false;
    const next = await w(() => {
      const b = domScan.findFields(root, compiled, language).next;
      return b && b.getAttribute("aria-disabled") !== "true" && !b.disabled ? b : null;
    }, 2000);
    if (!next) return false;
    click(next);
    return true;
  }

  // --- Fill what the page has (FLOW.md "form-filler") ------------------------------------
  // emailConfirm: a second "confirm / repeat your email" field, filled with the same address.
  const FIELD_KEYS = ["email", "emailConfirm", "country", "justification", "name"];
  const DATA_KEYS = ["email", "country", "justification", "name"];
  const TEXT_TYPES = ["email", "text"];
  const BOX_TYPES = ["box", "editable"];
  const FIELD_SELECTOR = "input, textarea, select, [contenteditable]:not([contenteditable=false]), [role=textbox], [role=combobox], [aria-haspopup=listbox]";
  const WIDGET_SELECTOR = "[role=combobox], [aria-haspopup=listbox]";
  const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
  const ISO_ATTRIBUTES = ["data-iso", "data-value", "data-code", "data-country", "data-country-code", "value"];

  function isEditableBox(el) {
    return el.tagName !== "INPUT" && el.tagName !== "TEXTAREA" && el.tagName !== "SELECT" &&
      (el.isContentEditable || (el.getAttribute("contenteditable") !== null && el.getAttribute("contenteditable") !== "false") || el.getAttribute("role") === "textbox");
  }

  function fieldType(el) {
    if (el.tagName === "SELECT") return "select";
    if (el.getAttribute("role") === "combobox" || el.getAttribute("aria-haspopup") === "listbox") return "combobox";
    if (el.tagName === "TEXTAREA") return "box";
    if (isEditableBox(el)) return el.getAttribute("aria-multiline") === "false" ? "text" : "editable";
    const t = (el.getAttribute("type") || "text").toLowerCase();
    if (t === "email" || (el.getAttribute("inputmode") || "").toLowerCase() === "email") return "email";
    return "text";
  }

  // A label as the person reads it in a message: without the required star.
  function shownLabel(label) {
    return label.replace(/\s*\*+\s*$/, "").replace(/^\s*\*+\s*/, "").replace(/\s*:\s*$/, "").trim();
  }

  function rawLabel(el) {
    return domScan.labelOf(el, true);
  }

  function groupLabel(group, radios) {
    const doc = group.ownerDocument;
    const by = group.getAttribute("aria-labelledby");
    if (by) {
      const t = by.split(/\s+/).map((id) => doc.getElementById(id)).filter(Boolean).map((n) => domScan.rawText(n, true)).join(" ").trim();
      if (t) return t.replace(/\s+/g, " ");
    }
    if (group.getAttribute("aria-label")) return group.getAttribute("aria-label");
    const legend = group.tagName === "FIELDSET" && group.querySelector("legend");
    if (legend) return domScan.rawText(legend, true).replace(/\s+/g, " ").trim();
    return domScan.nearbyText(group) || domScan.nearbyText(radios[0]);
  }

  function optionText(radio) {
    if (radio.tagName !== "INPUT") return normalizeText(radio.getAttribute("aria-label") || radio.textContent);
    return domScan.labelOf(radio) || normalizeText(radio.getAttribute("value") || "");
  }

  // Radio groups: a [role=radiogroup], or native radios sharing a name, as one field.
  function radioGroups(root) {
    const groups = [];
    const seen = new Set();
    for (const g of root.querySelectorAll("[role=radiogroup]")) {
      const radios = Array.from(g.querySelectorAll("input[type=radio], [role=radio]")).filter((r) => domScan.isShown(r));
      if (!radios.length || !domScan.isShown(g)) continue;
      radios.forEach((r) => seen.add(r));
      groups.push({ el: g, radios });
    }
    const byName = new Map();
    for (const r of root.querySelectorAll("input[type=radio]")) {
      if (seen.has(r) || !domScan.isShown(r) || r.disabled) continue;
      const key = r.name || `#${groups.length}-${byName.size}`;
      if (!byName.has(key)) byName.set(key, []);
      byName.get(key).push(r);
    }
    for (const radios of byName.values()) {
      let el = radios[0].closest("fieldset") || radios[0].parentElement;
      while (el && !radios.every((r) => el.contains(r))) el = el.parentElement;
      groups.push({ el: el || radios[0], radios });
    }
    return groups;
  }

  // Marked optional by its label: an optional word, or a negated required word ("nije obavezno").
  function isOptionalMark(label, compiled, langs) {
    const norm = normalizeText(label);
    if (domScan.cueIn(compiled, langs, "optional", norm)) return true;
    const words = tokens(norm);
    return langs.some((l) => domScan.cueIn(compiled, [l], "requiredMark", norm) && words.some((w) => compiled.languages[l].answer.negation.has(w)));
  }

  // Marked required by the page: the attributes, a "*", or a required word in the label that is
  // not negated.
  function isRequiredMark(el, label, compiled, langs) {
    if (el.required === true || el.getAttribute("aria-required") === "true") return true;
    if (isOptionalMark(label, compiled, langs)) return false;
    return /\*/.test(label) || Boolean(domScan.cueIn(compiled, langs, "requiredMark", normalizeText(label)));
  }

  // Every control a person would fill, with its type, label and whether the page requires it.
  function formControls(root, compiled, langs) {
    const out = [];
    const inside = (el) => out.some((c) => c.el.contains(el) || (c.radios && c.radios.includes(el)));
    for (const g of radioGroups(root)) {
      const label = groupLabel(g.el, g.radios);
      const required = g.radios.some((r) => r.required || r.getAttribute("aria-required") === "true") || isRequiredMark(g.el, label, compiled, langs);
      out.push({ el: g.el, radios: g.radios, type: "radio", label: normalizeText(label), labelText: shownLabel(label), required });
    }
    const candidates = root.querySelectorAll(FIELD_SELECTOR);
    for (const el of candidates) {
      if (el.tagName === "INPUT" && /^(hidden|submit|button|checkbox|radio|reset|image|file)$/i.test(el.type)) continue;
      if (el.getAttribute("role") === "radio" || inside(el) || el.closest("[role=listbox]")) continue;
      if (!domScan.isShown(el) || el.disabled || el.getAttribute("aria-disabled") === "true") continue;
      if (el.tagName === "BUTTON" && el.getAttribute("aria-haspopup") !== "listbox") continue;
      const label = rawLabel(el);
      out.push({ el, type: fieldType(el), label: normalizeText(label), labelText: shownLabel(label), required: isRequiredMark(el, label, compiled, langs),
        optional: isOptionalMark(label, compiled, langs) });
    }
    return out;
  }

  function looksLikeCountryList(c) {
    const values = c.type === "select" ? Array.from(c.el.options) : c.type === "radio" ? c.radios : [];
    const iso = values.filter((o) => /^[A-Z]{2}$/.test((o.getAttribute("data-iso") || o.getAttribute("value") || "").trim()));
    return iso.length >= 3;
  }

  function isCodeInput(c) {
    const el = c.el;
    if ((el.getAttribute("autocomplete") || "").toLowerCase() === "one-time-code") return true;
    const max = Number(el.getAttribute("maxlength"));
    return c.type === "text" && (el.getAttribute("inputmode") || "").toLowerCase() === "numeric" && max > 0 && max <= 10;
  }

  // scanForm(root, compiled, language) → {fields: {email, emailConfirm, country, justification, optional, name,
  //   code}, required: [{key, label, el}], unknown: [{label, el}], send, yes, form}. Each field is
  //   {el, type, label, labelText, required} (radio groups also `radios`) or null.
  function scanForm(root, compiled, language) {
    const langs = domScan.languagesFor(compiled, language);
    const controls = formControls(root, compiled, langs);
    const taken = new Set();
    const cue = (c, category) => c.label && domScan.cueIn(compiled, langs, category, c.label);
    const pick = (pred) => {
      const c = controls.find((x) => !taken.has(x) && pred(x));
      if (c) taken.add(c);
      return c || null;
    };
    const auto = (c) => (c.el.getAttribute("autocomplete") || "").toLowerCase();
    const code = pick((c) => TEXT_TYPES.includes(c.type) && (isCodeInput(c) || (cue(c, "code") && !cue(c, "email"))));
    const holdsAddress = (c) => c.el.tagName === "INPUT" && EMAIL_RE.test(readValue(c.el).trim());
    const emailLike = (c) => c.type === "email" || (TEXT_TYPES.includes(c.type) && (auto(c) === "email" || cue(c, "email") || holdsAddress(c)));
    const confirming = (c) => cue(c, "confirmEmail") && (cue(c, "email") || c.type === "email");
    const email = pick((c) => c.type === "email" && !cue(c, "fullName") && !confirming(c)) ||
      pick((c) => TEXT_TYPES.includes(c.type) && emailLike(c) && !confirming(c)) ||
      pick((c) => c.type === "email" && !cue(c, "fullName")) ||
      pick((c) => TEXT_TYPES.includes(c.type) && emailLike(c));
    const emailConfirm = email ? pick((c) => TEXT_TYPES.includes(c.type) && emailLike(c) && confirming(c)) : null;
    const name = pick((c) => TEXT_TYPES.includes(c.type) && (/^(name|given-name|family-name)$/.test(auto(c)) || cue(c, "fullName")) && !cue(c, "country"));
    const country = pick((c) => ["select", "combobox", "radio"].includes(c.type) && cue(c, "country")) ||
      pick((c) => ["select", "radio"].includes(c.type) && looksLikeCountryList(c)) ||
      pick((c) => c.type === "combobox" && !cue(c, "email")) ||
      pick((c) => c.type === "text" && (cue(c, "country") || auto(c) === "country" || auto(c) === "country-name"));
    const boxes = controls.filter((c) => BOX_TYPES.includes(c.type) && !taken.has(c));
    let justification = boxes.find((c) => cue(c, "justification")) || boxes.find((c) => c.required && !c.optional) ||
      boxes.find((c) => !c.optional) || (boxes.length === 1 ? boxes[0] : null);
    if (justification) taken.add(justification);
    const optional = pick((c) => BOX_TYPES.includes(c.type) && (c.optional || !c.required));
    // The only text box of the form is required, whatever its marks.
    const textual = controls.filter((c) => [...TEXT_TYPES, ...BOX_TYPES].includes(c.type) && c !== code);
    if (textual.length === 1) textual[0].required = true;
    const fields = { email, emailConfirm, country, justification, optional, name, code };
    const required = [];
    for (const key of FIELD_KEYS) if (fields[key] && fields[key].required) required.push({ key, label: fields[key].labelText || key, el: fields[key].el });
    const unknown = controls.filter((c) => !taken.has(c) && c.required).map((c) => ({ label: c.labelText || c.el.getAttribute("name") || "", el: c.el }));
    for (const box of root.querySelectorAll("input[type=checkbox]")) {
      if ((box.required || box.getAttribute("aria-required") === "true") && domScan.isShown(box) && !box.checked) unknown.push({ label: rawLabel(box), el: box });
    }
    const members = [email, emailConfirm, country, justification, name, optional].filter(Boolean).map((f) => f.el);
    const form = formOfFields(members);
    return { fields, required, unknown, form, send: findSendIn(root, form, compiled, langs), yes: domScan.findButton(root, compiled, langs, "yes", true) };
  }

  function formOfFields(members) {
    if (!members.length) return null;
    const f = members[0].closest("form");
    if (f && members.every((m) => f.contains(m))) return f;
    let common = members[0].parentElement;
    while (common && !members.every((m) => common.contains(m))) common = common.parentElement;
    return common;
  }

  function usable(el) {
    return domScan.isShown(el) && !el.disabled && el.getAttribute("aria-disabled") !== "true";
  }

  // Send: a button whose whole label is a send cue; else one whose label starts with one ("Submit
  // request"); else, inside the form, the only submit button, or the only button.
  function findSendIn(root, form, compiled, langs) {
    const exact = domScan.findButton(root, compiled, langs, "send");
    if (exact) return exact;
    const scope = form || root;
    const buttons = Array.from(scope.querySelectorAll(`${domScan.BUTTON_SELECTOR}, input[type=image]`)).filter(usable);
    const not = (el) => !domScan.cueIn(compiled, langs, "yes", domScan.buttonText(el));
    const starts = buttons.find((el) => {
      const text = domScan.buttonText(el);
      if (!text || text.length > 60) return false;
      return langs.some((l) => compiled.languages[l].cues.send.some((cue) => text.startsWith(cue) && (text.length === cue.length || !/[\p{L}\p{N}]/u.test(text[cue.length]))));
    });
    if (starts) return starts;
    if (!form) return null;
    const submits = buttons.filter((el) => (el.tagName === "BUTTON" && (el.getAttribute("type") || "submit").toLowerCase() === "submit") || (el.tagName === "INPUT" && el.type === "submit"));
    if (submits.length === 1) return submits[0];
    const others = buttons.filter(not);
    return others.length === 1 ? others[0] : null;
  }

  function findSend(root, compiled, language) {
    return scanForm(root, compiled, language).send;
  }

  function neededData(scan) {
    return DATA_KEYS.filter((k) => scan.fields[k]);
  }

  function justificationText(data) {
    const j = data && data.justification;
    return typeof j === "string" ? j : (j && j.text) || "";
  }

  // Waits until `fn` gives the same answer twice in a row (the page stopped adding fields).
  async function settledScan(scanNow, wait, timeoutMs) {
    let last = null;
    const key = (s) => controlsKey(s);
    const found = await wait(() => {
      const s = scanNow();
      if (!anyField(s)) return null;
      const k = key(s);
      const same = last === k;
      last = k;
      return same ? s : null;
    }, timeoutMs);
    return found || (anyField(scanNow()) ? scanNow() : null);
  }

  function anyField(s) {
    return Boolean(s.fields.email || s.fields.justification || s.fields.country || s.fields.name || s.unknown.length);
  }

  function controlsKey(s) {
    return ["email", "emailConfirm", "country", "justification", "name", "optional"].map((k) => (s.fields[k] ? `${k}:${s.fields[k].type}` : "")).join("|") + `|${s.unknown.length}`;
  }

  function countryMatcher(iso, language) {
    const names = countryNames(iso, language);
    const up = String(iso || "").toUpperCase();
    return (el) => {
      for (const a of ISO_ATTRIBUTES) {
        const v = el.getAttribute && el.getAttribute(a);
        if (v && v.trim().toUpperCase() === up) return true;
      }
      const text = normalizeText(el.tagName === "INPUT" ? optionText(el) : el.getAttribute("aria-label") || el.textContent);
      return names.has(text) || names.has(text.replace(/\s*\(.*\)$/, ""));
    };
  }

  function keyboard(el, key) {
    const win = windowOf(el);
    for (const type of ["keydown", "keyup"]) el.dispatchEvent(new win.KeyboardEvent(type, { key, code: key, bubbles: true, cancelable: true }));
  }

  function optionsFor(el) {
    const doc = el.ownerDocument;
    const ids = [el.getAttribute("aria-controls"), el.getAttribute("aria-owns")].filter(Boolean).join(" ").split(/\s+/).filter(Boolean);
    const lists = ids.map((id) => doc.getElementById(id)).filter(Boolean);
    const scopes = lists.length ? lists : [doc];
    const out = [];
    for (const s of scopes) for (const o of s.querySelectorAll("[role=option]")) if (domScan.isShown(o)) out.push(o);
    return out;
  }

  function comboboxHolds(el, iso, language) {
    const matches = countryMatcher(iso, language);
    const names = countryNames(iso, language);
    const shown = normalizeText(el.tagName === "INPUT" ? readValue(el) : el.textContent);
    if (names.has(shown)) return true;
    const active = el.getAttribute("aria-activedescendant");
    const activeEl = active && el.ownerDocument.getElementById(active);
    if (activeEl && activeEl.getAttribute("aria-selected") === "true" && matches(activeEl)) return true;
    return false;
  }

  async function chooseInCombobox(el, iso, language, wait) {
    const matches = countryMatcher(iso, language);
    const typed = displayName(iso, language);
    const find = () => optionsFor(el).find(matches) || null;
    let option = null;
    if (el.tagName === "INPUT") {
      setValue(el, typed);
      if (typeof el.focus === "function") el.focus();
      option = await wait(find, 1500);
    }
    if (!option) {
      click(el);
      option = await wait(find, 1500);
    }
    if (!option) {
      if (typeof el.focus === "function") el.focus();
      keyboard(el, "ArrowDown");
      option = await wait(find, 3000);
    }
    if (!option) return { ok: false, why: `the list offered no ${typed}` };
    if (typeof option.scrollIntoView === "function") option.scrollIntoView({ block: "nearest" });
    click(option);
    if (await wait(() => comboboxHolds(el, iso, language) || null, 500)) return { ok: true };
    // A list driven by the keyboard: walk to the option and press Enter.
    const all = optionsFor(el);
    const target = all.indexOf(option);
    if (target >= 0) {
      if (typeof el.focus === "function") el.focus();
      const active = () => el.getAttribute("aria-activedescendant");
      if (option.id) for (let i = 0; i < all.length + 2 && active() !== option.id; i++) keyboard(el, "ArrowDown");
      else for (let i = 0; i <= target; i++) keyboard(el, "ArrowDown");
      keyboard(el, "Enter");
    }
    return { ok: Boolean(await wait(() => comboboxHolds(el, iso, language) || null, 500)) };
  }

  function radioHolds(field, iso, language) {
    const matches = countryMatcher(iso, language);
    return field.radios.some((r) => (r.tagName === "INPUT" ? r.checked : r.getAttribute("aria-checked") === "true") && matches(r));
  }

  function selectHolds(el, iso, language) {
    const option = el.options[el.selectedIndex];
    return Boolean(option && el.value !== "" && countryMatcher(iso, language)(option));
  }

  async function fillCountry(field, iso, language, wait) {
    const el = field.el;
    if (field.type === "select") {
      const option = Array.from(el.options).find(countryMatcher(iso, language));
      if (!option) return false;
      setValue(el, option.value);
      return selectHolds(el, iso, language);
    }
    if (field.type === "radio") {
      const radio = field.radios.find(countryMatcher(iso, language));
      if (!radio) return false;
      click(radio);
      return radioHolds(field, iso, language);
    }
    if (field.type === "combobox") return (await chooseInCombobox(el, iso, language, wait)).ok;
    setValue(el, displayName(iso, language));
    return normalizeText(readValue(el)) === normalizeText(displayName(iso, language));
  }

  function holds(field, key, value, language) {
    if (!field || !field.el.isConnected) return false;
    if (key === "country") {
      if (field.type === "select") return selectHolds(field.el, value, language);
      if (field.type === "radio") return radioHolds(field, value, language);
      if (field.type === "combobox") return comboboxHolds(field.el, value, language);
      return normalizeText(readValue(field.el)) === normalizeText(displayName(value, language));
    }
    return normalizeText(readValue(field.el)) === normalizeText(value);
  }

  // Fills `key` and reads it back from the field as found AFTER the fill: a page that re-renders
  // on input has replaced the element by then, so the new one is read and, if it lost the value,
  // filled once more.
  async function fillOne(field, key, value, language, wait, refind) {
    for (let attempt = 0; attempt < 2 && field; attempt++) {
      if (key === "country") await fillCountry(field, value, language, wait);
      else setValue(field.el, value);
      const now = refind ? refind() : field;
      if (holds(now, key, value, language)) return true;
      field = now;
    }
    return false;
  }

  // fillForm(doc, compiled, {language, data: {profile: {emails, country, name}, justification:
  //   {text}|string}, wait, timeoutMs}) → {ok, filled, missing: [label], mismatched: [key],
  //   emailKept, reason?, scan}. Waits (bounded) for the form's fields; refuses, touching nothing,
  //   when a field the page requires cannot be filled or is not one Objector knows (named by its
  //   label); fills every field it knows and the data has; leaves the optional box empty.
  async function fillForm(doc, compiled, { language, data, wait, timeoutMs = 8000 }) {
    const root = doc.body || doc.documentElement;
    const scanNow = () => scanForm(root, compiled, language);
    let scan = await settledScan(scanNow, wait, timeoutMs);
    const result = { ok: false, filled: {}, missing: [], mismatched: [], emailKept: null, scan };
    if (!scan) return { ...result, reason: "the form did not appear" };
    const profile = (data && data.profile) || {};
    const mine = (profile.emails || []).filter(Boolean);
    const present = scan.fields.email ? readValue(scan.fields.email.el).trim() : "";
    const values = {
      email: present || mine[0] || "",
      country: profile.country || "",
      justification: justificationText(data),
      name: profile.name || "",
    };
    values.emailConfirm = values.email;
    const missingOf = (s) => [...s.required.filter((r) => !values[r.key]).map((r) => r.label), ...s.unknown.map((u) => u.label || "unnamed field")];
    result.missing = missingOf(scan);
    if (result.missing.length) return result;
    if (present && !mine.some((e) => emailMatches(e, present))) result.emailKept = present; // Meta prefilled the account's address
    // Fill, re-finding each field first (filling one may re-render the others); late fields get
    // a second pass.
    for (let pass = 0; pass < 3; pass++) {
      let touched = false;
      for (const key of FIELD_KEYS) {
        if (!values[key] || key in result.filled) continue;
        const field = scanNow().fields[key];
        if (!field) continue;
        touched = true;
        result.filled[key] = values[key];
        if ((key === "email" || key === "emailConfirm") && present && normalizeText(readValue(field.el).trim()) === normalizeText(present)) continue;
        if (!(await fillOne(field, key, values[key], language, wait, () => scanNow().fields[key]))) result.mismatched.push(key);
      }
      scan = scanNow();
      const late = missingOf(scan);
      if (late.length) return { ...result, missing: late, scan };
      if (!touched || FIELD_KEYS.every((k) => !scan.fields[k] || !values[k] || k in result.filled)) break;
    }
    if (scan.fields.optional && readValue(scan.fields.optional.el).trim() !== "") result.mismatched.push("optional");
    return { ...result, ok: result.mismatched.length === 0, scan, fields: scan.fields };
  }

  // Resolves once the page made no change for `quietMs` (at most `maxMs`): a re-render that
  // follows an input event has happened by then.
  function quiet(doc, wait, quietMs = 150, maxMs = 1500) {
    const Observer = doc.defaultView && doc.defaultView.MutationObserver;
    if (!Observer) return Promise.resolve();
    let last = Date.now();
    const observer = new Observer(() => { last = Date.now(); });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    return wait(() => Date.now() - last >= quietMs || null, maxMs).finally(() => observer.disconnect());
  }

  // verifyBeforeSend(doc, compiled, {language, filled, wait}) → {ok, problems: [key], scan}:
  //   re-finds every filled field by the same identification (a re-render may have replaced it),
  //   re-fills what no longer holds the value, and reads it back.
  async function verifyBeforeSend(doc, compiled, { language, filled, wait }) {
    const root = doc.body || doc.documentElement;
    await quiet(doc, wait);
    const problems = [];
    for (const key of FIELD_KEYS) {
      const value = filled && filled[key];
      if (!value) continue;
      let field = await wait(() => scanForm(root, compiled, language).fields[key], 1000);
      if (!field) {
        problems.push(key);
        continue;
      }
      if (holds(field, key, value, language)) continue;
      await fillOne(field, key, value, language, wait, () => scanForm(root, compiled, language).fields[key]);
      await quiet(doc, wait);
      field = scanForm(root, compiled, language).fields[key];
      if (!holds(field, key, value, language)) problems.push(key);
    }
    return { ok: problems.length === 0, problems, scan: scanForm(root, compiled, language) };
  }

  return {
    setValue, readValue, click, chooseCountry, fillFields, runObjection, waitForOutcome, makeWait, countryNames,
    scanForm, neededData, fillForm, verifyBeforeSend, findSend, answerPrestep,
  };
});
