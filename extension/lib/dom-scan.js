"use strict";
// Reads a page's DOM the way a person would: visible text, dialogs, links, form controls by their
// label or ARIA name (never by class names), buttons by their text, and which step of Meta's flow
// is on screen. Classic script (Objector.domScan); needs Objector.normalize and Objector.matcher.
// Works on any Document (a real page or jsdom); it never changes the page.
//
// visibleText(node) → normalised visible text under node (scripts, templates, hidden parts skipped).
// snapshot(doc, compiled) → {url, lang, text, dialogs, links, step} for matcher.classifyPage.
// labelOf(el, raw) → the control's accessible name, normalised (raw: as the page shows it); for a
//   control without one, the text just before it in its field's area (nearbyText).
// findFields(root, compiled, language) → {email, country, justification, optional, code} (each
//   {el, type, label} or null) and {send, yes, no, next} (elements or null). yes/no are the
//   pre-step's buttons, or its radios when they come with a continue-like button (`next`).
// aboutAiAtMeta(compiled, langs, text) → true when a short sentence of `text` (normalised) names
//   AI (a language's aiWords: a whole acronym or a stem of the long form) and Meta in any
//   inflection ("Meta", "Meti", "Metu", "Metan", "Metassa").
// pageStep(root, compiled, language) → "form" | "validation" | "prestep" | "code" | "confirmation" |
//   "acknowledged" | "error" | "loading".
// outcomeOf(root, compiled, language) → {step, status: "confirmed"|"submitted"|"awaiting-code"|
//   "failed"|null, reason}.
(function (factory) {
  const isNode = typeof module === "object" && module.exports;
  const deps = isNode ? [require("./normalize.js"), require("./matcher.js")] : [globalThis.Objector.normalize, globalThis.Objector.matcher];
  const api = factory(...deps);
  if (isNode) module.exports = api;
  else (globalThis.Objector = globalThis.Objector || {}).domScan = api;
})(function ({ normalizeText, containsCue, tokens }, matcher) {
  const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "svg", "SVG", "IFRAME", "OBJECTOR-UI"]);
  const CONTROL_SELECTOR = [
    "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=checkbox]):not([type=radio])",
    "textarea", "select", "[contenteditable=true]", "[contenteditable='']", "[role=textbox]", "[role=combobox]",
  ].join(",");
  const BUTTON_SELECTOR = "button, [role=button], input[type=submit], input[type=button], a[role=link]";

  function isHidden(el) {
    if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
    const inline = el.getAttribute("style");
    if (inline && /display\s*:\s*none/i.test(inline)) return true;
    if (typeof el.checkVisibility === "function") return !el.checkVisibility();
    return false;
  }

  // Whether el and all its ancestors are shown; the browser's checkVisibility covers ancestors in
  // one call where it exists (jsdom has none: inline styles and attributes are checked there).
  function isShown(el) {
    if (!el || el.closest("[hidden], [aria-hidden=true], template, script, style, noscript")) return false;
    if (typeof el.checkVisibility === "function") return el.checkVisibility();
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) if (isHidden(e)) return false;
    return true;
  }

  // Raw visible text of node; `skipControls` leaves out select options and typed values.
  function rawText(node, skipControls) {
    const out = [];
    const stack = [node];
    while (stack.length) {
      const n = stack.pop();
      if (n.nodeType === 3) {
        out.push(n.data);
        continue;
      }
      if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
      if (n.nodeType === 1) {
        if (SKIP_TAGS.has(n.tagName) || isHidden(n)) continue;
        if (skipControls && (n.tagName === "SELECT" || n.tagName === "TEXTAREA" || n.getAttribute("role") === "listbox")) continue;
      }
      const kids = n.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      if (n.nodeType === 1 && /^(P|DIV|LI|H[1-6]|BR|TD|TR|SECTION|ARTICLE|LABEL|BUTTON)$/.test(n.tagName)) out.push(" ");
    }
    return out.join("");
  }

  function visibleText(node) {
    return normalizeText(rawText(node, false));
  }

  function dialogElements(doc) {
    return Array.from(doc.querySelectorAll("[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]")).filter((d) => isShown(d));
  }

  function linksOf(root) {
    const links = [];
    for (const a of root.querySelectorAll("a[href]")) {
      if (a.href && /^https:/.test(a.href)) links.push(a.href);
    }
    return links;
  }

  // The accessible name of a control: aria-labelledby, aria-label, its <label>s, a wrapping
  // <label>, then placeholder and title. "" when it has none (then it is not guessed at).
  function labelOf(el, raw = false) {
    const doc = el.ownerDocument;
    const parts = [];
    const by = el.getAttribute("aria-labelledby");
    if (by) {
      for (const id of by.split(/\s+/)) {
        const t = id && doc.getElementById(id);
        if (t) parts.push(rawText(t, true));
      }
    }
    if (!parts.length && el.getAttribute("aria-label")) parts.push(el.getAttribute("aria-label"));
    if (!parts.length && el.labels && el.labels.length) for (const l of el.labels) parts.push(rawText(l, true));
    if (!parts.length) {
      const wrap = el.closest("label");
      if (wrap) parts.push(rawText(wrap, true));
    }
    if (!parts.length && el.id) {
      for (const l of doc.querySelectorAll("label[for]")) if (l.htmlFor === el.id) parts.push(rawText(l, true));
    }
    if (!parts.length && el.getAttribute("placeholder")) parts.push(el.getAttribute("placeholder"));
    if (!parts.length && el.getAttribute("title")) parts.push(el.getAttribute("title"));
    if (!parts.length || !parts.join("").trim()) parts.push(nearbyText(el));
    return raw ? parts.join(" ").replace(/\s+/g, " ").trim() : normalizeText(parts.join(" "));
  }

  const FIELD_AREA = "input:not([type=hidden]), textarea, select, [contenteditable]:not([contenteditable=false]), [role=textbox], [role=combobox], [role=radiogroup], [role=radio], [aria-haspopup=listbox]";

  // The text just before `el` inside its field's area (a <div> or <span> above the control), for a
  // control with no label of its own. Never crosses into another field's area, nor out of a form.
  function nearbyText(el) {
    let node = el;
    for (let depth = 0; depth < 3 && node && node.parentElement; depth++) {
      for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
        if (sib.nodeType === 3) {
          const t = sib.data.replace(/\s+/g, " ").trim();
          if (t) return t.length <= 200 ? t : "";
          continue;
        }
        if (sib.nodeType !== 1 || !isShown(sib)) continue;
        if (sib.matches(FIELD_AREA) || sib.querySelector(FIELD_AREA)) return "";
        const t = rawText(sib, true).replace(/\s+/g, " ").trim();
        if (t) return t.length <= 200 ? t : "";
      }
      node = node.parentElement;
      if (!node || /^(FORM|BODY|FIELDSET)$/.test(node.tagName)) break;
    }
    return "";
  }

  function typeOf(el) {
    const tag = el.tagName;
    if (tag === "SELECT") return "select";
    if (el.getAttribute("role") === "combobox") return "combobox";
    if (tag === "TEXTAREA") return "box";
    if (tag !== "INPUT") return el.getAttribute("role") === "textbox" && el.getAttribute("aria-multiline") !== "true" && !el.isContentEditable ? "text" : "box";
    const t = (el.getAttribute("type") || "text").toLowerCase();
    return t === "email" ? "email" : "text";
  }

  function isRequired(el) {
    return el.required === true || el.getAttribute("aria-required") === "true";
  }

  function controlsOf(root) {
    const out = [];
    for (const el of root.querySelectorAll(CONTROL_SELECTOR)) {
      if (out.some((c) => c.el.contains(el))) continue; // an inner node of a contenteditable box
      if (!isShown(el) || el.disabled) continue;
      out.push({ el, type: typeOf(el), label: labelOf(el), required: isRequired(el) });
    }
    return out;
  }

  function languagesFor(compiled, language) {
    return [...new Set([language, "en"].filter((l) => l && compiled.languages[l]))];
  }

  function cueIn(compiled, langs, category, text) {
    for (const l of langs) {
      const cue = matcher.findCue(compiled, l, category, text);
      if (cue) return cue;
    }
    return null;
  }

  function buttonText(el) {
    return normalizeText(el.getAttribute("aria-label") || el.value || el.textContent);
  }

  // A visible button whose whole text is one of the category's cues ("send", "senden"); with
  // `prefix`, also one whose text starts with a cue followed by a comma or the end of a word, as
  // short as a button ("Yes, it does", "Ja, genau"); `evenDisabled`: also a disabled one.
  function findButton(root, compiled, langs, category, prefix = false, evenDisabled = false) {
    const wanted = new Set();
    for (const l of langs) for (const cue of compiled.languages[l].cues[category]) wanted.add(cue);
    let starting = null;
    for (const el of root.querySelectorAll(BUTTON_SELECTOR)) {
      if ((el.textContent || "").length > 80 && !el.getAttribute("aria-label")) continue; // not a one-word button
      const text = buttonText(el);
      const exact = wanted.has(text);
      const starts = !exact && prefix && !starting && text.length <= 30 && [...wanted].some((cue) => text.startsWith(cue) && /^[,.!\s]/.test(text.slice(cue.length)));
      if (!exact && !starts) continue;
      if (!isShown(el) || (!evenDisabled && (el.disabled || el.getAttribute("aria-disabled") === "true"))) continue;
      if (exact) return el;
      starting = el;
    }
    return starting;
  }

  // The pre-step asked with radios: a yes radio and a no radio of one group (by name, radiogroup
  // or fieldset), each named by its label → {yes, no} or null.
  function yesNoRadios(root, compiled, langs) {
    const radios = Array.from(root.querySelectorAll("input[type=radio], [role=radio]")).filter((r) => isShown(r) && !r.disabled);
    if (radios.length < 2) return null;
    const nameOf = (r) => (r.tagName === "INPUT" ? labelOf(r) : normalizeText(r.getAttribute("aria-label") || r.textContent));
    const isCue = (text, category) => langs.some((l) => compiled.languages[l].cues[category].some((cue) =>
      text === cue || (text.length <= 30 && text.startsWith(cue) && /^[,.!\s]/.test(text.slice(cue.length)))));
    const groupOf = (r) => (r.tagName === "INPUT" && r.name) ? `name:${r.name}` : r.closest("[role=radiogroup], fieldset, form") || r.parentElement;
    for (const yes of radios) {
      if (!isCue(nameOf(yes), "yes")) continue;
      const group = groupOf(yes);
      const no = radios.find((r) => r !== yes && groupOf(r) === group && isCue(nameOf(r), "no"));
      if (no) return { yes, no };
    }
    return null;
  }

  // Meta in any inflection: "met" and a vowel, at most eight letters, not a common word of that shape.
  const META_WORD = /^met[aiuoey][\p{L}]{0,4}$/u;
  const NOT_META = /^(metal|meteo|metod|meter|metr|metho|meto$)/;
  const MAX_QUESTION_WORDS = 30;

  function aboutAiAtMeta(compiled, langs, text) {
    const stems = [];
    for (const l of langs) for (const cue of compiled.languages[l].cues.aiWords || []) stems.push(tokens(cue));
    for (const sentence of String(text || "").split(/[.?!;\u037E]+/)) {
      const words = tokens(sentence);
      if (words.length === 0 || words.length > MAX_QUESTION_WORDS) continue;
      if (!words.some((w) => META_WORD.test(w) && !NOT_META.test(w))) continue;
      const ai = stems.some((stem) => {
        if (stem.length === 1 && stem[0].length <= 3) return words.includes(stem[0]);
        for (let i = 0; i + stem.length <= words.length; i++) if (stem.every((s, j) => words[i + j].startsWith(s))) return true;
        return false;
      });
      if (ai) return true;
    }
    return false;
  }

  function byLabel(controls, compiled, langs, category, types) {
    return controls.find((c) => types.includes(c.type) && c.label && cueIn(compiled, langs, category, c.label)) || null;
  }

  function findFields(root, compiled, language, text) {
    const langs = languagesFor(compiled, language);
    const controls = controlsOf(root);
    const boxes = controls.filter((c) => c.type === "box");
    const email = byLabel(controls, compiled, langs, "email", ["email", "text"]) ||
      only(controls.filter((c) => c.type === "email" || (c.el.getAttribute("autocomplete") || "") === "email"));
    const country = byLabel(controls, compiled, langs, "country", ["select", "combobox", "text"]) ||
      only(controls.filter((c) => c.type === "select" || c.type === "combobox"));
    let justification = byLabel(boxes, compiled, langs, "justification", ["box"]) || only(boxes.filter((c) => c.required));
    if (!justification && boxes.length === 1) justification = boxes[0]; // 2025: the one (optional) box is for the reason
    const optional = boxes.find((c) => c !== justification && cueIn(compiled, langs, "optional", c.label)) || null;
    const code = only(controls.filter((c) => (c.el.getAttribute("autocomplete") || "") === "one-time-code")) ||
      (cueIn(compiled, langs, "code", text === undefined ? visibleText(root) : text) ? only(controls.filter((c) => c.type === "text")) : null);
    let yes = findButton(root, compiled, langs, "yes", true);
    let no = findButton(root, compiled, langs, "no", true);
    // `next` may be disabled until a choice is made: it is looked for either way, and given usable.
    const next = findButton(root, compiled, langs, "next", true);
    if (!yes && (next || findButton(root, compiled, langs, "next", true, true))) {
      const radios = yesNoRadios(root, compiled, langs);
      if (radios) ({ yes, no } = radios);
    }
    return { email, country, justification, optional, code, send: findButton(root, compiled, langs, "send"), yes, no, next };
  }

  function only(list) {
    return list.length === 1 ? list[0] : null;
  }

  function pageStep(root, compiled, language, knownText) {
    const langs = languagesFor(compiled, language);
    const text = knownText === undefined ? visibleText(root) : knownText;
    const fields = findFields(root, compiled, language, text);
    if (fields.code && cueIn(compiled, langs, "code", text)) return "code";
    if (fields.email || fields.justification) {
      return cueIn(compiled, langs, "validationError", text) ? "validation" : "form";
    }
    if (cueIn(compiled, langs, "code", text)) return "code";
    if (cueIn(compiled, langs, "confirmation", text)) return "confirmation";
    if (cueIn(compiled, langs, "acknowledged", text)) return "acknowledged";
    if (cueIn(compiled, langs, "genericError", text)) return "error";
    if (cueIn(compiled, langs, "validationError", text)) return "validation";
    // The yes/no question: our wording of it, or a Yes control on a page about AI at Meta that
    // shows no form field; or, worded any way, a short question naming AI and Meta with a yes and
    // a no control.
    if (fields.yes && (cueIn(compiled, langs, "preStep", text) || cueIn(compiled, langs, "aiAtMeta", text))) return "prestep";
    if (fields.yes && fields.no && aboutAiAtMeta(compiled, langs, text)) return "prestep";
    return "loading";
  }

  const STATUS_OF_STEP = { confirmation: "confirmed", acknowledged: "submitted", code: "awaiting-code", validation: "failed", error: "failed" };
  const REASON_CATEGORY = { validation: "validationError", error: "genericError" };

  // The sentence on screen that carries `cue`, as the page shows it (for the user and the record).
  function sentenceWith(root, cue) {
    const walker = root.ownerDocument.createTreeWalker(root, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!isShown(n.parentElement)) continue;
      if (containsCue(normalizeText(n.data), cue)) return n.data.trim().slice(0, 300);
    }
    return cue;
  }

  function outcomeOf(root, compiled, language) {
    const step = pageStep(root, compiled, language);
    const status = STATUS_OF_STEP[step] || null;
    let reason = "";
    if (REASON_CATEGORY[step]) {
      const cue = cueIn(compiled, languagesFor(compiled, language), REASON_CATEGORY[step], visibleText(root));
      reason = cue ? sentenceWith(root, cue) : step;
    }
    return { step, status, reason };
  }

  // What the matcher needs, and no more: on a form or notice page the whole visible text; on any
  // other Meta page only the dialogs (a notice elsewhere is always a dialog), so a long feed is
  // not read at all; off Meta's hosts nothing.
  function snapshot(doc, compiled) {
    const body = doc.body || doc.documentElement;
    const lang = doc.documentElement.getAttribute("lang") || "";
    const url = doc.location ? doc.location.href : doc.URL;
    const page = { url, lang, text: "", dialogs: [], links: [], step: null };
    const where = matcher.classifyUrl(compiled, url);
    if (!where.meta) return page;
    if (where.area === "page") {
      for (const d of dialogElements(doc)) {
        page.dialogs.push(visibleText(d));
        page.links.push(...linksOf(d));
      }
      return page;
    }
    page.text = visibleText(body);
    page.links = linksOf(body);
    if (where.area === "form") {
      const language = matcher.languageOf(compiled, { lang, text: page.text }) || "en";
      page.step = pageStep(body, compiled, language, page.text);
    }
    return page;
  }

  return { visibleText, rawText, labelOf, aboutAiAtMeta, yesNoRadios, nearbyText, controlsOf, findFields, findButton, buttonText, cueIn, pageStep, outcomeOf, snapshot, isShown, languagesFor, BUTTON_SELECTOR };
});
