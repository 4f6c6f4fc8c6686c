// Message handlers for the extension's own pages (popup, options), merged by the background into
// its one dispatch table. Each handler is `async (message, sender) → result` and throws an Error
// with `.code` on failure; the background turns that into {ok: false, error: {code, message}}.
// The background has already checked that the sender is one of our extension pages.
//
// createUiHandlers({client, outbox, storage, runtime}) where runtime offers getPlatformInfo()
// (→ {os}) and openOptionsPage(). onInstalled(details, runtime) opens the options page (first-run
// walkthrough) on a fresh install.

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
]);

export const INSTALL_COMMANDS = Object.freeze({
  win: "installer\\install.ps1",
  posix: "installer/install.sh",
});

export function installCommandFor(os) {
  return os === "win" ? INSTALL_COMMANDS.win : INSTALL_COMMANDS.posix;
}

function uiError(code, message) {
  const e = new Error(message);
  e.code = code;
  return e;
}

export function createUiHandlers({ client, outbox, storage, runtime }) {
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
      if (!status.connected) {
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
  };
}

export function onInstalled(details, runtime) {
  if (details && details.reason === "install") return runtime.openOptionsPage();
  return undefined;
}
