// The whole objection in one browser (OBJECTOR_E2E_BROWSER), host installed by the real installer
// into the person's HOME, Meta's pages at Meta's addresses:
//  (a) privacy-centre notice and in-app notice dialog → one click → pre-step → filled → sent →
//      confirmation → a `confirmed` record dated today in `objector export --format json`;
//  (b) a form opened directly → "Fill with Objector" → the person presses Send → one-time-code
//      step → `awaiting-code`;
//  (c) a validation error and a server error → `failed` with Meta's reason, shown to the person;
//  (g) the Instagram form and the third-party-information form.
// Screenshots: notice with Objector's control, the popup, the filled form, the history page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { config } from "./lib/env.mjs";
import { startSession } from "./lib/session.mjs";
import { flow } from "./lib/steps.mjs";
import { optionsTabOpenedByExtension, firstRun, popupFor, historyPage, setReviewBeforeSend } from "./lib/options-page.mjs";
import { pressPanelButton, waitForText } from "./lib/objector-ui.mjs";
import { waitForRecord, madeToday } from "./lib/history.mjs";
import { exportHistory, objector } from "./lib/person.mjs";
import { keepScreenshot } from "./lib/screenshots.mjs";
import { say } from "./lib/strings.mjs";

const name = config.browser;
const PERSON = { email: "ana.objector@example.org", country: "IE", language: "en" };
const META_PREFILLED = "meta.account@example.com";  // the 2025 forms come with the account's email
const FORM_2025 = "712876720715583";
const FORM_2024 = "6359191084165019";
let s;

before(async () => {
  s = await startSession({ label: "objection", browser: name });
});
after(async () => {
  await s?.stop();
});

// Opens `url` in a new tab and returns the page, registered for failure screenshots.
async function open(f, url) {
  return f.step(`open ${url}`, async () => {
    const { page, response } = await s.handle.openPage(url);
    assert.equal(response.status(), 200, `${url} answered ${response.status()}`);
    return f.usePage(page);
  });
}

// Runs `fn` and checks it added exactly one record to the history; returns that record.
async function oneNewRecord(f, match, fn) {
  const before = (await exportHistory(s.person.home)).length;
  await fn();
  return f.step(`the history holds the ${match.current_status} record`, async () => {
    const record = await waitForRecord(s.person.home, match);
    assert.ok(madeToday(record), `record made today, got ${record.occurred_at}`);
    assert.ok(record.browser.toLowerCase().startsWith(name), `browser ${record.browser}`);
    assert.equal((await exportHistory(s.person.home)).length, before + 1, "exactly one new record");
    return record;
  });
}

async function lastSubmission() {
  const all = await s.server.submissions();
  assert.ok(all.length > 0, "Meta's server received no form");
  return all[all.length - 1];
}

test(`${name}: first run — the person sets up email, country and language in the options page the extension opened`, async () => {
  const f = flow(name, "first run");
  const page = await f.step("the extension opened its options page on install", async () => {
    const p = await optionsTabOpenedByExtension(s.handle);
    assert.ok(p, "no options tab appeared within 10 s of installing the extension");
    return f.usePage(p);
  });
  await f.step("walk through the first run", () => firstRun(page, PERSON));
  await page.close();
});

test(`${name} (a): privacy-centre notice → one click → confirmed, recorded today`, async () => {
  const f = flow(name, "privacy-centre notice → confirmed");
  await s.server.setOutcome("auto");
  const url = "https://en-gb.facebook.com/privacy/genai/";
  const form = `https://en-gb.facebook.com/help/contact/${FORM_2025}`;
  const page = await open(f, url);
  await f.step("Objector's control appears on the notice", () => waitForText(page, say("contentObjectButton")));
  await keepScreenshot(name, page, "notice-with-control");
  await f.step("the popup offers the objection for this tab", async () => {
    const popup = await popupFor(s.handle, url);
    await popup.setViewport({ width: 420, height: 560 });
    await keepScreenshot(name, popup, "popup");
    await popup.close();
  });
  const record = await oneNewRecord(f, { form_url: form, current_status: "confirmed" }, async () => {
    await f.step("click Object with Objector", () => pressPanelButton(name, page, say("contentObjectButton")));
    await f.step("the same tab goes to the form, answers the pre-step, fills, sends, and Meta confirms",
      () => waitForText(page, say("contentConfirmed"), { timeout: 20000 }));
    assert.equal(page.url(), form);
    await f.step("Meta's confirmation is on the page", () =>
      waitForText(page, "This means your request will be applied going forward"));
  });
  await f.step("Meta received the prefilled email and the justification", async () => {
    const sent = await lastSubmission();
    assert.equal(sent.page, form);
    assert.equal(sent.fields.form_id, FORM_2025);
    assert.equal(sent.fields.email, META_PREFILLED);
    assert.equal(sent.fields.Field2001, record.justification_text);
    assert.ok(record.justification_text.length > 20);
  });
  assert.equal(record.platform, "facebook");
  assert.equal(record.form_kind, "own");
  assert.equal(record.form_id, FORM_2025);
  assert.equal(record.account_email, META_PREFILLED);
  assert.equal(record.country, PERSON.country);
  await f.step("the history keeps what Meta showed, where, and when Send was pressed; the chain verifies", async () => {
    assert.deepEqual(record.events.map((e) => e.status), ["submitted", "confirmed"]);
    const [pressed, confirmed] = record.events;
    assert.equal(pressed.evidence.send_pressed_at.slice(0, 19), record.occurred_at.slice(0, 19), "the submission is dated at the press");
    assert.equal(confirmed.evidence.form_path, `/help/contact/${FORM_2025}`);
    assert.match(confirmed.evidence.answer_text, /applied going forward/, "Meta's own words");
    assert.ok(confirmed.evidence.found_in, "where on the page they were");
    assert.match(confirmed.evidence.snapshot_sha256 || "", /^[0-9a-f]{64}$/, "a sanitised snapshot of the answer, stored by its hash");
    assert.ok(!JSON.stringify(confirmed.evidence).includes(record.justification_text.slice(0, 30)), "nothing the form held");
    const verify = await objector(s.person.home, ["verify"]);
    assert.equal(verify.code, 0, `objector verify: ${verify.stdout}${verify.stderr}`);
  });
  await page.close();
});

test(`${name} (a): in-app notice dialog → one click → confirmed, recorded today`, async () => {
  const f = flow(name, "in-app dialog → confirmed");
  await s.server.setOutcome("auto");
  const page = await open(f, "https://www.facebook.com/");
  const form = `https://www.facebook.com/help/contact/${FORM_2025}`;
  await oneNewRecord(f, { form_url: form, current_status: "confirmed" }, async () => {
    await f.step("click Object with Objector on the dialog", () => pressPanelButton(name, page, say("contentObjectButton")));
    await f.step("pre-step, fill, send, Meta confirms", () => waitForText(page, say("contentConfirmed"), { timeout: 20000 }));
    assert.equal(page.url(), form);
  });
  await page.close();
});

const INSTAGRAM_NOTICES = [
  { label: "Instagram privacy-centre notice", url: "https://privacycenter.instagram.com/privacy/genai/" },
  { label: "Instagram in-app dialog (German)", url: "https://www.instagram.com/" },
];
for (const c of INSTAGRAM_NOTICES) {
  test(`${name} (a): ${c.label} → one click → Instagram form confirmed`, async () => {
    const f = flow(name, `${c.label} → confirmed`);
    await s.server.setOutcome("auto");
    const page = await open(f, c.url);
    const form = "https://help.instagram.com/contact/767264225370182";
    const record = await oneNewRecord(f, { form_url: form, current_status: "confirmed" }, async () => {
      await f.step("click Object with Objector", () => pressPanelButton(name, page, say("contentObjectButton")));
      await f.step("pre-step, fill, send, Meta confirms", () => waitForText(page, say("contentConfirmed"), { timeout: 20000 }));
      assert.equal(page.url(), form);
    });
    assert.equal(record.platform, "instagram");
    await page.close();
  });
}

test(`${name} (b): form opened directly → Fill with Objector → the person presses Send → one-time code → awaiting-code`, async () => {
  const f = flow(name, "direct form → code step");
  await f.step("tick 'review before send' in the settings", () => setReviewBeforeSend(s.handle, true));
  try {
    await s.server.setOutcome("code");
    const url = `https://en-gb.facebook.com/help/contact/${FORM_2024}`;
    const page = await open(f, url);
    await oneNewRecord(f, { form_url: url, current_status: "awaiting-code" }, async () => {
      await f.step("click Fill with Objector", () => pressPanelButton(name, page, say("contentFillButton")));
      await f.step("the form is filled and left for review", () => waitForText(page, say("contentReview")));
      await f.step("the fields show the person's data", async () => {
        const shown = await page.evaluate(() => ({
          email: document.querySelector("input[type=email]")?.value,
          country: document.querySelector("select")?.value,
          text: document.querySelector("textarea")?.value,
        }));
        assert.equal(shown.email, PERSON.email);
        assert.equal(shown.country, PERSON.country);
        assert.ok(shown.text && shown.text.length > 20, "justification filled");
      });
      await keepScreenshot(name, page, "filled-form", { fullPage: true });
      assert.equal((await s.server.submissions()).filter((x) => x.page === url).length, 0,
        "nothing sent before the person pressed Send");
      await f.step("the person presses Send", () => page.click("[data-action=send]"));
      await f.step("Meta asks for the code; Objector says so",
        () => waitForText(page, say("contentAwaitingCode"), { timeout: 20000 }));
    });
    const sent = await lastSubmission();
    assert.equal(sent.fields.email, PERSON.email);
    await page.close();
  } finally {
    await setReviewBeforeSend(s.handle, false);
  }
});

const FAILURES = [
  { outcome: "validation", url: `https://en-gb.facebook.com/help/contact/${FORM_2025}`,
    reason: "Please enter a valid email address." },
  { outcome: "server-error", url: `https://en-gb.facebook.com/help/contact/${FORM_2024}`,
    reason: "Something went wrong. We're working on getting this fixed as soon as we can." },
];
for (const c of FAILURES) {
  test(`${name} (c): ${c.outcome} → failed, with Meta's reason shown and recorded`, async () => {
    const f = flow(name, `${c.outcome} → failed`);
    await s.server.setOutcome(c.outcome);
    const page = await open(f, c.url);
    const record = await oneNewRecord(f, { form_url: c.url, current_status: "failed" }, async () => {
      await f.step("click Fill with Objector", () => pressPanelButton(name, page, say("contentFillButton")));
      await f.step("the person is told why", () => waitForText(page, say("contentFailed", c.reason), { timeout: 20000 }));
    });
    // Recorded at the press as `submitted`, then Meta's refusal as an event with its words.
    assert.equal(record.status, "submitted");
    assert.deepEqual(record.events.map((e) => e.status), ["submitted", "failed"]);
    assert.equal(record.events[1].reason, c.reason);
    await page.close();
  });
}

const OTHER_FORMS = [
  { label: "Instagram form", url: "https://help.instagram.com/contact/767264225370182",
    platform: "instagram", formKind: "own", formId: "767264225370182" },
  { label: "third-party-information form", url: "https://www.facebook.com/help/contact/1266025207620918",
    platform: "facebook", formKind: "third_party", formId: "1266025207620918" },
];
for (const c of OTHER_FORMS) {
  test(`${name} (g): the ${c.label} → Fill with Objector → confirmed`, async () => {
    const f = flow(name, c.label);
    await s.server.setOutcome("auto");
    const page = await open(f, c.url);
    const record = await oneNewRecord(f, { form_url: c.url, current_status: "confirmed" }, async () => {
      await f.step("click Fill with Objector", () => pressPanelButton(name, page, say("contentFillButton")));
      await f.step("Meta confirms", () => waitForText(page, say("contentConfirmed"), { timeout: 20000 }));
    });
    assert.equal(record.platform, c.platform);
    assert.equal(record.form_kind, c.formKind);
    assert.equal(record.form_id, c.formId);
    await page.close();
  });
}

test(`${name}: the history page lists every record of the export`, async () => {
  const f = flow(name, "history page");
  const exported = await exportHistory(s.person.home);
  assert.equal(exported.length, 9, "the flows above made 9 records");
  const page = await f.step("open the history", () => historyPage(s.handle).then((p) => f.usePage(p)));
  await f.step("one row per record", () => page.waitForFunction((n) =>
    document.querySelectorAll("#history-rows tr").length === n, { timeout: 10000 }, exported.length));
  await keepScreenshot(name, page, "history", { fullPage: true });
  await page.close();
});

test(`${name}: the fixture server's log names the posted fields but holds none of the person's data`, async () => {
  const { readFileSync } = await import("node:fs");
  const log = readFileSync(s.server.logPath, "utf8");
  assert.match(log, /POST \S+\/ajax\/help\/contact\/submit\/page -> 200 fields: .*email/);
  for (const secret of [PERSON.email, META_PREFILLED, "Article 21"]) {
    assert.equal(log.includes(secret), false, `the log contains ${secret}`);
  }
});
