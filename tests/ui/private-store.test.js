// lib/private-store.js, the pure parts: how the one-time move from storage.local merges with what
// the extension origin's IndexedDB already holds, and which keys are personal. The IndexedDB half
// runs in real Chromium and Firefox (browser.test.js: migration with records in both stores,
// nothing personal left in storage.local).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeValue, PRIVATE_KEYS, PROFILE_KEYS } from "../../extension/lib/private-store.js";
import { OUTBOX_KEY, REJECTED_KEY } from "../../extension/lib/outbox.js";
import { PROFILE_KEY } from "../../extension/lib/fill-data.js";

const sub = (id) => ({ kind: "submission", payload: { client_id: id }, added_at: "2026-11-25T17:00:00.000Z" });
const ev = (id) => ({ kind: "event", payload: { client_event_id: id, client_id: "s" }, added_at: "2026-11-25T17:00:00.000Z" });

test("every key that holds the person's data is private; settings are not", () => {
  for (const key of [OUTBOX_KEY, REJECTED_KEY, PROFILE_KEY, "profilePending"]) assert.ok(PRIVATE_KEYS.includes(key), key);
  assert.ok(!PRIVATE_KEYS.includes("settings"));
  assert.deepEqual([...PROFILE_KEYS], ["profile", "profilePending"]);
});

test("outbox lists: storage.local's items first (older), then the store's, each record once", () => {
  const merged = mergeValue(OUTBOX_KEY, [sub("b"), ev("e1"), sub("c")], [sub("a"), sub("b")]);
  assert.deepEqual(merged.map((i) => i.payload.client_event_id || i.payload.client_id), ["a", "b", "e1", "c"]);
  assert.deepEqual(mergeValue(REJECTED_KEY, undefined, [sub("x")]).length, 1);
  assert.deepEqual(mergeValue(OUTBOX_KEY, [sub("x")], "garbage").length, 1, "a broken old value loses nothing of the new");
});

test("an unreadable outbox item is kept (shown as refused later), not dropped by the merge", () => {
  const odd = { kind: "letter", payload: { to: "nobody" } };
  assert.deepEqual(mergeValue(OUTBOX_KEY, [], [odd, odd]), [odd]);
});

test("single values: the store's copy is newer; storage.local's fills a gap", () => {
  const p1 = { emails: ["old@example.org"] };
  const p2 = { emails: ["new@example.org"] };
  assert.deepEqual(mergeValue(PROFILE_KEY, p2, p1), p2);
  assert.deepEqual(mergeValue(PROFILE_KEY, undefined, p1), p1);
  assert.equal(mergeValue("profilePending", false, true), false);
});
