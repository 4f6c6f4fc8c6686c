// The objection session (lib/session.js) on fixture pages in jsdom, wired to the real background
// handlers and outbox (support/content-world.mjs): what is recorded, when, and what the person is
// told. Each test names the guarantee it proves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openWorld } from "./support/content-world.mjs";
import { FIXTURES_DIR, INDEX, outcomeHtml } from "./support/fixture-dom.mjs";

const pageOf = (pred) => INDEX.pages.find(pred);
const FORM_2025_EN = pageOf((p) => p.kind === "form" && p.round === "2025" && p.language === "en" && p.platform === "facebook");
const FORM_2024_DE = pageOf((p) => p.kind === "form" && p.round === "2024" && p.language === "de");
const NOTICE_EN = pageOf((p) => p.kind === "notice" && p.language === "en" && p.platform === "facebook");

// Answers the page's form POSTs with the fixture server's fragments; `order` records what happened
// first: the record reaching the outbox, or the POST reaching "Meta".
function metaAnswering(entry, kinds, order, world) {
  const queue = [...kinds];
  return (window) => {
    window.fetch = async () => {
      order.push(`post(records=${(await world.records()).length})`);
      const kind = queue.shift() || "server-error";
      return new Response(outcomeHtml(entry.language, kind), { status: kind === "server-error" ? 500 : 200 });
    };
  };
}

function open(entry, kinds, options = {}) {
  const order = [];
  const holder = {};
  const world = openWorld({
    html: readFileSync(join(FIXTURES_DIR, entry.file), "utf8"),
    url: entry.url,
    beforeParse: (w) => metaAnswering(entry, kinds, order, { records: () => holder.world.records() })(w),
    ...options,
  });
  holder.world = world;
  return { world, order };
}

test("one click on a form: the submission is in the outbox as `submitted` BEFORE Meta's Send is pressed; Meta's confirmation follows as an event", async () => {
  const { world, order } = open(FORM_2025_EN, ["confirmation"]);
  try {
    await world.waitFor(() => world.panel.label() === "Fill with Objector");
    world.panel.press();
    await world.waitFor(async () => (await world.records()).length === 2, 15000);
    const [sub, ev] = await world.records();
    assert.deepEqual(order, ["post(records=1)"], "the record was written before the POST left");
    assert.equal(sub.kind, "submission");
    assert.equal(sub.payload.status, "submitted");
    assert.equal(sub.payload.form_url, "https://en-gb.facebook.com/help/contact/712876720715583");
    assert.ok(Math.abs(Date.parse(sub.payload.occurred_at) - Date.now()) < 60000);
    assert.equal(sub.payload.evidence.form_path, "/help/contact/712876720715583");
    assert.equal(ev.kind, "event");
    assert.equal(ev.payload.client_id, sub.payload.client_id);
    assert.equal(ev.payload.status, "confirmed");
    assert.ok(ev.payload.evidence.answer_text.length > 10, "Meta's words are kept on the event");
    assert.ok(ev.payload.evidence.found_in, "and where they were found");
    assert.match(ev.payload.evidence.snapshot, /^</, "and a sanitised snapshot of the answer");
    assert.doesNotMatch(JSON.stringify(ev.payload.evidence), /Art\. 21 GDPR|meta\.account@example/, "never what was typed into the form");
    assert.equal(ev.payload.evidence.send_pressed_at, sub.payload.occurred_at);
    await world.waitFor(() => /confirmed/.test(world.panel.text()));
  } finally {
    world.close();
  }
});

test("a notice's one click grants an intent: the form opened next fills and sends without another click", async () => {
  const notice = openWorld({ html: readFileSync(join(FIXTURES_DIR, NOTICE_EN.file), "utf8"), url: NOTICE_EN.url });
  try {
    await notice.waitFor(() => notice.panel.label() === "Object with Objector");
    await notice.panel.press();
    await notice.waitFor(() => notice.navigations.length === 1);
    assert.match(notice.navigations[0], /\/help\/contact\/712876720715583$/);
  } finally {
    notice.close();
  }
  const { world } = open(FORM_2024_DE, ["code"], { intent: true });
  try {
    await world.waitFor(async () => (await world.records()).length === 2, 15000);
    const [, ev] = await world.records();
    assert.equal(ev.payload.status, "awaiting-code");
    assert.match(world.panel.text(), /code/);
  } finally {
    world.close();
  }
});

test("review mode records nothing until the person's own press of Meta's Send", async () => {
  const { world, order } = open(FORM_2025_EN, ["confirmation"], { settings: { reviewBeforeSend: true } });
  try {
    await world.waitFor(() => world.panel.label() === "Fill with Objector");
    world.panel.press();
    await world.waitFor(() => /press Send yourself/.test(world.panel.text()), 10000);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal((await world.records()).length, 0, "filled, not pressed: nothing recorded");
    assert.deepEqual(order, []);
    assert.equal(world.session.phase(), "review");
  } finally {
    world.close();
  }
});

test("a validation error after Send: the press's record stays, Meta's refusal is an event with its words", async () => {
  const { world } = open(FORM_2025_EN, ["validation"]);
  try {
    await world.waitFor(() => world.panel.label() === "Fill with Objector");
    world.panel.press();
    await world.waitFor(async () => (await world.records()).length === 2, 15000);
    const [sub, ev] = await world.records();
    assert.equal(sub.payload.status, "submitted");
    assert.equal(ev.payload.status, "failed");
    assert.ok(ev.payload.reason.length > 0);
    assert.match(world.panel.text(), /did not accept/);
  } finally {
    world.close();
  }
});

test("no answer recognised within the bound: the record stays `submitted` and the panel says so plainly", async () => {
  // Meta answers with something nobody here wrote a cue for.
  const world = openWorld({
    html: readFileSync(join(FIXTURES_DIR, FORM_2025_EN.file), "utf8"),
    url: FORM_2025_EN.url,
    limits: { answerMs: 1500 },
    beforeParse: (w) => { w.fetch = async () => new Response("<div><p>Zzz qqq.</p></div>", { status: 200 }); },
  });
  try {
    await world.waitFor(() => world.panel.label() === "Fill with Objector");
    world.panel.press();
    await world.waitFor(() => /not recognised/.test(world.panel.text()), 10000);
    const recs = await world.records();
    assert.equal(recs[0].payload.status, "submitted");
    assert.ok(recs.every((r) => r.payload.status === "submitted"), "nothing claims more than was seen");
  } finally {
    world.close();
  }
});

test("a profile that is not set up: nothing is filled or sent, the panel points to the set-up", async () => {
  const { world, order } = open(FORM_2025_EN, ["confirmation"], { profile: { emails: [], country: null } });
  try {
    await world.waitFor(() => world.panel.label() === "Fill with Objector");
    world.panel.press();
    await world.waitFor(() => world.panel.link() === "Set up Objector first", 10000);
    assert.deepEqual(order, []);
    assert.equal((await world.records()).length, 0);
  } finally {
    world.close();
  }
});
