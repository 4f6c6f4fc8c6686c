// User-click intents: "Object with Objector" was clicked on a notice in this tab, so the form that
// opens next in the same tab may be filled and sent without a second click. Pure ES module; the
// background gives it storage.session, so an intent survives the service worker being stopped
// between the click and the form's load (Chromium stops idle workers after ~30 s).
//
// createIntentStore({now, ttlMs, storage}) → {
//   grant(tabId, {platform, formUrl}) → Promise<intent>  (replaces an older one of the tab)
//   claim(tabId, pageUrl) → Promise<intent | null>       (once: a claimed intent is gone; only
//                                     before it expires and only on the form it was granted for)
//   clear(tabId) → Promise, size() → Promise<number> }
// storage: {get(key), set(key, value)}; without it the intents live in memory.
// Nothing else creates intents, so nothing is ever sent without the user's click in the chain.
export const INTENT_TTL_MS = 2 * 60 * 1000;
export const INTENTS_KEY = "intents";

function samePath(a, b) {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.protocol === y.protocol && x.hostname === y.hostname && x.pathname.replace(/\/$/, "") === y.pathname.replace(/\/$/, "");
  } catch {
    return false;
  }
}

function memory() {
  const m = new Map();
  return { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
}

export function createIntentStore({ now = () => Date.now(), ttlMs = INTENT_TTL_MS, storage = memory() } = {}) {
  let chain = Promise.resolve();
  // Read-modify-write of the one key, one at a time: a claim can never race a grant.
  function update(fn) {
    const run = chain.then(async () => {
      const all = { ...((await storage.get(INTENTS_KEY)) || {}) };
      const out = fn(all);
      await storage.set(INTENTS_KEY, all);
      return out;
    });
    chain = run.catch(() => {});
    return run;
  }
  return {
    grant(tabId, { platform, formUrl }) {
      return update((all) => {
        const intent = { tabId, platform, formUrl, grantedAt: now(), expiresAt: now() + ttlMs };
        all[tabId] = intent;
        return intent;
      });
    },
    claim(tabId, pageUrl) {
      return update((all) => {
        const intent = all[tabId];
        if (!intent) return null;
        if (now() > intent.expiresAt) {
          delete all[tabId];
          return null;
        }
        if (!samePath(intent.formUrl, pageUrl)) return null;
        delete all[tabId];
        return intent;
      });
    },
    clear(tabId) {
      return update((all) => void delete all[tabId]);
    },
    size() {
      return update((all) => Object.keys(all).length);
    },
  };
}
