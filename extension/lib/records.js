// Builds the host's submission and event objects (host/PROTOCOL.md) from what the content script
// reported at the press of Meta's Send and after it. Pure ES module: ids, clock and browser facts
// are injected.
//
// submissionFrom(record, {uuid, now, browser, extensionVersion}) → submission, status "submitted"
//   unless record.status says otherwise; occurred_at = record.pressedAt (the instant of the press)
//   when given, else now().
// eventFrom(record, {uuid, now}) → event (record.clientId names the submission it follows)
// evidenceFrom(evidence, {pressedAt, formOrigin, formPath}) → the wire's evidence object (bounded;
//   members the content script did not see are left out), or undefined when there is nothing.
// utcOffsetMinutes(date) → the user's offset east of UTC at that moment (CET → 60)

export function utcOffsetMinutes(date) {
  return -date.getTimezoneOffset();
}

function when(now, at) {
  const given = at ? new Date(at) : null;
  const date = given && !Number.isNaN(given.getTime()) ? given : now();
  return { occurred_at: date.toISOString(), utc_offset_minutes: utcOffsetMinutes(date) };
}

export const EVIDENCE_LIMITS = Object.freeze({ answer_text: 4000, found_in: 200, snapshot: 256 * 1024 });

export function evidenceFrom(evidence, { pressedAt, formOrigin, formPath } = {}) {
  const e = evidence && typeof evidence === "object" ? evidence : {};
  const out = {};
  for (const [key, max] of Object.entries(EVIDENCE_LIMITS)) {
    if (typeof e[key] === "string" && e[key]) out[key] = e[key].slice(0, max);
  }
  if (pressedAt) out.send_pressed_at = new Date(pressedAt).toISOString();
  if (formOrigin) out.form_origin = formOrigin;
  if (formPath) out.form_path = formPath;
  return Object.keys(out).length ? out : undefined;
}

function reasonOf(record) {
  return record.status === "failed" ? String(record.reason || "failed").slice(0, 1000) : undefined;
}

export function submissionFrom(record, { uuid, now, browser, extensionVersion }) {
  const submission = {
    client_id: uuid(),
    platform: record.platform,
    form_kind: record.formKind,
    form_url: record.formUrl,
    form_id: record.formId,
    account_email: record.email,
    country: record.country || null,
    justification_text: String(record.justificationText || "").slice(0, 5000),
    page_language: record.language,
    browser,
    extension_version: extensionVersion,
    status: record.status || "submitted",
    ...when(now, record.pressedAt),
  };
  const reason = reasonOf(record);
  if (reason) submission.reason = reason;
  if (!submission.country) delete submission.country;
  if (record.evidence) submission.evidence = record.evidence;
  return submission;
}

export function eventFrom(record, { uuid, now }) {
  const event = { client_event_id: uuid(), client_id: record.clientId, status: record.status, ...when(now) };
  const reason = reasonOf(record);
  if (reason) event.reason = reason;
  if (record.evidence) event.evidence = record.evidence;
  return event;
}

// "Mozilla/5.0 (X11; Linux x86_64) ... Chrome/156.0.0.0 ..." → "chromium 156"; Firefox → "firefox 153".
export function browserLabel(userAgent) {
  const ua = String(userAgent || "");
  let m = /Firefox\/(\d+)/.exec(ua);
  if (m) return `firefox ${m[1]}`;
  m = /Edg\/(\d+)/.exec(ua);
  if (m) return `edge ${m[1]}`;
  m = /Chrom(?:e|ium)\/(\d+)/.exec(ua);
  if (m) return `chromium ${m[1]}`;
  return "unknown";
}
