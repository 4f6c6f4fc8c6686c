// Objector's background (service worker in Chromium, event page in Firefox): the wiring of one
// host client, one outbox, one fill-data source and one message dispatcher. Logic lives in lib/
// and in the pure modules beside this file; this file only adapts chrome.* to them.
import "../rules/rules.js";
import "../lib/normalize.js";
import "../lib/matcher.js";
import { createHostClient } from "../lib/host-client.js";
import { createOutbox } from "../lib/outbox.js";
import { createFillDataSource } from "../lib/fill-data.js";
import { createUiHandlers, onInstalled } from "./ui-api.js";
import { createDispatcher, senderRole, MessageError } from "../lib/messages.js";
import { submissionFrom, eventFrom, browserLabel } from "../lib/records.js";
import { createIntentStore } from "./intents.js";
import { createCoreHandlers } from "./core-handlers.js";

const api = globalThis.browser || globalThis.chrome;
const { matcher, rules } = globalThis.Objector;
const compiled = matcher.compileRules(rules);

const storage = {
  get: async (key) => (await api.storage.local.get(key))[key],
  set: (key, value) => api.storage.local.set({ [key]: value }),
};

const client = createHostClient({
  connectNative: (name) => api.runtime.connectNative(name),
  lastError: () => api.runtime.lastError, // the browser's own reason when the host is missing
});
const outbox = createOutbox({ storage, client });
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

function flush() {
  return outbox.flush().catch(() => undefined);
}

const runtime = {
  getPlatformInfo: () => api.runtime.getPlatformInfo(),
  openOptionsPage: () => api.runtime.openOptionsPage(),
};

const core = createCoreHandlers({
  compiled,
  matcher,
  intents: createIntentStore(),
  tabs: {
    get: (tabId) => api.tabs.get(tabId),
    navigate: (tabId, url) => api.tabs.update(tabId, { url }),
    send: (tabId, message) => api.tabs.sendMessage(tabId, message),
  },
  storage,
  fillData,
  openOptions: () => api.runtime.openOptionsPage(),
  record: async (record) => {
    const facts = { uuid: () => crypto.randomUUID(), now: () => new Date() };
    if (record.clientId) {
      await outbox.add({ kind: "event", payload: eventFrom(record, facts) });
      flush();
      return { clientId: record.clientId };
    }
    const submission = submissionFrom(record, { ...facts, browser: browserLabel(navigator.userAgent), extensionVersion: api.runtime.getManifest().version });
    await outbox.add({ kind: "submission", payload: submission });
    flush();
    return { clientId: submission.client_id };
  },
});

const handlers = { ...createUiHandlers({ client, outbox, storage, runtime }), ...core };
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
api.runtime.onInstalled.addListener((details) => onInstalled(details, runtime));
client.onStatusChange((status) => {
  if (status.connected) flush();
});
flush();

export { MessageError };
