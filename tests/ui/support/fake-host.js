// An in-process stand-in for objector-host that follows host/PROTOCOL.md at the frame level:
// every request is encoded to a frame and decoded again, every reply too, and replies larger than
// `maxReplyBytes` are split into chunk frames exactly as the contract says. It exists to drive the
// host client and outbox through situations the real host cannot be asked to produce on demand
// (missing, crashing mid-reply, a locked database). justification.delete/set_default take
// `justification_id`: the envelope's `id` is the request id (as host/handlers/handlers.cc). Tests against the real binary live beside it.
import { encodeFrame, createFrameDecoder, createPortShell } from "./frames.js";

export function createFakeHost({ maxReplyBytes = 1024 * 1024, version = "0.1.0-fake" } = {}) {
  const state = {
    installed: true,
    profile: { emails: [], country: null, language: null, name: "" },
    justifications: [],
    submissions: new Map(), // client_id → submission with events
    events: new Set(),
    nextJustificationId: 1,
    nextSubmissionId: 1,
    received: [], // every request, in order
    starts: 0,
    failNext: [], // [{type, code, message}] consumed by matching requests
    crashOn: null, // type: the host exits without answering
    silentOn: null, // type: the host never answers (timeout)
    historyExport: null,
  };

  function error(code, message) {
    const e = new Error(message || code);
    e.code = code;
    throw e;
  }

  const handlers = {
    hello: () => ({
      protocol: 1,
      host_version: version,
      data_dir: "/tmp/fake",
      database: "/tmp/fake/history.sqlite",
      capabilities: Object.keys(handlers),
      max_request_bytes: 1048576,
      max_reply_bytes: maxReplyBytes,
    }),
    "profile.get": () => ({ profile: state.profile }),
    "profile.set": (req) => {
      const p = req.profile;
      if (!p || !Array.isArray(p.emails) || p.emails.length < 1) error("invalid_value", "profile.emails: 1..5 addresses");
      if (!/^[A-Z]{2}$/.test(p.country || "")) error("invalid_value", "profile.country");
      state.profile = { emails: p.emails, country: p.country, language: p.language || null, name: p.name || "" };
      return { profile: state.profile };
    },
    "justification.list": (req) => ({
      justifications: state.justifications.filter((j) => !req.language || j.language === req.language),
    }),
    "justification.save": (req) => {
      const j = req.justification || error("missing_field", "justification");
      if (!j.text) error("invalid_value", "justification.text");
      const at = new Date().toISOString();
      if (j.id !== undefined) {
        const old = state.justifications.find((x) => x.id === j.id) || error("not_found", "justification");
        Object.assign(old, { title: j.title ?? old.title, text: j.text, language: j.language ?? old.language, updated_at: at });
        return { justification: old };
      }
      const made = { id: state.nextJustificationId++, language: j.language, title: j.title || "", text: j.text, is_default: false, created_at: at, updated_at: at };
      state.justifications.push(made);
      return { justification: made };
    },
    "justification.delete": (req) => {
      const i = state.justifications.findIndex((x) => x.id === req.justification_id);
      if (i < 0) error("not_found", "justification");
      state.justifications.splice(i, 1);
      return { deleted: true };
    },
    "justification.set_default": (req) => {
      const j = state.justifications.find((x) => x.id === req.justification_id) || error("not_found", "justification");
      for (const o of state.justifications) if (o.language === j.language) o.is_default = o === j;
      return { justification: j };
    },
    "submission.record": (req) => {
      const s = req.submission || error("missing_field", "submission");
      if (!s.client_id) error("missing_field", "submission.client_id");
      if (s.platform !== "facebook" && s.platform !== "instagram") error("invalid_value", "submission.platform");
      const old = state.submissions.get(s.client_id);
      if (old) return { submission_id: old.submission_id, client_id: s.client_id, duplicate: true };
      const stored = {
        ...s,
        submission_id: state.nextSubmissionId++,
        recorded_at: new Date().toISOString(),
        events: [{ status: s.status, reason: s.reason, occurred_at: s.occurred_at, utc_offset_minutes: s.utc_offset_minutes }],
      };
      state.submissions.set(s.client_id, stored);
      return { submission_id: stored.submission_id, client_id: s.client_id, duplicate: false };
    },
    "submission.event": (req) => {
      const ev = req.event || error("missing_field", "event");
      const sub = state.submissions.get(ev.client_id) || error("not_found", "no submission with that client_id");
      if (state.events.has(ev.client_event_id)) return { event_id: 1, client_event_id: ev.client_event_id, duplicate: true };
      state.events.add(ev.client_event_id);
      sub.events.push({ status: ev.status, reason: ev.reason, occurred_at: ev.occurred_at, utc_offset_minutes: ev.utc_offset_minutes });
      return { event_id: state.events.size, client_event_id: ev.client_event_id, duplicate: false };
    },
    // evidence.attach as host/PROTOCOL.md (host engineer, issue 10): a screenshot of Meta's answer.
    "evidence.attach": (req) => {
      const sub = state.submissions.get(req.client_id) || error("not_found", "no submission with that client_id");
      if (req.kind !== "screenshot") error("invalid_value", "kind");
      if (req.mime !== "image/jpeg" && req.mime !== "image/png") error("invalid_value", "mime");
      if (typeof req.data_base64 !== "string" || !req.data_base64) error("missing_field", "data_base64");
      if (Buffer.from(req.data_base64, "base64").length > 700 * 1024) error("too_long", "data_base64: at most 700 KiB decoded");
      sub.attachments = [...(sub.attachments || []), { kind: req.kind, mime: req.mime, bytes: Buffer.from(req.data_base64, "base64").length }];
      return { attachment_id: sub.attachments.length, client_id: req.client_id };
    },
    "history.list": (req) => {
      let items = [...state.submissions.values()].map((s) => ({ ...s, current_status: s.events[s.events.length - 1].status }));
      if (req.platform) items = items.filter((i) => i.platform === req.platform);
      if (req.status) items = items.filter((i) => i.current_status === req.status);
      if (req.from) items = items.filter((i) => i.occurred_at >= req.from);
      if (req.to) items = items.filter((i) => i.occurred_at <= req.to);
      items.sort((a, b) => (a.occurred_at < b.occurred_at ? 1 : -1));
      const offset = req.offset || 0;
      const limit = req.limit || 50;
      return { total: items.length, items: items.slice(offset, offset + limit) };
    },
    "history.export": (req) => {
      if (state.historyExport) return state.historyExport(req);
      const rows = [...state.submissions.values()];
      const formats = {
        csv: () => ["client_id,platform,status", ...rows.map((r) => `${r.client_id},${r.platform},${r.status}`)].join("\n") + "\n",
        json: () => JSON.stringify({ items: rows }),
        html: () => `<!doctype html><title>Objector history</title><table>${rows.map((r) => `<tr><td>${r.client_id}</td></tr>`).join("")}</table>`,
      };
      const make = formats[req.format] || error("invalid_value", "format");
      const mime = { csv: "text/csv", json: "application/json", html: "text/html" }[req.format];
      return { format: req.format, mime, filename: `objector-history-2026-11-25.${req.format}`, content: make() };
    },
    stats: () => ({ total: state.submissions.size, by_platform: {}, by_status: {}, first_at: null, last_at: null }),
  };

  function reply(request) {
    const { id, type } = request;
    const injected = state.failNext.findIndex((f) => f.type === type);
    if (injected >= 0) {
      const f = state.failNext.splice(injected, 1)[0];
      return [{ id, ok: false, error: { code: f.code, message: f.message || f.code } }];
    }
    const handler = handlers[type];
    if (!handler) return [{ id, ok: false, error: { code: "unknown_type", message: `unknown type ${type}` } }];
    let result;
    try {
      result = handler(request);
    } catch (e) {
      return [{ id, ok: false, error: { code: e.code || "internal", message: e.message } }];
    }
    const whole = { id, ok: true, result };
    if (Buffer.byteLength(JSON.stringify(whole)) <= maxReplyBytes) return [whole];
    // Chunk: split the JSON text of result so that each frame stays under the limit.
    const text = JSON.stringify(result);
    const room = Math.max(16, maxReplyBytes - 200);
    const pieces = [];
    for (let at = 0; at < text.length; at += room) pieces.push(text.slice(at, at + room));
    return pieces.map((data, index) => ({ id, ok: true, chunk: { index, count: pieces.length }, data }));
  }

  // connectNative(name) as the browser offers it: a port to a freshly started host process.
  function connectNative(name) {
    const decoder = createFrameDecoder();
    let alive = true;
    const port = createPortShell(
      (message) => {
        const frames = decoder.push(encodeFrame(message)); // as the browser would write it
        setTimeout(() => {
          for (const req of frames) {
            if (!alive) return;
            state.received.push(req);
            if (state.crashOn === req.type) {
              alive = false;
              port.drop("Native host has exited.");
              return;
            }
            if (state.silentOn === req.type) continue;
            for (const out of reply(req)) {
              const back = createFrameDecoder().push(encodeFrame(out)); // as the host would write it
              for (const m of back) port.deliver(m);
            }
          }
        }, 0);
      },
      () => {
        alive = false;
      },
    );
    if (name !== "org.objector.host" || !state.installed) {
      setTimeout(() => port.drop("Specified native messaging host not found."), 0);
      return port;
    }
    state.starts += 1;
    fake.lastPort = port;
    return port;
  }

  const fake = { state, connectNative, handlers, lastPort: null };
  return fake;
}

// chrome.storage.local-shaped in-memory storage with JSON round-trips (as the browser stores).
export function createMemoryStorage(initial = {}) {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    data,
    async get(key) {
      return data.has(key) ? JSON.parse(data.get(key)) : undefined;
    },
    async set(key, value) {
      data.set(key, JSON.stringify(value));
    },
  };
}
