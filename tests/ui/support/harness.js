// Test harness for the extension's pages in jsdom. The pages' view modules run unchanged; below
// them sit the real ui-api handlers, the real host client and outbox, and a native port — either
// the frame-level fake host (support/fake-host.js) or the real objector-host (support/native-port.js).
// Only the core engineer's tab messages (getTabState, objectNow, fillForm) are simulated here.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { createRequire } from "node:module";
import { createHostClient } from "../../../extension/lib/host-client.js";
import { createOutbox } from "../../../extension/lib/outbox.js";
import { createUiHandlers } from "../../../extension/background/ui-api.js";
import { createBackground } from "../../../extension/options/page-kit.js";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");

export const EXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../extension");

export function loadPage(rel) {
  const html = readFileSync(path.join(EXT, rel), "utf8");
  const url = `chrome-extension://pmknlfpplnidacmofbjlkkmafpmjjihh/${rel}`;
  return new JSDOM(html, { url: url.replace("chrome-extension:", "https:") });
}

export function readJson(rel) {
  return JSON.parse(readFileSync(path.join(EXT, rel), "utf8"));
}

// chrome.i18n.getMessage over a _locales/<lang>/messages.json, with $NAME$ placeholders.
export function translatorFor(lang) {
  const messages = readJson(`_locales/${lang}/messages.json`);
  return (key, substitutions) => {
    const entry = messages[key];
    if (!entry) return "";
    const subs = [].concat(substitutions ?? []).map(String);
    let text = entry.message;
    for (const [name, ph] of Object.entries(entry.placeholders || {})) {
      const index = Number(ph.content.replace("$", "")) - 1;
      text = text.split(`$${name.toUpperCase()}$`).join(subs[index] ?? "");
    }
    return text;
  };
}

// The background as the pages see it: sendMessage → {ok, result} | {ok: false, error}.
export function createBackgroundShim({ connectNative, storage, os = "linux", tabStates = {}, timeoutMs = 2000, evidence = null }) {
  const client = createHostClient({ connectNative, timeoutMs });
  const outbox = createOutbox({ storage, client });
  const calls = [];
  const runtime = { getPlatformInfo: async () => ({ os }), openOptionsPage: async () => calls.push({ type: "openOptionsPage" }) };
  const handlers = {
    ...createUiHandlers({ client, outbox, storage, runtime, evidence }),
    async getTabState({ tabId }) {
      const state = tabStates[tabId];
      if (state instanceof Error) throw state;
      return state === undefined ? { kind: "none" } : state;
    },
    async objectNow(message) {
      calls.push(message);
      return { started: true };
    },
    async fillForm(message) {
      calls.push(message);
      return { started: true };
    },
  };
  async function sendMessage(message) {
    const handler = handlers[message.type];
    if (!handler) return { ok: false, error: { code: "unknown_type", message: message.type } };
    try {
      return { ok: true, result: await handler(message, { id: "self" }) };
    } catch (e) {
      return { ok: false, error: { code: e.code || "internal", message: e.message } };
    }
  }
  return { sendMessage, bg: createBackground(sendMessage), client, outbox, calls, runtime };
}

export async function waitFor(check, { timeoutMs = 3000, what = "condition" } = {}) {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function submit(win, form) {
  form.dispatchEvent(new win.Event("submit", { bubbles: true, cancelable: true }));
}

export function change(win, element, value) {
  if (value !== undefined) element.value = value;
  element.dispatchEvent(new win.Event("change", { bubbles: true }));
}
