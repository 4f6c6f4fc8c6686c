// The popup's browser adapter: wires chrome.* into popup-view.js.
import { createBackground, createTranslator, localize } from "../options/page-kit.js";
import { renderPopup } from "./popup-view.js";
import { openPrivateStore, createRoutedStorage, PROFILE_KEYS } from "../lib/private-store.js";

const api = globalThis.browser || globalThis.chrome;
const t = createTranslator((key, subs) => api.i18n.getMessage(key, subs));
const bg = createBackground((message) => api.runtime.sendMessage(message));
const storage = createRoutedStorage({ local: api.storage.local, store: openPrivateStore(globalThis.indexedDB), migrateKeys: PROFILE_KEYS });

async function activeTabId() {
  const forced = new URLSearchParams(location.search).get("tabId"); // tests open the popup as a tab
  if (forced) return Number(forced);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

document.documentElement.lang = api.i18n.getUILanguage();
localize(document, t);
document.getElementById("open-options").addEventListener("click", (event) => {
  event.preventDefault();
  api.runtime.openOptionsPage();
  window.close();
});
activeTabId()
  .then((tabId) =>
    renderPopup({ doc: document, bg, t, tabId, storage, openOptions: () => api.runtime.openOptionsPage() }),
  )
  .then(() => document.body.setAttribute("data-ready", "1"));
