// Coverage, follow-ups and rounds (issue 12) in one browser (OBJECTOR_E2E_BROWSER) with the real
// host installed in the person's HOME and Meta's pages at Meta's addresses:
//  (1) object through the fixture notice → `objector status --json` for that HOME and the
//      extension's own `coverage.get` (the options page asking the host) have a `confirmed` row
//      for that account on Facebook;
//  (2) an `awaiting-code` record made two hours ago (`objector record`, one JSON line) →
//      `objector status --json` and `coverage.get` say `code-expired`, with a due follow-up;
//  (3) after the confirmed objection the notice says "You objected on <that day>; Meta says you do
//      not need to object again" AND still offers the one click (pressed: a second objection is
//      sent and confirmed); the in-app notice, another wording on the same platform, is marked
//      "New notice".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { config } from "./lib/env.mjs";
import { startSession } from "./lib/session.mjs";
import { flow } from "./lib/steps.mjs";
import { pressPanelButton, waitForText, pageShows } from "./lib/objector-ui.mjs";
import { waitForRecord } from "./lib/history.mjs";
import { objector } from "./lib/person.mjs";
import { say } from "./lib/strings.mjs";
import { keepScreenshot } from "./lib/screenshots.mjs";

const name = config.browser;
const PERSON = { email: "ana.objector@example.org", country: "IE", language: "en" };
const META_PREFILLED = "meta.account@example.com"; // the 2025 form comes with the account's email
const NOTICE = "https://en-gb.facebook.com/privacy/genai/";
const DIALOG = "https://www.facebook.com/";
const FORM = "https://en-gb.facebook.com/help/contact/712876720715583";
let s;
let options; // the options page: the extension's own way to the host

before(async () => {
  s = await startSession({ label: "coverage", browser: name });
});
after(async () => {
  await s?.stop();
});

async function open(f, url) {
  return f.step(`open ${url}`, async () => {
    const { page, response } = await s.handle.openPage(url);
    assert.equal(response.status(), 200, `${url} answered ${response.status()}`);
    return f.usePage(page);
  });
}

// `objector status --json` for the person's HOME.
async function statusJson() {
  const r = await objector(s.person.home, ["status", "--json"]);
  assert.equal(r.code, 0, `objector status --json: ${r.stderr || r.stdout}`);
  return JSON.parse(r.stdout);
}

// A request the extension sends the host for its own pages (lib/messages.js `host.request`).
async function extensionAsks(type, fields = {}) {
  const reply = await options.evaluate(async (request) => {
    const api = globalThis.browser || globalThis.chrome;
    return api.runtime.sendMessage({ type: "host.request", request });
  }, { type, ...fields });
  assert.ok(reply && reply.ok, `host.request ${type}: ${JSON.stringify(reply && reply.error)}`);
  return reply.result;
}

const rowOf = (coverage, email, platform, formKind) =>
  coverage.rows.find((r) => r.account_email === email && r.platform === platform && r.form_kind === formKind);

// The notices the host was told of (the options page may list them: `notice.list`).
async function noticesSeen() {
  return (await extensionAsks("notice.list")).notices;
}

async function waitFor(what, fn, timeout = 10000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The date as the panel writes it: in the language of its (English) messages, by the browser's Intl.
function shownDate(page, iso) {
  return page.evaluate((at) => new Intl.DateTimeFormat(
    "en-GB", { day: "numeric", month: "long", year: "numeric" }).format(new Date(at)), iso);
}

// Set up from the command line (objection.test.mjs walks through the options page's first run).
test(`${name}: set up — email, country and language with objector profile set`, async () => {
  const f = flow(name, "set up");
  await f.step("objector profile set", async () => {
    const r = await objector(s.person.home, ["profile", "set", "--email", PERSON.email, "--country", PERSON.country,
      "--language", PERSON.language]);
    assert.equal(r.code, 0, `objector profile set: ${r.stderr || r.stdout}`);
  });
  options = await f.step("open the options page (the extension's way to the host)", async () =>
    f.usePage(await s.handle.openExtensionPage("options/options.html")));
});

let confirmed; // the record of (1)
test(`${name} (1): the notice, one click, confirmed → the coverage row says confirmed, from the CLI and from the extension`, async () => {
  const f = flow(name, "object → coverage row");
  await s.server.setOutcome("auto");
  const page = await open(f, NOTICE);
  await f.step("the control is on the notice; the host logged the notice, once", async () => {
    await waitForText(page, say("contentObjectButton"));
    const seen = await waitFor("notice.list holds the notice", async () => (await noticesSeen()).find((n) => n.platform === "facebook"));
    assert.equal(seen.kind, "objection");
    assert.equal(seen.language, "en");
    assert.match(seen.fingerprint, /^[0-9a-f]{64}$/);
    assert.equal(seen.count, 1);
    assert.equal(await pageShows(page, "You objected on"), false, "no objection yet: no 'already objected' line");
  });
  await f.step("click Object with Objector; Meta confirms", async () => {
    await pressPanelButton(name, page, say("contentObjectButton"));
    await waitForText(page, say("contentConfirmed"), { timeout: 20000 });
  });
  confirmed = await f.step("the history holds the confirmed record", () =>
    waitForRecord(s.person.home, { form_url: FORM, current_status: "confirmed" }));
  await page.close();

  await f.step("objector status --json: that account's Facebook row is confirmed, nothing to do", async () => {
    const coverage = await statusJson();
    const row = rowOf(coverage, META_PREFILLED, "facebook", "own");
    assert.ok(row, `no row for ${META_PREFILLED} facebook own: ${JSON.stringify(coverage.rows)}`);
    assert.equal(row.state, "confirmed");
    assert.equal(row.last_status, "confirmed");
    assert.equal(row.client_id, confirmed.client_id);
    assert.equal(row.todo, "none");
    assert.match(row.last_at, /Z$/);
    const profileRow = rowOf(coverage, PERSON.email, "facebook", "own");
    assert.ok(profileRow, "the profile's address has its own row");
    assert.equal(profileRow.state, "none", "the other address is not covered by this objection");
    assert.equal(profileRow.todo, "object");
  });
  await f.step("coverage.get through the extension says the same", async () => {
    const row = rowOf(await extensionAsks("coverage.get"), META_PREFILLED, "facebook", "own");
    assert.equal(row.state, "confirmed");
    assert.equal(row.client_id, confirmed.client_id);
  });
});

test(`${name} (2): a code step left for two hours → code-expired in objector status --json and coverage.get`, async () => {
  const f = flow(name, "expired code");
  const clientId = randomUUID();
  const since = new Date(Date.now() - 2 * 3600 * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  await f.step("record an awaiting-code submission made two hours ago (objector record, one JSON line)", async () => {
    const line = JSON.stringify({
      client_id: clientId, platform: "instagram", form_kind: "own",
      form_url: "https://help.instagram.com/contact/767264225370182", form_id: "767264225370182",
      account_email: PERSON.email, country: PERSON.country,
      justification_text: "I object to the use of my information for AI at Meta under Art. 21 GDPR.",
      page_language: "en", browser: "firefox 128", extension_version: "0.1.0", status: "awaiting-code",
      occurred_at: since, utc_offset_minutes: 0,
    });
    const file = join(s.work, "awaiting-code.jsonl");
    writeFileSync(file, `${line}\n`);
    const r = await objector(s.person.home, ["record", file]);
    assert.equal(r.code, 0, `objector record: ${r.stderr || r.stdout}`);
  });
  const check = (coverage, where) => {
    const row = rowOf(coverage, PERSON.email, "instagram", "own");
    assert.ok(row, `${where}: no row for ${PERSON.email} instagram own`);
    assert.equal(row.state, "code-expired", where);
    assert.equal(row.last_status, "awaiting-code", where);
    assert.equal(row.client_id, clientId, where);
    assert.equal(row.todo, "object-again", where);
    const due = coverage.follow_ups.find((x) => x.client_id === clientId);
    assert.ok(due, `${where}: no follow-up for the expired code`);
    assert.equal(due.kind, "code-expired", where);
    assert.equal(due.since, since, where);
    assert.equal(due.due, true, where);
  };
  await f.step("objector status --json", async () => check(await statusJson(), "objector status --json"));
  await f.step("coverage.get through the extension", async () => check(await extensionAsks("coverage.get"), "coverage.get"));
  await f.step("objector status (text) names the state on the account's Instagram line", async () => {
    const r = await objector(s.person.home, ["status"]);
    assert.equal(r.code, 0, r.stderr);
    const line = r.stdout.split("\n").find((l) => l.includes(PERSON.email) && l.includes("instagram") && l.includes("own"));
    assert.ok(line && /code-expired/.test(line), `no code-expired line in:\n${r.stdout}`);
  });
});

test(`${name} (3): after the confirmed objection the notice says so AND still offers the one click; the in-app notice is a new round`, async () => {
  const f = flow(name, "already objected");
  assert.ok(confirmed, "(1) made the confirmed record");
  await s.server.setOutcome("auto");
  const page = await open(f, NOTICE);
  const date = await shownDate(page, confirmed.events.find((e) => e.status === "confirmed").occurred_at);
  await f.step("the 'already objected' line, dated, beside the one-click control", async () => {
    await waitForText(page, say("contentAlreadyObjected", date));
    await waitForText(page, say("contentObjectButton"));
    assert.equal(await pageShows(page, META_PREFILLED), false, "no email address on the page");
    assert.equal(await pageShows(page, say("contentNewNotice")), false, "the same wording as before: not new");
  });
  await keepScreenshot(name, page, "notice-already-objected");
  await f.step("the one click still works: sent and confirmed again", async () => {
    await pressPanelButton(name, page, say("contentObjectButton"));
    await waitForText(page, say("contentConfirmed"), { timeout: 20000 });
    await waitForRecord(s.person.home, { form_url: FORM, current_status: "confirmed" }, { count: 2 });
  });
  await page.close();

  const dialog = await open(f, DIALOG);
  await f.step("the in-app notice (another wording, same platform) is marked new and says when the person objected", async () => {
    await waitForText(dialog, say("contentNewNotice"));
    await waitForText(dialog, "You objected on");
    await waitForText(dialog, say("contentObjectButton"));
  });
  await dialog.close();
  await f.step("the host logged both notices, nothing personal: two fingerprints, the first seen twice", async () => {
    const all = await noticesSeen();
    for (const secret of [PERSON.email, META_PREFILLED, "ana", "@"]) {
      assert.equal(JSON.stringify(all).includes(secret), false, `notice.list holds ${secret}`);
    }
    const facebook = all.filter((n) => n.platform === "facebook" && n.kind === "objection");
    assert.equal(facebook.length, 2, JSON.stringify(facebook));
    assert.equal(facebook[0].count, 2);
    assert.equal(facebook[1].count, 1);
    assert.notEqual(facebook[0].fingerprint, facebook[1].fingerprint);
  });
});
