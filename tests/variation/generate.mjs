#!/usr/bin/env node
// Page-variation generator (issue 9): from each fixture family — Privacy Centre notice, in-app
// notice dialog, 2024 form, 2025 form, Instagram form, third-party form, pre-step, outcomes — it
// builds pages that differ as Meta's pages may, each with what the product must make of it.
// Pure and deterministic: the same seed gives byte-identical pages.
//
//   generate({seed, perFamily}) → [variant]
//   variant = {id, family, url, language, html, traits: {...}, formUrl?,
//              expect: {kind, platform, formKind, language, step?, status?, profile, sent?}}
//     expect.sent: {fieldName: value} the page must have submitted (prefilled email kept,
//     the person's email otherwise, country as ISO code, the justification, the name; the
//     optional box empty); expect.status: confirmed | submitted | awaiting-code | failed.
//   writeFolder(dir, variants) → writes <id>.html and a pages.json the fixture server serves.
//
//   node tests/variation/generate.mjs --out DIR [--seed N] [--per-family N] [--family F]
//
// What varies: wording (phrases.mjs: our own per language, or Meta's as in the fixtures), field
// order, missing optional fields (no country, no second box, a name field or not), country as
// <select> (ISO values or names only) / typed ARIA combobox / click-opened combobox rendered late /
// radio, textarea / contenteditable, label / wrapping label / aria-label / aria-labelledby /
// placeholder / nearby text, required marked by attribute, aria-required or a "*", late rendering
// (0.3–3 s), a re-render after the first input, the pre-step, Send as button / role=button /
// input[type=submit], and Meta's answer after Send (kind, wording, heading / role=status /
// role=alert / plain text, replace or disable, after 0–1.5 s). Pages are self-contained (inline
// CSS and scripts only). 26 languages.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PHRASES } from "./phrases.mjs";
import { FORM_SCRIPT, FEED_SCRIPT, LATE_SCRIPT } from "./page-script.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const META = JSON.parse(readFileSync(join(here, "..", "fixtures", "strings.json"), "utf8")).languages;
export const LANGUAGES = Object.keys(JSON.parse(readFileSync(join(here, "..", "..", "extension", "rules", "languages.json"), "utf8")).languages);

export const FAMILIES = ["notice-page", "notice-dialog", "form-2024", "form-2025", "instagram", "third-party", "prestep", "outcome"];
export const FORMS = { fb2024: "6359191084165019", fb2025: "712876720715583", ig2025: "767264225370182", ig2024: "233964459562201", thirdParty: "1266025207620918" };
export const META_PREFILLED_EMAIL = "meta.account@example.com";
let P = PHRASES; // the wordings of the current generate() call (a held-out set may replace ours)
const COUNTRIES = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT",
  "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"];

// mulberry32: small, seeded, the same on every machine.
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const htmlLang = (code) => (code === "no" ? "nb" : code);
const countryName = (lang, iso) => new Intl.DisplayNames([htmlLang(lang)], { type: "region" }).of(iso);
const host = (lang) => `${META[lang].locale}.facebook.com`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f0f2f5;color:#1c1e21}
.x1{max-width:720px;margin:24px auto;background:#fff;border-radius:8px;padding:20px 24px}
label,.x2{display:block;font-weight:600;margin:14px 0 4px}
input:not([type=radio]),select,textarea,[contenteditable]{width:100%;box-sizing:border-box;padding:8px;border:1px solid #ccd0d5;border-radius:6px;font:inherit}
[contenteditable]{min-height:80px}
button,[role=button],input[type=submit]{display:inline-block;margin-top:16px;padding:8px 16px;border:0;border-radius:6px;background:#1877f2;color:#fff;font-weight:600;cursor:pointer}
div[role=combobox]{border:1px solid #ccd0d5;border-radius:6px;padding:8px;cursor:pointer}
[role=listbox]{border:1px solid #ccd0d5;max-height:240px;overflow:auto}
[role=option]{padding:6px 8px;cursor:pointer}
[role=dialog],dialog{position:fixed;inset:10% 20%;background:#fff;padding:24px;border-radius:8px;box-shadow:0 8px 24px rgba(0,0,0,.3)}
.x-err{color:#be4b49}`;

function page({ lang, title, body, config, templates = "", script = "" }) {
  return `<!DOCTYPE html>
<html lang="${htmlLang(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${config ? `<script type="application/json" id="x-config">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>` : ""}
${templates}
${script ? `<script>${script}</script>` : ""}
</body>
</html>
`;
}

// Either Meta's wording (as the fixtures have it) or ours: half the pages each.
function wording(r, lang) {
  return r.chance(0.5) ? "ours" : "meta";
}

// --- Fields ----------------------------------------------------------------------------------
const LABEL_STYLES = ["for", "wrap", "aria-label", "aria-labelledby", "placeholder", "nearby"];

// One labelled control. control({attrs}) returns the control's HTML given its labelling attributes.
function labelled(ctx, style, text, control, { required, mark }) {
  const id = `${ctx.prefix}f${++ctx.n}`;
  const shown = esc(text) + (required && mark === "star" ? " *" : "");
  switch (style) {
    case "for":
      return `<div data-x-field><label for="${id}">${shown}</label>${control(`id="${id}"`)}</div>`;
    case "wrap":
      return `<div data-x-field><label><span>${shown}</span>${control("")}</label></div>`;
    case "aria-label":
      return `<div data-x-field><div class="x2" aria-hidden="true">${shown}</div>${control(`aria-label="${esc(text)}"`)}</div>`;
    case "aria-labelledby":
      return `<div data-x-field><div class="x2" id="${id}l">${shown}</div>${control(`aria-labelledby="${id}l"`)}</div>`;
    case "placeholder":
      return `<div data-x-field>${control(`placeholder="${esc(text)}"`)}</div>`;
    default: // nearby text: a caption before the control, not tied to it
      return `<div data-x-field><div class="x2">${shown}</div><div>${control("")}</div></div>`;
  }
}

function requiredAttr(required, mark, editable) {
  if (!required) return "";
  if (mark === "attr") return editable ? ' aria-required="true"' : " required";
  if (mark === "aria") return ' aria-required="true"';
  return "";
}

function emailControl(ctx, f) {
  const type = f.control === "email" ? 'type="email"' : f.control === "text-autocomplete" ? 'type="text" autocomplete="email"' : 'type="text"';
  return labelled(ctx, f.style, f.label, (a) =>
    `<input ${type} name="${f.name}" ${a}${f.prefilled ? ` value="${esc(f.prefilled)}"` : ""}${requiredAttr(f.required, f.mark)}>`, f);
}

function nameControl(ctx, f) {
  return labelled(ctx, f.style, f.label, (a) => `<input type="text" name="${f.name}" autocomplete="name" ${a}${requiredAttr(f.required, f.mark)}>`, f);
}

function boxControl(ctx, f) {
  return labelled(ctx, f.style, f.label, (a) => f.control === "contenteditable"
    ? `<div contenteditable="true" role="textbox" aria-multiline="true" data-name="${f.name}" ${a}${requiredAttr(f.required, f.mark, true)}></div>`
    : `<textarea name="${f.name}" rows="4" ${a}${requiredAttr(f.required, f.mark)}></textarea>`, f);
}

function countryControl(ctx, f, lang) {
  const names = COUNTRIES.map((iso) => [iso, countryName(lang, iso)]).sort((a, b) => a[1].localeCompare(b[1], htmlLang(lang)));
  const list = `${ctx.prefix}lb${++ctx.n}`;
  switch (f.control) {
    case "select-iso":
    case "select-names":
      return labelled(ctx, f.style, f.label, (a) => `<select name="${f.name}" ${a}${requiredAttr(f.required, f.mark)}><option value="" data-iso="">—</option>${names
        .map(([iso, n], i) => `<option value="${f.control === "select-iso" ? iso : 1000 + i}" data-iso="${iso}">${esc(n)}</option>`).join("")}</select>`, f);
    case "combobox-typed":
      return labelled(ctx, f.style === "wrap" ? "aria-labelledby" : f.style, f.label, (a) =>
        `<input type="text" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${list}" name="${f.name}" ${a}${requiredAttr(f.required, f.mark)}>
<div role="listbox" id="${list}" hidden>${names.map(([iso, n]) => `<div role="option" data-iso="${iso}" hidden>${esc(n)}</div>`).join("")}</div>`, f);
    case "combobox-click": {
      const style = ["placeholder", "wrap"].includes(f.style) ? "aria-labelledby" : f.style;
      return labelled(ctx, style, f.label, (a) =>
        `<div role="combobox" tabindex="0" aria-haspopup="listbox" aria-expanded="false" aria-controls="${list}" data-name="${f.name}" ${a}${requiredAttr(f.required, f.mark, true)}><span data-shown>${esc(f.choose)}</span></div>`, f);
    }
    default: { // radio group
      const legend = `${ctx.prefix}lg${++ctx.n}`;
      return `<div data-x-field role="radiogroup" aria-labelledby="${legend}"${f.required && f.mark !== "star" ? ' aria-required="true"' : ""}><div class="x2" id="${legend}">${esc(f.label)}${f.required && f.mark === "star" ? " *" : ""}</div>${names
        .map(([iso, n]) => { const id = `${ctx.prefix}r${++ctx.n}`; return `<div><input type="radio" name="${f.name}" id="${id}" value="${iso}"><label for="${id}">${esc(n)}</label></div>`; }).join("")}</div>`;
    }
  }
}

function fieldHtml(ctx, f, lang) {
  if (f.key === "email") return emailControl(ctx, f);
  if (f.key === "name") return nameControl(ctx, f);
  if (f.key === "country") return countryControl(ctx, f, lang);
  return boxControl(ctx, f);
}

function sendHtml(kind, label) {
  if (kind === "submit") return `<input type="submit" value="${esc(label)}" data-action="send">`;
  if (kind === "role") return `<div role="button" tabindex="0" data-action="send">${esc(label)}</div>`;
  return `<button type="button" data-action="send">${esc(label)}</button>`;
}

// --- Meta's answer after Send ----------------------------------------------------------------
const ANSWER_STATUS = { confirmed: "confirmed", received: "submitted", code: "awaiting-code", invalid: "failed", error: "failed" };

function answerConfig(r, lang, kind) {
  const p = P[lang];
  const m = META[lang];
  const ours = wording(r, lang) === "ours";
  let text;
  if (kind === "confirmed") text = ours ? r.pick(p.confirmed) : m.confirmation;
  else if (kind === "received") text = r.pick(p.received);
  else if (kind === "code") text = ours ? p.code : m.code;
  else if (kind === "invalid") text = ours ? p.invalid : m.validation;
  else text = ours ? r.pick(p.error) : m.serverError;
  const where = kind === "invalid" ? "field" : r.pick(kind === "error" ? ["alert", "plain", "heading"] : ["heading", "status", "plain", "alert"]);
  let html;
  if (kind === "code") {
    const otc = r.chance(0.5);
    html = `<div><p>${esc(text)}</p><label for="x-code">${esc(ours ? p.codeLabel : m.codeLabel)}</label><input id="x-code" name="code" type="text"${otc ? ' autocomplete="one-time-code"' : ' inputmode="numeric" pattern="[0-9]*"'}>
<button type="button" data-action="code">${esc(m.codeSubmit)}</button></div>`;
  } else if (where === "heading") html = `<div><h2>${esc(text)}</h2></div>`;
  else if (where === "status") html = `<div role="status"><p>${esc(text)}</p></div>`;
  else if (where === "alert") html = `<div role="alert"><p class="x-err">${esc(text)}</p></div>`;
  else html = `<div><span>${esc(text)}</span></div>`;
  const config = { kind, text, html, mode: kind === "invalid" ? "field" : r.pick(["replace", "replace", "disable"]), delayMs: r.pick([0, 200, 600, 1500]) };
  return {
    config,
    trait: { answer: kind, where, wording: ours ? "ours" : "meta", answerMode: config.mode, answerDelay: config.delayMs },
    status: ANSWER_STATUS[kind],
  };
}

// --- Forms -----------------------------------------------------------------------------------
const PROFILE_COUNTRIES = ["DE", "FR", "IE", "PL", "IT", "NL", "ES", "SE", "AT", "FI"];

// spec: {round: "2024"|"2025", platform, formKind, formId, url, country, secondBox, name, prestep,
//        answer: kind}; everything else is drawn from r.
function formVariant(r, id, family, lang, spec) {
  const p = P[lang];
  const m = META[lang];
  const ours = () => wording(r, lang) === "ours";
  const style = r.pick(LABEL_STYLES);
  const mixed = r.chance(0.3);
  const pickStyle = () => (mixed ? r.pick(LABEL_STYLES) : style);
  const mark = r.pick(["attr", "aria", "star"]);
  const profile = { emails: [`person.${lang}@example.org`], country: r.pick(PROFILE_COUNTRIES), name: "Ada Example" };
  const justification = `(${lang}) I object under Article 21 GDPR to the use of my information for AI at Meta.`;
  const fields = [];
  const prefilled = spec.round === "2025" && r.chance(0.5) ? META_PREFILLED_EMAIL : "";
  fields.push({ key: "email", name: "email", label: ours() ? p.email : m.email, style: pickStyle(), required: true, mark,
    control: r.pick(["email", "email", "text-autocomplete", "text"]), prefilled });
  if (spec.country) {
    fields.push({ key: "country", name: "Field1091243", label: ours() ? p.country : m.country, style: pickStyle(), required: true, mark,
      control: spec.countryControl || r.pick(["select-iso", "select-names", "combobox-typed", "combobox-click", "radio"]), choose: "…" });
  }
  if (spec.round === "2024") {
    fields.push({ key: "justification", name: "Field1540367", label: ours() ? p.reason : m.justification, style: pickStyle(), required: true, mark,
      control: r.pick(["textarea", "contenteditable"]) });
    if (spec.secondBox) fields.push({ key: "optional", name: "Field1540368", label: ours() ? p.optional : m.optional, style: pickStyle(), required: false, mark, control: r.pick(["textarea", "contenteditable"]) });
  } else {
    // 2025: the one box (its label says optional) is where the reason goes.
    fields.push({ key: "justification", name: "Field2001", label: ours() ? p.optional : m.optional, style: pickStyle(), required: false, mark,
      control: r.pick(["textarea", "contenteditable"]) });
  }
  if (spec.name) fields.push({ key: "name", name: "Field1130452", label: p.name, style: pickStyle(), required: true, mark, control: "text" });
  const ordered = r.chance(0.5) ? r.shuffle(fields) : fields;
  const ctx = { prefix: "", n: 0 };
  const sendKind = r.pick(["button", "role", "submit"]);
  const sendLabel = r.chance(0.7) ? m.send : r.pick(p.send);
  const answerKind = spec.answer || "confirmed";
  const answer = answerConfig(r, lang, answerKind);
  const lateMs = r.chance(0.35) ? r.pick([300, 800, 1500, 3000]) : 0;
  const rerender = r.chance(0.35);
  const prestep = Boolean(spec.prestep);
  const prestepOurs = prestep && ours();
  const prestepText = prestep ? (prestepOurs ? p.prestep : m.prestep) : "";
  const yesLabel = prestep && r.chance(0.25) ? p.yes[0] : m.yes;
  const yesKind = r.pick(["role", "button"]);
  const yes = yesKind === "role" ? `<div role="button" tabindex="0" data-action="yes">${esc(yesLabel)}</div>` : `<button type="button" data-action="yes">${esc(yesLabel)}</button>`;
  const no = `<div role="button" tabindex="0" data-action="no">${esc(m.no)}</div>`;
  const title = spec.title || m.title;
  const body = `<div class="x1" role="main">
<h1>${esc(title)}</h1>
${spec.intro ? `<p>${esc(spec.intro)}</p>` : ""}
<div id="x-root"></div>
</div>`;
  const templates = `<template id="x-form"><form action="/ajax/help/contact/submit/page" method="post">
${ordered.map((f) => fieldHtml(ctx, f, lang)).join("\n")}
${sendHtml(sendKind, sendLabel)}
</form></template>
<template id="x-prestep"><div><p>${esc(prestepText)}</p>${yes} ${no}</div></template>`;
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const config = {
    prestep, lateMs, rerender, listMs: r.pick([200, 600, 1200]),
    countries: COUNTRIES.map((iso) => [iso, countryName(lang, iso)]).sort((a, b) => a[1].localeCompare(b[1], htmlLang(lang))),
    required, emailName: "email", invalidText: p.invalid, requiredText: p.required,
    messageTag: r.pick(["div", "span"]), messageRole: r.pick(["alert", ""]), noText: "",
    answer: answer.config, afterCode: `<div role="status"><p>${esc(r.pick(p.confirmed))}</p></div>`,
  };
  const html = page({ lang, title, body, config, templates, script: FORM_SCRIPT });
  const sent = {};
  for (const f of fields) {
    if (f.key === "email") sent.email = prefilled || profile.emails[0];
    if (f.key === "country") sent[f.name] = profile.country;
    if (f.key === "justification") sent[f.name] = justification;
    if (f.key === "optional") sent[f.name] = "";
    if (f.key === "name") sent[f.name] = profile.name;
  }
  const byKey = Object.fromEntries(fields.map((f) => [f.key, f.name]));
  return {
    id, family, url: spec.url, language: lang, html,
    traits: {
      round: spec.round, labels: mixed ? "mixed" : style, required: mark, order: ordered.map((f) => f.key).join(","),
      email: fields[0].control + (prefilled ? "+prefilled" : ""),
      country: spec.country ? fields.find((f) => f.key === "country").control : "absent",
      box: fields.find((f) => f.key === "justification").control, secondBox: Boolean(spec.secondBox), name: Boolean(spec.name),
      send: sendKind, sendLabel: sendLabel === m.send ? "meta" : "ours", late: lateMs, rerender, prestep: prestep ? `question ${prestepOurs ? "ours" : "meta"}, yes ${yesLabel === m.yes ? "meta" : "ours"} as ${yesKind}` : false,
      ...answer.trait,
    },
    expect: {
      kind: "form", platform: spec.platform, formKind: spec.formKind, formId: spec.formId, round: spec.round, language: lang,
      step: prestep ? "prestep" : "form", status: answer.status, profile, justification, prefilled: prefilled || null,
      fields: byKey, sent, answerText: answer.config.text,
    },
  };
}

function form2024(r, id, lang, extra = {}) {
  return formVariant(r, id, extra.family || "form-2024", lang, {
    round: "2024", platform: "facebook", formKind: "own", formId: FORMS.fb2024,
    url: `https://${r.chance(0.8) ? host(lang) : "www.facebook.com"}/help/contact/${FORMS.fb2024}`,
    country: r.chance(0.8), secondBox: r.chance(0.6), name: r.chance(0.25), ...extra,
  });
}

function form2025(r, id, lang, extra = {}) {
  return formVariant(r, id, extra.family || "form-2025", lang, {
    round: "2025", platform: "facebook", formKind: "own", formId: FORMS.fb2025,
    url: `https://${r.chance(0.8) ? host(lang) : "www.facebook.com"}/help/contact/${FORMS.fb2025}`,
    country: r.chance(0.25), secondBox: false, name: r.chance(0.15), prestep: r.chance(0.3), ...extra,
  });
}

function instagram(r, id, lang) {
  const round = r.pick(["2024", "2025"]);
  const formId = round === "2024" ? FORMS.ig2024 : FORMS.ig2025;
  return formVariant(r, id, "instagram", lang, {
    round, platform: "instagram", formKind: "own", formId, url: `https://help.instagram.com/contact/${formId}`,
    country: round === "2024" ? true : r.chance(0.3), countryControl: r.chance(0.6) ? r.pick(["combobox-typed", "combobox-click"]) : undefined,
    secondBox: round === "2024" && r.chance(0.5), name: r.chance(0.2), prestep: round === "2025" && r.chance(0.4),
  });
}

// The third-party form is known in English only (tests/fixtures): English page, any locale host.
function thirdParty(r, id, hostLang) {
  return formVariant(r, id, "third-party", "en", {
    round: "2024", platform: "facebook", formKind: "third_party", formId: FORMS.thirdParty,
    url: `https://${r.chance(0.5) ? host(hostLang) : "www.facebook.com"}/help/contact/${FORMS.thirdParty}`,
    title: "Data subject rights for third-party information used for AI at Meta",
    intro: "Use this form if you want to object to, access, correct or delete third-party information about you that Meta uses for AI.",
    country: r.chance(0.8), secondBox: r.chance(0.5), name: r.chance(0.5),
  });
}

function prestep(r, id, lang) {
  return r.chance(0.75) ? form2025(r, id, lang, { family: "prestep", prestep: true })
    : formVariant(r, id, "prestep", lang, { round: "2025", platform: "instagram", formKind: "own", formId: FORMS.ig2025,
      url: `https://help.instagram.com/contact/${FORMS.ig2025}`, country: false, prestep: true });
}

function outcomeVariant(r, id, lang, i) {
  const kinds = ["confirmed", "received", "code", "invalid", "error"];
  const answer = kinds[i % kinds.length];
  return r.chance(0.5) ? form2024(r, id, lang, { family: "outcome", answer }) : form2025(r, id, lang, { family: "outcome", answer, prestep: false });
}

// --- Notices ---------------------------------------------------------------------------------
function linked(text, href) {
  return esc(text).replace(/\{([^}]*)\}/, (_m, t) => `<a href="${href}">${t}</a>`);
}

function noticeText(r, lang) {
  const ours = wording(r, lang) === "ours";
  return { text: ours ? r.pick(P[lang].notice) : META[lang].notice, wording: ours ? "ours" : "meta" };
}

function noticePage(r, id, lang) {
  const instagram = r.chance(0.2);
  const url = instagram ? "https://privacycenter.instagram.com/privacy/genai/"
    : `https://${r.chance(0.7) ? host(lang) : "www.facebook.com"}${r.pick(["/privacy/genai/", "/privacy/genai", "/privacy/center/genai/"])}`;
  const formUrl = instagram ? `https://help.instagram.com/contact/${FORMS.ig2025}` : `https://${new URL(url).hostname}/help/contact/${FORMS.fb2025}`;
  const { text, wording: w } = noticeText(r, lang);
  const link = r.pick(["form", "form", "form-query", "none"]);
  const href = link === "none" ? `https://${new URL(url).hostname}/privacy/center/` : link === "form-query" ? `${formUrl}?ref=privacy_center&entry=${r.int(1, 9)}` : formUrl;
  const heading = r.chance(0.5) ? (META[lang].noticeHeading || META[lang].title) : META[lang].title;
  const lateMs = r.chance(0.3) ? r.pick([300, 1000, 2500]) : 0;
  const inner = `<h1>${esc(heading)}</h1>
<p>${linked(text, href)}</p>
<p>${r.chance(0.5) ? "<span>Meta Privacy Centre</span>" : ""}</p>`;
  const body = lateMs ? `<div class="x1" role="main" id="x-root"><div aria-busy="true"></div></div>` : `<div class="x1" role="main">${inner}</div>`;
  const html = page({ lang, title: heading, body, config: lateMs ? { lateMs } : null,
    templates: lateMs ? `<template id="x-late">${inner}</template>` : "", script: lateMs ? LATE_SCRIPT : "" });
  return {
    id, family: "notice-page", url, language: lang, html, formUrl,
    traits: { platform: instagram ? "instagram" : "facebook", wording: w, link, late: lateMs },
    expect: { kind: "notice", platform: instagram ? "instagram" : "facebook", formKind: "own", language: lang, step: "notice-page" },
  };
}

function noticeDialog(r, id, lang) {
  const instagram = r.chance(0.3);
  const url = instagram ? "https://www.instagram.com/" : `https://${r.pick(["www.facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"])}/`;
  const formUrl = instagram ? `https://help.instagram.com/contact/${FORMS.ig2025}` : `https://www.facebook.com/help/contact/${FORMS.fb2025}`;
  const { text, wording: w } = noticeText(r, lang);
  const link = r.pick(["form", "form", "none"]);
  const href = link === "none" ? "https://www.facebook.com/privacy/center/" : formUrl;
  const container = r.pick(["role-dialog", "aria-modal", "dialog-element"]);
  const content = `<h2>${esc(instagram ? "Instagram" : "Meta")}</h2><p>${linked(text, href)}</p><div role="button" tabindex="0">${esc(r.pick(["OK", "×"]))}</div>`;
  const dialog = container === "role-dialog" ? `<div role="dialog" aria-label="Meta">${content}</div>`
    : container === "aria-modal" ? `<div aria-modal="true" role="dialog">${content}</div>` : `<dialog open>${content}</dialog>`;
  const dialogMs = r.pick([300, 800, 1500, 3000]);
  const posts = Array.from({ length: r.int(20, 120) }, (_, i) => `<article><p>Post ${i}: someone shared a photo.</p></article>`).join("");
  const body = `<div class="x1"><span id="x-clock">0</span></div><div class="x1" role="feed" id="x-feed">${posts}</div>`;
  const html = page({ lang, title: instagram ? "Instagram" : "Facebook", body, config: { dialogMs },
    templates: `<template id="x-dialog">${dialog}</template>`, script: FEED_SCRIPT });
  return {
    id, family: "notice-dialog", url, language: lang, html, formUrl,
    traits: { platform: instagram ? "instagram" : "facebook", wording: w, link, container, dialogMs, feed: "never-quiet" },
    expect: { kind: "notice", platform: instagram ? "instagram" : "facebook", formKind: "own", language: lang, step: "notice-dialog" },
  };
}

// --- Everything ------------------------------------------------------------------------------
const BUILDERS = {
  "notice-page": noticePage, "notice-dialog": noticeDialog,
  "form-2024": (r, id, lang) => form2024(r, id, lang), "form-2025": (r, id, lang) => form2025(r, id, lang),
  instagram, "third-party": thirdParty, prestep, outcome: outcomeVariant,
};

// perFamily variants of each family; languages rotate so that every family covers all 26.
// `phrases`: other wordings in phrases.mjs's shape (a held-out set kept out of the tree, to measure
// the rules on words nobody tuned them to); `languages`: the languages to rotate through.
export function generate({ seed = 9, perFamily = 40, families = FAMILIES, phrases = PHRASES, languages = LANGUAGES } = {}) {
  P = phrases;
  const out = [];
  families.forEach((family) => {
    const fi = FAMILIES.indexOf(family);
    const r = prng(seed * 1000 + fi + 1);
    for (let i = 0; i < perFamily; i++) {
      const lang = languages[(i * 11 + fi * 5) % languages.length];
      const id = `${family}-${String(i).padStart(3, "0")}-${lang}`;
      const v = BUILDERS[family](r, id, lang, i);
      v.id = `${family}-${String(i).padStart(3, "0")}-${v.language}`;
      out.push(v);
    }
  });
  return out;
}

// Files for the fixture server: <id>.html and pages.json ({pages: [{file, url, language, ...}]}).
// URLs must be unique in one folder: the caller picks variants that do not collide.
// `extra`: more pages as {file, url, language, html} (the feed page, say).
export function writeFolder(dir, variants, extra = []) {
  mkdirSync(dir, { recursive: true });
  const urls = new Map();
  for (const v of [...variants, ...extra.map((e) => ({ ...e, id: e.file.replace(/\.html$/, "") }))]) {
    const key = new URL(v.url).host + new URL(v.url).pathname.replace(/\/$/, "");
    if (urls.has(key)) throw new Error(`writeFolder: ${v.id} and ${urls.get(key)} share ${v.url}`);
    urls.set(key, v.id);
    writeFileSync(join(dir, `${v.id}.html`), v.html);
  }
  const pages = [...variants.map((v) => ({ file: `${v.id}.html`, url: v.url, language: v.language, kind: v.expect.kind, family: v.family })),
    ...extra.map((e) => ({ file: e.file, url: e.url, language: e.language }))];
  writeFileSync(join(dir, "pages.json"), JSON.stringify({ _comment: "Generated by tests/variation/generate.mjs", pages }, null, 2) + "\n");
}

function main(argv) {
  const arg = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
  const out = arg("--out");
  if (!out) {
    console.error("usage: generate.mjs --out DIR [--seed N] [--per-family N] [--family F]");
    return 2;
  }
  const family = arg("--family");
  const variants = generate({ seed: Number(arg("--seed", 9)), perFamily: Number(arg("--per-family", 40)), families: family ? [family] : FAMILIES });
  const seen = new Set();
  const unique = variants.filter((v) => { const k = v.url.replace(/\/$/, ""); if (seen.has(k)) return false; seen.add(k); return true; });
  writeFolder(out, unique);
  writeFileSync(join(out, "variants.json"), JSON.stringify(variants.map(({ html, ...v }) => v), null, 2) + "\n");
  console.log(`${unique.length} pages with distinct URLs written to ${out} (of ${variants.length}; all in variants.json)`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
