// Your coverage and the follow-up badge in a REAL headless browser (OBJECTOR_UI_BROWSER=chromium|
// firefox) with the REAL objector-host registered by the real `objector install` on a temporary
// HOME. Proves: records made through the CLI (`objector record`) show on the coverage page as the
// same rows `objector status --json` prints; linking two accounts through the page is kept by the
// host and turns the other row "covered"; an `awaiting-code` record two hours old (its time is the
// record's, the clock the browser's) puts "1" on the toolbar icon, read back with
// action.getBadgeText, with the follow-up in its title and in the popup; the complaint section
// renders a letter through complaint.render. Writes screenshots to $OBJECTOR_UI_SCREENSHOTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launch } from "./support/browsers.js";
import { requireBinaries, sql, cli, makeSubmission } from "./support/real-host.js";
import { EXT } from "./support/harness.js";

const NAME = process.env.OBJECTOR_UI_BROWSER || "chromium";
const EXT_DIR = process.env.OBJECTOR_UI_EXT_DIR || EXT;
const SHOTS = process.env.OBJECTOR_UI_SCREENSHOTS || path.join(tmpdir(), "objector-ui-screenshots");
const suffix = NAME === "chromium" ? "" : `-${NAME}`;
const bins = requireBinaries();

const home = mkdtempSync(path.join(tmpdir(), `objector-cov-${NAME}-`));
const dataDir = path.join(home, ".local", "share", "objector"); // the host's default on Linux
const db = path.join(dataDir, "objector.sqlite3");
const ANNA = "anna@example.org";
const WORK = "anna.work@example.org";
let b;

const cliHere = (args, input) => cli(bins.cli, { home }, args, input);
const utc = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const send = (page, message) => page.evaluate((m) => (globalThis.browser || globalThis.chrome).runtime.sendMessage(m), message);
const badge = (page) => page.evaluate(async () => {
  const { action } = globalThis.browser || globalThis.chrome;
  return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
});
const shownRows = (page) => page.$$eval("#coverage-rows tr", (trs) => trs.map((tr) => ({
  email: tr.dataset.email, platform: tr.dataset.platform, form_kind: tr.dataset.formKind, state: tr.dataset.state, todo: tr.dataset.todo,
  text: tr.querySelector(".cov-todo-text").textContent, link: tr.querySelector("a.object-now") ? tr.querySelector("a.object-now").href : null,
})));

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // The host first: the browser finds it from its first request on.
  cliHere(["install", "--browser", NAME, "--host", bins.host]);
  cliHere(["profile", "set", "--email", ANNA, "--email", WORK, "--country", "DE", "--language", "de"]);
  b = await launch(NAME, { home, extDir: EXT_DIR, downloadDir: path.join(home, "Downloads"), lang: "en-US" });
});
after(async () => {
  if (b) await b.browser.close().catch(() => {});
  rmSync(home, { recursive: true, force: true });
});

test(`${NAME}: the coverage page shows the rows of records made through the CLI, the same rows as \`objector status --json\``, async () => {
  cliHere(["record", "-"], [
    makeSubmission({ platform: "facebook", form_kind: "own", account_email: ANNA, status: "confirmed", occurred_at: "2025-05-12T09:30:00Z", form_url: "https://www.facebook.com/help/contact/712876720715583", form_id: "712876720715583" }),
    makeSubmission({ platform: "instagram", form_kind: "own", account_email: WORK, status: "failed", reason: "Meta: the form could not be submitted", occurred_at: "2026-11-30T10:00:00Z", form_url: "https://help.instagram.com/contact/767264225370182", form_id: "767264225370182" }),
  ].map((s) => JSON.stringify(s)).join("\n") + "\n");
  const page = await b.open("options/options.html", { width: 1100, height: 900 });
  assert.equal(await page.$eval("#coverage", (e) => e.hidden), false, "the options page opens on Your coverage");
  const rows = await shownRows(page);
  const status = JSON.parse(cliHere(["status", "--json"]));
  const statusRows = (status.rows || status).map((r) => [r.account_email, r.platform, r.form_kind, r.state, r.todo]);
  assert.deepEqual(rows.map((r) => [r.email, r.platform, r.form_kind, r.state, r.todo]).sort(), statusRows.sort());
  const at = (email, platform, kind) => rows.find((r) => r.email === email && r.platform === platform && r.form_kind === kind);
  assert.equal(at(ANNA, "facebook", "own").text, "confirmed on May 12, 2025");
  assert.equal(at(ANNA, "facebook", "own").link, null);
  assert.equal(at(ANNA, "instagram", "own").text, "not objected yet");
  assert.equal(at(ANNA, "instagram", "own").link, "https://help.instagram.com/contact/767264225370182");
  assert.equal(at(WORK, "instagram", "own").text, "Meta did not accept it — object again");
  assert.equal(at(ANNA, "facebook", "third_party").text, "optional: information others share about you");
  await page.screenshot({ path: path.join(SHOTS, `coverage${suffix}.png`), fullPage: true });
  await page.close();
});

test(`${NAME}: linking two accounts through the page is kept by the host; the other row reads covered, and undo opens it again`, async () => {
  const page = await b.open("options/options.html", { width: 1100, height: 900 });
  await page.select("#link-account", `instagram|${ANNA}`);
  await page.select("#link-covered-by", `facebook|${ANNA}`);
  await page.click("#link-form button[type=submit]");
  await page.waitForFunction((email) => document.querySelector(`#coverage-rows tr[data-email="${email}"][data-platform="instagram"]`)?.dataset.state === "covered", { timeout: 10000 }, ANNA);
  const [link] = sql(db, "SELECT platform, email, covered_by_platform, covered_by_email FROM account_links");
  assert.deepEqual(link, { platform: "instagram", email: ANNA, covered_by_platform: "facebook", covered_by_email: ANNA });
  const covered = (await shownRows(page)).find((r) => r.email === ANNA && r.platform === "instagram");
  assert.equal(covered.text, `covered through Facebook · ${ANNA}`);
  await page.click("#links-list button.unlink");
  await page.waitForFunction((email) => document.querySelector(`#coverage-rows tr[data-email="${email}"][data-platform="instagram"]`)?.dataset.state === "none", { timeout: 10000 }, ANNA);
  assert.deepEqual(sql(db, "SELECT COUNT(*) AS n FROM account_links"), [{ n: 0 }]);
  await page.close();
});

test(`${NAME}: an awaiting-code record two hours old puts 1 on the toolbar icon, says why in its title, the popup and the page`, async () => {
  const page = await b.open("popup/popup.html?tabId=0", { width: 400, height: 600 });
  assert.equal((await badge(page)).text, "", "nothing due yet: no badge");
  cliHere(["record", "-"], JSON.stringify(makeSubmission({
    platform: "facebook", form_kind: "own", account_email: WORK, status: "awaiting-code", occurred_at: utc(Date.now() - 2 * 3600e3),
    form_url: "https://www.facebook.com/help/contact/6359191084165019", form_id: "6359191084165019",
  })) + "\n");
  // The background asks the host at start, every 30 minutes and after its own records; a record
  // made outside the browser is seen at the next of those or when a page asks (as this does).
  const refreshed = await send(page, { type: "followups.refresh" });
  assert.equal(refreshed.ok, true, JSON.stringify(refreshed));
  const shown = await badge(page);
  assert.equal(shown.text, "1");
  assert.equal(shown.title, "Objector: 1 thing to do: the code for anna.work@… on Facebook has expired — object again");
  await page.close();
  const popup = await b.open("popup/popup.html?tabId=0", { width: 400, height: 600 });
  assert.equal(await popup.$eval("#followups", (e) => e.hidden), false);
  assert.equal(await popup.$eval("#followups-link", (e) => e.textContent), "1 thing to do: the code for anna.work@… on Facebook has expired — object again");
  await (await popup.$("body")).screenshot({ path: path.join(SHOTS, `popup-followup${suffix}.png`) });
  await popup.close();
  const options = await b.open("options/options.html", { width: 1100, height: 900 });
  const row = (await shownRows(options)).find((r) => r.email === WORK && r.platform === "facebook" && r.form_kind === "own");
  assert.equal(row.state, "code-expired");
  assert.equal(row.text, "code expired — object again");
  assert.equal(row.link, "https://www.facebook.com/help/contact/712876720715583");
  assert.match(await options.$eval("#followups-list", (e) => e.textContent), /the code for anna\.work@example\.org on Facebook has expired/);
  await options.screenshot({ path: path.join(SHOTS, `coverage-followup${suffix}.png`), fullPage: true });
  await options.close();
});

test(`${NAME}: the complaint section prepares the letter through the host; nothing is sent`, async () => {
  const page = await b.open("options/options.html#complaint", { width: 1100, height: 900 });
  await page.waitForFunction(() => document.querySelectorAll("#complaint-country option").length > 0, { timeout: 10000 });
  assert.equal(await page.$eval("#complaint-country", (e) => e.value), "DE");
  assert.equal(await page.$eval("#complaint-region-row", (e) => e.hidden), false);
  const hh = await page.$$eval("#complaint-region option", (os) => os.map((o) => o.value).includes("HH"));
  assert.ok(hh, "Hamburg among the Länder");
  await page.select("#complaint-region", "HH");
  await page.select("#complaint-language", "de");
  await page.click("#complaint-form button[type=submit]");
  // Polled by time, not by animation frame: the letter's new tab hides this one, and a hidden tab gets no frames.
  await page.waitForFunction(() => /Objector (sends nothing|sendet nichts)/.test(document.getElementById("complaint-result").textContent) || document.getElementById("complaint-error").textContent, { timeout: 15000, polling: 200 });
  assert.equal(await page.$eval("#complaint-error", (e) => e.textContent), "");
  assert.equal(await page.$eval("#complaint-result", (e) => e.textContent), "The letter is open in a new tab: print it or save it as PDF. Objector sends nothing.");
  assert.equal(await page.$eval("#complaint-download", (e) => e.hidden), false);
  if (NAME === "chromium") {
    // The new tab is the letter as a Blob URL of the extension's origin, its styles adopted.
    const target = await b.browser.waitForTarget((t) => t.url().startsWith(`blob:${b.origin}/`), { timeout: 10000 });
    const letter = await target.page();
    await letter.waitForFunction(() => document.readyState === "complete" && document.body && document.body.textContent.length > 0, { timeout: 10000, polling: 200 });
    assert.match(await letter.evaluate(() => document.body.textContent), /Hamburg/);
    const styled = await letter.evaluate(() => document.querySelectorAll("style").length === 0 || document.adoptedStyleSheets.length === 1);
    assert.ok(styled, "the letter's own styles are adopted under the extension CSP");
    await letter.screenshot({ path: path.join(SHOTS, `complaint-letter${suffix}.png`) });
    await letter.close();
  }
  await page.screenshot({ path: path.join(SHOTS, `complaint${suffix}.png`) });
  await page.close();
});
