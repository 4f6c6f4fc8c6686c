// Which tab and form sent which objection. A record's later statuses (Meta's answer) are accepted
// only from the tab and the form (origin + path) whose Send press created it, so another Meta tab,
// or a page that learnt a client id, cannot change it. Pure ES module: storage is injected; the
// background gives it storage.session (kept across service-worker restarts, cleared with the
// browser session, out of content scripts' reach).
//
// createBindings({storage, now, maxAgeMs}) → {
//   bind(clientId, {tabId, formOrigin, formPath, pressedAt}) → Promise<void>
//   check(clientId, {tabId, origin, path}) → Promise<binding>   throws MessageError forbidden_caller
//     unless the same tab, origin and form path (or a path under it: the form app's own next page)
//   latestForTab(tabId) → Promise<binding | null>   the newest objection sent from that tab
//   forgetTab(tabId) → Promise<void> }
// Bindings older than maxAgeMs (default: two hours, past the one-hour code) are dropped.
import { MessageError } from "../lib/messages.js";

export const BINDINGS_KEY = "bindings";
const TWO_HOURS_MS = 2 * 60 * 60 * 1000;

export function createBindings({ storage, now = () => Date.now(), maxAgeMs = TWO_HOURS_MS }) {
  let chain = Promise.resolve();
  function locked(fn) {
    const run = chain.then(fn);
    chain = run.catch(() => {});
    return run;
  }

  async function read() {
    const all = (await storage.get(BINDINGS_KEY)) || {};
    const fresh = {};
    for (const [id, b] of Object.entries(all)) if (b && now() - b.boundAt <= maxAgeMs) fresh[id] = b;
    return fresh;
  }

  return {
    bind(clientId, { tabId, formOrigin, formPath, pressedAt }) {
      return locked(async () => {
        const all = await read();
        all[clientId] = { clientId, tabId, formOrigin, formPath, pressedAt, boundAt: now() };
        await storage.set(BINDINGS_KEY, all);
      });
    },

    async check(clientId, { tabId, origin, path }) {
      const b = (await locked(read))[clientId];
      if (!b) throw new MessageError("forbidden_caller", "this objection was not sent from this page");
      const base = b.formPath.replace(/\/$/, "");
      const samePage = path === b.formPath || path === base || path.startsWith(`${base}/`);
      if (b.tabId !== tabId || b.formOrigin !== origin || !samePage) {
        throw new MessageError("forbidden_caller", "this objection was sent from another tab or form");
      }
      return b;
    },

    async latestForTab(tabId) {
      const all = Object.values(await locked(read)).filter((b) => b.tabId === tabId);
      all.sort((a, b) => b.boundAt - a.boundAt);
      return all[0] || null;
    },

    forgetTab(tabId) {
      return locked(async () => {
        const all = await read();
        for (const [id, b] of Object.entries(all)) if (b.tabId === tabId) delete all[id];
        await storage.set(BINDINGS_KEY, all);
      });
    },
  };
}
