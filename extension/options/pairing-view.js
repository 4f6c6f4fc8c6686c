// The options page's pairing with the loopback agent, for browsers that cannot start the native
// host (Snap Chromium, some Flatpaks): the person runs `objector pair`, types the code it prints
// (PORT-123456) and presses Pair. In that press, before anything else, the page asks the browser
// for the one optional host permission http://127.0.0.1/* (browsers grant it only inside the
// person's gesture); then the background pairs (background/pairing.js) and keeps {port, token} in
// the extension's private store. "Unpair" forgets the pairing and gives the permission back.
// Browser calls are injected (options.js) so jsdom tests run this unchanged:
//   mountPairing({doc, bg, t, permissions, anchor}) where permissions offers request({origins}) and
//   remove({origins}) (→ Promise<boolean>, as chrome.permissions), anchor the element the section
//   is put before (default: the settings section's uninstall note, else the end of #settings).
//   → {refresh() → Promise<status>, settled() → Promise (the last press's work)}.
import { text } from "./page-kit.js";
import { parsePairingCode, AGENT_ORIGIN_PATTERN } from "../lib/http-client.js";

const ORIGINS = { origins: [AGENT_ORIGIN_PATTERN] };

function el(doc, tag, attrs = {}, content = "") {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (content) node.textContent = content;
  return node;
}

export function transportText(status, t) {
  if (status && status.connected && status.transport === "agent") {
    return text(t, "pairingViaAgent", "The history is kept through the paired agent (agent).");
  }
  if (status && status.connected && status.transport === "native") {
    return text(t, "pairingViaNative", "The history is kept through the native host (native).");
  }
  return text(t, "pairingViaNone", "Neither the native host nor a paired agent answers right now: objections wait in this browser.");
}

export function mountPairing({ doc, bg, t, permissions, anchor = null }) {
  const settings = doc.getElementById("settings");
  const section = el(doc, "section", { id: "pairing", "aria-labelledby": "pairing-heading" });
  section.append(
    el(doc, "h2", { id: "pairing-heading" }, text(t, "pairingHeading", "Pair with the local agent")),
    el(doc, "p", { class: "hint" }, text(t, "pairingIntro",
      "Some browsers (Snap Chromium, some Flatpaks) cannot start objector-host. Run “objector pair” in a terminal and type the code it prints here: Objector then keeps your history through the local agent on this computer (127.0.0.1). Your browser asks you to allow that.")),
    el(doc, "p", { id: "pairing-state", role: "status", "aria-live": "polite" }),
    el(doc, "p", { id: "pairing-transport", "data-transport": "" }),
  );
  const form = el(doc, "form", { id: "pairing-form", class: "row", novalidate: "" });
  const label = el(doc, "label", { for: "pairing-code" }, text(t, "pairingCodeLabel", "Pairing code"));
  const input = el(doc, "input", { id: "pairing-code", type: "text", inputmode: "numeric", autocomplete: "off", spellcheck: "false", maxlength: "16", placeholder: "41234-123456" });
  const pairButton = el(doc, "button", { type: "submit", id: "pairing-pair", class: "primary" }, text(t, "pairingPair", "Pair"));
  form.append(el(doc, "div"), pairButton);
  form.firstChild.append(label, input);
  const unpairButton = el(doc, "button", { type: "button", id: "pairing-unpair", hidden: "" }, text(t, "pairingUnpair", "Unpair"));
  const error = el(doc, "p", { id: "pairing-error", class: "error", role: "alert" });
  section.append(form, unpairButton, error);
  const before = anchor || doc.getElementById("uninstall-note");
  if (before && before.parentNode) before.parentNode.insertBefore(section, before);
  else (settings || doc.body).append(section);

  let last = { paired: false };
  let work = Promise.resolve();

  function render(s) {
    last = s;
    const state = doc.getElementById("pairing-state");
    state.textContent = s.paired
      ? text(t, "pairingPaired", `Paired with the agent on port ${s.port}.`, [String(s.port)])
      : text(t, "pairingNotPaired", "Not paired.");
    if (s.paired && s.error) {
      state.textContent += ` ${s.error.code === "agent_unpaired" || s.error.code === "agent_forbidden"
        ? text(t, "pairingAgain", "The agent no longer accepts this pairing: run “objector pair” and pair again.")
        : text(t, "pairingAgentDown", "The agent does not answer; “objector pair” starts it.")}`;
    }
    const line = doc.getElementById("pairing-transport");
    line.textContent = transportText(s, t);
    line.setAttribute("data-transport", s.connected && s.transport ? s.transport : "none");
    unpairButton.hidden = !s.paired;
  }

  async function refresh() {
    let s;
    try {
      s = await bg.call("agent.status");
    } catch (e) {
      s = { paired: false, connected: false, transport: null, error: { code: e.code, message: e.message } };
    }
    render(s);
    return s;
  }

  async function pair(granted, code, wasPaired) {
    let ok = false;
    try {
      ok = await granted;
    } catch (e) {
      error.textContent = text(t, "pairingPermissionFailed", `The browser did not ask for the permission: ${e.message}`, [e.message]);
      return;
    }
    if (!ok) {
      error.textContent = text(t, "pairingPermissionNeeded", "Objector needs your permission to reach the agent on this computer (127.0.0.1). Nothing was changed.");
      return;
    }
    try {
      await bg.call("agent.pair", { code });
      input.value = "";
      error.textContent = "";
      await bg.call("host.status").catch(() => undefined); // look for a history now: native, else the agent
    } catch (e) {
      error.textContent = `${text(t, "pairingFailed", "Pairing did not work:")} ${e.message}`;
      if (!wasPaired) await permissions.remove(ORIGINS).catch(() => false); // least permissions
    }
    await refresh();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const code = input.value;
    if (!parsePairingCode(code)) {
      error.textContent = text(t, "pairingBadCode", "Type the code as “objector pair” prints it: the port, a dash and six digits (for example 41234-123456).");
      input.focus();
      return;
    }
    error.textContent = "";
    // First, inside the person's press: browsers grant optional permissions only there.
    let granted;
    try {
      granted = permissions.request(ORIGINS);
    } catch (e) {
      granted = Promise.reject(e);
    }
    work = pair(granted, code, Boolean(last.paired));
  });

  unpairButton.addEventListener("click", () => {
    work = (async () => {
      try {
        await bg.call("agent.unpair");
        await permissions.remove(ORIGINS).catch(() => false);
        error.textContent = "";
      } catch (e) {
        error.textContent = e.message;
      }
      await refresh();
    })();
  });

  work = refresh();
  return { refresh, settled: () => work };
}
