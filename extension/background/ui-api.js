// Message handlers for the extension's own pages (popup, options), merged by the background into
// its one dispatch table. Each handler is `async (message, sender) → result` and throws an Error
// with `.code` on failure; the background turns that into {ok: false, error: {code, message}}.
// The background has already checked that the sender is one of our extension pages.
//
// createUiHandlers({client, outbox, storage, runtime, evidence}) where runtime offers
// getPlatformInfo() (→ {os}) and openOptionsPage(); evidence (for the popup's screenshot) is
// {tabs: {get(tabId) → tab, captureVisibleTab(windowId, {format, quality}) → data URL},
//  shrink(dataUrl, scale, quality) → data URL (JPEG), bindings (background/bindings.js:
//  latestForTab(tabId) → {clientId, formOrigin, formPath, pressedAt} | null), uuid() → string}.
// onInstalled(details, runtime) opens the options page (first-run walkthrough) on a fresh install;
// firstRunOnce(runtime, {isSetUp, shown, flag}) opens it the first time the background runs in a
// profile whose person is not set up (Firefox: add-ons the installer put in get no onInstalled).
//
// Outbox, for the options page: outbox.list → {waiting: [summary], rejected: [summary]} where a
// summary is {key, kind, what: {platform, form_id, account_email, status, client_id}, added_at,
// rejected_at?, error?} (never the justification or a screenshot's bytes; with {full: true}, for
// the page's "download before you uninstall", each also carries its payload); outbox.retry {key} →
// {moved, ...flush result} ("deliver now" on a refused record); outbox.discard {key} → {deleted}.
// Evidence, for the popup: evidence.status {tabId} → {available, clientId}; evidence.screenshot
// {tabId} → {clientId, bytes, quality, scale, queued: true}: the visible tab as JPEG (≤ 700 KiB
// decoded), queued as evidence.attach through the outbox. Only for a tab whose latest objection
// (bindings) was sent from the origin the tab shows now; the popup's action click grants activeTab.

// Host requests a page may make. Records for the history go through the outbox, never directly.
export const PAGE_HOST_TYPES = Object.freeze([
  "hello",
  "profile.get",
  "profile.set",
  "justification.list",
  "justification.save",
  "justification.delete",
  "justification.set_default",
  "history.list",
  "history.export",
  "stats",
  // issue 12: coverage, accounts sharing an Accounts Centre, notices seen, the complaint letter
  "account.list",
  "account.link",
  "coverage.get",
  "notice.list",
  "authority.list",
  "complaint.render",
]);

export const INSTALL_COMMANDS = Object.freeze({
  win: "installer\\install.ps1",
  posix: "installer/install.sh",
});

export function installCommandFor(os) {
  return os === "win" ? INSTALL_COMMANDS.win : INSTALL_COMMANDS.posix;
}

// evidence.attach carries at most this many decoded bytes (a native-messaging frame stays < 1 MiB).
export const MAX_SCREENSHOT_BYTES = 700 * 1024;
// Tried in order until the JPEG fits: [scale, quality].
export const SCREENSHOT_STEPS = Object.freeze([[1, 85], [1, 70], [1, 55], [0.75, 60], [0.5, 60], [0.35, 50]]);

export function base64Bytes(dataUrl) {
  const b64 = String(dataUrl).slice(String(dataUrl).indexOf(",") + 1);
  const pad = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - pad;
}

// The largest, best JPEG under maxBytes: the browser's own capture first, then smaller ones.
export async function fitScreenshot({ capture, shrink, maxBytes = MAX_SCREENSHOT_BYTES, steps = SCREENSHOT_STEPS }) {
  let original = null;
  for (const [scale, quality] of steps) {
    let url;
    if (scale === 1) url = await capture(quality);
    else url = await shrink((original ||= await capture(85)), scale, quality);
    if (!/^data:image\/jpeg;base64,/.test(url)) throw uiError("internal", "the browser did not return a JPEG");
    const bytes = base64Bytes(url);
    if (bytes <= maxBytes) return { data_base64: url.slice(url.indexOf(",") + 1), bytes, scale, quality };
  }
  throw uiError("too_long", "the screenshot does not fit in 700 KiB even when shrunk");
}

// The browser half of fitScreenshot's shrinking (background only: OffscreenCanvas and
// createImageBitmap, no chrome.*): a JPEG data URL → the same picture scaled, re-encoded.
export async function shrinkJpeg(dataUrl, scale, quality) {
  const binary = atob(dataUrl.slice(dataUrl.indexOf(",") + 1));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/jpeg" }));
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(bitmap.width * scale)), Math.max(1, Math.round(bitmap.height * scale)));
  canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const out = new Uint8Array(await (await canvas.convertToBlob({ type: "image/jpeg", quality: quality / 100 })).arrayBuffer());
  let text = "";
  for (let i = 0; i < out.length; i += 0x8000) text += String.fromCharCode(...out.subarray(i, i + 0x8000));
  return `data:image/jpeg;base64,${btoa(text)}`;
}

function summary(item) {
  const p = item.payload || {};
  const out = {
    key: item.key,
    kind: item.kind,
    what: { platform: p.platform || null, form_id: p.form_id || null, account_email: p.account_email || null, status: p.status || null, client_id: p.client_id || null, attachment: p.kind || null },
    added_at: item.added_at || null,
  };
  if (item.rejected_at) out.rejected_at = item.rejected_at;
  if (item.error) out.error = { code: item.error.code || "internal", message: String(item.error.message || "").slice(0, 500) };
  return out;
}

function uiError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

export function createUiHandlers({ client, outbox, storage, runtime, evidence = null }) {
  let os = null;
  async function platformOs() {
    if (os) return os;
    try {
      os = (await runtime.getPlatformInfo()).os || "linux";
    } catch {
      os = "linux";
    }
    return os;
  }

  return {
    async "host.request"(message) {
      const request = message && message.request;
      if (!request || typeof request !== "object" || typeof request.type !== "string" || !request.type) {
        throw uiError("invalid_value", "host.request needs {request: {type, ...}}");
      }
      const { type, id: _ignoredId, ...fields } = request;
      if (!PAGE_HOST_TYPES.includes(type)) throw uiError("forbidden_caller", `pages may not send ${type}`);
      const result = await client.request(type, fields);
      if (type === "profile.set" && result && result.profile) {
        // Mirror the stored profile so forms can still be filled while the host is away.
        await storage.set("profile", result.profile);
      }
      return result;
    },

    async "host.status"() {
      let status = client.status();
      // Over the agent, look again: a `hello` tries native first, so a host installed meanwhile is
      // named at once (the popup would otherwise say "agent" until the next record).
      if (!status.connected || status.transport === "agent") {
        try {
          await client.request("hello");
        } catch {
          // the status below carries the error
        }
        status = client.status();
        // The host just came back (installed, restarted): deliver what waited for it.
        if (status.connected) outbox.flush().catch(() => {});
      }
      return { ...status, installCommand: installCommandFor(await platformOs()), doctorCommand: "objector doctor" };
    },

    async "outbox.status"() {
      const rejected = typeof outbox.rejected === "function" ? (await outbox.rejected()).length : 0;
      const last = typeof outbox.lastResult === "function" ? outbox.lastResult() : null;
      return { pending: await outbox.pending(), rejected, lastError: last ? last.error : null };
    },

    async "outbox.flush"() {
      return outbox.flush();
    },

    async "outbox.list"({ full = false } = {}) {
      const [waiting, rejected] = await Promise.all([outbox.waiting(), outbox.rejected()]);
      const shape = full === true ? (item) => ({ ...summary(item), payload: item.payload }) : summary;
      return { waiting: waiting.map(shape), rejected: rejected.map(shape) };
    },

    async "outbox.retry"({ key }) {
      const moved = await outbox.retry(key);
      if (!moved) throw uiError("not_found", "no refused record with that key");
      return { moved, ...(await outbox.flush()) };
    },

    async "outbox.discard"({ key }) {
      const deleted = await outbox.discard(key);
      if (!deleted) throw uiError("not_found", "no waiting or refused record with that key");
      return { deleted };
    },

    async "evidence.status"({ tabId }) {
      const target = await screenshotTarget(tabId).catch(() => null);
      return { available: Boolean(target), clientId: target ? target.clientId : null };
    },

    async "evidence.screenshot"({ tabId }) {
      const { clientId, tab } = await screenshotTarget(tabId, { visible: true });
      const { tabs, shrink, uuid } = evidence;
      const shot = await fitScreenshot({
        capture: (quality) => tabs.captureVisibleTab(tab.windowId, { format: "jpeg", quality }),
        shrink,
      });
      await outbox.add({
        kind: "attachment",
        id: uuid(),
        payload: { client_id: clientId, kind: "screenshot", mime: "image/jpeg", data_base64: shot.data_base64 },
      });
      outbox.flush().catch(() => {});
      return { clientId, bytes: shot.bytes, quality: shot.quality, scale: shot.scale, queued: true };
    },
  };

  // The tab's latest objection, if the tab still shows the origin it was sent from.
  async function screenshotTarget(tabId, { visible = false } = {}) {
    if (!evidence) throw uiError("unavailable", "screenshots are not available here");
    const binding = await evidence.bindings.latestForTab(tabId);
    if (!binding) throw uiError("not_found", "no objection was sent from this tab");
    let tab;
    try {
      tab = await evidence.tabs.get(tabId);
    } catch {
      throw uiError("not_found", `no tab ${tabId}`);
    }
    let origin = "";
    try {
      origin = new URL(tab.url || "").origin;
    } catch {
      // no readable URL: not the page the objection was sent from
    }
    if (origin !== binding.formOrigin) throw uiError("invalid_value", "this tab no longer shows Meta's page the objection was sent from");
    if (visible && !tab.active) throw uiError("invalid_value", "the tab must be visible to take its screenshot");
    return { clientId: binding.clientId, tab };
  }
}

export function onInstalled(details, runtime) {
  if (details && details.reason === "install") return runtime.openOptionsPage();
  return undefined;
}

// The first time Objector's background runs in a browser profile, with the person's profile not set
// up: the first-run page, once for good. Firefox fires no onInstalled (nor, measured, onStartup) for
// an add-on the installer put into the profile (installer/README.md), so this runs at every start
// of the background and a stored flag keeps it to one page; `shown` (in memory) keeps it from
// doubling the onInstalled page in the same worker life.
// flag: {get() → Promise<boolean>, set() → Promise}; isSetUp() → Promise<boolean>.
export async function firstRunOnce(runtime, { isSetUp, shown, flag }) {
  if (shown.value || (await flag.get())) return false;
  if (shown.value) return false; // onInstalled opened it while the flag was being read
  shown.value = true;
  await flag.set();
  let ready = true;
  try {
    ready = await isSetUp();
  } catch {
    ready = true; // cannot tell: do not open pages at the person
  }
  if (ready) return false;
  await runtime.openOptionsPage();
  return true;
}
