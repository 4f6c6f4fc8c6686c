// Shared by the popup and the options page: talking to the background, localising the DOM,
// formatting dates in the user's locale. No chrome.* here: the adapters (popup.js, options.js)
// pass the browser's functions in, so the same code runs in jsdom tests.

export class PageError extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code;
  }
}

// sendMessage(message) → Promise<{ok, result} | {ok: false, error}> (chrome.runtime.sendMessage).
export function createBackground(sendMessage) {
  async function call(type, fields = {}) {
    let reply;
    try {
      reply = await sendMessage({ ...fields, type });
    } catch (e) {
      throw new PageError("background_unavailable", e && e.message);
    }
    if (!reply || typeof reply !== "object") throw new PageError("background_unavailable", "no reply from the background");
    if (reply.ok) return reply.result;
    const err = reply.error || {};
    throw new PageError(err.code || "internal", err.message);
  }
  return {
    call,
    host: (type, fields = {}) => call("host.request", { request: { ...fields, type } }),
  };
}

// getMessage(key, substitutions) as chrome.i18n.getMessage; falls back to the English text in the
// page (or the key) when a locale has no such message.
export function createTranslator(getMessage) {
  return function t(key, substitutions) {
    let text = "";
    try {
      text = getMessage ? getMessage(key, substitutions) : "";
    } catch {
      text = "";
    }
    return text || "";
  };
}

// Replaces text of [data-i18n] elements and attributes listed in [data-i18n-attr="attr:key;..."].
export function localize(root, t) {
  for (const el of root.querySelectorAll("[data-i18n]")) {
    const text = t(el.dataset.i18n);
    if (text) el.textContent = text;
  }
  for (const el of root.querySelectorAll("[data-i18n-attr]")) {
    for (const pair of el.dataset.i18nAttr.split(";")) {
      const [attr, key] = pair.split(":").map((s) => s.trim());
      const text = attr && key ? t(key) : "";
      if (text) el.setAttribute(attr, text);
    }
  }
}

export function text(t, key, fallback, substitutions) {
  return t(key, substitutions) || fallback;
}

export function formatDateTime(iso, locale) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso || "");
  return new Intl.DateTimeFormat(locale || undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function formatDate(date, locale) {
  return new Intl.DateTimeFormat(locale || undefined, { dateStyle: "long" }).format(date);
}

// Local calendar day ("2026-11-25" from <input type=date>) → UTC instants of its start / end.
export function localDayStartUtc(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d, 0, 0, 0, 0).toISOString();
}
export function localDayEndUtc(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d, 23, 59, 59, 999).toISOString();
}

export function displayName(locale, type, code) {
  try {
    return new Intl.DisplayNames([locale || "en"], { type }).of(code) || code;
  } catch {
    return code;
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function el(doc, tag, attrs = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}

// Countries a person objecting under the GDPR / UK GDPR may live in: EU, EEA, United Kingdom.
export const COUNTRIES = Object.freeze([
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
  "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB",
]);

// The 24 official EU languages plus Norwegian and Icelandic.
export const LANGUAGES = Object.freeze([
  "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "is", "it", "lt",
  "lv", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv",
]);

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const DEFAULT_SETTINGS = Object.freeze({ reviewBeforeSend: false, platforms: { facebook: true, instagram: true } });

export function normaliseSettings(s) {
  const p = (s && s.platforms) || {};
  return {
    reviewBeforeSend: Boolean(s && s.reviewBeforeSend),
    platforms: { facebook: p.facebook !== false, instagram: p.instagram !== false },
  };
}
