// One Meta page with Objector's content script running in jsdom, wired to the real background
// handlers: the content scripts of manifest.json are loaded into the page's window in their order,
// the session is created as content/content.js creates it, and its messages go through the real
// dispatcher and core handlers (lib/messages.js, background/core-handlers.js, bindings, intents)
// into the real outbox (lib/outbox.js) on an in-memory storage, with no host reachable (the records
// wait there, as they do when the host is away). What this cannot prove: the panel's click guard
// and the browser's own events (jsdom's events are never trusted) — the real-browser tests do.
// `host` stands in for the native host's direct requests (notice sightings): by default it is
// missing, as for the outbox; a test may give one that answers as host/PROTOCOL.md says.
//
// `t` is the panel's strings (default: the English fallbacks the code carries).
//
// openWorld({html, url, profile, justification, settings, intent, tabId, limits, beforeParse, host, t}) → {
//   window, document, session,
//   panel: {text(), label(), press()}   press() = the person's accepted click on the panel's button
//   records()   → what reached the outbox, oldest first: [{kind, payload}]
//   states()    → every content.state the background received
//   navigations → [url] the background sent the tab to (a notice's "Object with Objector")
//   hostRequests → [{type, fields}] the background sent the host directly
//   waitFor(fn, ms) → fn()'s first truthy value or throws after ms
//   close() }
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { EXTENSION_DIR, readScript } from "./classic.mjs";
import { createDispatcher, senderRole } from "../../../extension/lib/messages.js";
import { createCoreHandlers } from "../../../extension/background/core-handlers.js";
import { createIntentStore } from "../../../extension/background/intents.js";
import { createBindings } from "../../../extension/background/bindings.js";
import { createOutbox } from "../../../extension/lib/outbox.js";
import { submissionFrom, eventFrom } from "../../../extension/lib/records.js";

const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require("jsdom");

const MANIFEST = JSON.parse(readFileSync(join(EXTENSION_DIR, "manifest.json"), "utf8"));
// Every content script but the wiring itself (this file does what content.js does).
export const CONTENT_SCRIPTS = MANIFEST.content_scripts[0].js.filter((f) => f !== "content/content.js");
const RUNTIME_ID = "pmknlfpplnidacmofbjlkkmafpmjjihh";
const ORIGIN = `chrome-extension://${RUNTIME_ID}`;

export const PERSON = Object.freeze({
  profile: { emails: ["anna.schmidt@example.de"], country: "DE", language: "de", name: "Anna Schmidt" },
  justification: { text: "I object to the use of my information for AI at Meta under Art. 21 GDPR.", language: "en", title: "", source: "builtin" },
});

function memoryStorage(initial = {}) {
  const m = new Map(Object.entries(initial));
  return { get: async (k) => structuredClone(m.get(k)), set: async (k, v) => void m.set(k, structuredClone(v)) };
}

const NO_HOST = { request: async () => Promise.reject(Object.assign(new Error("no host in this test"), { code: "host_missing" })) };

export function openWorld({ html, url, profile = PERSON.profile, justification = PERSON.justification, settings = {}, intent = false, tabId = 7, limits = {}, beforeParse, host = NO_HOST, t = (key, fallback) => fallback }) {
  const virtualConsole = new VirtualConsole();
  const errors = [];
  virtualConsole.on("jsdomError", (e) => errors.push(e.message));
  const dom = new JSDOM(html, { url, runScripts: "dangerously", pretendToBeVisual: true, virtualConsole, beforeParse });
  const { window } = dom;

  // --- the background, real handlers on in-memory storage ---
  const storage = memoryStorage({ settings });
  const outboxStorage = memoryStorage();
  const outbox = createOutbox({ storage: outboxStorage, client: { request: async () => Promise.reject(Object.assign(new Error("no host in this test"), { code: "host_missing" })) } });
  const intents = createIntentStore();
  if (intent) void intents.grant(tabId, { platform: "facebook", formUrl: url });
  const navigations = [];
  const states = [];
  const hostRequests = [];
  const ready = Boolean(profile && profile.emails && profile.emails.length && profile.country);
  const uuid = () => globalThis.crypto.randomUUID();
  // --- the content scripts in the page's window ---
  for (const rel of CONTENT_SCRIPTS) window.eval(readScript(rel) + `\n//# sourceURL=${rel}`);
  const O = window.Objector;
  const compiled = O.matcher.compileRules(O.rules);

  const realHandlers = createCoreHandlers({
    compiled, matcher: O.matcher, intents,
    bindings: createBindings({ storage: memoryStorage() }),
    tabs: { get: async () => ({ id: tabId, url: window.location.href }), navigate: async (_id, to) => void navigations.push(to), send: async () => ({ ok: false }) },
    storage,
    fillData: { get: async () => ({ ready, profile, justification }) },
    openOptions: () => {},
    host: { request: (type, fields) => (hostRequests.push(structuredClone({ type, fields })), host.request(type, fields)) },
    recorder: {
      async submission(record) {
        const s = submissionFrom(record, { uuid, now: () => new Date(), browser: "jsdom", extensionVersion: MANIFEST.version });
        await outbox.add({ kind: "submission", payload: s });
        return s.client_id;
      },
      async event(record) {
        await outbox.add({ kind: "event", payload: eventFrom(record, { uuid, now: () => new Date() }) });
      },
    },
  });
  const dispatch = createDispatcher({
    handlers: { ...realHandlers, "content.state": async (m, sender) => (states.push(m.state), realHandlers["content.state"](m, sender)) },
    roleOf: (sender) => senderRole(sender, { runtimeId: RUNTIME_ID, extensionOrigin: `${ORIGIN}/`, isMetaUrl: (u) => O.matcher.classifyUrl(compiled, u).meta }),
  });
  async function ask(type, fields = {}) {
    const here = new URL(window.location.href);
    const sender = { id: RUNTIME_ID, url: here.href, origin: here.origin, frameId: 0, tab: { id: tabId } };
    const reply = await dispatch(structuredClone({ type, ...fields }), sender);
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.result;
  }

  // The panel as the person sees it: the real ui.js panel, with its button's action reachable.
  let shown = { messages: [], label: null, fn: null };
  const createPanel = (doc) => {
    const real = O.ui.createPanel(doc);
    return {
      setMessages(list) {
        shown.messages = list.map((m) => m.text);
        real.setMessages(list);
      },
      setAction(label, fn) {
        shown.label = label || null;
        shown.fn = label ? fn : null;
        real.setAction(label, fn);
      },
      setLink(label, fn) {
        shown.link = label || null;
        shown.linkFn = label ? fn : null;
        real.setLink(label, fn);
      },
      remove: () => real.remove(),
    };
  };

  const session = O.session.createSession({
    doc: window.document,
    compiled,
    modules: { matcher: O.matcher, domScan: O.domScan, filler: O.filler, outcome: O.outcome, watch: O.watch, noticePrint: O.noticePrint },
    ask,
    createPanel,
    t,
    MutationObserver: window.MutationObserver,
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    now: () => Date.now(),
    getSettings: async () => (await storage.get("settings")) || {},
    sha256: (text) => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
    limits,
  });
  session.start();

  async function records() {
    return (await outboxStorage.get("outbox")) || [];
  }

  async function waitFor(fn, ms = 5000) {
    const until = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > until) throw new Error(`waitFor: nothing after ${ms} ms (panel: ${JSON.stringify(shown)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  return {
    window,
    document: window.document,
    session,
    errors,
    panel: {
      text: () => shown.messages.join(" "),
      label: () => shown.label,
      link: () => shown.link || null,
      press() {
        if (!shown.fn) throw new Error(`the panel offers no action (it says: ${shown.messages.join(" ") || "nothing"})`);
        return shown.fn({ isTrusted: true, type: "click" });
      },
    },
    records,
    states: () => states,
    navigations,
    hostRequests,
    waitFor,
    close() {
      session.stop();
      window.close();
    },
  };
}
