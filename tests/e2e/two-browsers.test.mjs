// (f) One person, Chromium and Firefox on the same computer (same HOME, one installed host, one
// history): both object at the same moment → both records in the history, no error in either.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { config, makeWorkDir } from "./lib/env.mjs";
import { startFixtureServer } from "./lib/fixture-server.mjs";
import { startSession } from "./lib/session.mjs";
import { flow } from "./lib/steps.mjs";
import { newHome, installHost, exportHistory } from "./lib/person.mjs";
import { optionsTabOpenedByExtension, firstRun } from "./lib/options-page.mjs";
import { pressPanelButton, waitForText, pageShows } from "./lib/objector-ui.mjs";
import { waitForRecord, madeToday } from "./lib/history.mjs";
import { say } from "./lib/strings.mjs";

const FORM = "https://en-gb.facebook.com/help/contact/712876720715583";
let work;
let server;
let person;
const sessions = {};

before(async () => {
  work = makeWorkDir("two-browsers");
  server = await startFixtureServer({ binary: config.serverBinary, fixturesDir: config.fixturesDir, workDir: work });
  person = newHome(join(work, "home"));
  await installHost(person.home);
  for (const b of ["chromium", "firefox"]) {
    sessions[b] = await startSession({ label: "two-browsers", browser: b, server, home: person });
  }
});
after(async () => {
  for (const s of Object.values(sessions)) await s.stop();
  await server?.stop();
  if (process.env.OBJECTOR_E2E_KEEP !== "1" && work) rmSync(work, { recursive: true, force: true });
});

test("set-up once in Chromium; Firefox finds the same profile through the host", async () => {
  const f = flow("chromium", "two browsers: first run");
  const page = await f.step("options page opened on install", async () => {
    const p = await optionsTabOpenedByExtension(sessions.chromium.handle);
    assert.ok(p, "no options tab appeared");
    return f.usePage(p);
  });
  await f.step("first run", () => firstRun(page, { email: "cleo.objector@example.org", country: "FR", language: "en" }));
  await page.close();
});

test("Chromium and Firefox object at the same moment into the same history", async () => {
  const pages = {};
  for (const b of ["chromium", "firefox"]) {
    const f = flow(b, "two browsers: open the form");
    pages[b] = await f.step(`open ${FORM}`, async () => f.usePage((await sessions[b].handle.openPage(FORM)).page));
    await f.step("Fill with Objector is offered", () => waitForText(pages[b], say("contentFillButton")));
  }
  // Both clicks start together; each browser's host process writes into the one SQLite file.
  await Promise.all(["chromium", "firefox"].map(async (b) => {
    const f = flow(b, "two browsers: object together");
    f.usePage(pages[b]);
    await f.step("click Fill with Objector", () => pressPanelButton(b, pages[b], say("contentFillButton")));
    await f.step("Meta confirms, saved in the history", () =>
      waitForText(pages[b], say("contentConfirmed"), { timeout: 20000 }));
    assert.equal(await pageShows(pages[b], "Meta did not accept"), false, `${b} shows an error`);
  }));
  const records = await waitForRecord(person.home, { form_url: FORM, current_status: "confirmed" }, { count: 2 });
  const browsers = records.map((r) => r.browser.toLowerCase().split(" ")[0]).sort();
  assert.deepEqual(browsers, ["chromium", "firefox"]);
  for (const r of records) assert.ok(madeToday(r));
  assert.equal((await exportHistory(person.home)).length, 2, "exactly the two records");
  assert.equal(new Set(records.map((r) => r.client_id)).size, 2);
  assert.deepEqual(records.map((r) => r.account_email), ["meta.account@example.com", "meta.account@example.com"]);
  // Firefox never saw the first run: its country came from the profile kept by the host.
  assert.deepEqual(records.map((r) => r.country), ["FR", "FR"]);
});
