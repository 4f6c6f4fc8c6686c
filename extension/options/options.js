// The options page's browser adapter: wires chrome.* into options-view.js.
import { createBackground, createTranslator, localize } from "./page-kit.js";
import { mountOptions } from "./options-view.js";
import { mountPairing } from "./pairing-view.js";
import { openPrivateStore, createRoutedStorage, PROFILE_KEYS } from "../lib/private-store.js";
import { formUrlsFrom } from "./coverage-view.js";
import "../rules/rules.js"; // Meta's form addresses for the coverage page's "Object now"

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

// The complaint letter in a new tab, to print: a Blob URL of this page's origin. The extension CSP
// (which that document inherits) blocks the letter's <style>, so its rules are adopted as a
// constructed stylesheet, as the history's report preview does. → false when no tab could open.
function openLetter({ content }) {
  const url = URL.createObjectURL(new Blob([content], { type: "text/html;charset=utf-8" }));
  const tab = window.open(url, "_blank");
  if (!tab) {
    URL.revokeObjectURL(url);
    return false;
  }
  const adopt = () => {
    try {
      const inner = tab.document;
      const css = [...inner.querySelectorAll("style")].map((s) => s.textContent).join("\n");
      if (!css || inner.adoptedStyleSheets.length) return;
      const sheet = new tab.CSSStyleSheet();
      sheet.replaceSync(css);
      inner.adoptedStyleSheets = [sheet];
    } catch {
      // unstyled is still readable and printable; the download keeps its styles
    }
  };
  tab.addEventListener("load", adopt);
  setTimeout(() => URL.revokeObjectURL(url), 120000);
  return true;
}

async function start() {
  const locale = api.i18n.getUILanguage();
  document.documentElement.lang = locale;
  localize(document, t);
  const defaults = await (await fetch(api.runtime.getURL("justifications/defaults.json"))).json();
  const formUrls = formUrlsFrom(globalThis.Objector && globalThis.Objector.rules);
  await mountOptions({ doc: document, win: window, bg, t, storage, locale, defaults, download, formUrls, openLetter });
  await mountPairing({ doc: document, bg, t, permissions: api.permissions }).settled();
  performance.mark("objector-options-ready"); // the section's data is shown (bench/coverage-page.mjs reads it)
  document.body.setAttribute("data-ready", "1");
}
start().catch((e) => {
  document.getElementById("status").textContent = e.message;
  document.body.setAttribute("data-ready", "error");
});
