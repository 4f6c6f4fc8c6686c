// Blind pages: Meta-like notice pages, in-app notices, objection forms and answers, written by an
// engineer who has not read Objector's rules, scanner, filler, outcome reader, phrase tables,
// generator or fixtures — only meta-process.md and the harness contract (session-run.mjs: kind,
// URL, profile, `window.__xSent`, `__xRefused`, `[data-x-msg]`). Wording in lang.mjs; page scripts
// in runtime.mjs. Deterministic: every page is built from the table below, class names and ids
// from a seeded generator.
//
//   BLIND_PAGES = [{id, family, url, language, html, traits, expect: {kind, platform, formKind,
//     language, status?, profile?, sent?, justification?}}]
//   families: notice-page, notice-dialog, form-2024, form-2025, instagram, third-party, prestep,
//   outcome (6 each, 26 languages between them) and near-miss (6, expect.kind "none": the product
//   must offer no control, fill nothing and record nothing).
import { LANGS, L, optionalWord } from "./lang.mjs";
import { FORM_RUNTIME, NOTICE_RUNTIME, FEED_RUNTIME } from "./runtime.mjs";

export const FAMILIES = ["notice-page", "notice-dialog", "form-2024", "form-2025", "instagram", "third-party", "prestep", "outcome"];
const FORM_IDS = { fb2024: "6359191084165019", fb2025: "712876720715583", ig2025: "767264225370182", thirdParty: "1266025207620918" };

// --- seeded helpers -------------------------------------------------------------------------
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function hashOf(s) {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  return h >>> 0;
}
function kit(id) {
  const r = rng(hashOf(id));
  let ids = 0;
  const word = () => "x" + Math.floor(r() * 36 ** 6).toString(36).padStart(5, "0");
  return {
    cls: (n = 3) => Array.from({ length: n }, word).join(" "),
    uid: () => `:r${(++ids).toString(36)}${Math.floor(r() * 36).toString(36)}:`,
    digits: (n) => String(1 + Math.floor(r() * 9)) + Array.from({ length: n - 1 }, () => Math.floor(r() * 10)).join(""),
  };
}
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// --- countries as Meta might list them: localised names, sorted in the page's language ---------
const COUNTRY_CODES = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IE", "IT",
  "LV", "LI", "LT", "LU", "MT", "NL", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "CH", "GB", "US"];
function countries(lang) {
  const loc = lang === "no" ? "nb" : lang;
  const dn = new Intl.DisplayNames([loc], { type: "region" });
  return COUNTRY_CODES.map((c) => [c, dn.of(c)])
    .map(([c, n]) => [c, n.charAt(0).toLocaleUpperCase(loc) + n.slice(1)])
    .sort((a, b) => a[1].localeCompare(b[1], loc));
}
function localeHost(lang) {
  const p = L[lang].person.country.toLowerCase();
  if (lang === "en") return "en-gb.facebook.com";
  if (lang === "no") return "nb-no.facebook.com";
  return `${lang}-${p}.facebook.com`;
}

// --- page shell --------------------------------------------------------------------------------
const STYLE = `body{margin:0;font-family:system-ui,sans-serif;background:#f0f2f5;color:#1c1e21}
[role=button]{cursor:pointer;display:inline-block;padding:8px 16px;border-radius:6px;background:#0866ff;color:#fff}
[aria-disabled=true]{opacity:.5}input,textarea,select,[contenteditable]{display:block;width:100%;box-sizing:border-box;border:1px solid #ccd0d5;border-radius:6px;padding:8px;min-height:36px}
[role=dialog]{position:fixed;top:10%;left:50%;transform:translateX(-50%);max-width:520px;background:#fff;border-radius:8px;padding:16px;box-shadow:0 12px 28px rgba(0,0,0,.2)}
[role=listbox]{background:#fff;border:1px solid #ccd0d5;max-height:240px;overflow:auto}[role=option]{padding:6px 8px}
.toast{position:fixed;bottom:16px;left:16px;background:#242526;color:#fff;padding:12px 16px;border-radius:8px}`;

function shell({ lang, title, body, config, script, k, templates = "" }) {
  return `<!DOCTYPE html>
<html lang="${lang}" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body class="${k.cls(2)}"><div id="mount_0_0_${k.digits(2)}" class="${k.cls(1)}">${body}</div>${templates}
<script type="application/json" data-sjs>${JSON.stringify(config).replace(/</g, "\\u003c")}</script>
<script>${script}</script></body></html>`;
}
const logo = (platform, k) => `<div role="banner" class="${k.cls(4)}"><a href="/" aria-label="${platform === "instagram" ? "Instagram" : "Facebook"}" class="${k.cls(2)}"><svg viewBox="0 0 36 36" width="40" height="40" aria-hidden="true"><circle cx="18" cy="18" r="18"></circle></svg></a></div>`;
const skeleton = (k) => `<div class="${k.cls(3)}"><div role="progressbar" aria-busy="true" aria-valuemin="0" aria-valuemax="100" aria-valuetext="Loading..." class="${k.cls(2)}"></div></div>`;
const heading = (text, level, how, k) => how === "role"
  ? `<div role="heading" aria-level="${level}" class="${k.cls(3)}"><span class="${k.cls(2)}">${esc(text)}</span></div>`
  : `<h${level} class="${k.cls(2)}"><span>${esc(text)}</span></h${level}>`;

// --- form fields ---------------------------------------------------------------------------
// f = {key, kind, label, required, how (for|wrap|aria|labelledby|placeholder|nearby), mark
//      (attr|aria|star|none), prefill?}; returns the row's HTML and the runtime's field entry.
function fieldRow(f, k, lang) {
  const id = k.uid();
  const lblId = `${id}-l`;
  const star = f.required && f.mark === "star" ? " *" : "";
  const req = f.required && f.mark === "attr" ? " required" : f.required && f.mark === "aria" ? ` aria-required="true"` : "";
  const text = esc(f.label) + star;
  const labelAttr = f.how === "aria" ? ` aria-label="${text}"` : f.how === "labelledby" ? ` aria-labelledby="${lblId}"` : "";
  const ph = f.how === "placeholder" ? ` placeholder="${text}"` : "";
  const nameAttr = f.named === false ? "" : ` name="${f.key}"`;
  let ctl;
  if (f.kind === "email") ctl = `<input type="${f.typeText ? "text" : "email"}" id="${id}"${nameAttr} autocomplete="email" inputmode="email" class="${k.cls(4)}"${labelAttr}${ph}${req}${f.readonly ? " readonly" : ""}>`;
  else if (f.kind === "text") ctl = `<input type="text" id="${id}"${nameAttr} autocomplete="name" class="${k.cls(4)}"${labelAttr}${ph}${req}>`;
  else if (f.kind === "box") ctl = `<textarea id="${id}"${nameAttr} rows="6" maxlength="5000" class="${k.cls(4)}"${labelAttr}${ph}${req}></textarea>`;
  else if (f.kind === "editable") ctl = `<div id="${id}" contenteditable="true" role="textbox" aria-multiline="true" spellcheck="true" tabindex="0" class="${k.cls(5)}"${labelAttr || ` aria-labelledby="${lblId}"`}${req}></div>`;
  else if (f.kind === "select") {
    // Option values are ISO codes, or (f.numeric) Meta's own numbers that say nothing of the country.
    const opts = countries(lang).map(([c, n], i) => `<option value="${f.numeric ? 100 + i : c}"${f.prefill === c ? " selected" : ""}>${esc(n)}</option>`).join("");
    ctl = `<select id="${id}"${nameAttr} class="${k.cls(3)}"${labelAttr}${req}><option value=""></option>${opts}</select>`;
  } else if (f.kind === "combo-typed") {
    const opts = countries(lang).map(([c, n], i) => `<li role="option" id="${id}-t${i}" data-value="${c}" aria-selected="false" hidden>${esc(n)}</li>`).join("");
    ctl = `<input type="text" role="combobox" id="${id}" autocomplete="off" aria-autocomplete="list" aria-expanded="false" aria-controls="${id}-lb" class="${k.cls(4)}"${labelAttr}${ph}${req}><ul role="listbox" id="${id}-lb" class="${k.cls(2)}" hidden>${opts}</ul>`;
  } else if (f.kind === "combo-click") {
    ctl = `<div role="combobox" id="${id}" tabindex="0" aria-haspopup="listbox" aria-expanded="false" aria-controls="${id}-lb" class="${k.cls(5)}"${labelAttr || ` aria-labelledby="${lblId}"`}${req}><span class="${k.cls(2)}"></span><i aria-hidden="true" class="${k.cls(1)}"></i></div>`;
  } else if (f.kind === "radio") {
    ctl = `<div role="radiogroup" id="${id}" class="${k.cls(2)}"${labelAttr || ` aria-labelledby="${lblId}"`}${req}>${f.choices.map(([v, t]) => `<label class="${k.cls(2)}"><input type="radio" name="${f.key}" value="${v}"><span>${esc(t)}</span></label>`).join("")}</div>`;
  }
  let row;
  if (f.how === "for" && !["editable", "combo-click", "radio"].includes(f.kind)) row = `<label for="${id}" class="${k.cls(3)}"><span>${text}</span></label><div class="${k.cls(2)}">${ctl}</div>`;
  else if (f.how === "wrap" && !["editable", "combo-click", "radio"].includes(f.kind)) row = `<label class="${k.cls(3)}"><span class="${k.cls(2)}">${text}</span><div class="${k.cls(2)}">${ctl}</div></label>`;
  else if (f.how === "aria" || f.how === "placeholder") row = `<div class="${k.cls(2)}">${ctl}</div>`;
  else row = `<div class="${k.cls(3)}"><span id="${lblId}" class="${k.cls(2)}" dir="auto">${text}</span></div><div class="${k.cls(2)}">${ctl}</div>`;
  return {
    html: `<div id="${id}-row" class="${k.cls(3)}">${row}</div>`,
    field: { key: f.key, id, kind: f.kind, required: Boolean(f.required), step: "form", ...(f.prefill != null ? { prefill: f.prefill } : {}) },
  };
}

function sendButton(how, label, k) {
  const id = k.uid();
  if (how === "submit") return { id, html: `<button type="submit" id="${id}" class="${k.cls(4)}"><span>${esc(label)}</span></button>` };
  if (how === "button") return { id, html: `<button type="button" id="${id}" class="${k.cls(4)}">${esc(label)}</button>` };
  if (how === "div-aria") return { id, html: `<div role="button" tabindex="0" id="${id}" aria-label="${esc(label)}" class="${k.cls(5)}"><div class="${k.cls(2)}"><span class="${k.cls(2)}">${esc(label)}</span></div></div>` };
  return { id, html: `<div role="button" tabindex="0" id="${id}" class="${k.cls(5)}"><div class="${k.cls(3)}"><span class="${k.cls(2)}"><span class="${k.cls(1)}">${esc(label)}</span></span></div></div>` };
}

// Meta's answers, as HTML for the runtime.
function answerHtml(kind, mode, t, k) {
  const text = { confirm: [t.okH, t.okT], ack: [null, t.ack], server: [null, t.srvErr] }[kind];
  const [h, p] = text;
  if (mode === "toast") {
    const role = kind === "server" ? "alert" : "status";
    return `<div class="toast ${k.cls(3)}" role="${role}" aria-live="${role === "alert" ? "assertive" : "polite"}"><span>${esc(p)}</span></div>`;
  }
  if (mode === "live") return `<span>${h ? `${esc(h)}. ` : ""}${esc(p)}</span>`;
  if (mode === "status") return `<div role="status" class="${k.cls(4)}">${h ? `<strong>${esc(h)}</strong> ` : ""}<span>${esc(p)}</span></div>`;
  return `<div class="${k.cls(4)}">${h ? heading(h, 2, "h", k) : ""}<div class="${k.cls(2)}" dir="auto">${esc(p)}</div><a href="/help" class="${k.cls(2)}">Help Centre</a></div>`;
}

function preStep(kind, t, k, actions) {
  const q = heading(t.q, 3, kind === "buttons" ? "role" : "h", k);
  if (kind === "buttons") {
    const y = k.uid(), n = k.uid();
    actions[y] = "yes";
    actions[n] = "no";
    return `<div class="${k.cls(3)}">${q}<div class="${k.cls(2)}"><div role="button" tabindex="0" id="${y}" class="${k.cls(4)}"><span>${esc(t.yes)}</span></div> <div role="button" tabindex="0" id="${n}" class="${k.cls(4)}"><span>${esc(t.no)}</span></div></div></div>`;
  }
  if (kind === "links") {
    const y = k.uid(), n = k.uid();
    actions[y] = "yes";
    actions[n] = "no";
    return `<div class="${k.cls(3)}">${q}<ul class="${k.cls(2)}"><li><a href="#" role="button" id="${y}" class="${k.cls(3)}">${esc(t.yes)}</a></li><li><a href="#" role="button" id="${n}" class="${k.cls(3)}">${esc(t.no)}</a></li></ul></div>`;
  }
  // radios + Next
  const nx = k.uid();
  actions[nx] = "next";
  return `<div class="${k.cls(3)}"><fieldset class="${k.cls(2)}"><legend>${esc(t.q)}</legend><label><input type="radio" name="__pre" value="yes"> ${esc(t.yes)}</label><label><input type="radio" name="__pre" value="no"> ${esc(t.no)}</label></fieldset><div role="button" tabindex="0" id="${nx}" class="${k.cls(4)}"><span>${esc(t.next)}</span></div></div>`;
}

// One form page. spec = {id, family, lang, host, formId, platform, formKind, fields: [field spec],
//   send, wrapForm, gate, lateMs, rerender, remountMs, pre, answer: {kind, mode, delayMs},
//   intro, titleHow, status}
function formPage(spec) {
  const t = L[spec.lang];
  const k = kit(spec.id);
  const actions = {};
  const rows = spec.fields.map((f) => fieldRow(f, k, spec.lang));
  const send = sendButton(spec.send, t.send, k);
  actions[send.id] = "send";
  const title = spec.title || t.fTitle;
  const intro = spec.intro ? `<div class="${k.cls(2)}" dir="auto"><p>${esc(spec.intro)}</p></div>` : "";
  const liveId = k.uid();
  const live = spec.answer.mode === "live" ? `<div role="status" aria-live="polite" id="${liveId}" class="${k.cls(2)}"></div>` : "";
  const inner = `${live}${rows.map((r) => r.html).join("")}<div class="${k.cls(3)}">${send.html}</div>`;
  const formHtml = `<div class="${k.cls(4)}">${heading(title, 2, spec.titleHow || "h", k)}${intro}${spec.wrapForm
    ? `<form method="post" action="/ajax/help/contact/submit/page" novalidate class="${k.cls(2)}">${inner}</form>`
    : `<div class="${k.cls(2)}">${inner}</div>`}</div>`;
  const steps = { form: formHtml };
  if (spec.pre) steps.pre = `<div class="${k.cls(4)}">${heading(title, 2, "h", k)}${preStep(spec.pre, t, k, actions)}</div>`;
  if (spec.answer.kind === "code") {
    const cid = k.uid(), bid = k.uid();
    actions[bid] = "code";
    const body = `${heading(t.codeLabel, 2, "h", k)}<p dir="auto">${esc(t.code)}</p><label for="${cid}">${esc(t.codeLabel)}</label>${spec.answer.codeHow === "plain" ? `<input id="${cid}" type="text" maxlength="8" class="${k.cls(3)}">` : `<input id="${cid}" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" class="${k.cls(3)}">`}<div role="button" tabindex="0" id="${bid}" class="${k.cls(4)}"><span>${esc(t.confirm)}</span></div>`;
    steps.code = spec.answer.mode === "dialog"
      ? `<div class="${k.cls(2)}"><div role="dialog" aria-modal="true" aria-label="${esc(t.codeLabel)}" class="${k.cls(4)}">${body}</div></div>`
      : `<div class="${k.cls(4)}">${body}</div>`;
  }
  const mount = `x${k.digits(6)}`;
  const config = {
    mount, liveId, fields: rows.map((r) => r.field), steps, actions, sendId: send.id, gate: Boolean(spec.gate),
    lateMs: spec.lateMs || 0, rerender: spec.rerender || "none", remountMs: spec.remountMs || 500, listMs: spec.listMs || 150,
    countries: countries(spec.lang), choose: "—", layerClass: k.cls(3), msgClass: k.cls(3), msgRole: spec.msgRole || "alert",
    requiredText: t.req, invalidText: t.badEmail, noHtml: `<div class="${k.cls(2)}"><p><a href="/help">Help Centre</a></p></div>`,
    answer: { kind: spec.answer.kind, mode: spec.answer.mode, delayMs: spec.answer.delayMs ?? 400, text: t.badEmail, route: spec.answer.route || null,
      html: ["confirm", "ack", "server"].includes(spec.answer.kind) ? answerHtml(spec.answer.kind, spec.answer.mode, t, k) : "" },
  };
  const body = `${logo(spec.platform, k)}<div role="main" class="${k.cls(3)}"><div id="${mount}" class="${k.cls(2)}">${skeleton(k)}</div></div>`;
  const html = shell({ lang: spec.lang, title: spec.platform === "instagram" ? "Instagram Help Centre" : "Facebook", body, config, script: FORM_RUNTIME, k });
  const p = t.person;
  const sent = {};
  for (const f of spec.fields) {
    if (f.kind === "email") sent[f.key] = f.prefill != null ? f.prefill : p.email;
    else if (f.numeric) sent[f.key] = String(100 + countries(spec.lang).findIndex(([c]) => c === p.country));
    else if (["select", "combo-typed", "combo-click"].includes(f.kind)) sent[f.key] = p.country; // a preselected guess is corrected
    else if (f.kind === "text") sent[f.key] = p.name;
    else if (f.role === "reason") sent[f.key] = t.just;
    else sent[f.key] = "";
  }
  return {
    id: spec.id, family: spec.family, language: spec.lang,
    url: `https://${spec.host}/${spec.platform === "instagram" ? "contact" : "help/contact"}/${spec.formId}`,
    html,
    traits: { fields: spec.fields.map((f) => `${f.role || f.kind}:${f.kind}/${f.how}/${f.required ? f.mark : "opt"}`), send: spec.send, form: Boolean(spec.wrapForm),
      gate: Boolean(spec.gate), lateMs: spec.lateMs || 0, rerender: spec.rerender || "none", pre: spec.pre || null, answer: spec.answer },
    expect: { kind: "form", platform: spec.platform, formKind: spec.formKind, language: spec.lang, status: spec.status,
      profile: { emails: spec.emails || [p.email], country: p.country, name: p.name }, sent, justification: t.just },
  };
}

// Field specs, by role.
const F = {
  email: (t, how, mark, extra = {}) => ({ role: "email", key: extra.key || "email", kind: "email", label: t.email, required: true, how, mark, ...extra }),
  country: (t, kind, how, mark, key, preselect, numeric) => ({ role: "country", key, kind, label: t.country, required: true, how, mark, ...(preselect ? { prefill: preselect } : {}), ...(numeric ? { numeric: true } : {}) }),
  reason: (t, kind, how, mark, key, required = true, lang) => ({ role: "reason", key, kind, label: required ? t.reason : `${t.reason} (${optionalWord(lang)})`, required, how, mark }),
  other: (t, kind, how, key) => ({ role: "other", key, kind, label: t.opt, required: false, how, mark: "none" }),
  name: (t, how, mark, key) => ({ role: "name", key, kind: "text", label: t.name, required: true, how, mark }),
  details: (t, kind, how, mark, key) => ({ role: "reason", key, kind, label: t.tpDetails, required: true, how, mark }),
};

// --- notices -------------------------------------------------------------------------------
function noticeBody(t, linkHtml) {
  return esc(t.nBody).replace("{link}", linkHtml);
}
function noticePage({ id, lang, host, platform, linkHow, lateMs, remountMs, titleHow }) {
  const t = L[lang];
  const k = kit(id);
  const form = platform === "instagram" ? `https://help.instagram.com/contact/${FORM_IDS.ig2025}` : linkHow === "relative" ? `/help/contact/${FORM_IDS.fb2025}` : `https://www.facebook.com/help/contact/${FORM_IDS.fb2025}`;
  const link = linkHow === "role-link"
    ? `<span role="link" tabindex="0" class="${k.cls(3)}">${esc(t.nLink)}</span>`
    : `<a href="${form}" target="_blank" rel="noopener" class="${k.cls(3)}">${esc(t.nLink)}</a>`;
  const mount = `x${k.digits(6)}`;
  const tpl = `tpl${k.digits(4)}`;
  const article = `<div class="${k.cls(3)}"><div role="navigation" class="${k.cls(2)}"><ul><li><a href="/privacy/center/">Privacy Centre</a></li><li><a href="/privacy/genai/">AI</a></li></ul></div>
<div role="main" class="${k.cls(4)}">${heading(t.nTitle, 1, titleHow, k)}<div class="${k.cls(2)}" dir="auto"><p>${noticeBody(t, link)}</p></div>
<div class="${k.cls(2)}" dir="auto"><p>${esc(t.okT.split(". ")[0])}.</p></div></div>`;
  const body = `${logo(platform, k)}<div id="${mount}" class="${k.cls(2)}">${skeleton(k)}</div>`;
  const html = shell({ lang, title: platform === "instagram" ? "Instagram Privacy Centre" : "Privacy Centre", body, k,
    config: { mount, template: tpl, lateMs, remountMs: remountMs || 0 }, script: NOTICE_RUNTIME,
    templates: `<template id="${tpl}">${article}</template>` });
  return {
    id, family: "notice-page", language: lang, url: `https://${host}/privacy/genai/`, html,
    traits: { host, linkHow, lateMs, remountMs: remountMs || 0, titleHow },
    expect: { kind: "notice", platform, formKind: null, language: lang },
  };
}

const FEED_TEXTS = ["🌅", "Great weekend at the lake!", "Happy birthday! 🎉", "New recipe tonight", "Match day ⚽", "Throwback"];
function feedPage({ id, lang, platform, dialog, family = "notice-dialog", expectKind = "notice", posts = "" }) {
  const t = L[lang];
  const k = kit(id);
  const feedId = `f${k.digits(5)}`, clockId = `c${k.digits(5)}`, tpl = `tpl${k.digits(4)}`;
  const body = `${logo(platform, k)}<div role="navigation" class="${k.cls(3)}"><span id="${clockId}" class="${k.cls(1)}"></span></div>
<div role="main" class="${k.cls(3)}"><div role="feed" id="${feedId}" class="${k.cls(2)}">${posts}</div></div>`;
  const html = shell({ lang, title: platform === "instagram" ? "Instagram" : "Facebook", body, k,
    config: { feed: feedId, clock: clockId, template: tpl, dialogMs: dialog ? dialog.ms : null, dialogLateMs: dialog ? dialog.lateMs || 0 : 0,
      closeLabel: dialog ? dialog.closeLabel || t.close : t.close, postClass: k.cls(4), authors: ["Alex", "Sam", "Kim", "Robin"], texts: FEED_TEXTS },
    script: FEED_RUNTIME,
    templates: dialog ? `<template id="${tpl}">${dialog.html(k)}</template>` : "" });
  return {
    id, family, language: lang, url: platform === "instagram" ? "https://www.instagram.com/" : "https://www.facebook.com/", html,
    traits: dialog ? { dialogMs: dialog.ms, dialogLateMs: dialog.lateMs || 0, how: dialog.how } : { feedOnly: true },
    expect: { kind: expectKind, platform, formKind: null, language: lang },
  };
}
function noticeDialog({ id, lang, platform, ms, lateMs, how, linkHow }) {
  const t = L[lang];
  const form = platform === "instagram" ? `https://help.instagram.com/contact/${FORM_IDS.ig2025}` : `https://www.facebook.com/help/contact/${FORM_IDS.fb2025}`;
  return feedPage({ id, lang, platform, dialog: { ms, lateMs, how, html: (k) => {
    const hid = k.uid();
    const link = linkHow === "role-link" ? `<span role="link" tabindex="0" class="${k.cls(3)}">${esc(t.nLink)}</span>` : `<a href="${form}" target="_blank" class="${k.cls(3)}">${esc(t.nLink)}</a>`;
    const label = how === "labelledby" ? ` aria-labelledby="${hid}"` : ` aria-label="${esc(t.nTitle)}"`;
    return `<div class="${k.cls(3)}"><div class="${k.cls(2)}" aria-hidden="false"><div role="dialog" aria-modal="true"${label} class="${k.cls(5)}">
<div class="${k.cls(2)}">${how === "labelledby" ? `<h2 id="${hid}" class="${k.cls(2)}"><span>${esc(t.nTitle)}</span></h2>` : `<div class="${k.cls(2)}"><span>${esc(t.nTitle)}</span></div>`}</div>
<div data-late class="${k.cls(3)}"><div dir="auto"><span>${noticeBody(t, link)}</span></div></div>
<div class="${k.cls(2)}"><div role="button" tabindex="0" aria-label="${esc(t.close)}" class="${k.cls(4)}"><span>${esc(t.close)}</span></div></div></div></div></div>`;
  } } });
}

// --- the table ----------------------------------------------------------------------------
function langFor(familyIndex, i) { return LANGS[(familyIndex * 6 + i) % LANGS.length]; }

function build() {
  const pages = [];
  const lg = (fi, i) => langFor(fi, i);

  // notice-page
  [
    { host: "www.facebook.com", platform: "facebook", linkHow: "absolute", lateMs: 400, titleHow: "h" },
    { host: "LOCALE", platform: "facebook", linkHow: "relative", lateMs: 1200, titleHow: "role" },
    { host: "privacycenter.instagram.com", platform: "instagram", linkHow: "absolute", lateMs: 800, titleHow: "h", remountMs: 500 },
    { host: "m.facebook.com", platform: "facebook", linkHow: "role-link", lateMs: 2000, titleHow: "h" },
    { host: "privacycenter.instagram.com", platform: "instagram", linkHow: "absolute", lateMs: 300, titleHow: "role" },
    { host: "web.facebook.com", platform: "facebook", linkHow: "absolute", lateMs: 2500, titleHow: "h", remountMs: 700 },
  ].forEach((v, i) => {
    const lang = lg(0, i);
    pages.push(noticePage({ id: `np-${i}-${lang}`, lang, ...v, host: v.host === "LOCALE" ? localeHost(lang) : v.host }));
  });

  // notice-dialog
  [
    { platform: "facebook", ms: 600, how: "labelledby", linkHow: "absolute" },
    { platform: "instagram", ms: 1500, how: "aria", linkHow: "absolute" },
    { platform: "facebook", ms: 3000, lateMs: 700, how: "labelledby", linkHow: "role-link" },
    { platform: "instagram", ms: 900, how: "labelledby", linkHow: "role-link" },
    { platform: "facebook", ms: 5000, how: "aria", linkHow: "absolute" },
    { platform: "instagram", ms: 2200, lateMs: 400, how: "aria", linkHow: "absolute" },
  ].forEach((v, i) => {
    const lang = lg(1, i);
    pages.push(noticeDialog({ id: `nd-${i}-${lang}`, lang, ...v }));
  });

  const key = (id, n) => `Field${kit(id + n).digits(15)}`;

  // form-2024: country, email, required reason, optional box, Send, then the one-time code.
  [
    { c: ["select", "for", "attr"], e: ["for", "attr"], r: ["box", "for", "star"], o: ["box", "for"], send: "submit", wrapForm: true, lateMs: 300, order: "cero", preselect: "SE" },
    { c: ["combo-typed", "labelledby", "aria"], e: ["labelledby", "aria"], r: ["editable", "labelledby", "aria"], o: ["editable", "labelledby"], send: "div", lateMs: 900, order: "ecro", rerender: "first-input" },
    { c: ["combo-click", "labelledby", "star"], e: ["wrap", "star"], r: ["box", "wrap", "star"], o: null, send: "div-aria", lateMs: 1500, order: "cer", gate: true, typeText: true },
    { c: ["select", "nearby", "none"], e: ["nearby", "none"], r: ["box", "nearby", "star"], o: ["box", "nearby"], send: "button", lateMs: 600, order: "cero", rerender: "double-mount", answerMode: "dialog" },
    { c: ["select", "aria", "attr"], e: ["placeholder", "attr"], r: ["box", "placeholder", "attr"], o: ["box", "placeholder"], send: "div", lateMs: 2400, order: "ecro", host: "LOCALE", codeHow: "plain" },
    { c: ["combo-click", "aria", "aria"], e: ["aria", "aria"], r: ["editable", "aria", "aria"], o: ["box", "aria"], send: "submit", wrapForm: true, lateMs: 500, order: "cero", listMs: 600, host: "m.facebook.com" },
  ].forEach((v, i) => {
    const lang = lg(2, i);
    const t = L[lang];
    const id = `f24-${i}-${lang}`;
    const parts = {
      c: F.country(t, v.c[0], v.c[1], v.c[2], key(id, "c"), v.preselect),
      e: F.email(t, v.e[0], v.e[1], { key: i % 2 ? key(id, "e") : "email", typeText: Boolean(v.typeText) }),
      r: F.reason(t, v.r[0], v.r[1], v.r[2], key(id, "r"), true, lang),
      o: v.o && F.other(t, v.o[0], v.o[1], key(id, "o")),
    };
    const fields = v.order.split("").map((c) => parts[c]).filter(Boolean);
    pages.push(formPage({ id, family: "form-2024", lang, host: v.host === "LOCALE" ? localeHost(lang) : v.host || "www.facebook.com", formId: FORM_IDS.fb2024,
      platform: "facebook", formKind: "fb2024", fields, send: v.send, wrapForm: v.wrapForm, gate: v.gate, lateMs: v.lateMs, rerender: v.rerender, listMs: v.listMs,
      intro: i % 2 === 0 ? t.nBody.replace("{link}", t.nLink) : null,
      answer: { kind: "code", mode: v.answerMode || "replace", codeHow: v.codeHow, delayMs: 300 + 200 * i }, status: "awaiting-code" }));
  });

  // form-2025: prefilled email, optional reason; sometimes country; sometimes the pre-step.
  [
    { e: ["for", "attr"], r: ["box", "for"], send: "div", lateMs: 500, answer: ["confirm", "replace"], status: "confirmed" },
    { e: ["labelledby", "aria"], r: ["editable", "labelledby"], send: "submit", wrapForm: true, lateMs: 1100, answer: ["confirm", "status"], status: "confirmed", pre: "buttons" },
    { e: ["wrap", "star"], r: ["box", "wrap"], send: "div-aria", lateMs: 300, answer: ["ack", "replace"], status: "submitted", host: "LOCALE", rerender: "first-input" },
    { e: ["aria", "attr"], r: ["box", "aria"], c: ["select", "for", "attr"], send: "button", lateMs: 1800, answer: ["confirm", "replace"], status: "confirmed", rerender: "double-mount" },
    { e: ["nearby", "star"], r: ["editable", "nearby"], send: "div", lateMs: 700, answer: ["confirm", "toast"], status: "confirmed", gate: true, second: true },
    { e: ["for", "none", true], r: ["box", "placeholder"], send: "div", lateMs: 900, answer: ["ack", "status"], status: "submitted", pre: "radios" },
  ].forEach((v, i) => {
    const lang = lg(3, i);
    const t = L[lang];
    const id = `f25-${i}-${lang}`;
    const p = t.person;
    const alt = p.email.replace("@", ".meta@");
    const fields = [
      ...(v.c ? [F.country(t, v.c[0], v.c[1], v.c[2], key(id, "c"))] : []),
      F.email(t, v.e[0], v.e[1], { key: i % 3 ? key(id, "e") : "email", prefill: v.second ? alt : p.email, readonly: Boolean(v.e[2]) }),
      F.reason(t, v.r[0], v.r[1], "none", key(id, "r"), false, lang),
    ];
    pages.push(formPage({ id, family: "form-2025", lang, host: v.host === "LOCALE" ? localeHost(lang) : "www.facebook.com", formId: FORM_IDS.fb2025,
      platform: "facebook", formKind: "fb2025", fields, send: v.send, wrapForm: v.wrapForm, gate: v.gate, lateMs: v.lateMs, rerender: v.rerender, pre: v.pre,
      emails: v.second ? [p.email, alt] : undefined,
      answer: { kind: v.answer[0], mode: v.answer[1], delayMs: 250 + 150 * i }, status: v.status }));
  });

  // instagram: help.instagram.com/contact/767264225370182
  [
    { c: ["combo-click", "labelledby", "star"], e: ["for", "attr"], r: ["box", "for", false], send: "div", lateMs: 800, listMs: 400, answer: ["confirm", "replace"], status: "confirmed" },
    { c: ["select", "for", "attr"], e: ["for", "attr", "prefill"], r: ["box", "for", false], send: "submit", wrapForm: true, lateMs: 400, answer: ["confirm", "status"], status: "confirmed" },
    { c: ["combo-typed", "aria", "aria"], e: ["aria", "aria"], r: ["editable", "aria", true], send: "div-aria", lateMs: 1300, answer: ["ack", "replace"], status: "submitted" },
    { c: null, e: ["labelledby", "star", "prefill"], r: ["box", "labelledby", false], send: "div", lateMs: 600, answer: ["confirm", "toast"], status: "confirmed", pre: "links" },
    { c: ["combo-click", "nearby", "star"], e: ["nearby", "star"], r: ["box", "nearby", true], send: "div", lateMs: 2000, listMs: 900, answer: ["confirm", "replace"], status: "confirmed", rerender: "double-mount" },
    { c: ["select", "placeholder", "attr"], e: ["placeholder", "attr"], r: ["box", "placeholder", false], send: "button", lateMs: 300, answer: ["confirm", "replace"], status: "confirmed", gate: true, rerender: "first-input" },
  ].forEach((v, i) => {
    const lang = lg(4, i);
    const t = L[lang];
    const id = `ig-${i}-${lang}`;
    const fields = [
      ...(v.c ? [F.country(t, v.c[0], v.c[1], v.c[2], key(id, "c"), v.c[1] === "for" && v.c[0] === "select" ? t.person.country : null)] : []),
      F.email(t, v.e[0], v.e[1], { key: key(id, "e"), ...(v.e[2] ? { prefill: t.person.email } : {}) }),
      F.reason(t, v.r[0], v.r[1], v.r[2] ? "star" : "none", key(id, "r"), v.r[2], lang),
    ];
    pages.push(formPage({ id, family: "instagram", lang, host: "help.instagram.com", formId: FORM_IDS.ig2025, platform: "instagram", formKind: "ig2025",
      fields, send: v.send, wrapForm: v.wrapForm, gate: v.gate, lateMs: v.lateMs, listMs: v.listMs, rerender: v.rerender, pre: v.pre,
      answer: { kind: v.answer[0], mode: v.answer[1], delayMs: 300 + 100 * i }, status: v.status }));
  });

  // third-party: name, email, country, what the request is, an optional box; Meta acknowledges.
  [
    { n: ["for", "attr"], e: ["for", "attr"], c: ["select", "for", "attr"], d: ["box", "for", "star"], o: ["box", "for"], send: "submit", wrapForm: true, answer: ["ack", "replace"], preselect: "GB" },
    { n: ["labelledby", "aria"], e: ["labelledby", "aria"], c: ["combo-click", "labelledby", "aria"], d: ["editable", "labelledby", "aria"], o: null, send: "div", answer: ["ack", "status"] },
    { n: ["wrap", "star"], e: ["wrap", "star"], c: ["select", "wrap", "star"], d: ["box", "wrap", "star"], o: ["box", "wrap"], send: "div-aria", answer: ["ack", "toast"], lateMs: 1200 },
    { n: ["aria", "attr"], e: ["aria", "attr"], c: ["combo-typed", "aria", "attr"], d: ["box", "aria", "attr"], o: ["editable", "aria"], send: "button", answer: ["ack", "replace"], rerender: "double-mount", confirmEmail: "Potwierdź adres e-mail" },
    { n: ["nearby", "star"], e: ["nearby", "star"], c: ["select", "nearby", "star"], d: ["box", "nearby", "star"], o: ["box", "nearby"], send: "div", answer: ["ack", "replace"], gate: true },
    { n: ["placeholder", "attr"], e: ["placeholder", "attr"], c: ["select", "aria", "attr"], d: ["box", "placeholder", "attr"], o: null, send: "div", answer: ["ack", "status"], lateMs: 2000, rerender: "first-input", numeric: true },
  ].forEach((v, i) => {
    const lang = lg(5, i);
    const t = L[lang];
    const id = `tp-${i}-${lang}`;
    const fields = [
      F.name(t, v.n[0], v.n[1], key(id, "n")),
      F.email(t, v.e[0], v.e[1], { key: key(id, "e") }),
      ...(v.confirmEmail ? [F.email(t, v.e[0], v.e[1], { key: key(id, "e2"), label: v.confirmEmail })] : []),
      F.country(t, v.c[0], v.c[1], v.c[2], key(id, "c"), v.preselect, v.numeric),
      F.details(t, v.d[0], v.d[1], v.d[2], key(id, "d")),
      ...(v.o ? [F.other(t, v.o[0], v.o[1], key(id, "o"))] : []),
    ];
    pages.push(formPage({ id, family: "third-party", lang, host: "www.facebook.com", formId: FORM_IDS.thirdParty, platform: "facebook", formKind: "thirdParty",
      title: t.tpTitle, fields, send: v.send, wrapForm: v.wrapForm, gate: v.gate, lateMs: v.lateMs || 500, rerender: v.rerender,
      answer: { kind: v.answer[0], mode: v.answer[1], delayMs: 400 }, status: "submitted" }));
  });

  // prestep: "is your request about AI at Meta?" before the fields, asked in several ways.
  [
    { pre: "buttons", form: "fb2025", answer: ["confirm", "replace"], status: "confirmed" },
    { pre: "radios", form: "fb2025", answer: ["confirm", "status"], status: "confirmed", lateMs: 1500 },
    { pre: "links", form: "fb2025", answer: ["ack", "replace"], status: "submitted", host: "LOCALE" },
    { pre: "buttons", form: "ig2025", answer: ["confirm", "replace"], status: "confirmed" },
    { pre: "radios", form: "fb2024", answer: ["code", "replace"], status: "awaiting-code" },
    { pre: "buttons", form: "fb2025", answer: ["confirm", "toast"], status: "confirmed", rerender: "double-mount", lateMs: 2200 },
  ].forEach((v, i) => {
    const lang = lg(6, i);
    const t = L[lang];
    const id = `pre-${i}-${lang}`;
    const p = t.person;
    let fields;
    if (v.form === "fb2024") fields = [F.country(t, "select", "for", "attr", key(id, "c")), F.email(t, "for", "attr"), F.reason(t, "box", "for", "star", key(id, "r"), true, lang), F.other(t, "box", "for", key(id, "o"))];
    else if (v.form === "ig2025") fields = [F.country(t, "combo-click", "labelledby", "star", key(id, "c")), F.email(t, "labelledby", "star", { key: key(id, "e") }), F.reason(t, "box", "labelledby", "none", key(id, "r"), false, lang)];
    else fields = [F.email(t, i % 2 ? "labelledby" : "for", "aria", { key: key(id, "e"), prefill: p.email }), F.reason(t, i % 2 ? "editable" : "box", i % 2 ? "labelledby" : "for", "none", key(id, "r"), false, lang)];
    const ig = v.form === "ig2025";
    pages.push(formPage({ id, family: "prestep", lang, host: ig ? "help.instagram.com" : v.host === "LOCALE" ? localeHost(lang) : "www.facebook.com",
      formId: FORM_IDS[v.form], platform: ig ? "instagram" : "facebook", formKind: v.form, fields, send: i % 2 ? "div" : "submit", wrapForm: !(i % 2),
      lateMs: v.lateMs || 600, rerender: v.rerender, pre: v.pre, answer: { kind: v.answer[0], mode: v.answer[1], delayMs: 500 }, status: v.status }));
  });

  // outcome: Meta's answer, worded and placed in different ways.
  [
    { answer: ["confirm", "live"], status: "confirmed", delayMs: 200 },
    { answer: ["ack", "toast"], status: "submitted", delayMs: 600 },
    { answer: ["code", "dialog"], status: "awaiting-code", delayMs: 800, form: "fb2024" },
    { answer: ["invalid", null], status: "failed", delayMs: 500 },
    { answer: ["server", "toast"], status: "failed", delayMs: 900 },
    { answer: ["confirm", "replace"], status: "confirmed", delayMs: 1500, route: `/help/contact/${FORM_IDS.fb2025}/confirmation` },
  ].forEach((v, i) => {
    const lang = lg(7, i);
    const t = L[lang];
    const id = `out-${i}-${lang}`;
    const p = t.person;
    const fields = v.form === "fb2024"
      ? [F.country(t, "select", "labelledby", "star", key(id, "c")), F.email(t, "labelledby", "star"), F.reason(t, "box", "labelledby", "star", key(id, "r"), true, lang)]
      : [F.email(t, "for", "attr", { key: key(id, "e"), prefill: p.email }), F.reason(t, "box", "for", "none", key(id, "r"), false, lang)];
    pages.push(formPage({ id, family: "outcome", lang, host: "www.facebook.com", formId: v.form === "fb2024" ? FORM_IDS.fb2024 : FORM_IDS.fb2025,
      platform: "facebook", formKind: v.form || "fb2025", fields, send: i % 2 ? "div" : "submit", wrapForm: !(i % 2), lateMs: 400,
      answer: { kind: v.answer[0], mode: v.answer[1], delayMs: v.delayMs, route: v.route }, status: v.status }));
  });

  pages.push(...nearMisses());
  return pages;
}

// --- near misses: the product must do nothing ------------------------------------------------
function nearMisses() {
  const out = [];
  const none = (v) => ({ ...v, family: "near-miss", expect: { ...v.expect, kind: "none" } });
  // Oct 2025: AI interactions used to personalise the experience; no objection form.
  out.push(none(feedPage({ id: "nm-oct2025-en", lang: "en", platform: "facebook", dialog: { ms: 700, how: "labelledby", closeLabel: "Close", html: (k) => {
    const h = k.uid();
    return `<div class="${k.cls(3)}"><div role="dialog" aria-modal="true" aria-labelledby="${h}" class="${k.cls(4)}"><h2 id="${h}">Learn how Meta will use your info in new ways to personalise your experience</h2>
<p>Soon, we'll start using your interactions with AI at Meta, such as your chats, to personalise the content you see, like posts, reels and groups we suggest. You can learn more about how we use your information in our Privacy Policy.</p>
<p><a href="/privacy/policy/">Privacy Policy</a> · <a href="/settings/">Settings</a></p><div role="button" tabindex="0" aria-label="Close" class="${k.cls(3)}"><span>Got it</span></div></div></div>`;
  } } })));
  // Dec 2025: AI chats used for ads, in an Instagram dialog.
  out.push(none(feedPage({ id: "nm-dec2025-de", lang: "de", platform: "instagram", dialog: { ms: 1200, how: "aria", closeLabel: "Schließen", html: (k) =>
    `<div class="${k.cls(3)}"><div role="dialog" aria-modal="true" aria-label="Neuigkeiten zu Werbung" class="${k.cls(4)}"><div><span>Ab dem 16. Dezember nutzen wir deine Interaktionen mit KI bei Meta, um dir relevantere Inhalte und Werbeanzeigen zu zeigen</span></div>
<p>Wenn du mit Meta AI chattest, können wir die Themen deiner Unterhaltungen nutzen, um Werbung für dich zu personalisieren. In der Werbeanzeigen-Präferenzen-Übersicht kannst du jederzeit verwalten, welche Werbung du siehst.</p>
<div role="button" tabindex="0" class="${k.cls(3)}"><span>Mehr dazu</span></div> <div role="button" tabindex="0" aria-label="Schließen" class="${k.cls(3)}"><span>OK</span></div></div></div>` } })));
  // Jan 2026: a choice to see less personalised ads (a page with radios and Continue).
  {
    const k = kit("nm-ads-fr");
    const html = shell({ lang: "fr", title: "Facebook", k, config: { mount: "none" }, script: "", body: `${logo("facebook", k)}<div role="main" class="${k.cls(3)}">
<h1>Choisissez comment les publicités vous sont présentées</h1><p>Vous pouvez voir des publicités moins personnalisées. Elles s'appuient sur moins d'informations à votre sujet, par exemple votre âge, votre localisation et le contenu que vous regardez.</p>
<div role="radiogroup" aria-label="Publicités"><label><input type="radio" name="ads" value="personalised" checked> Continuer avec des publicités personnalisées</label><label><input type="radio" name="ads" value="less"> Voir des publicités moins personnalisées</label></div>
<div role="button" tabindex="0" class="${k.cls(4)}"><span>Continuer</span></div></div>` });
    out.push(none({ id: "nm-ads-fr", language: "fr", url: "https://accountscenter.facebook.com/ads/less_personalised_ads/", html, traits: {},
      expect: { kind: "none", platform: "facebook", formKind: null, language: "fr" } }));
  }
  // Another help-centre form (a privacy-violation report): email, country, details, Send.
  {
    const t = L.es;
    const id = "nm-report-es";
    const fields = [F.email(t, "for", "attr", { key: "email" }), F.country(t, "select", "for", "attr", "Field1840192236523"),
      { role: "reason", key: "Field2209382738", kind: "box", label: "Describe la foto o el vídeo que quieres denunciar", required: true, how: "for", mark: "star" }];
    const p = formPage({ id, family: "near-miss", lang: "es", host: "www.facebook.com", formId: "144059062408922", platform: "facebook", formKind: null, fields, send: "submit", wrapForm: true,
      title: "Denunciar una infracción de la privacidad", intro: "Usa este formulario para denunciar una foto o un vídeo en el que apareces y que vulnera tu privacidad.", lateMs: 300,
      answer: { kind: "ack", mode: "replace", delayMs: 300 }, status: null });
    out.push(none(p));
  }
  // A feed post quoting the notice, with the form's link in the post; no dialog.
  {
    const t = L.it;
    const post = `<div role="article" aria-label="Post di Marco Bianchi"><h4><span>Marco Bianchi</span></h4><div dir="auto"><p>Ragazzi, è arrivato anche a me questo avviso: «${esc(t.nBody.replace("{link}", t.nLink))}» Io mi sono opposto qui: https://www.facebook.com/help/contact/${FORM_IDS.fb2025} — fatelo anche voi!</p></div><div role="button" tabindex="0"><span>Mi piace</span></div> <div role="button" tabindex="0"><span>Commenta</span></div></div>`;
    out.push(none(feedPage({ id: "nm-post-it", lang: "it", platform: "facebook", dialog: null, family: "near-miss", expectKind: "none", posts: post })));
  }
  // An account-appeal form: name, email, date of birth, description, Send.
  {
    const t = L.nl;
    const id = "nm-appeal-nl";
    const fields = [{ role: "name", key: "name", kind: "text", label: "Volledige naam", required: true, how: "for", mark: "attr" }, F.email(t, "for", "attr", { key: "email" }),
      { role: "other", key: "Field1790473", kind: "box", label: "Waarom denk je dat je account ten onrechte is uitgeschakeld?", required: true, how: "for", mark: "star" }];
    const p = formPage({ id, family: "near-miss", lang: "nl", host: "www.facebook.com", formId: "260749603972907", platform: "facebook", formKind: null, fields, send: "div",
      title: "Mijn Facebook-account is uitgeschakeld", intro: "Als je denkt dat je account per vergissing is uitgeschakeld, kun je ons vragen dit te beoordelen.", lateMs: 500,
      answer: { kind: "ack", mode: "replace", delayMs: 300 }, status: null });
    out.push(none(p));
  }
  return out;
}

export const BLIND_PAGES = build();
