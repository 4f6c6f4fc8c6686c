"use strict";
// Meta's answer after Send, judged by what changed on the page, not by one phrase. Classic script
// (Objector.outcome); needs Objector.normalize, .matcher and .domScan. Works on any Document; it
// never changes the page.
//
// baseline(doc, compiled, language) → an opaque record of the page just before the press: the
//   form (its element, its ancestors, its controls and their validity), every visible sentence,
//   headings, live/alert/status regions, dialogs and inputs.
// judge(doc, base, compiled, language) → null while nothing recognisable changed, else
//   {status: "confirmed"|"submitted"|"awaiting-code"|"failed", reason, family, evidence}.
//   Signals: the form gone, hidden or disabled; a new or changed heading; text in [role=status],
//   [role=alert], [aria-live]; a new dialog; a new code input; validation next to a field
//   (aria-invalid, aria-describedby, text inside the form); new text elsewhere on the page while
//   the form stays (read last, never as validation). Only CHANGED text counts: a sentence
//   that was on the page before the press never does, nor does anything inside a form control or
//   a button. Sentences are matched on tokens against the language's cue families (and English):
//   validation next to a field > error > code > confirmation > acknowledged (→ "submitted") >
//   validation wording while the form is still there. A form replaced by text with no cue → null.
//   A sentence with a negation word never confirms, except "your information will not be used
//   (any more) for AI at Meta" (the rules' answer.notUsed, matched by matcher.answerCue), which
//   does unless it also says inability, refusal or a condition ("could", "rejected", "if").
// visibleAnswer(doc, base) → the evidence of what changed ({answer_text: "", found_in: "none",
//   snapshot: ""} when nothing did), for "sent, answer not recognised".
// evidence = {answer_text: ≤ 2000 characters of the changed visible text (never a control's value),
//   found_in: "field validation"|"role=status"|"role=alert"|"aria-live"|"dialog"|"h1".."h6"|
//   "heading"|"code input"|"form replaced"|"form hidden"|"form disabled"|"form"|"page",
//   snapshot: sanitised HTML of the answer region (allow-listed elements and text; attributes only
//   role, aria-live, lang, dir; no scripts, styles, URLs or values), ≤ 64 KiB}.
(function (factory) {
  const isNode = typeof module === "object" && module.exports;
  const deps = isNode
    ? [require("./normalize.js"), require("./matcher.js"), require("./dom-scan.js")]
    : [globalThis.Objector.normalize, globalThis.Objector.matcher, globalThis.Objector.domScan];
  const api = factory(...deps);
  if (isNode) module.exports = api;
  else (globalThis.Objector = globalThis.Objector || {}).outcome = api;
})(function ({ normalizeText, tokens }, matcher, domScan) {
  const MAX_ANSWER_CHARS = 2000;
  const MAX_SNAPSHOT_BYTES = 64 * 1024;
  const MAX_REASON_CHARS = 300;

  // Never read: code, media, and every kind of form control (their text is a value or a label).
  const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "OBJECT", "EMBED", "OBJECTOR-UI",
    "INPUT", "TEXTAREA", "SELECT", "OPTION", "DATALIST", "OPTGROUP", "BUTTON", "IMG", "VIDEO", "AUDIO", "CANVAS", "PICTURE", "MATH"]);
  const SKIP_ROLES = new Set(["textbox", "combobox", "listbox", "option", "searchbox", "spinbutton", "button", "slider"]);
  const BLOCK_TAGS = new Set(["P", "DIV", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "BR", "TD", "TH", "TR", "SECTION", "ARTICLE",
    "HEADER", "FOOTER", "MAIN", "ASIDE", "NAV", "LABEL", "UL", "OL", "DL", "DT", "DD", "FORM", "FIELDSET", "LEGEND", "TABLE",
    "BLOCKQUOTE", "PRE", "DIALOG", "FIGURE", "FIGCAPTION", "SUMMARY", "DETAILS", "HR"]);
  const SENTENCE_END = /(?<=[.!?;\u037E\u3002\uFF01\uFF1F])\s+|\n+/;
  const LIVE_SELECTOR = "[role=status], [role=alert], [role=alertdialog], [aria-live]:not([aria-live=off])";
  const HEADING_SELECTOR = "h1, h2, h3, h4, h5, h6, [role=heading]";
  const DIALOG_SELECTOR = "[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]";
  const STATUS_OF_FAMILY = { confirmation: "confirmed", acknowledged: "submitted", code: "awaiting-code", error: "failed", validation: "failed" };

  // --- Reading the page -------------------------------------------------------------------
  function isHiddenEl(el) {
    if (el.hidden || el.getAttribute("aria-hidden") === "true") return true;
    const inline = el.getAttribute("style");
    return Boolean(inline && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(inline));
  }

  function isSkipped(el) {
    if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
    const role = el.getAttribute("role");
    if (role && SKIP_ROLES.has(role)) return true;
    const editable = el.getAttribute("contenteditable");
    return editable !== null && editable !== "false";
  }

  function shown(el) {
    return Boolean(el && el.isConnected && domScan.isShown(el));
  }

  // The visible text of `node` as lines: block boundaries are line breaks; controls, buttons and
  // hidden parts are left out.
  function linesOf(node) {
    if (!node) return "";
    const out = [];
    const stack = [node];
    while (stack.length) {
      const n = stack.pop();
      if (typeof n === "string") {
        out.push(n);
        continue;
      }
      if (n.nodeType === 3) {
        out.push(n.data.replace(/\s+/g, " "));
        continue;
      }
      if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
      const block = n.nodeType === 1 && BLOCK_TAGS.has(n.tagName.toUpperCase());
      if (n.nodeType === 1 && n !== node && (isSkipped(n) || isHiddenEl(n) || (typeof n.checkVisibility === "function" && !n.checkVisibility()))) {
        if (block) out.push("\n");
        continue;
      }
      if (block) {
        out.push("\n");
        stack.push("\n");
      }
      const kids = n.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
    return out.join("");
  }

  // → [{raw, norm, words}] for every sentence of node's visible text.
  function sentencesOf(node) {
    const out = [];
    for (const piece of linesOf(node).split(SENTENCE_END)) {
      const raw = piece.replace(/\s+/g, " ").trim();
      if (!raw) continue;
      const norm = normalizeText(raw);
      if (!norm || !/[\p{L}\p{N}]/u.test(norm)) continue;
      out.push({ raw, norm, words: tokens(norm) });
    }
    return out;
  }

  function textKey(node) {
    return sentencesOf(node).map((s) => s.norm).join("\n");
  }

  function all(root, selector) {
    return root ? Array.from(root.querySelectorAll(selector)) : [];
  }

  function inputsOf(root) {
    return all(root, "input:not([type=hidden]), textarea, select, [contenteditable]:not([contenteditable=false]), [role=textbox]").filter(shown);
  }

  // The form: the <form> holding most visible controls, else the nearest element holding all of
  // them and the Send button. null when the page shows no control.
  function formOf(doc, compiled, language) {
    const body = doc.body || doc.documentElement;
    const controls = inputsOf(body);
    const send = domScan.findButton(body, compiled, domScan.languagesFor(compiled, language), "send");
    const counts = new Map();
    for (const c of controls) {
      const f = c.closest("form");
      if (f) counts.set(f, (counts.get(f) || 0) + 1);
    }
    let best = null;
    for (const [f, n] of counts) if (!best || n > counts.get(best)) best = f;
    if (best) return best;
    const members = send ? [...controls, send] : controls;
    if (members.length === 0) return null;
    let common = members[0].parentElement;
    while (common && !members.every((m) => common.contains(m))) common = common.parentElement;
    return common && common !== body ? common : null;
  }

  function describedText(el) {
    const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    const doc = el.ownerDocument;
    return ids.map((id) => doc.getElementById(id)).filter(shown).map((d) => linesOf(d).replace(/\s+/g, " ").trim()).filter(Boolean).join(" ");
  }

  function isDisabled(form, controls) {
    if (!form) return false;
    if (form.closest("[inert], [aria-disabled=true], fieldset[disabled]")) return true;
    const live = controls.filter((el) => el.isConnected);
    return live.length > 0 && live.every((el) => el.disabled || el.closest("fieldset[disabled], [inert], [aria-disabled=true]"));
  }

  function baseline(doc, compiled, language) {
    const body = doc.body || doc.documentElement;
    const form = formOf(doc, compiled, language);
    const controls = form ? inputsOf(form) : [];
    const chain = [];
    for (let e = form && form.parentElement; e; e = e.parentElement) chain.push(e);
    return {
      language,
      form,
      chain,
      formDisabled: isDisabled(form, controls),
      controls: new Map(controls.map((el) => [el, { invalid: el.getAttribute("aria-invalid") === "true", described: describedText(el) }])),
      inputs: new Set(inputsOf(body)),
      sentences: new Set(sentencesOf(body).map((s) => s.norm)),
      live: new Map(all(body, LIVE_SELECTOR).map((r) => [r, textKey(r)])),
      headings: new Map(all(body, HEADING_SELECTOR).map((h) => [h, textKey(h)])),
      dialogs: new Set(all(body, DIALOG_SELECTOR).filter(shown)),
    };
  }

  // --- What changed -----------------------------------------------------------------------
  function formState(base) {
    const form = base.form;
    if (!form) return "none";
    if (!form.isConnected) return "gone";
    if (!shown(form)) return "hidden";
    const stillThere = [...base.controls.keys()].some((el) => el.isConnected && form.contains(el) && shown(el));
    if (!stillThere && base.controls.size > 0 && inputsOf(form).length === 0) return "gone";
    if (!base.formDisabled && isDisabled(form, [...base.controls.keys()])) return "disabled";
    return "present";
  }

  function fresh(base, node) {
    return sentencesOf(node).filter((s) => !base.sentences.has(s.norm));
  }

  function looksLikeCode(el) {
    if (el.tagName !== "INPUT") return false;
    if ((el.getAttribute("autocomplete") || "").toLowerCase() === "one-time-code") return true;
    const max = Number(el.getAttribute("maxlength"));
    return (el.getAttribute("inputmode") || "").toLowerCase() === "numeric" && max > 0 && max <= 10;
  }

  function regionAround(el, stop) {
    let region = el.parentElement;
    for (let i = 0; i < 4 && region && region !== stop && sentencesOf(region).length === 0; i++) region = region.parentElement;
    return region || el;
  }

  // Every place where something changed since the baseline, in the order they are read:
  // [{el, found_in, sentences, fieldSignal?, codeInput?}].
  function changes(doc, base) {
    const body = doc.body || doc.documentElement;
    const state = formState(base);
    const out = [];
    const form = state === "present" || state === "disabled" ? base.form : null;
    // Validation next to a field.
    if (form) {
      for (const el of inputsOf(form)) {
        const before = base.controls.get(el);
        const invalid = el.getAttribute("aria-invalid") === "true";
        const described = describedText(el);
        const newlyInvalid = invalid && !(before && before.invalid);
        const newMessage = described && (!before || described !== before.described) && !base.sentences.has(normalizeText(described));
        if (!newlyInvalid && !newMessage) continue;
        const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
        const message = ids.map((id) => doc.getElementById(id)).find(shown);
        const label = domScan.labelOf(el);
        const sentences = described ? sentencesOf(message) : [];
        out.push({ el: message || el.parentElement || el, found_in: "field validation", sentences, invalid: newlyInvalid,
          fieldSignal: described || (label ? `${label}: invalid` : "invalid") });
      }
    }
    for (const r of all(body, LIVE_SELECTOR)) {
      if (!shown(r) || base.live.get(r) === textKey(r)) continue;
      const sentences = fresh(base, r);
      if (sentences.length === 0) continue;
      const role = r.getAttribute("role");
      out.push({ el: r, found_in: role === "status" || role === "alert" || role === "alertdialog" ? `role=${role}` : "aria-live", sentences, inForm: Boolean(form && form.contains(r)) });
    }
    for (const d of all(body, DIALOG_SELECTOR)) {
      if (!shown(d) || base.dialogs.has(d)) continue;
      const sentences = fresh(base, d);
      if (sentences.length) out.push({ el: d, found_in: "dialog", sentences });
    }
    for (const h of all(body, HEADING_SELECTOR)) {
      if (!shown(h) || base.headings.get(h) === textKey(h)) continue;
      const sentences = fresh(base, h);
      const tag = h.tagName.toLowerCase();
      if (sentences.length) out.push({ el: h, found_in: /^h[1-6]$/.test(tag) ? tag : "heading", sentences });
    }
    for (const el of inputsOf(body)) {
      if (base.inputs.has(el) || !looksLikeCode(el)) continue;
      const region = regionAround(el, body);
      out.push({ el: region, found_in: "code input", sentences: fresh(base, region), codeInput: true });
    }
    if (state === "gone" || state === "hidden") {
      const region = (base.form.isConnected && state === "gone" ? base.form : null) || base.chain.find((e) => e.isConnected && shown(e)) || body;
      out.push({ el: region, found_in: state === "gone" ? "form replaced" : "form hidden", sentences: fresh(base, region) });
    } else if (state === "disabled") {
      const region = base.chain.find((e) => e.isConnected) || body;
      out.push({ el: region, found_in: "form disabled", sentences: fresh(base, region) });
    }
    if (form) {
      const sentences = fresh(base, form);
      if (sentences.length) out.push({ el: form, found_in: "form", sentences, inForm: true });
      // New text elsewhere while the form stays (a banner without a role): read last.
      const outside = fresh(base, body).filter((s) => !out.some((r) => r.sentences.some((t) => t.norm === s.norm)));
      if (outside.length) out.push({ el: body, found_in: "page", sentences: outside });
    }
    return { state, regions: out };
  }

  // --- Judging ----------------------------------------------------------------------------
  const PRIORITY = ["error", "code", "confirmation", "acknowledged", "validation"];

  function judge(doc, base, compiled, language) {
    if (!base) return null;
    const { state, regions } = changes(doc, base);
    const langs = domScan.languagesFor(compiled, language || base.language);
    const said = (family, s) => langs.some((l) => matcher.answerCue(compiled, l, family, s.words));
    // A field marked invalid, or a message tied to a field that reads as validation or an error
    // (a character counter under the box is neither).
    const field = regions.find((r) => r.fieldSignal && (r.invalid || r.sentences.some((s) => said("validation", s) || said("error", s))));
    if (field) return verdict("validation", field.fieldSignal, field);
    const formThere = state === "present" || state === "disabled";
    const best = {};
    for (const region of regions) {
      for (const s of region.sentences) {
        for (const family of PRIORITY) {
          if (best[family]) continue;
          // Validation wording counts while the form is there, or in an alert ("no further action
          // is required" in a confirmation is not a validation error).
          if (family === "validation" && ((!formThere && !/^role=alert/.test(region.found_in)) || region.found_in === "page")) continue;
          if (said(family, s)) best[family] = { region, sentence: s };
        }
      }
      if (region.codeInput && !best.code) best.code = { region, sentence: region.sentences[0] || null };
    }
    for (const family of PRIORITY) {
      const hit = best[family];
      if (hit) return verdict(family, hit.sentence ? hit.sentence.raw : "", hit.region);
    }
    return null;
  }

  function verdict(family, reason, region) {
    return {
      status: STATUS_OF_FAMILY[family],
      family,
      reason: clip(reason, MAX_REASON_CHARS),
      evidence: evidenceOf(region),
    };
  }

  const VISIBLE_ORDER = ["field validation", "role=alert", "role=alertdialog", "role=status", "aria-live", "dialog", "code input",
    "h1", "h2", "h3", "h4", "h5", "h6", "heading", "form replaced", "form hidden", "form disabled", "form", "page"];

  function visibleAnswer(doc, base) {
    const body = doc.body || doc.documentElement;
    if (!base) return { answer_text: "", found_in: "none", snapshot: "" };
    const { regions } = changes(doc, base);
    const withText = regions.filter((r) => r.sentences.length > 0);
    withText.sort((a, b) => VISIBLE_ORDER.indexOf(a.found_in) - VISIBLE_ORDER.indexOf(b.found_in));
    if (withText.length) return evidenceOf(withText[0]);
    const sentences = fresh(base, body);
    if (sentences.length) return evidenceOf({ el: body, found_in: "page", sentences });
    return { answer_text: "", found_in: "none", snapshot: "" };
  }

  // --- Evidence ---------------------------------------------------------------------------
  function clip(text, max) {
    const s = String(text || "");
    return s.length <= max ? s : s.slice(0, max - 1) + "\u2026";
  }

  function evidenceOf(region) {
    const text = region.sentences.length ? region.sentences.map((s) => s.raw).join(" ") : linesOf(region.el).replace(/\s+/g, " ").trim();
    return { answer_text: clip(text, MAX_ANSWER_CHARS), found_in: region.found_in, snapshot: sanitizedHtml(region.el) };
  }

  const KEEP_TAGS = new Set(["div", "p", "span", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i",
    "u", "br", "section", "article", "header", "footer", "main", "aside", "small", "blockquote", "table", "thead", "tbody", "tr",
    "td", "th", "dl", "dt", "dd", "label", "legend", "fieldset", "form", "dialog", "hr", "code", "pre", "sup", "sub", "mark",
    "figure", "figcaption"]);
  const VOID_TAGS = new Set(["br", "hr"]);
  const KEEP_ATTRIBUTES = ["role", "aria-live", "lang", "dir"];

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function utf8Length(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
    }
    return n;
  }

  function openTag(el, tag) {
    let attrs = "";
    for (const name of KEEP_ATTRIBUTES) {
      const v = el.getAttribute(name);
      if (v !== null && /^[\w\s-]{0,40}$/.test(v)) attrs += ` ${name}="${escapeHtml(v)}"`;
    }
    return `<${tag}${attrs}>`;
  }

  // Elements on the allow-list keep their tag (and role/aria-live/lang/dir); other elements give
  // only their children; controls, buttons, media, code and hidden parts give nothing.
  function sanitizedHtml(root, maxBytes = MAX_SNAPSHOT_BYTES) {
    if (!root) return "";
    const parts = [];
    const open = []; // closing tags still owed, innermost last
    let used = 0;
    let reserve = 0;
    let full = false;
    const emit = (s) => {
      const n = utf8Length(s);
      if (used + n + reserve > maxBytes) {
        full = true;
        return false;
      }
      parts.push(s);
      used += n;
      return true;
    };
    const stack = [{ node: root }];
    while (stack.length && !full) {
      const item = stack.pop();
      if (item.close) {
        parts.push(item.close);
        used += utf8Length(item.close);
        reserve -= utf8Length(item.close);
        open.pop();
        continue;
      }
      const n = item.node;
      if (n.nodeType === 3) {
        const text = n.data.replace(/\s+/g, " ");
        if (text) emit(escapeHtml(text));
        continue;
      }
      if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
      if (n.nodeType === 1 && n !== root && (isSkipped(n) || isHiddenEl(n))) continue;
      if (n.nodeType === 1 && n === root && isSkipped(n)) continue;
      const tag = n.nodeType === 1 ? n.tagName.toLowerCase() : "";
      if (KEEP_TAGS.has(tag)) {
        if (!emit(openTag(n, tag))) break;
        if (VOID_TAGS.has(tag)) continue;
        const close = `</${tag}>`;
        reserve += utf8Length(close);
        open.push(close);
        stack.push({ close });
      }
      const kids = n.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] });
    }
    for (let i = open.length - 1; i >= 0; i--) parts.push(open[i]);
    return parts.join("");
  }

  return { baseline, judge, visibleAnswer, sanitizedHtml, sentencesOf, MAX_ANSWER_CHARS, MAX_SNAPSHOT_BYTES };
});
