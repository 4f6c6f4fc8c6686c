// The extension's face against the REAL objector-host and objector CLI (no fake anywhere below the
// browser's native-messaging boundary): options page and outbox in jsdom, history in SQLite.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHostClient } from "../../extension/lib/host-client.js";
import { createOutbox } from "../../extension/lib/outbox.js";
import { mountOptions } from "../../extension/options/options-view.js";
import { localize, createTranslator } from "../../extension/options/page-kit.js";
import { createMemoryStorage } from "./support/fake-host.js";
import { createNativeConnector } from "./support/native-port.js";
import { requireBinaries, tempDataDir, sql, cli, makeSubmission, lockDatabase } from "./support/real-host.js";
import { loadPage, readJson, translatorFor, createBackgroundShim, waitFor, submit } from "./support/harness.js";

const bins = requireBinaries();
const defaults = readJson("justifications/defaults.json");
const cleanups = [];
after(() => cleanups.forEach((f) => f()));

function world() {
  const data = tempDataDir();
  const connector = createNativeConnector({ binary: bins.host, dataDir: data.dir });
  cleanups.push(() => connector.killAll(), data.cleanup);
  return { data, connector };
}

async function openOptions({ connector, hash = "", storage = createMemoryStorage() }) {
  const shim = createBackgroundShim({ connectNative: connector.connectNative, storage, timeoutMs: 10000 });
  const dom = loadPage("options/options.html");
  if (hash) dom.window.location.hash = hash;
  const t = createTranslator(translatorFor("en"));
  localize(dom.window.document, t);
  const downloads = [];
  const view = await mountOptions({ doc: dom.window.document, win: dom.window, bg: shim.bg, t, storage, locale: "en", defaults, download: (f) => downloads.push(f) });
  return { win: dom.window, doc: dom.window.document, $: (id) => dom.window.document.getElementById(id), downloads, view, shim, storage };
}

test("real host: the profile saved through the first-run walkthrough is in SQLite", async () => {
  const { data, connector } = world();
  const { $, win } = await openOptions({ connector });
  $("fr-email-1").value = "grace@example.org";
  $("fr-country").value = "IE";
  $("fr-language").value = "ga";
  for (let step = 1; step <= 4; step++) {
    submit(win, $("fr-form"));
    await waitFor(() => (step < 4 ? $("fr-steps").querySelector('[aria-current="step"]').dataset.step === String(step + 1) : $("first-run").hidden), { timeoutMs: 8000 });
  }
  assert.equal($("fr-justification").textContent, defaults.languages.ga.text, "Irish built-in text was shown before finishing");
  const [row] = sql(data.db, "SELECT emails, country, language FROM profile");
  assert.deepEqual(JSON.parse(row.emails), ["grace@example.org"]);
  assert.equal(row.country, "IE");
  assert.equal(row.language, "ga");
});

test("real host: history shows the records written by the CLI, newest first, with their timeline", async () => {
  const { data, connector } = world();
  const subs = [makeSubmission(), makeSubmission(), makeSubmission({ status: "failed", reason: "Meta: this form is closed" })];
  const out = cli(bins.cli, { dataDir: data.dir }, ["record", "-"], subs.map((s) => JSON.stringify(s)).join("\n") + "\n");
  assert.match(out, /Recorded 3 submissions/);
  cli(bins.cli, { dataDir: data.dir }, ["profile", "set", "--email", "a@example.org", "--country", "DE", "--language", "de"]);
  const { $ } = await openOptions({ connector, hash: "#history" });
  const rows = [...$("history-rows").querySelectorAll("tr")];
  const expected = [...subs].sort((a, b) => (a.occurred_at < b.occurred_at ? 1 : -1)).map((s) => s.client_id);
  assert.deepEqual(rows.map((r) => r.dataset.clientId), expected);
  const failed = rows[expected.indexOf(subs[2].client_id)];
  assert.match(failed.textContent, /Failed/);
  assert.match(failed.textContent, /this form is closed/);
  assert.match(failed.textContent, new RegExp(subs[2].account_email));
  assert.equal($("history-summary").textContent, "3 objections");
});

test("real host: a CSV export's rows match the database, a JSON export has every record, a large export arrives in chunks", async () => {
  const { data, connector } = world();
  // Enough long records for a reply over 1 MiB, so the host must chunk it.
  const long = "Ich widerspreche. ".repeat(250);
  const subs = Array.from({ length: 400 }, () => makeSubmission({ justification_text: long }));
  cli(bins.cli, { dataDir: data.dir }, ["record", "-"], subs.map((s) => JSON.stringify(s)).join("\n") + "\n");
  cli(bins.cli, { dataDir: data.dir }, ["profile", "set", "--email", "a@example.org", "--country", "DE", "--language", "de"]);
  const { doc, downloads } = await openOptions({ connector, hash: "#history" });
  doc.querySelector('button.export[data-format="csv"]').click();
  await waitFor(() => downloads.length === 1, { timeoutMs: 20000, what: "CSV download" });
  const csv = downloads[0];
  assert.ok(Buffer.byteLength(csv.content) > 1024 * 1024, "bigger than one native-messaging frame");
  assert.match(csv.filename, /^objector-history-\d{4}-\d{2}-\d{2}.*\.csv$/);
  const { parseCsv } = await import("../../extension/options/history-view.js");
  const table = parseCsv(csv.content).filter((r) => r.length > 1);
  const header = table[0];
  const idColumn = header.indexOf("client_id");
  assert.ok(idColumn >= 0, `CSV header has client_id: ${header.join(",")}`);
  const dbIds = sql(data.db, "SELECT client_id FROM submissions ORDER BY client_id").map((r) => r.client_id);
  assert.deepEqual(table.slice(1).map((r) => r[idColumn]).sort(), dbIds);
  doc.querySelector('button.export[data-format="json"]').click();
  await waitFor(() => downloads.length === 2, { timeoutMs: 20000, what: "JSON download" });
  const parsed = JSON.parse(downloads[1].content);
  const items = Array.isArray(parsed) ? parsed : parsed.submissions || parsed.items;
  assert.equal(items.length, 400);
});

test("real host: three objections made while the host is missing are kept and arrive once each after install", async () => {
  const { data, connector } = world();
  connector.installed = false;
  const storage = createMemoryStorage();
  const client = createHostClient({ connectNative: connector.connectNative, timeoutMs: 10000 });
  const outbox = createOutbox({ storage, client });
  const subs = [makeSubmission(), makeSubmission(), makeSubmission()];
  for (const s of subs) await outbox.add({ kind: "submission", payload: s });
  const missing = await outbox.flush();
  assert.equal(missing.error.code, "host_missing");
  assert.equal(await outbox.pending(), 3);
  connector.installed = true; // the person runs installer/install.sh
  const delivered = await outbox.flush();
  assert.deepEqual([delivered.delivered, delivered.pending], [3, 0]);
  // A retry of the same ids (e.g. the ack was lost) changes nothing.
  for (const s of subs) await outbox.add({ kind: "submission", payload: s });
  assert.equal((await outbox.flush()).delivered, 3, "acknowledged as duplicates");
  const rows = sql(data.db, "SELECT client_id, COUNT(*) AS n FROM submissions GROUP BY client_id ORDER BY id");
  assert.deepEqual(rows.map((r) => r.client_id), subs.map((s) => s.client_id));
  assert.ok(rows.every((r) => r.n === 1));
});

test("real host: a host killed mid-way and a locked database lose nothing and duplicate nothing", async () => {
  const { data, connector } = world();
  const storage = createMemoryStorage();
  const client = createHostClient({ connectNative: connector.connectNative, timeoutMs: 15000 });
  const outbox = createOutbox({ storage, client });
  const first = makeSubmission();
  await outbox.add({ kind: "submission", payload: first });
  assert.equal((await outbox.flush()).delivered, 1);
  // Crash: the host process dies; the next records wait and then go to a fresh host.
  connector.children.at(-1).kill("SIGKILL");
  await waitFor(() => !client.status().connected, { what: "disconnect noticed" });
  const more = [makeSubmission(), makeSubmission()];
  for (const s of more) await outbox.add({ kind: "submission", payload: s });
  // Locked: another program holds the database; the host answers db_locked (or times out).
  const lock = await lockDatabase(data.db);
  const locked = await outbox.flush();
  assert.ok(["db_locked", "timeout"].includes(locked.error && locked.error.code), JSON.stringify(locked));
  assert.equal(locked.pending, 2);
  await lock.release();
  const after = await outbox.flush();
  assert.deepEqual([after.delivered, after.pending], [2, 0]);
  const ids = sql(data.db, "SELECT client_id FROM submissions ORDER BY id").map((r) => r.client_id);
  assert.deepEqual(ids, [first, ...more].map((s) => s.client_id));
});

test("real host: justifications edited in the options page are stored in SQLite, one default per language, and are what fill-data sends", async () => {
  const { data, connector } = world();
  cli(bins.cli, { dataDir: data.dir }, ["profile", "set", "--email", "a@example.org", "--country", "NL", "--language", "nl"]);
  const { $, doc, win } = await openOptions({ connector, hash: "#justifications" });
  assert.equal($("just-language").value, "nl");
  assert.equal($("just-text-builtin").value, defaults.languages.nl.text);
  doc.querySelector('[data-id="builtin"] button').click(); // "Use as my text and edit"
  // Saved, then made the default: two requests, so wait for both.
  await waitFor(() => sql(data.db, "SELECT COUNT(*) AS n FROM justifications WHERE is_default = 1")[0].n === 1, { timeoutMs: 8000 });
  const [first] = sql(data.db, "SELECT id, language, text, is_default FROM justifications");
  assert.deepEqual([first.language, first.text, first.is_default], ["nl", defaults.languages.nl.text, 1]);
  // Edit it in place.
  await waitFor(() => $(`just-text-${first.id}`));
  $(`just-text-${first.id}`).value = "Ik maak bezwaar op grond van artikel 21 AVG. Eigen woorden.";
  doc.querySelector(`[data-id="${first.id}"] button.primary`).click();
  await waitFor(() => sql(data.db, `SELECT text FROM justifications WHERE id = ${first.id}`)[0].text.includes("Eigen woorden"), { timeoutMs: 8000 });
  // A second text, then make it the default.
  $("just-add").click();
  $("just-text-new").value = "Bezwaar (art. 21 AVG), tweede tekst.";
  doc.querySelector('[data-id="new"] button').click();
  await waitFor(() => sql(data.db, "SELECT COUNT(*) AS n FROM justifications")[0].n === 2, { timeoutMs: 8000 });
  const second = sql(data.db, "SELECT id FROM justifications ORDER BY id DESC LIMIT 1")[0].id;
  await waitFor(() => $(`just-default-${second}`));
  $(`just-default-${second}`).checked = true;
  $(`just-default-${second}`).dispatchEvent(new win.Event("change", { bubbles: true }));
  await waitFor(() => sql(data.db, "SELECT id FROM justifications WHERE is_default = 1").map((r) => r.id).join() === String(second), { timeoutMs: 8000 });
  // What the content script would fill in for a Dutch form now.
  const { createFillDataSource } = await import("../../extension/lib/fill-data.js");
  const client = createHostClient({ connectNative: connector.connectNative, timeoutMs: 10000 });
  const fill = await createFillDataSource({ client, storage: createMemoryStorage(), defaults }).get("nl-NL");
  assert.deepEqual([fill.ready, fill.justification.text, fill.justification.source], [true, "Bezwaar (art. 21 AVG), tweede tekst.", "host"]);
  // Delete the first one.
  await waitFor(() => doc.querySelector(`[data-id="${first.id}"]`));
  [...doc.querySelectorAll(`[data-id="${first.id}"] button`)].find((b) => b.textContent === "Delete").click();
  await waitFor(() => sql(data.db, "SELECT COUNT(*) AS n FROM justifications")[0].n === 1, { timeoutMs: 8000 });
});
