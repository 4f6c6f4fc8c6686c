// Records waiting in this browser (the outbox) and records the host refused: what, when, why,
// with "Deliver now" and "Delete" (asked twice, and said to be gone for good), a download of what
// waits, and the "Before you uninstall" note, raised to a warning on every section while anything
// waits (uninstalling deletes the extension's storage). Background calls: outbox.list,
// outbox.status, outbox.flush, outbox.retry {key}, outbox.discard {key} (background/ui-api.js).
import { el, clear, text, formatDateTime } from "./page-kit.js";
import { statusLabel } from "./history-view.js";

const PLATFORM = { facebook: "Facebook", instagram: "Instagram" };

export function describeItem(item, t) {
  const w = item.what || {};
  if (item.kind === "attachment") return text(t, "outboxWhatAttachment", "Screenshot of Meta's answer");
  if (item.kind === "event") {
    const s = statusLabel(w.status, t);
    return text(t, "outboxWhatEvent", `Meta's answer to an objection: ${s}`, [s]);
  }
  const platform = PLATFORM[w.platform] || w.platform || "Meta";
  const email = w.account_email || "?";
  return text(t, "outboxWhatSubmission", `Objection on ${platform} for ${email}`, [platform, email]);
}

export function describeWhy(item, t, lastError) {
  if (item.error) {
    const reason = item.error.message ? `${item.error.message} (${item.error.code})` : item.error.code;
    return text(t, "outboxRefusedWhy", `Refused by the history keeper: ${reason}`, [reason]);
  }
  const waiting = text(t, "outboxWaitingWhy", "Waiting for the history keeper");
  return lastError && lastError.message ? `${waiting} (${lastError.message})` : waiting;
}

export function mountOutbox({ doc, bg, t, locale, download, status, now = () => new Date() }) {
  const $ = (id) => doc.getElementById(id);
  let shown = { waiting: [], rejected: [] };

  function warn(count) {
    const banner = $("uninstall-warning");
    banner.hidden = count === 0;
    $("uninstall-warning-text").textContent =
      count === 1
        ? text(t, "uninstallWarningOne", "1 record is kept only in this browser. Uninstalling Objector now would delete it: deliver or download it first.")
        : text(t, "uninstallWarning", `${count} records are kept only in this browser. Uninstalling Objector now would delete them: deliver or download them first.`, [String(count)]);
    $("uninstall-note").classList.toggle("warn", count > 0);
  }

  async function act(run) {
    try {
      await run();
    } catch (e) {
      status(text(t, "outboxNotDelivered", `Not delivered: ${e.message}`, [e.message]), "error");
    }
    await load();
  }

  function deliver(item) {
    return act(async () => {
      const r = item.error ? await bg.call("outbox.retry", { key: item.key }) : await bg.call("outbox.flush");
      if (r.error) status(text(t, "outboxNotDelivered", `Not delivered: ${r.error.message}`, [r.error.message]), "error");
      else if (r.rejected && !r.delivered) status(text(t, "outboxRefusedWhy", "Refused by the history keeper", [""]), "error");
      else status(text(t, "outboxDelivered", `Delivered: ${r.delivered}.`, [String(r.delivered)]), "ok");
    });
  }

  // Delete asks first, in the row itself: "Delete for good" or "Keep it".
  function confirmDelete(item, cell) {
    clear(cell);
    const question = el(doc, "p", { class: "warn", role: "alert", text: text(t, "outboxConfirmDelete", "Delete this record for good? Once deleted it is gone and cannot be brought back.") });
    const yes = el(doc, "button", { type: "button", class: "danger", dataset: { action: "confirm-delete" }, text: text(t, "outboxDeleteForGood", "Delete for good") });
    const no = el(doc, "button", { type: "button", dataset: { action: "keep" }, text: text(t, "outboxKeep", "Keep it") });
    yes.addEventListener("click", () =>
      act(async () => {
        await bg.call("outbox.discard", { key: item.key });
        status(text(t, "outboxDeleted", "Deleted. The record is gone for good."), "ok");
      }),
    );
    no.addEventListener("click", () => load());
    cell.append(question, yes, " ", no);
    no.focus();
  }

  function row(item, lastError) {
    const actions = el(doc, "td");
    const deliverButton = el(doc, "button", { type: "button", dataset: { action: "deliver" }, text: text(t, "outboxDeliverNow", "Deliver now") });
    const deleteButton = el(doc, "button", { type: "button", dataset: { action: "delete" }, text: text(t, "outboxDelete", "Delete") });
    deliverButton.addEventListener("click", () => deliver(item));
    deleteButton.addEventListener("click", () => confirmDelete(item, actions));
    actions.append(deliverButton, " ", deleteButton);
    return el(doc, "tr", { dataset: { key: item.key, state: item.error ? "refused" : "waiting" } }, [
      el(doc, "td", { text: formatDateTime(item.error ? item.rejected_at || item.added_at : item.added_at, locale) }),
      el(doc, "td", { text: describeItem(item, t) }),
      el(doc, "td", { text: describeWhy(item, t, lastError) }),
      actions,
    ]);
  }

  async function load() {
    let list;
    let lastError = null;
    try {
      [list, { lastError }] = await Promise.all([bg.call("outbox.list"), bg.call("outbox.status")]);
    } catch (e) {
      $("outbox-line").textContent = e.message;
      return shown;
    }
    shown = list;
    const count = list.waiting.length + list.rejected.length;
    const rows = $("outbox-rows");
    clear(rows);
    for (const item of list.waiting) rows.append(row(item, lastError));
    for (const item of list.rejected) rows.append(row(item, null));
    $("outbox-table").hidden = count === 0;
    $("outbox-download").hidden = count === 0;
    $("outbox-line").textContent =
      list.waiting.length === 0
        ? text(t, "outboxNone", "Nothing waits in this browser.")
        : text(t, "popupOutboxMany", `${list.waiting.length} objections wait to be saved in your history.`, [String(list.waiting.length)]);
    warn(count);
    return shown;
  }

  // What waits and what was refused, whole records as the outbox keeps them, so the person has a
  // copy before uninstalling.
  $("outbox-download").addEventListener("click", async () => {
    try {
      const full = await bg.call("outbox.list", { full: true });
      const day = now().toISOString().slice(0, 10);
      download({ filename: `objector-waiting-${day}.json`, mime: "application/json", content: JSON.stringify(full, null, 2) + "\n" });
    } catch (e) {
      status(e.message, "error");
    }
  });

  return { load, shown: () => shown };
}
