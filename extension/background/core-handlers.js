// The background's own message handlers (the core's half of the dispatch table; face's half is
// ui-api.js). Pure ES module: tabs, storage, the fill-data source and the recorder are injected.
//
// createCoreHandlers({compiled, matcher, intents, tabs: {get, navigate, send}, storage, fillData,
//   openOptions, record}) → handlers keyed by message type (lib/messages.js) plus forgetTab(tabId).
// Every handler runs after the dispatcher checked the sender and validated the message.
import { MessageError } from "../lib/messages.js";

const STATE_KEYS = ["kind", "platform", "formKind", "language", "step", "formId", "round", "nearMiss"];

function cleanState(state, url) {
  const out = { url };
  for (const key of STATE_KEYS) out[key] = typeof state[key] === "string" ? state[key] : null;
  if (!["notice", "form", "confirmation", "none"].includes(out.kind)) out.kind = "none";
  return out;
}

export function readSettings(stored) {
  const s = stored && typeof stored === "object" ? stored : {};
  const platforms = s.platforms && typeof s.platforms === "object" ? s.platforms : {};
  return {
    reviewBeforeSend: s.reviewBeforeSend === true,
    platforms: { facebook: platforms.facebook !== false, instagram: platforms.instagram !== false },
  };
}

export function createCoreHandlers({ compiled, matcher, intents, tabs, storage, fillData, openOptions, record }) {
  const states = new Map();

  async function tabUrl(tabId) {
    try {
      return (await tabs.get(tabId)).url || "";
    } catch {
      throw new MessageError("not_found", `no tab ${tabId}`);
    }
  }

  async function stateOf(tabId) {
    const url = await tabUrl(tabId);
    try {
      const reply = await tabs.send(tabId, { type: "tab.getState" });
      if (reply && reply.ok) {
        const state = cleanState(reply.result, url);
        states.set(tabId, state);
        return state;
      }
    } catch {
      // no content script in this tab (not a Meta page, or still loading)
    }
    const known = states.get(tabId);
    if (known && known.url === url) return known;
    const where = matcher.classifyUrl(compiled, url);
    return cleanState({ kind: "none", platform: where.meta ? where.platform : null, nearMiss: where.meta ? null : where.reason }, url);
  }

  async function settings() {
    return readSettings(await storage.get("settings"));
  }

  async function startObjection(tabId, platform, fromUrl) {
    if (!(await settings()).platforms[platform]) throw new MessageError("disabled", `Objector is switched off for ${platform} in the settings`);
    const url = matcher.objectFormUrl(compiled, platform, fromUrl);
    if (!url) throw new MessageError("not_found", `no objection form for ${platform}`);
    intents.grant(tabId, { platform, formUrl: url });
    await tabs.navigate(tabId, url);
    return { url };
  }

  return {
    getTabState({ tabId }) {
      return stateOf(tabId);
    },

    async fillForm({ tabId }) {
      const state = await stateOf(tabId);
      if (state.kind !== "form") throw new MessageError("invalid_value", "this tab shows no objection form");
      const reply = await tabs.send(tabId, { type: "tab.fill" });
      if (!reply || !reply.ok) throw new MessageError((reply && reply.error && reply.error.code) || "internal", (reply && reply.error && reply.error.message) || "the page did not answer");
      return { started: true };
    },

    async objectNow({ tabId }) {
      const state = await stateOf(tabId);
      if (state.kind !== "notice") throw new MessageError("invalid_value", "this tab shows no AI notice");
      return startObjection(tabId, state.platform, state.url);
    },

    "content.state"({ state }, sender) {
      states.set(sender.tab.id, cleanState(state, sender.url));
      return {};
    },

    async "content.objectClicked"(_message, sender) {
      const state = states.get(sender.tab.id);
      if (!state || state.kind !== "notice" || state.url !== sender.url) throw new MessageError("invalid_value", "no AI notice on this page");
      return startObjection(sender.tab.id, state.platform, sender.url);
    },

    async "content.formReady"(_message, sender) {
      const intent = intents.claim(sender.tab.id, sender.url);
      return { intent: Boolean(intent), settings: await settings() };
    },

    "content.fillData"({ language }) {
      return fillData.get(language);
    },

    async "content.outcome"({ record: r }, sender) {
      if (r.clientId) return record({ clientId: r.clientId, status: r.status, reason: r.reason });
      // What was sent where comes from the sender's URL, not from the page's word.
      const where = matcher.classifyUrl(compiled, sender.url);
      if (!where.meta || where.area !== "form") throw new MessageError("forbidden_caller", "outcomes come only from objection forms");
      return record({ ...r, formUrl: sender.url, formId: where.formId, platform: where.platform, formKind: where.formKind });
    },

    "content.openOptions"() {
      openOptions();
      return {};
    },

    forgetTab(tabId) {
      states.delete(tabId);
      intents.clear(tabId);
    },
  };
}
