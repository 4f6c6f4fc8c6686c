// The one list of runtime messages, who may send each, and their validators. Pure ES module (no
// chrome.*): the background builds its dispatch table from it, and tests check it.
//
// Extension pages (popup, options) → background:
//   getTabState {tabId} → {kind: "notice"|"form"|"confirmation"|"none", platform, formKind,
//     language, step, formId, round, nearMiss, url}
//   fillForm {tabId} → {started: true}   (the popup's "Fill in the form"; the user's click)
//   objectNow {tabId} → {url}            (the popup's one-click objection on a notice)
//   plus face's handlers of background/ui-api.js ("host.request", "host.status", "outbox.status",
//   "outbox.flush", "outbox.list", "outbox.retry" {key}, "outbox.discard" {key},
//   "evidence.status" {tabId}, "evidence.screenshot" {tabId}), which take the same sender check.
//   agent.pair {code: "PORT-123456"} → {paired, port, paired_at}; agent.unpair {} → {paired: false};
//   agent.status {} → {paired, port, paired_at, transport, connected, error} (background/pairing.js)
//   followups.refresh {} → {text, title, due} | null   the toolbar badge asked anew (background/followups.js)
// Content script (on a Meta page) → background:
//   content.state {state} → {}                      the page's state, reported after each detection
//   content.objectClicked {} → {url}                the user clicked "Object with Objector"
//   content.formReady {} → {intent, settings}       may this form be filled and sent right away?
//   content.fillData {language, fields} → {ready, profile (only those fields), justification?}
//   content.submitted {record} → {clientId}         at the press of Meta's Send, before it goes
//   content.status {clientId, status, reason?, evidence?} → {}   Meta's answer after that press
//   content.openOptions {} → {}
//   content.noticeSeen {kind, language, fingerprint} → {alreadyObjected: {confirmedAt} | null, newRound}
//                                                   a notice the page shows, once per page load
// Background → content script (tabs.sendMessage): tab.getState {} → state; tab.fill {} → {started}.
// Replies are {ok: true, result} or {ok: false, error: {code, message}}.

export const ROLE_PAGE = "page";
export const ROLE_CONTENT = "content";

const isTabId = (v) => Number.isInteger(v) && v >= 0;
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const LANG = /^[a-z]{2}$/;
const STATUSES = ["submitted", "awaiting-code", "confirmed", "failed"];

function needKey(m) {
  return typeof m.key === "string" && m.key.length > 0 && m.key.length <= 200 ? null : "key must be an outbox item key";
}

function needTabId(m) {
  return isTabId(m.tabId) ? null : "tabId must be a tab id (a non-negative integer)";
}

const FILL_FIELDS = ["email", "country", "justification", "name"];
const EVIDENCE_KEYS = { answer_text: 20000, found_in: 1000, snapshot: 512 * 1024 };

function validEvidence(e) {
  if (e === undefined) return null;
  if (!isObject(e)) return "evidence must be an object";
  for (const [key, value] of Object.entries(e)) {
    if (!(key in EVIDENCE_KEYS)) return `evidence.${key} is not known`;
    if (typeof value !== "string" || value.length > EVIDENCE_KEYS[key]) return `evidence.${key} must be a string of at most ${EVIDENCE_KEYS[key]} characters`;
  }
  return null;
}

function validFillData(m) {
  if (typeof m.language !== "string" || !LANG.test(m.language)) return "language must be a two-letter code";
  if (m.fields !== undefined && (!Array.isArray(m.fields) || !m.fields.every((f) => FILL_FIELDS.includes(f)))) {
    return `fields must be a list of ${FILL_FIELDS.join(", ")}`;
  }
  return null;
}

// What the content script saw at the press of Meta's Send. Where it was sent comes from the sender.
function validSubmitted(m) {
  const r = m.record;
  if (!isObject(r)) return "record must be an object";
  for (const key of ["email", "justificationText", "language", "pressedAt"]) {
    if (typeof r[key] !== "string") return `record.${key} must be a string`;
  }
  if (!LANG.test(r.language)) return "record.language must be a two-letter code";
  if (Number.isNaN(Date.parse(r.pressedAt))) return "record.pressedAt must be a time";
  if (r.country !== undefined && r.country !== null && !/^[A-Z]{2}$/.test(r.country)) return "record.country must be ISO 3166-1 alpha-2";
  if (r.name !== undefined && (typeof r.name !== "string" || r.name.length > 200)) return "record.name must be a short string";
  if (r.justificationText.length > 5000) return "record.justificationText is too long";
  return validEvidence(r.evidence);
}

const NOTICE_KINDS = ["objection", "ai-info", "ads", "other"];

// A notice sighting: nothing personal, only its kind, language and the SHA-256 of its wording.
function validNoticeSeen(m) {
  if (!NOTICE_KINDS.includes(m.kind)) return `kind must be one of ${NOTICE_KINDS.join(", ")}`;
  if (typeof m.language !== "string" || !LANG.test(m.language)) return "language must be a two-letter code";
  if (typeof m.fingerprint !== "string" || !/^[0-9a-f]{64}$/.test(m.fingerprint)) return "fingerprint must be 64 lower-case hex digits (a SHA-256)";
  return null;
}

function validStatus(m) {
  if (typeof m.clientId !== "string" || !/^[0-9a-f-]{36}$/i.test(m.clientId)) return "clientId must be a UUID";
  if (!STATUSES.includes(m.status)) return `status must be one of ${STATUSES.join(", ")}`;
  if (m.status === "failed" && (typeof m.reason !== "string" || !m.reason)) return "reason is required when failed";
  if (m.reason !== undefined && (typeof m.reason !== "string" || m.reason.length > 1000)) return "reason must be a string of at most 1000 characters";
  return validEvidence(m.evidence);
}

// type → {from, validate(message) → null | problem}
export const MESSAGES = Object.freeze({
  getTabState: { from: ROLE_PAGE, validate: needTabId },
  fillForm: { from: ROLE_PAGE, validate: needTabId },
  objectNow: { from: ROLE_PAGE, validate: needTabId },
  "host.request": { from: ROLE_PAGE, validate: (m) => (isObject(m.request) && typeof m.request.type === "string" ? null : "request must be {type, ...}") },
  "host.status": { from: ROLE_PAGE, validate: () => null },
  "outbox.status": { from: ROLE_PAGE, validate: () => null },
  "outbox.flush": { from: ROLE_PAGE, validate: () => null },
  "outbox.list": { from: ROLE_PAGE, validate: () => null },
  "outbox.retry": { from: ROLE_PAGE, validate: needKey },
  "outbox.discard": { from: ROLE_PAGE, validate: needKey },
  "evidence.status": { from: ROLE_PAGE, validate: needTabId },
  "evidence.screenshot": { from: ROLE_PAGE, validate: needTabId },
  "agent.pair": { from: ROLE_PAGE, validate: (m) => (typeof m.code === "string" && m.code.length <= 32 ? null : "code must be the pairing code objector pair printed") },
  "agent.unpair": { from: ROLE_PAGE, validate: () => null },
  "agent.status": { from: ROLE_PAGE, validate: () => null },
  "followups.refresh": { from: ROLE_PAGE, validate: () => null },
  "content.state": { from: ROLE_CONTENT, validate: (m) => (isObject(m.state) && typeof m.state.kind === "string" ? null : "state must be an object with kind") },
  "content.objectClicked": { from: ROLE_CONTENT, validate: () => null },
  "content.formReady": { from: ROLE_CONTENT, validate: () => null },
  "content.fillData": { from: ROLE_CONTENT, validate: validFillData },
  "content.submitted": { from: ROLE_CONTENT, validate: validSubmitted },
  "content.status": { from: ROLE_CONTENT, validate: validStatus },
  "content.openOptions": { from: ROLE_CONTENT, validate: () => null },
  "content.noticeSeen": { from: ROLE_CONTENT, validate: validNoticeSeen },
});

// Who sent this? "page" for our own extension pages, "content" for our content script in the top
// frame of a Meta page, null for anyone else (other extensions, web pages, subframes, our content
// script on a wrong host).
//
// The rule, and why: `sender.url` is reported by the sending renderer, so a compromised Meta-page
// renderer can claim an extension URL (uBlock Origin's uBlock-issues#1992, which moved uBO to
// `sender.origin`; Privacy Badger PRs #3039/#3040). `sender.origin` is set by the browser process:
// Chromium ≥ 80 (crbug.com/987014) and Firefox ≥ 126 (bugzilla 1787379, MDN BCD #22830). Our
// manifest needs Firefox ≥ 140 and MV3 needs Chromium ≥ 88, so every browser that loads Objector
// sets it; the fallback below only keeps an odd build fail-closed rather than open.
//   - origin present: page ⇔ origin + "/" === our extension origin exactly (an opaque "null"
//     origin, a look-alike or another extension's id never match). content ⇔ frameId === 0, a
//     tab with an id, an https Meta origin (isMetaUrl on the origin), and a url of that same origin
//     (the handlers read the form path from the url, so a url that disagrees with the origin is
//     forged and refused).
//   - origin absent (no browser we support): page only for a sender without a tab whose url is
//     under our origin (the popup); never content, never a page in a tab (both could be forged).
export function senderRole(sender, { runtimeId, extensionOrigin, isMetaUrl }) {
  if (!sender || sender.id !== runtimeId) return null;
  const url = typeof sender.url === "string" ? sender.url : "";
  const hasTab = Boolean(sender.tab) && Number.isInteger(sender.tab.id) && sender.tab.id >= 0;
  if (!Object.prototype.hasOwnProperty.call(sender, "origin") || sender.origin === undefined) {
    return !sender.tab && url.startsWith(extensionOrigin) ? ROLE_PAGE : null;
  }
  const origin = sender.origin;
  if (typeof origin !== "string" || origin === "null" || !origin) return null;
  if (`${origin}/` === extensionOrigin) return ROLE_PAGE;
  if (!hasTab || sender.frameId !== 0 || !origin.startsWith("https://")) return null;
  if (originOf(url) !== origin || !isMetaUrl(`${origin}/`)) return null;
  return ROLE_CONTENT;
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

export class MessageError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// handlers: {type: async (message, sender) → result}. Returns async (message, sender) → reply.
export function createDispatcher({ handlers, roleOf }) {
  return async function dispatch(message, sender) {
    if (!isObject(message) || typeof message.type !== "string") {
      return { ok: false, error: { code: "invalid_value", message: "a message needs a string type" } };
    }
    const role = roleOf(sender);
    const spec = MESSAGES[message.type];
    if (!role) return { ok: false, error: { code: "forbidden_caller", message: "sender not allowed" } };
    if (!spec || !handlers[message.type]) return { ok: false, error: { code: "unknown_type", message: `unknown message type ${message.type}` } };
    if (spec.from !== role) return { ok: false, error: { code: "forbidden_caller", message: `${message.type} is not for ${role}` } };
    const problem = spec.validate(message);
    if (problem) return { ok: false, error: { code: "invalid_value", message: problem } };
    try {
      return { ok: true, result: (await handlers[message.type](message, sender)) ?? {} };
    } catch (e) {
      return { ok: false, error: { code: (e && e.code) || "internal", message: (e && e.message) || String(e) } };
    }
  };
}
