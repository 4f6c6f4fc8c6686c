// The options page's browser adapter: wires chrome.* into options-view.js.
import { createBackground, createTranslator, localize } from "./page-kit.js";
import { mountOptions } from "./options-view.js";
import { mountPairing } from "./pairing-view.js";
import { openPrivateStore, createRoutedStorage, PROFILE_KEYS } from "../lib/private-store.js";

const api = globalThis.browser || globalThis.chrome;
const t = createTranslator((key, subs) => api.i18n.getMessage(key, subs));
const bg = createBackground((message) => api.runtime.sendMessage(message));
// The profile mirror lives in the extension origin's IndexedDB (out of content scripts' reach),
// settings in storage.local. The background moves the outbox; this page moves only the profile.
const storage = createRoutedStorage({ local: api.storage.local, store: openPrivateStore(globalThis.indexedDB), migrateKeys: PROFILE_KEYS });

// A Blob and an <a download> click: no `downloads` permission needed.
function download({ filename, mime, content }) {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function start() {
  const locale = api.i18n.getUILanguage();
  document.documentElement.lang = locale;
  localize(document, t);
  const defaults = await (await fetch(api.runtime.getURL("justifications/defaults.json"))).json();
  await mountOptions({ doc: document, win: window, bg, t, storage, locale, defaults, download });
  await mountPairing({ doc: document, bg, t, permissions: api.permissions }).settled();
  document.body.setAttribute("data-ready", "1");
}
start().catch((e) => {
  document.getElementById("status").textContent = e.message;
  document.body.setAttribute("data-ready", "error");
});
