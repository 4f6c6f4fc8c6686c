"use strict";
// Objector's content script on Meta's pages: wiring only. The objection session
// (lib/session.js) holds the flow; this file gives it the page, the modules, the panel, timers,
// messaging and settings, and answers the background's questions. It runs once per page.
//
// Its own state lives in closures and in a Symbol-keyed flag of this world's global: a page can
// clobber string-named globals with element ids (<div id="__objectorContentStarted">), never a
// Symbol (see also rules.js, which makes the Objector namespace an own property first).
(function () {
  const STARTED = Symbol.for("objector.content.started");
  if (globalThis[STARTED]) return; // never twice in one page
  Object.defineProperty(globalThis, STARTED, { value: true });

  const api = globalThis.browser || globalThis.chrome;
  const { rules, matcher, domScan, filler, outcome, watch, noticePrint, session: sessionModule, ui } = globalThis.Objector;
  const compiled = matcher.compileRules(rules);

  function t(key, fallback, subs) {
    try {
      const m = api.i18n.getMessage(key, subs);
      if (m) return m;
    } catch {
      // i18n unavailable: the English fallback below
    }
    let out = fallback;
    for (const s of subs || []) out = out.replace(/\$[A-Z]+\$/, s);
    return out;
  }

  async function ask(type, fields = {}) {
    const reply = await api.runtime.sendMessage({ type, ...fields });
    if (!reply || !reply.ok) {
      const e = new Error((reply && reply.error && reply.error.message) || "no reply from Objector's background");
      e.code = reply && reply.error && reply.error.code;
      throw e;
    }
    return reply.result;
  }

  const session = sessionModule.createSession({
    doc: document,
    compiled,
    modules: { matcher, domScan, filler, outcome, watch, noticePrint },
    ask,
    createPanel: (doc) => ui.createPanel(doc),
    t,
    MutationObserver,
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
    now: () => Date.now(),
    getSettings: async () => (await api.storage.local.get("settings")).settings || {},
    sha256: (text) => globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)),
  });

  // Single-page navigation: pushState from the page's world is invisible to us otherwise.
  addEventListener("popstate", () => session.onNavigate());
  if (globalThis.navigation && typeof globalThis.navigation.addEventListener === "function") {
    globalThis.navigation.addEventListener("navigatesuccess", () => session.onNavigate());
  }
  setInterval(() => session.onNavigate(), 1000);

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!sender || sender.id !== api.runtime.id || !message) return false;
    if (message.type === "tab.getState") {
      sendResponse({ ok: true, result: session.detect() });
    } else if (message.type === "tab.fill") {
      try {
        sendResponse({ ok: true, result: session.fill() });
      } catch (e) {
        sendResponse({ ok: false, error: { code: e.code || "internal", message: e.message } });
      }
    }
    return false;
  });

  session.start();
})();
