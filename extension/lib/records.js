// Builds the host's submission and event objects (host/PROTOCOL.md) from what the content script
// saw after Send. Pure ES module: ids, clock and browser facts are injected.
//
// submissionFrom(record, {uuid, now, browser, extensionVersion}) → submission
// eventFrom(record, {uuid, now}) → event (record.clientId names the submission it follows)
// utcOffsetMinutes(date) → the user's offset east of UTC at that moment (CET → 60)

export function utcOffsetMinutes(date) {
  return -date.getTimezoneOffset();
}

function when(now) {
  const date = now();
  return { occurred_at: date.toISOString(), utc_offset_minutes: utcOffsetMinutes(date) };
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
    status: record.status,
    ...when(now),
  };
  const reason = reasonOf(record);
  if (reason) submission.reason = reason;
  if (!submission.country) delete submission.country;
  return submission;
}

export function eventFrom(record, { uuid, now }) {
  const event = { client_event_id: uuid(), client_id: record.clientId, status: record.status, ...when(now) };
  const reason = reasonOf(record);
  if (reason) event.reason = reason;
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
