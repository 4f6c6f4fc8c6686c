// The options page's "Records waiting in this browser" (options/outbox-view.js) in jsdom, over the
// real ui-api handlers, outbox and host client and a frame-level fake host: what, when, why;
// "Deliver now" for waiting and refused records; "Delete" asks first and says it is gone for good;
// the "Before you uninstall" note turns into a warning on every section while anything waits.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mountOptions } from "../../extension/options/options-view.js";
import { localize, createTranslator } from "../../extension/options/page-kit.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { loadPage, readJson, translatorFor, createBackgroundShim, waitFor } from "./support/harness.js";

const defaults = readJson("justifications/defaults.json");
const READY = { emails: ["ada@example.org"], country: "DE", language: "de", name: "Ada" };

function submission(n, extra = {}) {
  return {
    client_id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`, platform: "facebook", form_kind: "own",
    form_url: "https://www.facebook.com/help/contact/712876720715583", form_id: "712876720715583",
    account_email: `user${n}@example.org`, country: "DE", justification_text: "Ich widerspreche.", page_language: "de",
    browser: "chromium 156", extension_version: "0.1.0", status: "submitted",
    occurred_at: "2026-11-25T10:00:00Z", utc_offset_minutes: 60, ...extra,
  };
}

// A host that knows the profile, an outbox with one refused and two waiting records (host away).
async function open({ lang = "en", hash = "#settings" } = {}) {
  const host = createFakeHost();
  host.state.profile = READY;
  const storage = createMemoryStorage();
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage, timeoutMs: 200 });
  await shim.outbox.add({ kind: "submission", payload: submission(1, { platform: "myspace" }) });
  await shim.outbox.flush(); // refused: unknown platform
  host.state.installed = false; // uninstalled while it runs: the next request ends the process
  host.state.crashOn = "submission.record";
  await shim.outbox.add({ kind: "submission", payload: submission(2) });
  await shim.outbox.add({ kind: "submission", payload: submission(3) });
  await shim.outbox.flush(); // both wait, and still wait while the page opens
  host.state.crashOn = null;
  await storage.set("profile", READY); // the profile mirror stands in for the missing host
  const dom = loadPage("options/options.html");
  dom.window.location.hash = hash;
  const doc = dom.window.document;
  const t = createTranslator(translatorFor(lang));
  localize(doc, t);
  const downloads = [];
  const view = await mountOptions({ doc, win: dom.window, bg: shim.bg, t, storage, locale: lang, defaults, download: (f) => downloads.push(f), now: () => new Date(2026, 10, 25, 18, 0) });
  const $ = (id) => doc.getElementById(id);
  const rows = () => [...$("outbox-rows").querySelectorAll("tr")];
  const click = (el) => el.dispatchEvent(new dom.window.MouseEvent("click", { bubbles: true }));
  return { $, doc, host, shim, view, downloads, rows, click, win: dom.window };
}

test("waiting and refused records are listed with what, when and why; the uninstall warning shows on every section", async () => {
  const { $, rows } = await open({ hash: "#history" });
  assert.equal($("uninstall-warning").hidden, false, "shown on the history section too");
  assert.match($("uninstall-warning-text").textContent, /^3 records are kept only in this browser\. Uninstalling Objector now would delete them/);
  assert.deepEqual(rows().map((r) => r.dataset.state), ["waiting", "waiting", "refused"]);
  const [first, , refused] = rows().map((r) => [...r.cells].map((c) => c.textContent));
  assert.equal(first[1], "Objection on Facebook for user2@example.org");
  assert.match(first[0], /2026/);
  assert.match(first[2], /^Waiting for the history keeper/);
  assert.match(refused[2], /^Refused by the history keeper: .*submission\.platform.*\(invalid_value\)/);
  assert.doesNotMatch($("outbox-rows").textContent, /widerspreche/, "the justification is not shown in the list");
  assert.match($("uninstall-note").textContent, /Uninstalling Objector deletes every record still waiting/);
});

test("\"Deliver now\" sends the waiting records once the host is back; a refused one is retried and stays kept when refused again", async () => {
  const { $, rows, click, host } = await open();
  host.state.installed = true; // the person ran the installer
  click(rows()[0].querySelector('[data-action="deliver"]'));
  await waitFor(() => rows().length === 1, { what: "the two waiting records delivered" });
  assert.equal($("status").textContent, "Delivered: 2.");
  assert.deepEqual([...host.state.submissions.keys()].slice(-2), [submission(2).client_id, submission(3).client_id]);
  assert.match($("uninstall-warning-text").textContent, /^1 record is kept only in this browser\. Uninstalling Objector now would delete it/);
  click(rows()[0].querySelector('[data-action="deliver"]'));
  await waitFor(() => /Refused/.test($("status").textContent), { what: "refused again" });
  assert.equal(rows().length, 1, "still kept, nothing lost");
  assert.equal(rows()[0].dataset.state, "refused");
});

test("\"Delete\" asks first; \"Keep it\" keeps; \"Delete for good\" deletes and says it is gone for good", async () => {
  const { $, rows, click, shim } = await open();
  click(rows()[2].querySelector('[data-action="delete"]'));
  assert.match(rows()[2].textContent, /Delete this record for good\? Once deleted it is gone and cannot be brought back\./);
  click(rows()[2].querySelector('[data-action="keep"]'));
  await waitFor(() => rows()[2] && rows()[2].querySelector('[data-action="delete"]'), { what: "row restored" });
  assert.equal((await shim.outbox.rejected()).length, 1);
  click(rows()[2].querySelector('[data-action="delete"]'));
  click(rows()[2].querySelector('[data-action="confirm-delete"]'));
  await waitFor(() => rows().length === 2, { what: "deleted" });
  assert.equal($("status").textContent, "Deleted. The record is gone for good.");
  assert.equal((await shim.outbox.rejected()).length, 0);
  assert.equal(await shim.outbox.pending(), 2, "the waiting ones are untouched");
});

test("the waiting records download whole as JSON before an uninstall; with nothing waiting, no warning", async () => {
  const { $, click, downloads, rows, view } = await open();
  click($("outbox-download"));
  await waitFor(() => downloads.length === 1, { what: "download" });
  assert.equal(downloads[0].filename, "objector-waiting-2026-11-25.json");
  const file = JSON.parse(downloads[0].content);
  assert.deepEqual(file.waiting.map((i) => i.payload.account_email), ["user2@example.org", "user3@example.org"]);
  assert.equal(file.rejected[0].payload.platform, "myspace");
  for (const r of rows()) {
    click(r.querySelector('[data-action="delete"]'));
    click(r.querySelector('[data-action="confirm-delete"]'));
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await waitFor(async () => (await view.outbox.load()).waiting.length + (await view.outbox.load()).rejected.length === 0, { what: "all deleted" });
  assert.equal($("uninstall-warning").hidden, true);
  assert.equal($("outbox-table").hidden, true);
  assert.equal($("outbox-line").textContent, "Nothing waits in this browser.");
});

test("German: the section and the warning are translated", async () => {
  const { $, rows } = await open({ lang: "de" });
  assert.match($("uninstall-warning-text").textContent, /^3 Einträge gibt es nur in diesem Browser/);
  assert.equal(rows()[0].querySelector('[data-action="deliver"]').textContent, "Jetzt zustellen");
  assert.equal($("outbox-heading").textContent, "Einträge, die in diesem Browser warten");
});
