"use strict";
// Notice sightings (issue 12, rounds): which kind of notice a page shows, and a fingerprint of its
// wording that tells one round of Meta's notice from another without anything personal leaving the
// page. Classic script (Objector.noticePrint) and a CommonJS module under Node; needs
// Objector.normalize, Objector.matcher and Objector.domScan loaded first. Pure but for the DOM it
// reads; the SHA-256 is injected (crypto.subtle in the page, node:crypto's webcrypto in tests).
//
// KINDS = ["objection", "ai-info", "ads", "other"] (host/PROTOCOL.md `notice.seen`).
// kindOf(compiled, state, page, area) → a kind or null. state = matcher.classifyPage's answer,
//   page = domScan.snapshot's, area = matcher.classifyUrl's. The objection notice (state kind
//   "notice") → "objection"; the personalised-ads near miss → "ads"; a notice page or a dialog that
//   names AI at Meta but is neither → "ai-info"; any other text on a notice path → "other"; forms,
//   confirmations and ordinary pages → null (not a notice).
// noticeRegion(doc, compiled, kind, area) → the element the notice is in (the dialog that carries
//   it, or the notice page's main region), or null when it is gone.
// printText(raw) → the text the fingerprint is taken of: e-mail addresses, web addresses, digits
//   and every word that starts with a capital letter removed (names are capitalised in every
//   language we read; so are sentence starts and German nouns — what stays is still the notice's
//   wording), then normalised (lib/normalize.js) and cut to letters and single spaces.
// formsOf(region, compiled) → the ids of Meta's objection forms the notice links to, sorted (a
//   notice whose wording stays but whose form changes is another round).
// fingerprint(raw, sha256, forms = []) → Promise<64 lower-case hex>: SHA-256 of printText(raw),
//   followed by "\nforms " and the form ids when it links to any; sha256(text) →
//   Promise<ArrayBuffer>, the digest of text's UTF-8 bytes.
// sighting(doc, compiled, kind, area, {state, sha256}) → Promise<null | {kind, language,
//   fingerprint}>: the notice's region read now (null when it is gone).
(function (factory) {
  const isNode = typeof module === "object" && module.exports;
  const deps = isNode
    ? [require("./normalize.js"), require("./matcher.js"), require("./dom-scan.js")]
    : [globalThis.Objector.normalize, globalThis.Objector.matcher, globalThis.Objector.domScan];
  const api = factory(...deps);
  if (isNode) module.exports = api;
  else globalThis.Objector.noticePrint = api;
})(function ({ normalizeText }, matcher, domScan) {
  const KINDS = Object.freeze(["objection", "ai-info", "ads", "other"]);
  const DIALOGS = "[role=dialog], [role=alertdialog], dialog[open], [aria-modal=true]";
  const EMAIL = /[^\s@<>()"']+@[^\s@<>()"']+\.[^\s@<>()"']+/g;
  const WEB = /\b(?:https?:\/\/|www\.)\S+/gi;
  const DIGITS = /\p{Nd}+/gu;
  // A word that begins with a capital (Latin, Greek, Cyrillic...): "Anna", "Schmidt", "Meta", "KI".
  const CAPITALISED = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’\-]*/gu;

  function namesAi(compiled, text) {
    if (!text) return false;
    return compiled.codes.some((code) => matcher.findCue(compiled, code, "aiAtMeta", text));
  }

  function kindOf(compiled, state, page, area) {
    if (!state || !page) return null;
    if (state.kind === "notice") return "objection";
    if (state.kind !== "none") return null;
    if (state.nearMiss === "personalisation-notice") return "ads";
    if (!area || !area.meta) return null;
    const texts = area.area === "notice" ? [page.text] : area.area === "page" ? page.dialogs || [] : [];
    if (texts.some((text) => namesAi(compiled, text))) return "ai-info";
    if (area.area === "notice" && page.text) return "other";
    return null;
  }

  // The kind a single text (a dialog's) would be, as kindOf sees a page showing only it.
  function kindOfDialog(compiled, doc, dialog) {
    const url = doc.location ? doc.location.href : doc.URL;
    const links = [...dialog.querySelectorAll("a[href]")].map((a) => a.href).filter((h) => /^https:/.test(h));
    const page = { url, lang: doc.documentElement.getAttribute("lang") || "", text: "", dialogs: [domScan.visibleText(dialog)], links, step: null };
    const area = matcher.classifyUrl(compiled, url);
    return kindOf(compiled, matcher.classifyPage(compiled, page), page, area);
  }

  function noticeRegion(doc, compiled, kind, area) {
    if (!area || !area.meta) return null;
    if (area.area === "notice") return doc.querySelector("main, [role=main]") || doc.body;
    for (const d of doc.querySelectorAll(DIALOGS)) {
      if (domScan.isShown(d) && kindOfDialog(compiled, doc, d) === kind) return d;
    }
    return null;
  }

  function printText(raw) {
    const stripped = String(raw || "")
      .replace(EMAIL, " ")
      .replace(WEB, " ")
      .replace(DIGITS, " ")
      .replace(CAPITALISED, " ");
    return normalizeText(stripped).replace(/[^\p{L}\s]+/gu, " ").replace(/\s+/g, " ").trim();
  }

  function formsOf(region, compiled) {
    const ids = new Set();
    for (const a of region.querySelectorAll("a[href]")) {
      const where = matcher.classifyUrl(compiled, a.href);
      if (where.meta && where.area === "form") ids.add(where.formId);
    }
    return [...ids].sort();
  }

  async function fingerprint(raw, sha256, forms = []) {
    const digest = await sha256(printText(raw) + (forms.length ? `\nforms ${forms.join(" ")}` : ""));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  // The notice's language: the matcher's when it knows it, else <html lang> when it is a two-letter
  // code, else English.
  function languageOf(compiled, state, lang, text) {
    if (state && typeof state.language === "string" && /^[a-z]{2}$/.test(state.language)) return state.language;
    const found = matcher.languageOf(compiled, { lang, text }) || matcher.baseLanguage(lang);
    return /^[a-z]{2}$/.test(found || "") ? found : "en";
  }

  async function sighting(doc, compiled, kind, area, { state, sha256 }) {
    const region = noticeRegion(doc, compiled, kind, area);
    if (!region) return null;
    const raw = domScan.rawText(region, true);
    const lang = doc.documentElement.getAttribute("lang") || "";
    const print = await fingerprint(raw, sha256, formsOf(region, compiled));
    return { kind, language: languageOf(compiled, state, lang, normalizeText(raw)), fingerprint: print };
  }

  return { KINDS, kindOf, noticeRegion, printText, formsOf, fingerprint, sighting };
});
