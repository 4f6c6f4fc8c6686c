// The background's own message handlers (the core's half of the dispatch table; face's half is
// ui-api.js). Pure ES module: tabs, storage, the fill-data source and the recorder are injected.
//
// createCoreHandlers({compiled, matcher, intents, bindings, tabs: {get, navigate, send}, storage,
//   fillData, openOptions, recorder: {submission(facts) → clientId, event(facts)},
//   host: {request(type, fields) → Promise<result>}}) → handlers keyed by message type
//   (lib/messages.js) plus forgetTab(tabId).
// Every handler runs after the dispatcher checked the sender and validated the message. What was
// sent where (form origin and path, form id, platform, form kind) comes from the sender's URL,
// never from the page's word; a status is accepted only from the tab and form that sent it.
// A notice sighting is not evidence: it goes to the host directly (`notice.seen`), not through the
// outbox, and is dropped when the host is missing (the answer is then "nothing known").
import { MessageError } from "../lib/messages.js";
import { evidenceFrom } from "../lib/records.js";

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

// The form a content script speaks for: its sender URL must be one of the objection forms.
function formOf(compiled, matcher, sender) {
  const where = matcher.classifyUrl(compiled, sender.url);
  if (!where.meta || where.area !== "form") throw new MessageError("forbidden_caller", "only an objection form may send this");
  const url = new URL(sender.url);
  return { where, origin: url.origin, path: url.pathname };
}

// Only what the form asks for leaves the background: no addresses for a form without an email
// field, no justification for a form without a text box.
export function fillDataFor(data, fields) {
  const wanted = new Set(fields);
  const p = data.profile || {};
  const profile = {};
  if (wanted.has("email")) profile.emails = p.emails || [];
  if (wanted.has("country")) profile.country = p.country || null;
  if (wanted.has("name")) profile.name = p.name || "";
  const out = { ready: data.ready, profile };
  if (wanted.has("justification")) out.justification = data.justification;
  return out;
}

const NOTHING_KNOWN = Object.freeze({ alreadyObjected: null, newRound: false });
const SIGHTINGS_PER_PAGE = 4;

// The host's `notice.seen` result as the content script may see it: a date and a flag, no more.
export function noticeFacts(result) {
  const a = result && result.already_objected;
  const confirmedAt = a && typeof a.confirmed_at === "string" && !Number.isNaN(Date.parse(a.confirmed_at)) ? a.confirmed_at : null;
  return { alreadyObjected: confirmedAt ? { confirmedAt } : null, newRound: Boolean(result && result.new_round === true) };
}

export function createCoreHandlers({ compiled, matcher, intents, bindings, tabs, storage, fillData, openOptions, recorder, host }) {
  const states = new Map();
  const sighted = new Map(); // tabId → {url, count}: sightings forwarded for the tab's current page

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
    await intents.grant(tabId, { platform, formUrl: url });
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
      const intent = await intents.claim(sender.tab.id, sender.url);
      return { intent: Boolean(intent), settings: await settings() };
    },

    async "content.fillData"({ language, fields }, sender) {
      formOf(compiled, matcher, sender);
      return fillDataFor(await fillData.get(language), fields || ["email", "country", "justification"]);
    },

    // The press of Meta's Send: the record is in the outbox before this answers.
    async "content.submitted"({ record: r }, sender) {
      const { where, origin, path } = formOf(compiled, matcher, sender);
      // A form without a country field never learns the country; the history still records
      // where the person lives (the host requires it), from the profile the background holds.
      const country = r.country || (await fillData.get(r.language)).profile.country || undefined;
      const clientId = await recorder.submission({
        ...r,
        country,
        status: "submitted",
        formUrl: origin + path,
        formId: where.formId,
        platform: where.platform,
        formKind: where.formKind,
        evidence: evidenceFrom(r.evidence, { pressedAt: r.pressedAt, formOrigin: origin, formPath: path }),
      });
      await bindings.bind(clientId, { tabId: sender.tab.id, formOrigin: origin, formPath: path, pressedAt: r.pressedAt });
      return { clientId };
    },

    // Meta's answer to a press this tab's form made.
    // The page may have moved on after Send (a form app pushing /help/contact/<id>/confirmation):
    // the answer still counts from the same tab, origin and form path or a path under it.
    async "content.status"({ clientId, status, reason, evidence }, sender) {
      const url = new URL(sender.url);
      const b = await bindings.check(clientId, { tabId: sender.tab.id, origin: url.origin, path: url.pathname });
      await recorder.event({
        clientId,
        status,
        reason,
        evidence: evidenceFrom(evidence, { pressedAt: b.pressedAt, formOrigin: b.formOrigin, formPath: b.formPath }),
      });
      return {};
    },

    // A notice the page shows (lib/notice-print.js): platform from the sender, at most a few per
    // page, only for a platform Objector is on for.
    async "content.noticeSeen"({ kind, language, fingerprint }, sender) {
      const where = matcher.classifyUrl(compiled, sender.url);
      if (!where.meta) throw new MessageError("forbidden_caller", "only a Meta page may send this");
      if (!host || !(await settings()).platforms[where.platform]) return { ...NOTHING_KNOWN };
      const page = sighted.get(sender.tab.id);
      const count = page && page.url === sender.url ? page.count : 0;
      if (count >= SIGHTINGS_PER_PAGE) return { ...NOTHING_KNOWN };
      sighted.set(sender.tab.id, { url: sender.url, count: count + 1 });
      try {
        return noticeFacts(await host.request("notice.seen", { notice: { platform: where.platform, language, kind, fingerprint } }));
      } catch {
        return { ...NOTHING_KNOWN }; // host missing, busy or older than notice.seen: the sighting is dropped
      }
    },

    "content.openOptions"() {
      openOptions();
      return {};
    },

    forgetTab(tabId) {
      states.delete(tabId);
      sighted.delete(tabId);
      return Promise.all([intents.clear(tabId), bindings.forgetTab(tabId)]);
    },
  };
}
