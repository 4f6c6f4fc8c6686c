// User-click intents: "Object with Objector" was clicked on a notice in this tab, so the form that
// opens next in the same tab may be filled and sent without a second click. Pure ES module.
//
// createIntentStore({now, ttlMs}) → {
//   grant(tabId, {platform, formUrl}) → intent   (replaces an older one of the tab)
//   claim(tabId, pageUrl) → intent | null        (once: a claimed intent is gone; only before it
//                                                 expires and only on the form it was granted for)
//   clear(tabId), size() }
// Nothing else creates intents, so nothing is ever sent without the user's click in the chain.
export const INTENT_TTL_MS = 2 * 60 * 1000;

function samePath(a, b) {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.protocol === y.protocol && x.hostname === y.hostname && x.pathname.replace(/\/$/, "") === y.pathname.replace(/\/$/, "");
  } catch {
    return false;
  }
}

export function createIntentStore({ now = () => Date.now(), ttlMs = INTENT_TTL_MS } = {}) {
  const byTab = new Map();
  return {
    grant(tabId, { platform, formUrl }) {
      const intent = { tabId, platform, formUrl, grantedAt: now(), expiresAt: now() + ttlMs };
      byTab.set(tabId, intent);
      return intent;
    },
    claim(tabId, pageUrl) {
      const intent = byTab.get(tabId);
      if (!intent) return null;
      if (now() > intent.expiresAt) {
        byTab.delete(tabId);
        return null;
      }
      if (!samePath(intent.formUrl, pageUrl)) return null;
      byTab.delete(tabId);
      return intent;
    },
    clear(tabId) {
      byTab.delete(tabId);
    },
    size() {
      return byTab.size;
    },
  };
}
