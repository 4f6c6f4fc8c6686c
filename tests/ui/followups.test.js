// background/followups.js: the host's coverage.get reply → the toolbar badge (text, colour, title),
// table-driven; and the updater that asks the host and sets the badge through an action API,
// leaving it alone when the host cannot be asked. Replies are shaped as host/PROTOCOL.md's
// coverage.get (issue 12 contract).
import { test } from "node:test";
import assert from "node:assert/strict";
import { badgeFor, followupLine, followupSummary, shortEmail, createBadgeUpdater, utcNow, BADGE_COLOR } from "../../extension/background/followups.js";
import { translatorFor } from "./support/harness.js";

const en = translatorFor("en");
const de = translatorFor("de");

function followUp(kind, email, platform, { due, since = "2026-12-01T08:00:00Z" } = {}) {
  const dueAt = new Date(Date.parse(since) + (kind === "code-expired" ? 3600e3 : 7 * 86400e3)).toISOString().replace(".000Z", "Z");
  return { kind, client_id: `${kind}-${email}-${platform}`, account_email: email, platform, form_kind: "own", since, due_at: dueAt, due };
}
const coverage = (followUps) => ({ generated_at: "2026-12-01T10:00:00Z", rows: [], follow_ups: followUps, links: [] });

const TABLE = [
  ["no follow-ups → no badge", coverage([]), { text: "", title: "Objector" }],
  ["host not asked (null) → no badge", null, { text: "", title: "Objector" }],
  ["one code expired (due) → 1, the title says which and what to do", coverage([followUp("code-expired", "anna@example.org", "facebook", { due: true })]),
    { text: "1", title: "Objector: 1 thing to do: the code for anna@… on Facebook has expired — object again" }],
  ["two due → 2, the title names the first", coverage([
      followUp("no-confirmation", "anna@example.org", "instagram", { due: true }),
      followUp("code-expired", "ben@example.org", "facebook", { due: true }),
    ]), { text: "2", title: "Objector: 2 things to do. First: no confirmation yet for anna@… on Instagram: check your email, or object again" }],
  ["a code still valid and a submission younger than 7 days (not due) → nothing", coverage([
      followUp("code-expired", "anna@example.org", "facebook", { due: false }),
      followUp("no-confirmation", "anna@example.org", "instagram", { due: false }),
    ]), { text: "", title: "Objector" }],
  ["one due among not-due ones → 1", coverage([
      followUp("code-expired", "anna@example.org", "facebook", { due: false }),
      followUp("no-confirmation", "ben@example.org", "facebook", { due: true }),
    ]), { text: "1", title: "Objector: 1 thing to do: no confirmation yet for ben@… on Facebook: check your email, or object again" }],
];
for (const [name, reply, want] of TABLE) {
  test(`badge: ${name}`, () => {
    const b = badgeFor(reply, en);
    assert.equal(b.text, want.text);
    assert.equal(b.title, want.title);
    assert.equal(b.color, BADGE_COLOR);
  });
}

test("badge: in German the title is German", () => {
  const b = badgeFor(coverage([followUp("code-expired", "anna@example.org", "facebook", { due: true })]), de);
  assert.equal(b.title, "Objector: 1 Sache zu tun: der Code für anna@… auf Facebook ist abgelaufen — erneut widersprechen");
});

test("without a translation the English sentence stands (a missing key never shows empty)", () => {
  const none = () => "";
  assert.equal(followupLine(followUp("code-expired", "anna@example.org", "instagram", { due: true }), none), "the code for anna@… on Instagram has expired — object again");
  assert.equal(followupSummary([], none), "");
  assert.equal(shortEmail("anna@example.org"), "anna@…");
  assert.equal(shortEmail("no-at-sign"), "no-at-sign");
});

function fakeAction() {
  const calls = [];
  return {
    calls,
    setBadgeText: async (d) => calls.push(["text", d.text]),
    setBadgeBackgroundColor: async (d) => calls.push(["color", d.color]),
    setTitle: async (d) => calls.push(["title", d.title]),
  };
}

test("updater: asks coverage.get with the injected clock (UTC, no milliseconds) and sets text, colour and title", async () => {
  const asked = [];
  const action = fakeAction();
  const u = createBadgeUpdater({
    request: async (type, fields) => (asked.push([type, fields]), coverage([followUp("code-expired", "anna@example.org", "facebook", { due: true })])),
    action,
    t: en,
    now: () => new Date("2026-12-01T10:00:00.123Z"),
  });
  const r = await u.refresh();
  assert.deepEqual(asked, [["coverage.get", { now: "2026-12-01T10:00:00Z" }]]);
  assert.deepEqual(r, { text: "1", title: "Objector: 1 thing to do: the code for anna@… on Facebook has expired — object again", due: 1 });
  assert.deepEqual(action.calls.sort(), [["color", BADGE_COLOR], ["text", "1"], ["title", r.title]].sort());
});

test("updater: when the host cannot be asked, the badge is left as it was", async () => {
  const action = fakeAction();
  const u = createBadgeUpdater({
    request: async () => {
      throw Object.assign(new Error("Specified native messaging host not found."), { code: "host_missing" });
    },
    action,
    t: en,
  });
  assert.equal(await u.refresh(), null);
  assert.deepEqual(action.calls, []);
});

test("utcNow writes times as host/PROTOCOL.md does", () => {
  assert.equal(utcNow(new Date(Date.UTC(2026, 11, 1, 9, 5, 7, 999))), "2026-12-01T09:05:07Z");
});
