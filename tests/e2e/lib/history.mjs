// Checks on the person's history as `objector export --format json` shows it.
import { exportHistory, todayUtc } from "./person.mjs";

// Waits until the export holds a record matching `match` (an object of expected field values,
// `current_status` included) and returns it. The extension hands records to the host through its
// outbox right after Meta answers, so this polls for a few seconds.
export async function waitForRecord(home, match, { timeout = 15000, count = 1 } = {}) {
  const deadline = Date.now() + timeout;
  let last = [];
  for (;;) {
    last = await exportHistory(home);
    const hits = last.filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
    if (hits.length >= count) return count === 1 ? hits[0] : hits;
    if (Date.now() > deadline) {
      const seen = last.map((r) => `${r.form_url} ${r.current_status}`).join("; ") || "none";
      throw new Error(`no record ${JSON.stringify(match)} in objector export after ${timeout} ms (records: ${seen})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The record was made today (UTC) by this browser.
export function madeToday(record) {
  return typeof record.occurred_at === "string" && record.occurred_at.startsWith(todayUtc());
}
