// The extension's pages in a REAL headless browser (OBJECTOR_UI_BROWSER=chromium|firefox) with the
// REAL objector-host registered by the real `objector install`, on a temporary HOME. Proves, in
// order: first install opens the walkthrough; with the host missing the popup says how to install
// it and three objections wait; after install all three arrive once each; the profile saved in the
// options page is in SQLite; the history shows records written by the CLI; an export downloads a
// file whose rows match the database. Writes screenshots to $OBJECTOR_UI_SCREENSHOTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { launch } from "./support/browsers.js";
import { requireBinaries, sql, cli, makeSubmission } from "./support/real-host.js";
import { EXT, readJson, waitFor } from "./support/harness.js";
import { parseCsv } from "../../extension/options/history-view.js";

const NAME = process.env.OBJECTOR_UI_BROWSER || "chromium";
const EXT_DIR = process.env.OBJECTOR_UI_EXT_DIR || EXT;
// Screenshots go to OBJECTOR_UI_SCREENSHOTS (CTest points it into the build folder); the committed
// set in tests/ui/screenshots/ is refreshed with OBJECTOR_UI_SCREENSHOTS=tests/ui/screenshots.
const SHOTS = process.env.OBJECTOR_UI_SCREENSHOTS || path.join(tmpdir(), "objector-ui-screenshots");
const suffix = NAME === "chromium" ? "" : `-${NAME}`;
const bins = requireBinaries();
const defaults = readJson("justifications/defaults.json");

const home = mkdtempSync(path.join(tmpdir(), `objector-ui-${NAME}-`));
const downloads = path.join(home, "Downloads");
const dataDir = path.join(home, ".local", "share", "objector"); // the host's default on Linux
const db = path.join(dataDir, "objector.sqlite3");
let b;

before(async () => {
  mkdirSync(downloads, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  b = await launch(NAME, { home, extDir: EXT_DIR, downloadDir: downloads, lang: "en-US" });
});
after(async () => {
  if (b) await b.browser.close().catch(() => {});
  rmSync(home, { recursive: true, force: true });
});

const cliHere = (args, input) => cli(bins.cli, { home }, args, input);
const shot = (page, name, opts = {}) => page.screenshot({ path: path.join(SHOTS, `${name}${suffix}.png`), ...opts });
// The popup is as big as its content: photograph just that.
const shotPopup = async (page, name) => (await page.$("body")).screenshot({ path: path.join(SHOTS, `${name}${suffix}.png`) });
const send = (page, message) => page.evaluate((m) => (globalThis.browser || globalThis.chrome).runtime.sendMessage(m), message);
const textOf = (page, sel) => page.$eval(sel, (e) => e.textContent.trim());

test(`${NAME}: installing the extension opens the options page at the first-run walkthrough`, async () => {
  // The tab the extension opened itself. Chromium lists it as a target; puppeteer's Firefox driver
  // does not list moz-extension:// tabs it did not open, so there we look from inside the extension.
  const state = () => {
    const api = globalThis.browser || globalThis.chrome;
    const view = api.extension.getViews({ type: "tab" }).find((w) => w.location.pathname === "/options/options.html");
    const doc = view && view.document;
    if (!doc || !doc.body || !doc.body.dataset.ready) return null;
    return { firstRun: !doc.getElementById("first-run").hidden, nav: !doc.getElementById("nav").hidden };
  };
  let probe;
  if (NAME === "chromium") {
    const target = await b.browser.waitForTarget((t) => t.url().endsWith("/options/options.html"), { timeout: 20000 });
    probe = await target.page();
  } else {
    await new Promise((r) => setTimeout(r, 1000));
    probe = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
  }
  const opened = await probe.waitForFunction(state, { timeout: 20000, polling: 100 });
  assert.deepEqual(await opened.jsonValue(), { firstRun: true, nav: false });
  await probe.close();
  const page = await b.open("options/options.html", { width: 1000, height: 760 });
  assert.equal(await textOf(page, "#fr-heading"), "Welcome to Objector");
  await shot(page, "first-run");
  await page.close();
});

test(`${NAME}: with the host missing the popup gives the install command, and three objections wait`, async () => {
  const page = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
  assert.match(await textOf(page, "#host-state"), /Not installed or not found/);
  assert.equal(await textOf(page, "#install-command"), "installer/install.sh");
  assert.match(await textOf(page, "#doctor-hint"), /objector doctor/);
  // Three objections, as the background's outbox keeps them (key "outbox" of the extension
  // origin's IndexedDB, lib/private-store.js).
  const records = [makeSubmission(), makeSubmission(), makeSubmission()].map((payload) => ({ kind: "submission", payload, added_at: new Date().toISOString() }));
  await page.evaluate(async (items) => (await import("/lib/private-store.js")).openPrivateStore(indexedDB).set("outbox", items), records);
  const flush = await send(page, { type: "outbox.flush" });
  assert.equal(flush.ok, true, JSON.stringify(flush));
  assert.equal(flush.result.pending, 3);
  assert.equal(flush.result.error.code, "host_missing");
  globalThis.waiting = records.map((r) => r.payload.client_id);
  await page.close();
  const again = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
  assert.equal(await textOf(again, "#outbox-count"), "3 objections wait to be saved in your history.");
  await shotPopup(again, "popup-host-missing");
  await again.close();
});

test(`${NAME}: after \`objector install\` (and, in Chromium, a browser restart) all three arrive once each`, async () => {
  const count = () => {
    try {
      return sql(db, "SELECT COUNT(*) AS n FROM submissions")[0].n;
    } catch {
      return 0; // the host has not created or migrated the database yet
    }
  };
  let page;
  if (NAME === "chromium") {
    // Chromium also gets restarted: the records must survive the browser closing, and the
    // background delivers them at start-up, before anyone opens a page.
    await b.browser.close();
    const out = cliHere(["install", "--browser", NAME, "--host", bins.host]);
    assert.match(out, /NativeMessagingHosts/);
    b = await launch(NAME, { home, extDir: EXT_DIR, downloadDir: downloads, lang: "en-US" });
    await waitFor(() => count() === 3, { timeoutMs: 15000, what: "three rows in SQLite after the restart" });
    page = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
  } else {
    // Firefox's temporary add-on would not outlive a restart; the host is installed while it runs.
    const out = cliHere(["install", "--browser", NAME, "--host", bins.host]);
    assert.match(out, /native-messaging-hosts/);
    page = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
    await waitFor(() => count() === 3, { timeoutMs: 15000, what: "three rows in SQLite" });
  }
  assert.match(await textOf(page, "#host-state"), /^Connected, version \d+\.\d+\.\d+/);
  const rows = sql(db, "SELECT client_id, COUNT(*) AS n FROM submissions GROUP BY client_id ORDER BY id");
  assert.deepEqual(rows.map((r) => r.client_id), globalThis.waiting);
  assert.ok(rows.every((r) => r.n === 1), "each exactly once");
  const again = await send(page, { type: "outbox.flush" });
  assert.deepEqual([again.result.delivered, again.result.pending], [0, 0]);
  await page.close();
  const fresh = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
  assert.equal(await textOf(fresh, "#outbox-count"), "Every objection is saved in your history.");
  assert.equal(await fresh.$eval("#host-missing", (e) => e.hidden), true);
  await shotPopup(fresh, "popup");
  await fresh.close();
});

test(`${NAME}: the walkthrough, done with the keyboard, stores the profile in SQLite`, async () => {
  const page = await b.open("options/options.html", { width: 1000, height: 760 });
  assert.equal(await page.$eval("#first-run", (e) => e.hidden), false);
  await page.focus("#fr-email-1");
  await page.keyboard.type("ada@example.org");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector('fieldset[data-step="2"]').hidden);
  await page.select("#fr-country", "DE");
  await page.focus("#fr-next"); // a select does not submit on Enter: move on to Next, as a person would with Tab
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector('fieldset[data-step="3"]').hidden);
  await page.select("#fr-language", "de");
  await page.focus("#fr-name");
  await page.keyboard.press("Enter"); // implicit submission from the text field
  await page.waitForFunction(() => document.getElementById("fr-justification").textContent.length > 0);
  assert.equal(await textOf(page, "#fr-justification"), defaults.languages.de.text);
  await shot(page, "first-run-review");
  await page.focus("#fr-next");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("first-run").hidden, { timeout: 10000 });
  const [row] = sql(db, "SELECT emails, country, language FROM profile");
  assert.deepEqual(JSON.parse(row.emails), ["ada@example.org"]);
  assert.deepEqual([row.country, row.language], ["DE", "de"]);
  await page.close();
});

test(`${NAME}: the history shows the records written by the CLI, newest first; an export downloads a file whose rows match the database`, async () => {
  const subs = [
    makeSubmission({ status: "confirmed" }),
    makeSubmission({ status: "awaiting-code" }),
    makeSubmission({ status: "failed", reason: "Meta: the form could not be submitted" }),
    makeSubmission(),
  ];
  cliHere(["record", "-"], subs.map((s) => JSON.stringify(s)).join("\n") + "\n");
  const page = await b.open("options/options.html#history", { width: 1100, height: 820 });
  const shown = await page.$$eval("#history-rows tr", (trs) => trs.map((tr) => tr.dataset.clientId));
  const expected = sql(db, "SELECT client_id FROM submissions ORDER BY occurred_at DESC, id DESC").map((r) => r.client_id);
  assert.equal(shown.length, 7);
  assert.deepEqual(shown, expected);
  assert.match(await textOf(page, "#history-rows"), /the form could not be submitted/);
  await shot(page, "history");

  await page.click('button.export[data-format="csv"]');
  const file = await waitFor(() => readdirSync(downloads).find((f) => /^objector-history-\d{4}-\d{2}-\d{2}.*\.csv$/.test(f)), { timeoutMs: 15000, what: "the CSV in Downloads" });
  await waitFor(() => readFileSync(path.join(downloads, file), "utf8").length > 0);
  const table = parseCsv(readFileSync(path.join(downloads, file), "utf8")).filter((r) => r.length > 1);
  const idCol = table[0].indexOf("client_id");
  assert.deepEqual(table.slice(1).map((r) => r[idCol]).sort(), [...expected].sort());
  await page.waitForFunction(() => !document.getElementById("export-preview").hidden);
  await (await page.$("#export-preview")).scrollIntoView();
  await shot(page, "export-preview-csv");
  // The printable report, previewed in a sandboxed frame, is downloaded too.
  await page.click('button.export[data-format="html"]');
  await waitFor(() => readdirSync(downloads).find((f) => /^objector-history-.*\.html$/.test(f)), { timeoutMs: 15000, what: "the HTML report" });
  await page.waitForFunction(() => document.querySelector("#export-preview iframe"));
  // The extension CSP blocks the report's own <style> in the srcdoc frame; its rules are adopted.
  await page.waitForFunction(() => {
    const inner = document.querySelector("#export-preview iframe").contentDocument;
    return inner && inner.adoptedStyleSheets.length === 1 && inner.adoptedStyleSheets[0].cssRules.length > 0;
  }, { timeout: 10000 });
  await new Promise((r) => setTimeout(r, 300)); // let the frame paint
  await (await page.$("#export-preview")).scrollIntoView();
  await shot(page, "export-preview");
  await page.close();
});

// What a content script can read: storage.local. After everything above (profile saved, objections
// queued and delivered) it holds settings only, nothing of the person's.
test(`${NAME}: nothing personal is left in storage.local; the profile mirror is in the private store`, async () => {
  const page = await b.open("options/options.html#settings", { width: 1000, height: 760 });
  await page.click("#setting-review"); // a setting, written to storage.local as before
  await page.waitForFunction(() => document.getElementById("status").textContent.length > 0);
  const seen = await page.evaluate(async () => {
    const local = await (globalThis.browser || globalThis.chrome).storage.local.get(null);
    const store = (await import("/lib/private-store.js")).openPrivateStore(indexedDB);
    return { local, profile: await store.get("profile"), outbox: await store.get("outbox") };
  });
  // Settings and the one-time "first-run page shown" flag: nothing personal.
  assert.deepEqual(Object.keys(seen.local).sort(), ["firstRunShown", "settings"]);
  assert.equal(seen.local.settings.reviewBeforeSend, true);
  assert.doesNotMatch(JSON.stringify(seen.local), /@/, "no email address in storage.local");
  assert.deepEqual(seen.profile.emails, ["ada@example.org"]);
  assert.deepEqual(seen.outbox, []);
  await page.close();
});

// An update from a version that kept personal data in storage.local: the real migration, run in
// an extension page against the browser's real storage.local and IndexedDB, with records in both.
test(`${NAME}: the move from storage.local loses no record, keeps each once, in order, and deletes the old keys`, async () => {
  const item = (payload) => ({ kind: "submission", payload, added_at: "2026-11-20T10:00:00.000Z" });
  const [a, b2, c] = [makeSubmission(), makeSubmission(), makeSubmission()].map(item);
  const refusedOld = { ...item(makeSubmission()), rejected_at: "2026-11-21T10:00:00.000Z", error: { code: "invalid_value", message: "form_url" } };
  const refusedNew = { ...item(makeSubmission()), rejected_at: "2026-11-22T10:00:00.000Z", error: { code: "too_long", message: "justification_text" } };
  const page = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
  const out = await page.evaluate(async (seed) => {
    const api = globalThis.browser || globalThis.chrome;
    const m = await import("/lib/private-store.js");
    const store = m.openPrivateStore(indexedDB);
    const before = { outbox: await store.get("outbox"), outboxRejected: await store.get("outboxRejected"), profile: await store.get("profile") };
    await store.set("outbox", seed.newOutbox);
    await store.set("outboxRejected", seed.newRejected);
    await api.storage.local.set(seed.old);
    const moved = await m.migrateToPrivate({ local: api.storage.local, store });
    const again = await m.migrateToPrivate({ local: api.storage.local, store }); // a rerun is harmless
    const after = { outbox: await store.get("outbox"), outboxRejected: await store.get("outboxRejected"), profile: await store.get("profile") };
    const local = await api.storage.local.get(null);
    // put the store back as the earlier tests left it
    await store.set("outbox", before.outbox);
    await store.set("outboxRejected", before.outboxRejected || []);
    await store.set("profile", before.profile);
    return { moved, again, after, local };
  }, {
    old: { outbox: [a, b2], outboxRejected: [refusedOld], profile: { emails: ["old@example.org"], country: "AT", language: "de", name: "" }, profilePending: true },
    newOutbox: [b2, c],
    newRejected: [refusedNew],
  });
  const ids = (list) => list.map((i) => i.payload.client_id);
  assert.deepEqual(out.moved.moved.sort(), ["outbox", "outboxRejected", "profile", "profilePending"]);
  assert.deepEqual(out.again.moved, []);
  assert.deepEqual(ids(out.after.outbox), ids([a, b2, c]), "old first, then new, the shared one once");
  assert.deepEqual(ids(out.after.outboxRejected), ids([refusedOld, refusedNew]));
  assert.deepEqual(out.after.profile.emails, ["ada@example.org"], "the private store's profile is the newer one");
  assert.deepEqual(Object.keys(out.local).sort(), ["firstRunShown", "settings"], "the old keys are gone from storage.local");
  await page.close();
});

// The options page's waiting/refused records under the extension CSP, in the real browser: a
// refused record (as the outbox keeps it in IndexedDB) is listed, the uninstall warning shows,
// "Delete" asks, and "Delete for good" removes it from the real store.
test(`${NAME}: the options page lists a refused record and deletes it for good after asking`, async () => {
  const refused = { kind: "submission", payload: makeSubmission(), added_at: "2026-11-24T09:00:00.000Z", rejected_at: "2026-11-24T09:00:01.000Z", error: { code: "invalid_value", message: "submission.form_url: not a Meta form" } };
  const seed = await b.open("popup/popup.html?tabId=0", { width: 400, height: 560 });
  await seed.evaluate(async (item) => (await import("/lib/private-store.js")).openPrivateStore(indexedDB).set("outboxRejected", [item]), refused);
  await seed.close();
  const page = await b.open("options/options.html#settings", { width: 1100, height: 900 });
  await page.waitForFunction(() => document.querySelectorAll("#outbox-rows tr").length === 1);
  assert.equal(await page.$eval("#uninstall-warning", (e) => e.hidden), false);
  assert.match(await textOf(page, "#outbox-rows"), /Refused by the history keeper: submission\.form_url: not a Meta form/);
  await (await page.$("#outbox-table")).scrollIntoView();
  await shot(page, "outbox-refused");
  await page.click('#outbox-rows [data-action="delete"]');
  assert.match(await textOf(page, "#outbox-rows"), /gone and cannot be brought back/);
  await page.click('#outbox-rows [data-action="confirm-delete"]');
  await page.waitForFunction(() => document.getElementById("status").textContent.includes("gone for good"));
  const left = await page.evaluate(async () => (await import("/lib/private-store.js")).openPrivateStore(indexedDB).get("outboxRejected"));
  assert.deepEqual(left, []);
  assert.equal(await page.$eval("#uninstall-warning", (e) => e.hidden), true);
  await page.close();
});

// The screenshot's JPEG path in the real browser: a page-sized JPEG is re-encoded and shrunk with
// OffscreenCanvas (shrinkJpeg) until it fits the limit asked for. captureVisibleTab is tried first;
// without the toolbar click's activeTab grant, which headless browsers cannot give, both refuse
// it (measured: Chromium "Either the '<all_urls>' or 'activeTab' permission is required.", Firefox
// "Missing activeTab permission"), so the JPEG is then drawn on a canvas.
test(`${NAME}: a captured JPEG is fitted under the size limit by the real encoder`, async () => {
  const page = await b.open("options/options.html#history", { width: 1100, height: 820 });
  const out = await page.evaluate(async () => {
    const api = globalThis.browser || globalThis.chrome;
    const { fitScreenshot, shrinkJpeg, base64Bytes } = await import("/background/ui-api.js");
    let capture;
    let source = "captureVisibleTab";
    try {
      const probe = await api.tabs.captureVisibleTab(undefined, { format: "jpeg", quality: 85 });
      capture = async (quality) => api.tabs.captureVisibleTab(undefined, { format: "jpeg", quality });
      void probe;
    } catch (e) {
      source = `canvas (${e.message})`;
      capture = async (quality) => {
        const c = new OffscreenCanvas(1100, 820);
        const g = c.getContext("2d");
        for (let i = 0; i < 4000; i++) {
          g.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
          g.fillRect((i * 53) % 1100, (i * 29) % 820, 9 + (i % 23), 7 + (i % 17));
        }
        const bytes = new Uint8Array(await (await c.convertToBlob({ type: "image/jpeg", quality: quality / 100 })).arrayBuffer());
        let s = "";
        for (const x of bytes) s += String.fromCharCode(x);
        return `data:image/jpeg;base64,${btoa(s)}`;
      };
    }
    const full = base64Bytes(await capture(85));
    const limit = Math.floor(full / 3);
    const fitted = await fitScreenshot({ capture, shrink: shrinkJpeg, maxBytes: limit });
    const img = await createImageBitmap(new Blob([Uint8Array.from(atob(fitted.data_base64), (ch) => ch.charCodeAt(0))], { type: "image/jpeg" }));
    return { source, full, limit, bytes: fitted.bytes, scale: fitted.scale, quality: fitted.quality, width: img.width };
  });
  console.log(`# ${NAME}: ${JSON.stringify(out)}`);
  assert.ok(out.bytes <= out.limit, JSON.stringify(out));
  assert.ok(out.width > 0, "the result decodes as an image");
  await page.close();
});
