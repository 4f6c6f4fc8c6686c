// jsdom tests on every fixture form (both rounds × 26 languages, Instagram, third-party): the page
// is recognised, the pre-step answered, fields filled as React-controlled inputs accept them, Send
// posts what the user would have typed, and each answer of Meta's server maps to the right status.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openFixture, pagesWhere, STRINGS, INDEX } from "./support/fixture-dom.mjs";

const PROFILE = { emails: ["ada@example.org"], country: "DE", language: "de", name: "Ada" };
const justificationFor = (lang) => ({ text: `Objection (${lang}): I object under Art. 21 GDPR to the use of my data for AI at Meta.`, language: lang, source: "builtin" });

const FORMS = pagesWhere((p) => p.kind === "form");

async function objection(entry, outcomes, { send = true } = {}) {
  const f = openFixture(entry, { outcomes });
  const result = await f.O.filler.runObjection(f.document, f.compiled, {
    language: entry.language, round: entry.round, data: { profile: PROFILE, justification: justificationFor(entry.language) },
    send, wait: f.wait, timeoutMs: 4000,
  });
  return { f, result };
}

for (const entry of FORMS) {
  const name = `${entry.file} (${entry.platform} ${entry.formKind} ${entry.round}, ${entry.language})`;

  test(`${name}: recognised as the objection form in its language`, async () => {
    const f = openFixture(entry);
    const step = await f.wait(() => {
      const s = f.O.domScan.pageStep(f.document.body, f.compiled, entry.language);
      return s === "loading" ? null : s;
    }, 3000);
    assert.equal(step, entry.variant.prestep ? "prestep" : "form");
    const state = f.O.matcher.classifyPage(f.compiled, f.O.domScan.snapshot(f.document, f.compiled));
    assert.deepEqual([state.kind, state.platform, state.formKind, state.language, state.round],
      ["form", entry.platform, entry.formKind, entry.language, entry.round]);
    f.close();
  });

  test(`${name}: one objection fills, sends and is confirmed`, async () => {
    const { f, result } = await objection(entry, ["confirmation"]);
    assert.equal(result.phase, "sent", JSON.stringify({ ...result, fill: undefined }));
    assert.equal(result.outcome.status, "confirmed");
    assert.equal(f.posts.length, 1);
    const { fields, url } = f.posts[0];
    assert.equal(new URL(url).pathname, "/ajax/help/contact/submit/page");
    assert.equal(fields.form_id, entry.formId);
    const expectedEmail = entry.variant.prefilledEmail || PROFILE.emails[0];
    assert.equal(fields.email, expectedEmail, "email as Meta will read it");
    assert.equal(result.fill.emailKept, entry.variant.prefilledEmail || null);
    const values = Object.values(fields);
    assert.ok(values.includes(justificationFor(entry.language).text), "the justification was posted");
    if (entry.variant.country) {
      const country = fields.Field1091243_iso2_country_code || fields.Field1091243;
      assert.ok(country, "a country was posted");
      if (entry.variant.country === "select-iso" || entry.variant.country === "combobox") {
        assert.equal(fields.Field1091243_iso2_country_code || fields.Field1091243, "DE");
      }
    }
    // The optional second box stays empty.
    for (const [k, v] of Object.entries(fields)) {
      if (["Field1540368", "Field4002", "Field3102"].includes(k)) assert.equal(v, "", `${k} must stay empty`);
    }
    f.close();
  });
}

for (const entry of FORMS.filter((p) => p.round === "2024" && p.platform === "facebook" && p.formKind === "own")) {
  test(`${entry.file}: the one-time-code step is awaiting-code, and the code then confirms`, async () => {
    const { f, result } = await objection(entry, ["code", "confirmation"]);
    assert.equal(result.outcome.status, "awaiting-code");
    assert.equal(result.outcome.step, "code");
    // The person types the code Meta mailed and submits it.
    const input = f.document.querySelector("input[autocomplete=one-time-code]");
    f.O.filler.setValue(input, "123456");
    f.O.filler.click(f.document.querySelector("[data-action=code]"));
    const after = await f.O.filler.waitForOutcome(f.document, f.compiled, entry.language, (fn, ms) =>
      f.wait(() => { const o = fn(); return o && o.step !== "code" ? o : null; }, ms), 3000);
    assert.equal(after.status, "confirmed");
    assert.equal(f.posts[1].fields.code, "123456");
    f.close();
  });
}

for (const lang of Object.keys(STRINGS)) {
  const entry = INDEX.pages.find((p) => p.file === `forms/facebook-2025-${lang}.html`);
  test(`${lang}: a validation error and "something went wrong" are failed, with Meta's words as the reason`, async () => {
    for (const [kind, key] of [["validation", "validation"], ["server-error", "serverError"]]) {
      const { f, result } = await objection(entry, [kind]);
      assert.equal(result.outcome.status, "failed", kind);
      assert.equal(result.outcome.reason, STRINGS[lang][key], kind);
      f.close();
    }
  });
}

test("review before send: the form is filled and nothing is posted", async () => {
  for (const file of ["forms/facebook-2024-fr.html", "forms/facebook-2025-de.html", "forms/instagram-2025-en.html"]) {
    const entry = INDEX.pages.find((p) => p.file === file);
    const { f, result } = await objection(entry, ["confirmation"], { send: false });
    assert.equal(result.phase, "review", file);
    assert.equal(f.posts.length, 0, file);
    f.close();
  }
});

test("React-controlled inputs: a value set without the native setter is lost on Send; ours is kept", async () => {
  const entry = INDEX.pages.find((p) => p.file === "forms/facebook-2024-en.html");
  const naive = openFixture(entry, { outcomes: ["confirmation"] });
  await naive.wait(() => naive.document.querySelector("input[type=email]"), 2000);
  const email = naive.document.querySelector("input[type=email]");
  email.value = "ada@example.org"; // what a careless script does: React's tracker swallows it
  email.dispatchEvent(new naive.window.Event("input", { bubbles: true }));
  naive.document.querySelector("[data-action=send]").click();
  await naive.wait(() => naive.posts.length > 0, 2000);
  assert.equal(naive.posts[0].fields.email, undefined, "the naive value never reached React's state");
  naive.close();

  const careful = openFixture(entry, { outcomes: ["confirmation"] });
  await careful.wait(() => careful.document.querySelector("input[type=email]"), 2000);
  careful.O.filler.setValue(careful.document.querySelector("input[type=email]"), "ada@example.org");
  careful.document.querySelector("[data-action=send]").click();
  await careful.wait(() => careful.posts.length > 0, 2000);
  assert.equal(careful.posts[0].fields.email, "ada@example.org");
  careful.close();
});

test("a field that cannot be found is reported and nothing is filled or sent", async () => {
  const entry = INDEX.pages.find((p) => p.file === "forms/facebook-2024-en.html");
  const f = openFixture(entry, { outcomes: ["confirmation"] });
  await f.wait(() => f.document.querySelector("input[type=email]"), 2000);
  // Meta changed the form: the email field lost its label and its type.
  const email = f.document.querySelector("input[type=email]");
  email.setAttribute("type", "text");
  for (const l of email.labels) l.textContent = "";
  email.removeAttribute("aria-label");
  email.removeAttribute("aria-labelledby");
  const result = await f.O.filler.runObjection(f.document, f.compiled, { language: "en", round: "2024",
    data: { profile: PROFILE, justification: justificationFor("en") }, send: true, wait: f.wait, timeoutMs: 2000 });
  assert.equal(result.phase, "missing");
  assert.deepEqual([...result.missing], ["email"]);
  assert.equal(f.posts.length, 0);
  assert.equal(f.document.querySelector("textarea").value, "", "nothing was filled");
  f.close();
});

test("the pre-step is answered with Yes, and the form appears and is sent", async () => {
  const entry = INDEX.pages.find((p) => p.file === "forms/facebook-2025-fr.html");
  assert.equal(entry.variant.prestep, true);
  const { f, result } = await objection(entry, ["confirmation"]);
  assert.equal(result.phase, "sent");
  assert.equal(f.posts.length, 1);
  f.close();
});

test("a country the form does not offer is reported and nothing is sent", async () => {
  const entry = INDEX.pages.find((p) => p.file === "forms/facebook-2024-en.html");
  assert.equal(entry.variant.country, "select-iso");
  const f = openFixture(entry, { outcomes: ["confirmation"] });
  await f.wait(() => f.document.querySelector("select"), 2000);
  f.document.querySelector('option[value="DE"]').remove();
  const result = await f.O.filler.runObjection(f.document, f.compiled, { language: "en", round: "2024",
    data: { profile: PROFILE, justification: justificationFor("en") }, send: true, wait: f.wait, timeoutMs: 2000 });
  assert.equal(result.phase, "failed");
  assert.match(result.reason, /country/);
  assert.equal(f.posts.length, 0);
  f.close();
});

test("the combobox is answered by picking the option the page offers for the localised name", async () => {
  const entry = INDEX.pages.find((p) => p.file === "forms/instagram-2024-de.html");
  assert.equal(entry.variant.country, "combobox");
  const { f, result } = await objection(entry, ["confirmation"]);
  assert.equal(result.phase, "sent");
  assert.equal(f.posts[0].fields.Field1091243, "Deutschland");
  assert.equal(f.posts[0].fields.Field1091243_iso2_country_code, "DE");
  f.close();
});
