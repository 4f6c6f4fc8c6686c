// The popup's logic: what is on this tab, the one-click action, the history keeper (native host)
// and the outbox. Browser calls come in through `bg` (options/page-kit.js createBackground),
// `storage` ({get}), `t` (i18n), `openOptions` (→ the options page, which opens on the coverage)
// and `now`, so jsdom tests run it unchanged.
import { text } from "../options/page-kit.js";
import { isReady } from "../lib/fill-data.js";
import { dueFollowUps, followupSummary, utcNow } from "../background/followups.js";

const PLATFORM_NAMES = { facebook: "Facebook", instagram: "Instagram" };

// kind → [message key, English fallback]; $PLATFORM$ is filled in.
const TAB_TEXT = {
  notice: ["popupTabNotice", "Meta's notice about using your data for AI ($PLATFORM$). You can object now."],
  form: ["popupTabForm", "Meta's objection form ($PLATFORM$). Objector can fill it in for you."],
  confirmation: ["popupTabConfirmation", "Meta confirmed an objection on this page ($PLATFORM$)."],
  none: ["popupTabNone", "Nothing to do here. Objector acts on Meta's AI notices and objection forms."],
};

// kind → the background message the one-click button sends, and its label.
const ACTIONS = {
  notice: { type: "objectNow", key: "popupObjectNow", fallback: "Object now" },
  form: { type: "fillForm", key: "popupFillForm", fallback: "Fill in the form" },
};

export function describeTab(state, t) {
  const kind = state && TAB_TEXT[state.kind] ? state.kind : "none";
  const platform = PLATFORM_NAMES[state && state.platform] || "Meta";
  const [key, fallback] = TAB_TEXT[kind];
  return text(t, key, fallback.replace("$PLATFORM$", platform), [platform]);
}

export function describeHost(status, t) {
  if (status.connected) {
    const via = status.transport ? ` (${status.transport})` : ""; // native messaging or the paired agent
    return { cls: "connected", text: text(t, "popupHostConnected", `Connected, version ${status.hostVersion}`, [status.hostVersion || "?"]) + via };
  }
  const code = status.error && status.error.code;
  if (code === "host_missing") {
    return { cls: "missing", text: text(t, "popupHostMissing", "Not installed or not found. Your objections wait safely in the browser until it is.") };
  }
  return { cls: "missing", text: text(t, "popupHostDown", "Not answering right now. Your objections wait safely in the browser.") };
}

export function describeOutbox(status, t) {
  const n = status.pending;
  if (n === 0) return text(t, "popupOutboxEmpty", "Every objection is saved in your history.");
  if (n === 1) return text(t, "popupOutboxOne", "1 objection waits to be saved in your history.");
  return text(t, "popupOutboxMany", `${n} objections wait to be saved in your history.`, [String(n)]);
}

async function loadProfile(bg, storage) {
  try {
    const { profile } = await bg.host("profile.get");
    if (isReady(profile)) return profile;
  } catch {
    // the host may be missing; the mirror saved by the options page stands in
  }
  return (await storage.get("profile")) || null;
}

export async function renderPopup({ doc, bg, t, tabId, storage, openOptions, now = () => new Date() }) {
  const $ = (id) => doc.getElementById(id);
  const tabStateEl = $("tab-state");
  const action = $("action");
  const result = $("action-result");

  const [tabReply, hostStatus, outboxStatus, profile, settings, evidence] = await Promise.all([
    tabId == null ? Promise.resolve(null) : bg.call("getTabState", { tabId }).catch(() => null),
    bg.call("host.status").catch((e) => ({ connected: false, error: { code: e.code, message: e.message }, installCommand: "installer/install.sh" })),
    bg.call("outbox.status").catch(() => ({ pending: 0 })),
    loadProfile(bg, storage),
    storage.get("settings"),
    tabId == null ? Promise.resolve({ available: false }) : bg.call("evidence.status", { tabId }).catch(() => ({ available: false })),
  ]);

  const tabState = tabReply && typeof tabReply === "object" ? tabReply : { kind: "none" };
  tabStateEl.textContent = describeTab(tabState, t);

  const act = ACTIONS[tabState && tabState.kind];
  const platformOn = !(settings && settings.platforms && settings.platforms[tabState.platform] === false);
  action.hidden = true;
  action.onclick = null;
  if (act && !isReady(profile)) {
    action.hidden = false;
    action.textContent = text(t, "contentSetupFirst", "Set up Objector first");
    action.onclick = () => openOptions();
  } else if (act && !platformOn) {
    result.textContent = text(t, "popupPlatformOff", "Objector is switched off for this site in its settings.");
  } else if (act) {
    action.hidden = false;
    action.textContent = text(t, act.key, act.fallback);
    action.onclick = async () => {
      action.disabled = true;
      result.className = "";
      result.textContent = text(t, "contentWorking", "Objector is filling in the form…");
      try {
        await bg.call(act.type, { tabId });
        result.className = "ok";
        result.textContent = text(t, "popupActionStarted", "Done on the page. Follow the steps shown there.");
      } catch (e) {
        result.className = "error";
        result.textContent = text(t, "popupActionFailed", `That did not work: ${e.message}`, [e.message]);
      } finally {
        action.disabled = false;
      }
    };
  }

  // On the page Meta answered on (the tab that sent the objection): a screenshot for the history.
  // The popup's own opening (the action click) is what lets the background capture this tab.
  const shotButton = $("screenshot");
  const shotResult = $("screenshot-result");
  shotButton.hidden = !(evidence && evidence.available);
  shotButton.onclick = async () => {
    shotButton.disabled = true;
    shotResult.className = "";
    try {
      const r = await bg.call("evidence.screenshot", { tabId });
      const kib = String(Math.max(1, Math.round(r.bytes / 1024)));
      shotResult.className = "ok";
      shotResult.textContent = text(t, "popupScreenshotSaved", `Screenshot saved with your objection (${kib} KiB).`, [kib]);
    } catch (e) {
      shotResult.className = "error";
      shotResult.textContent = text(t, "popupScreenshotFailed", `No screenshot saved: ${e.message}`, [e.message]);
    } finally {
      shotButton.disabled = false;
    }
  };

  const host = describeHost(hostStatus, t);
  $("host-state").textContent = host.text;
  $("host-state").className = host.cls;
  $("host-state").setAttribute("data-transport", (hostStatus.connected && hostStatus.transport) || "none");
  $("host-missing").hidden = Boolean(hostStatus.connected);
  $("install-command").textContent = hostStatus.installCommand || "installer/install.sh";
  $("doctor-hint").textContent = text(t, "popupDoctorHint", "Installed already? Run “objector doctor” to see what is wrong.");
  $("outbox-count").textContent = describeOutbox(outboxStatus, t);

  // Follow-ups that are due (a code expired, no confirmation after 7 days): one line, to the coverage.
  // Asked last, once the rest is shown: over a long history the host takes longer to answer this.
  const coverage = hostStatus.connected ? await bg.host("coverage.get", { now: utcNow(now()) }).catch(() => null) : null;
  const due = dueFollowUps(coverage);
  $("followups").hidden = due.length === 0;
  $("followups-link").textContent = followupSummary(due, t);
  $("followups-link").onclick = (event) => {
    event.preventDefault();
    openOptions();
  };

  return { tabState, hostStatus, outboxStatus, profile, evidence, followUps: due };
}
