// Objector's background (service worker in Chromium, event page in Firefox): the wiring of one
// transport (the native host, else the paired agent), one outbox, one fill-data source and one
// message dispatcher. Logic lives in lib/ and in the pure modules beside this file; this file only
// adapts chrome.* to them.
import "../rules/rules.js";
import "../lib/normalize.js";
import "../lib/matcher.js";
import { createHostClient } from "../lib/host-client.js";
import { createHttpClient } from "../lib/http-client.js";
import { createTransport } from "../lib/transport.js";
import { createPairingHandlers } from "./pairing.js";
import { createOutbox } from "../lib/outbox.js";
import { createFillDataSource } from "../lib/fill-data.js";
import { openPrivateStore, createRoutedStorage } from "../lib/private-store.js";
import { createUiHandlers, onInstalled, firstRunOnce, shrinkJpeg } from "./ui-api.js";
import { createDispatcher, senderRole, MessageError } from "../lib/messages.js";
import { submissionFrom, eventFrom, browserLabel } from "../lib/records.js";
import { createIntentStore } from "./intents.js";
import { createCoreHandlers } from "./core-handlers.js";
import { createBindings } from "./bindings.js";
import { createBadgeUpdater, FOLLOWUP_ALARM, FOLLOWUP_PERIOD_MINUTES } from "./followups.js";

const api = globalThis.browser || globalThis.chrome;
const { matcher, rules } = globalThis.Objector;
const compiled = matcher.compileRules(rules);

// Personal data (profile mirror, outbox, refused records) in the extension origin's IndexedDB, out
// of content scripts' reach; settings in storage.local. The first use moves old storage.local keys.
const privateStore = openPrivateStore(globalThis.indexedDB);
const storage = createRoutedStorage({ local: api.storage.local, store: privateStore });

// One client for everything that talks to the history: native messaging first, the paired
// loopback agent (`objector serve`) when the browser cannot start the host (lib/transport.js).
const nativeClient = createHostClient({
  connectNative: (name) => api.runtime.connectNative(name),
  lastError: () => api.runtime.lastError, // the browser's own reason when the host is missing
});
let pairing = null; // set below; the HTTP client reads the pairing at every request
const readPairing = () => pairing.read();
const httpClient = createHttpClient({ fetch: (url, init) => fetch(url, init), pairing: readPairing });
const client = createTransport({ native: nativeClient, agent: httpClient, pairing: readPairing });
const outbox = createOutbox({ storage, client });
pairing = createPairingHandlers({ http: httpClient, transport: client, store: privateStore, outbox });
let defaultsPromise = null;
function defaults() {
  defaultsPromise ||= fetch(api.runtime.getURL("justifications/defaults.json")).then((r) => r.json()).catch(() => ({ languages: {} }));
  return defaultsPromise;
}
const fillData = {
  async get(language) {
    return createFillDataSource({ client, storage, defaults: await defaults() }).get(language);
  },
};

// Follow-ups on the toolbar icon (issue 12): at start, every 30 minutes, after records reach the
// host. Only the local host is asked; no notification, no network.
const badge = createBadgeUpdater({
  request: (type, fields) => client.request(type, fields),
  action: api.action,
  t: (key, subs) => api.i18n.getMessage(key, subs),
});
function refreshBadge() {
  return badge.refresh().catch(() => null);
}

function flush() {
  return outbox
    .flush()
    .then((r) => {
      if (r && r.delivered > 0) refreshBadge();
      return r;
    })
    .catch(() => undefined);
}

const runtime = {
  getPlatformInfo: () => api.runtime.getPlatformInfo(),
  openOptionsPage: () => api.runtime.openOptionsPage(),
};

// Out of content scripts' reach, kept across service-worker restarts (Firefox: event page).
const sessionArea = api.storage.session || null;
const sessionMemory = new Map();
const sessionStorage = sessionArea
  ? { get: async (key) => (await sessionArea.get(key))[key], set: (key, value) => sessionArea.set({ [key]: value }) }
  : { get: async (key) => sessionMemory.get(key), set: async (key, value) => void sessionMemory.set(key, value) };
const bindings = createBindings({ storage: sessionStorage });

// Every record goes to the outbox (persisted before the reply) and then to the host.
const recorder = {
  async submission(record) {
    const submission = submissionFrom(record, { ...facts(), browser: browserLabel(navigator.userAgent), extensionVersion: api.runtime.getManifest().version });
    await outbox.add({ kind: "submission", payload: submission });
    flush();
    return submission.client_id;
  },
  async event(record) {
    await outbox.add({ kind: "event", payload: eventFrom(record, facts()) });
    flush();
  },
};
function facts() {
  return { uuid: () => crypto.randomUUID(), now: () => new Date() };
}

const core = createCoreHandlers({
  compiled,
  matcher,
  intents: createIntentStore({ storage: sessionStorage }),
  bindings,
  tabs: {
    get: (tabId) => api.tabs.get(tabId),
    navigate: (tabId, url) => api.tabs.update(tabId, { url }),
    send: (tabId, message) => api.tabs.sendMessage(tabId, message),
  },
  storage,
  fillData,
  openOptions: () => api.runtime.openOptionsPage(),
  recorder,
  host: client, // notice sightings go to the host directly, never through the outbox
});

// The popup's "Save a screenshot as evidence": its action click grants activeTab for that tab.
const evidence = {
  tabs: { get: (tabId) => api.tabs.get(tabId), captureVisibleTab: (windowId, options) => api.tabs.captureVisibleTab(windowId, options) },
  shrink: shrinkJpeg,
  bindings,
  uuid: () => crypto.randomUUID(),
};
const handlers = { ...createUiHandlers({ client, outbox, storage, runtime, evidence }), ...core, ...pairing.handlers };
handlers["followups.refresh"] = () => refreshBadge(); // a page asks the toolbar badge anew
const extensionOrigin = api.runtime.getURL("");
const dispatch = createDispatcher({
  handlers,
  roleOf: (sender) => senderRole(sender, { runtimeId: api.runtime.id, extensionOrigin, isMetaUrl: (url) => matcher.classifyUrl(compiled, url).meta }),
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  dispatch(message, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: { code: "internal", message: String(e && e.message) } }));
  return true; // the reply comes asynchronously
});
api.tabs.onRemoved.addListener((tabId) => core.forgetTab(tabId));
const firstRun = { value: false }; // one first-run page per worker life: onInstalled or firstRunOnce
const FIRST_RUN_KEY = "firstRunShown";
api.runtime.onInstalled.addListener((details) => {
  if (firstRun.value) return;
  firstRun.value = true;
  api.storage.local.set({ [FIRST_RUN_KEY]: true }).catch(() => undefined);
  onInstalled(details, runtime);
});
firstRunOnce(runtime, {
  isSetUp: async () => (await fillData.get("en")).ready,
  shown: firstRun,
  flag: { get: async () => (await api.storage.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY] === true, set: () => api.storage.local.set({ [FIRST_RUN_KEY]: true }) },
}).catch(() => undefined);
client.onStatusChange((status) => {
  if (status.connected) flush();
});
flush();
api.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === FOLLOWUP_ALARM) refreshBadge();
});
// Created once: re-creating it at every start of the worker would push it back each time.
Promise.resolve(api.alarms.get(FOLLOWUP_ALARM))
  .then((existing) => existing || api.alarms.create(FOLLOWUP_ALARM, { periodInMinutes: FOLLOWUP_PERIOD_MINUTES }))
  .catch(() => undefined);
refreshBadge();

export { MessageError };
