// Accessibility of the popup and options page: every control has a label, every button a name,
// headings in order, and the colour pairs of common.css meet WCAG AA contrast (4.5:1).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { mountOptions } from "../../extension/options/options-view.js";
import { renderPopup } from "../../extension/popup/popup-view.js";
import { localize, createTranslator } from "../../extension/options/page-kit.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { EXT, loadPage, readJson, translatorFor, createBackgroundShim } from "./support/harness.js";

const defaults = readJson("justifications/defaults.json");
const READY = { emails: ["ada@example.org", "ada@work.example"], country: "DE", language: "de", name: "" };

function unlabelled(doc) {
  const problems = [];
  for (const el of doc.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden") continue;
    const byFor = el.id && doc.querySelector(`label[for="${el.id}"]`);
    const wrapped = el.closest("label");
    const aria = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!byFor && !wrapped && !aria) problems.push(`${el.tagName.toLowerCase()}#${el.id || "?"}`);
  }
  for (const b of doc.querySelectorAll("button, a[href]")) {
    if (b.hidden || b.closest("[hidden]")) continue;
    if (!(b.textContent.trim() || b.getAttribute("aria-label"))) problems.push(`${b.tagName.toLowerCase()} without a name`);
  }
  return problems;
}

async function optionsAt(hash, profile = READY) {
  const host = createFakeHost();
  if (profile) host.state.profile = profile;
  host.handlers["submission.record"]({
    submission: { client_id: "a", platform: "facebook", form_kind: "own", form_url: "https://www.facebook.com/help/contact/1", form_id: "1", account_email: "a@example.org", status: "failed", reason: "x", occurred_at: "2026-11-20T10:00:00Z", utc_offset_minutes: 60 },
  });
  const storage = createMemoryStorage();
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage });
  const dom = loadPage("options/options.html");
  if (hash) dom.window.location.hash = hash;
  const t = createTranslator(translatorFor("en"));
  localize(dom.window.document, t);
  await mountOptions({ doc: dom.window.document, win: dom.window, bg: shim.bg, t, storage, locale: "en", defaults, download: () => {} });
  return dom.window.document;
}

test("every control of every options section and of the first run has a label; every button a name", async () => {
  for (const [hash, profile] of [["", null], ["#profile", READY], ["#justifications", READY], ["#history", READY], ["#settings", READY]]) {
    const doc = await optionsAt(hash, profile);
    assert.deepEqual(unlabelled(doc), [], hash || "first run");
  }
});

test("the popup's controls and links have names", async () => {
  const host = createFakeHost();
  host.state.profile = READY;
  const storage = createMemoryStorage();
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage, tabStates: { 1: { kind: "notice", platform: "facebook" } } });
  const dom = loadPage("popup/popup.html");
  const t = createTranslator(translatorFor("en"));
  localize(dom.window.document, t);
  await renderPopup({ doc: dom.window.document, bg: shim.bg, t, tabId: 1, storage, openOptions: () => {} });
  assert.deepEqual(unlabelled(dom.window.document), []);
});

test("status messages are announced: live regions exist where results appear", async () => {
  const doc = await optionsAt("#history");
  for (const id of ["status", "history-summary"]) assert.ok(["status", "alert"].includes(doc.getElementById(id).getAttribute("role")) || doc.getElementById(id).getAttribute("aria-live"), id);
  for (const id of ["fr-error", "profile-error"]) assert.equal(doc.getElementById(id).getAttribute("role"), "alert", id);
  const popup = loadPage("popup/popup.html").window.document;
  for (const id of ["tab-state", "action-result", "host-state", "outbox-count"]) assert.equal(popup.getElementById(id).getAttribute("aria-live"), "polite", id);
});

test("headings do not skip levels and each page has one h1 visible at a time", async () => {
  const doc = await optionsAt("#history");
  const visible = [...doc.querySelectorAll("h1, h2, h3")].filter((h) => !h.closest("[hidden]"));
  assert.equal(visible.filter((h) => h.tagName === "H1").length, 1);
  let last = 0;
  for (const h of visible) {
    const level = Number(h.tagName[1]);
    assert.ok(level <= last + 1, `${h.tagName} "${h.textContent}" after h${last}`);
    last = level;
  }
});

// WCAG relative luminance and contrast ratio.
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("the colours of common.css meet 4.5:1 against the backgrounds they are used on", () => {
  const css = readFileSync(path.join(EXT, "options/common.css"), "utf8");
  const vars = Object.fromEntries([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
  const pairs = [
    ["fg", "bg"], ["fg", "panel"], ["muted", "bg"], ["muted", "panel"], ["accent", "bg"], ["accent", "panel"],
    ["accent-fg", "accent"], ["ok", "bg"], ["ok", "panel"], ["warn", "bg"], ["warn", "panel"], ["err", "bg"], ["err", "panel"],
  ];
  for (const [fg, bg] of pairs) {
    assert.ok(vars[fg] && vars[bg], `${fg}/${bg} defined`);
    const ratio = contrast(vars[fg], vars[bg]);
    assert.ok(ratio >= 4.5, `--${fg} on --${bg}: ${ratio.toFixed(2)}:1`);
  }
});

test("following a section link moves the focus to that section's heading", async () => {
  const host = createFakeHost();
  host.state.profile = READY;
  const storage = createMemoryStorage();
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage });
  const dom = loadPage("options/options.html");
  const t = createTranslator(translatorFor("en"));
  await mountOptions({ doc: dom.window.document, win: dom.window, bg: shim.bg, t, storage, locale: "en", defaults, download: () => {} });
  dom.window.location.hash = "#settings";
  const { waitFor } = await import("./support/harness.js");
  await waitFor(() => dom.window.document.activeElement?.id === "settings-heading", { what: "focus on the Settings heading" });
  assert.equal(dom.window.document.getElementById("profile").hidden, true);
});

// Issue 12's sections with data in them: Your coverage (rows, follow-ups, links, notices) and the
// complaint letter's pickers. The fake host is taught the contract's replies (support/issue12-host.js).
async function issue12At(hash) {
  const { teach, row } = await import("./support/issue12-host.js");
  const { waitFor } = await import("./support/harness.js");
  const host = createFakeHost();
  host.state.profile = READY;
  const fixture = teach(host, {
    rows: [
      row("ada@example.org", "facebook", "own", "confirmed", { status: "confirmed", at: "2025-05-12T09:30:00Z", todo: "none" }),
      row("ada@example.org", "instagram", "own", "none", { todo: "object" }),
      row("ada@example.org", "facebook", "third_party", "none", { todo: "optional" }),
      row("ada@work.example", "facebook", "own", "code-expired", { status: "awaiting-code", at: "2026-11-20T10:00:00Z", todo: "object-again" }),
    ],
    followUps: [{ kind: "code-expired", client_id: "c", account_email: "ada@work.example", platform: "facebook", form_kind: "own", since: "2026-11-20T10:00:00Z", due_at: "2026-11-20T11:00:00Z", due: true }],
    notices: [{ notice_id: 1, platform: "facebook", language: "de", kind: "objection", fingerprint: "a".repeat(64), first_seen_at: "2025-04-14T10:00:00Z", last_seen_at: "2025-04-14T10:00:00Z", count: 1 }],
  });
  fixture.links.push({ account: { platform: "instagram", email: "ada@example.org" }, covered_by: { platform: "facebook", email: "ada@example.org" }, created_at: "2026-11-20T10:00:00Z" });
  const storage = createMemoryStorage();
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage });
  const dom = loadPage("options/options.html");
  if (hash) dom.window.location.hash = hash;
  const t = createTranslator(translatorFor("en"));
  localize(dom.window.document, t);
  await mountOptions({ doc: dom.window.document, win: dom.window, bg: shim.bg, t, storage, locale: "en", defaults, download: () => {}, formUrls: { facebook: { own: "https://www.facebook.com/help/contact/1", third_party: "https://www.facebook.com/help/contact/2" }, instagram: { own: "https://help.instagram.com/contact/3" } } });
  await waitFor(() => dom.window.document.body.querySelectorAll("#coverage-rows tr, #complaint-country option").length > 0, { what: "the section's data" });
  return dom.window.document;
}

test("Your coverage and Complaint: every control labelled, every link and button named (each Object now says for which account), one h1, headings in order", async () => {
  for (const hash of ["", "#complaint"]) {
    const doc = await issue12At(hash);
    assert.deepEqual(unlabelled(doc), [], hash || "coverage");
    const visible = [...doc.querySelectorAll("h1, h2, h3")].filter((h) => !h.closest("[hidden]"));
    assert.equal(visible.filter((h) => h.tagName === "H1").length, 1, hash);
    let last = 0;
    for (const h of visible) {
      const level = Number(h.tagName[1]);
      assert.ok(level <= last + 1, `${h.tagName} "${h.textContent}" after h${last}`);
      last = level;
    }
  }
  const doc = await issue12At("");
  const names = [...doc.querySelectorAll("a.object-now")].map((a) => a.getAttribute("aria-label"));
  // The Instagram row is covered through the link: nothing to do, no link.
  assert.deepEqual(names, ["Object now: Facebook, ada@example.org, Information others shared about you", "Object now: Facebook, ada@work.example, Your own information"]);
  assert.equal(new Set(names).size, names.length, "no two links with the same name");
  assert.equal(doc.querySelector("#links-list button.unlink").getAttribute("aria-label"), "Undo: Instagram · ada@example.org is covered through Facebook · ada@example.org");
  // Row headers: each row is announced by its account; tables have captions; results are live.
  assert.equal(doc.querySelectorAll("#coverage-rows th[scope=row]").length, 4);
  for (const id of ["coverage-table", "notices-table"]) assert.ok(doc.querySelector(`#${id} caption`), id);
  for (const id of ["coverage-summary", "complaint-result"]) assert.equal(doc.getElementById(id).getAttribute("aria-live"), "polite", id);
  for (const id of ["link-error", "complaint-error"]) assert.equal(doc.getElementById(id).getAttribute("role"), "alert", id);
});
