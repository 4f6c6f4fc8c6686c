// "Your coverage" and the complaint letter in jsdom: the options page (real options-view, real
// ui-api handlers and host client) over the frame-level fake host, taught the issue-12 messages
// with replies shaped as the contract (/work/prompts/s9-contract.md → host/PROTOCOL.md) says.
// The same pages against the real host: browser.test.js.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mountOptions } from "../../extension/options/options-view.js";
import { renderPopup } from "../../extension/popup/popup-view.js";
import { formUrlsFrom, todoText, linkableAccounts } from "../../extension/options/coverage-view.js";
import { authorityFor, regionsOf } from "../../extension/options/complaint-view.js";
import { row, teach, AUTHORITIES } from "./support/issue12-host.js";
import { localize, createTranslator } from "../../extension/options/page-kit.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { loadPage, readJson, translatorFor, createBackgroundShim, waitFor, submit, change } from "./support/harness.js";

const require = createRequire(import.meta.url);
const rules = require("../../extension/rules/rules.js");
const FORM_URLS = formUrlsFrom(rules);
const defaults = readJson("justifications/defaults.json");
const READY = { emails: ["anna@example.org", "anna.work@example.org"], country: "DE", language: "de", name: "" };
const NOW = new Date("2026-12-01T12:00:00Z");

async function open({ lang = "en", hash = "", installed = true, profile = READY, teachWith = {}, openLetter } = {}) {
  const host = createFakeHost();
  host.state.installed = installed;
  if (profile) host.state.profile = profile;
  const fixture = teach(host, teachWith);
  // The profile mirror the options page keeps in the browser: with the host missing it stands in.
  const storage = createMemoryStorage(profile ? { profile } : {});
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage });
  const dom = loadPage("options/options.html");
  if (hash) dom.window.location.hash = hash;
  const doc = dom.window.document;
  const t = createTranslator(translatorFor(lang));
  localize(doc, t);
  const letters = [];
  const downloads = [];
  const view = await mountOptions({
    doc, win: dom.window, bg: shim.bg, t, storage, locale: lang, defaults, formUrls: FORM_URLS, now: () => NOW,
    download: (f) => downloads.push(f),
    openLetter: openLetter || ((f) => (letters.push(f), true)),
  });
  const $ = (id) => doc.getElementById(id);
  const rowsShown = () => [...doc.querySelectorAll("#coverage-rows tr")].map((tr) => ({ ...tr.dataset, todoText: tr.querySelector(".cov-todo-text").textContent, link: tr.querySelector("a.object-now")?.getAttribute("href") || null, last: tr.children[3].textContent }));
  return { dom, win: dom.window, doc, host, fixture, shim, view, letters, downloads, $, rowsShown };
}

// Every state of the contract, for two accounts on two platforms and the third-party form.
const ALL_STATES = [
  row("anna@example.org", "facebook", "own", "confirmed", { status: "confirmed", at: "2025-05-12T09:30:00Z", todo: "none", clientId: "c1" }),
  row("anna@example.org", "instagram", "own", "code-expired", { status: "awaiting-code", at: "2026-12-01T09:00:00Z", todo: "object-again", clientId: "c2" }),
  row("anna@example.org", "facebook", "third_party", "none", { todo: "optional" }),
  row("anna.work@example.org", "facebook", "own", "none", { todo: "object" }),
  row("anna.work@example.org", "instagram", "own", "stalled", { status: "submitted", at: "2026-11-20T10:00:00Z", todo: "check-email", clientId: "c3" }),
  row("anna.work@example.org", "facebook", "third_party", "failed", { status: "failed", at: "2026-11-30T10:00:00Z", todo: "object-again", clientId: "c4" }),
];

test("the options page opens on Your coverage: one row per account × platform × form, in the host's order, asked with the page's clock", async () => {
  const { $, rowsShown, fixture, doc } = await open({ teachWith: { rows: ALL_STATES } });
  assert.equal($("coverage").hidden, false);
  assert.equal($("profile").hidden, true);
  assert.equal(doc.querySelector('#nav a[aria-current="page"]').getAttribute("href"), "#coverage");
  assert.deepEqual(fixture.asked, ["2026-12-01T12:00:00Z"]);
  const shown = rowsShown();
  assert.deepEqual(shown.map((r) => [r.email, r.platform, r.formKind, r.state]), ALL_STATES.map((r) => [r.account_email, r.platform, r.form_kind, r.state]));
});

test("each state reads as what is left to do, with an Object now link to the right Meta form where something is", async () => {
  const { rowsShown, $ } = await open({ teachWith: { rows: ALL_STATES } });
  const byState = Object.fromEntries(rowsShown().map((r) => [`${r.state}/${r.formKind}`, r]));
  assert.equal(byState["confirmed/own"].todoText, "confirmed on May 12, 2025");
  assert.equal(byState["confirmed/own"].link, null, "nothing to do: no link");
  assert.equal(byState["code-expired/own"].todoText, "code expired — object again");
  assert.equal(byState["code-expired/own"].link, "https://help.instagram.com/contact/767264225370182");
  assert.equal(byState["none/third_party"].todoText, "optional: information others share about you");
  assert.equal(byState["none/third_party"].link, "https://www.facebook.com/help/contact/1266025207620918");
  assert.equal(byState["none/own"].todoText, "not objected yet");
  assert.equal(byState["none/own"].link, "https://www.facebook.com/help/contact/712876720715583");
  assert.equal(byState["stalled/own"].todoText, "no confirmation yet: check your email, or object again");
  assert.equal(byState["failed/third_party"].todoText, "Meta did not accept it — object again");
  assert.match(byState["none/own"].last, /no record/);
  assert.match(byState["code-expired/own"].last, /^Awaiting code · Dec 1, 2026/);
  // Four rows are open (the optional third-party row is not counted).
  assert.equal($("coverage-summary").textContent, "4 things are still open.");
});

test("dates follow the person's locale: German and Polish", async () => {
  const rows = [row("anna@example.org", "facebook", "own", "confirmed", { status: "confirmed", at: "2025-05-12T09:30:00Z", todo: "none" })];
  const de = await open({ lang: "de", teachWith: { rows } });
  assert.equal(de.rowsShown()[0].todoText, "bestätigt am 12. Mai 2025");
  assert.equal(de.$("coverage-summary").textContent, "Alles ist abgedeckt.");
  const pl = await open({ lang: "pl", teachWith: { rows } });
  assert.equal(pl.rowsShown()[0].todoText, "potwierdzono 12 maja 2025");
});

test("awaiting a code (< 1 h), submitted (< 7 d) and covered rows: no link, what happens next", async () => {
  const rows = [
    row("anna@example.org", "facebook", "own", "awaiting-code", { status: "awaiting-code", at: "2026-12-01T11:30:00Z", todo: "enter-code" }),
    row("anna@example.org", "instagram", "own", "submitted", { status: "submitted", at: "2026-11-29T10:00:00Z", todo: "wait" }),
    row("anna.work@example.org", "instagram", "own", "covered", { todo: "none", through: { platform: "facebook", email: "anna@example.org" } }),
  ];
  const { rowsShown } = await open({ teachWith: { rows } });
  const shown = rowsShown();
  assert.deepEqual(shown.map((r) => r.link), [null, null, null]);
  assert.equal(shown[0].todoText, "enter the code Meta emailed you: it is valid for one hour");
  assert.equal(shown[1].todoText, "sent on November 29, 2026: Meta's confirmation usually comes by email");
  assert.equal(shown[2].todoText, "covered through Facebook · anna@example.org");
});

test("link two accounts, see the row covered, undo it; the host's refusal is shown and nothing changes", async () => {
  const rows = [
    row("anna@example.org", "facebook", "own", "confirmed", { status: "confirmed", at: "2025-05-12T09:30:00Z", todo: "none" }),
    row("anna.work@example.org", "instagram", "own", "none", { todo: "object" }),
  ];
  const { $, win, doc, fixture, rowsShown, host } = await open({ teachWith: { rows } });
  assert.equal($("link-form").hidden, false);
  assert.deepEqual([...$("link-account").options].map((o) => o.textContent), ["Facebook · anna@example.org", "Instagram · anna.work@example.org"]);
  assert.equal($("links-empty").hidden, false);
  $("link-account").value = "instagram|anna.work@example.org";
  $("link-covered-by").value = "facebook|anna@example.org";
  submit(win, $("link-form"));
  await waitFor(() => rowsShown()[1]?.state === "covered", { what: "the linked row covered" });
  assert.deepEqual(fixture.links.map((l) => [l.account, l.covered_by]), [[{ platform: "instagram", email: "anna.work@example.org" }, { platform: "facebook", email: "anna@example.org" }]]);
  assert.equal(rowsShown()[1].todoText, "covered through Facebook · anna@example.org");
  assert.equal($("links-list").textContent.includes("Instagram · anna.work@example.org is covered through Facebook · anna@example.org"), true);
  assert.equal($("status").textContent, "Saved: the two accounts share an Accounts Centre.");
  // The badge is asked anew after each load of the coverage (the shim has no such handler: no harm).
  // A link the host refuses: the covering account is itself covered through another.
  $("link-account").value = "facebook|anna@example.org";
  $("link-covered-by").value = "instagram|anna.work@example.org";
  submit(win, $("link-form"));
  await waitFor(() => $("link-error").textContent, { what: "the refusal" });
  assert.match($("link-error").textContent, /^Not linked: covered_by: that account is itself covered/);
  assert.equal(fixture.links.length, 1, "nothing changed");
  // Choosing the same account twice is caught before the host is asked.
  const before = host.state.received.length;
  $("link-covered-by").value = "facebook|anna@example.org";
  submit(win, $("link-form"));
  assert.equal($("link-error").textContent, "Choose two different accounts.");
  assert.equal(host.state.received.length, before);
  // Undo.
  doc.querySelector("#links-list button.unlink").click();
  await waitFor(() => rowsShown()[1]?.state === "none", { what: "the row open again" });
  assert.deepEqual(fixture.links, []);
  assert.equal($("links-empty").hidden, false);
  assert.equal(rowsShown()[1].todoText, "not objected yet");
  assert.equal($("status").textContent, "Link removed.");
});

test("the follow-ups list: due ones first in words, later ones with the time they fall due; their dates as an .ics file", async () => {
  const followUps = [
    { kind: "code-expired", client_id: "c2", account_email: "anna@example.org", platform: "facebook", form_kind: "own", since: "2026-12-01T09:00:00Z", due_at: "2026-12-01T10:00:00Z", due: true },
    { kind: "no-confirmation", client_id: "c3", account_email: "anna.work@example.org", platform: "instagram", form_kind: "own", since: "2026-11-30T10:00:00Z", due_at: "2026-12-07T10:00:00Z", due: false },
  ];
  const { $, doc, downloads } = await open({ teachWith: { rows: ALL_STATES, followUps } });
  const items = [...doc.querySelectorAll("#followups-list li")];
  assert.equal(items.length, 2);
  assert.match(items[0].textContent, /^the code for anna@example\.org on Facebook has expired — object again · since /, "the page has room for the whole address");
  assert.equal(items[0].dataset.clientId, "c2");
  assert.match(items[1].textContent, /^Meta's confirmation for anna\.work@example\.org on Instagram is expected by Dec 7, 2026/);
  assert.equal($("followups-empty").hidden, true);
  assert.equal($("coverage-summary").textContent, "4 things are still open. 1 needs you now.");
  assert.equal($("followups-ics").hidden, false);
  $("followups-ics").click();
  await waitFor(() => downloads.length === 1, { what: "the calendar file" });
  assert.equal(downloads[0].filename, "objector-history-2026-12-01.ics");
  assert.equal(downloads[0].mime, "text/calendar");
  assert.match(downloads[0].content, /^BEGIN:VCALENDAR\r\n[\s\S]*UID:code-expired-c2@objector[\s\S]*UID:no-confirmation-c3@objector/);
  assert.equal($("status").textContent, "Downloaded objector-history-2026-12-01.ics");
});

test("notices seen: platform, language, kind, first seen; a later other wording of the same platform, kind and language is marked new round", async () => {
  const notices = [
    { notice_id: 1, platform: "facebook", language: "de", kind: "objection", fingerprint: "a".repeat(64), first_seen_at: "2024-06-01T10:00:00Z", last_seen_at: "2024-06-02T10:00:00Z", count: 3 },
    { notice_id: 2, platform: "facebook", language: "de", kind: "ads", fingerprint: "b".repeat(64), first_seen_at: "2025-12-01T10:00:00Z", last_seen_at: "2025-12-01T10:00:00Z", count: 1 },
    { notice_id: 3, platform: "facebook", language: "de", kind: "objection", fingerprint: "c".repeat(64), first_seen_at: "2025-04-14T10:00:00Z", last_seen_at: "2025-04-14T10:00:00Z", count: 1 },
    // the 2025 notice read in English: its own wording, but nothing English was seen before it
    { notice_id: 4, platform: "facebook", language: "en", kind: "objection", fingerprint: "d".repeat(64), first_seen_at: "2025-04-15T10:00:00Z", last_seen_at: "2025-04-15T10:00:00Z", count: 1 },
    // a wording already seen (notice 3), met on a page in another language: the same round
    { notice_id: 5, platform: "facebook", language: "nl", kind: "objection", fingerprint: "c".repeat(64), first_seen_at: "2025-04-16T10:00:00Z", last_seen_at: "2025-04-16T10:00:00Z", count: 1 },
  ];
  const { $, doc } = await open({ teachWith: { rows: ALL_STATES, notices } });
  assert.equal($("notices-table").hidden, false);
  const rows = [...doc.querySelectorAll("#notices-rows tr")];
  assert.deepEqual(rows.map((r) => r.dataset.newRound), ["0", "0", "1", "0", "0"]);
  assert.deepEqual([...rows[0].children].slice(0, 3).map((c) => c.textContent), ["Facebook", "German", "Objection notice (AI training)"]);
  assert.equal(rows[0].querySelector("time").getAttribute("datetime"), "2024-06-01T10:00:00Z");
  assert.match(rows[0].children[3].textContent, /^Jun 1, 2024, /, "first seen, in the person's locale");
  assert.match(rows[2].textContent, /Objection notice \(AI training\) new round/);
  assert.equal(rows[1].children[2].textContent, "Ads notice");
});

test("no accounts: the page says where to add them; one account: linking explains it needs two", async () => {
  const none = await open({ teachWith: { rows: [] } });
  assert.equal(none.$("coverage-summary").textContent, "No accounts yet: add your email addresses under Profile.");
  assert.equal(none.$("coverage-table").hidden, true);
  assert.equal(none.$("notices-empty").hidden, false);
  assert.equal(none.$("followups-ics").hidden, true, "no follow-ups: no calendar to add");
  const one = await open({ teachWith: { rows: [row("anna@example.org", "facebook", "own", "none", { todo: "object" })] } });
  assert.equal(one.$("link-form").hidden, true);
  assert.equal(one.$("link-needs-two").hidden, false);
});

test("host missing: the coverage says where it comes from and what to do; after install, Check again shows the rows", async () => {
  const { $, host, rowsShown } = await open({ installed: false, teachWith: { rows: ALL_STATES } });
  assert.equal($("host-banner").hidden, false);
  assert.equal($("coverage-table").hidden, true);
  assert.equal($("coverage-summary").className, "error");
  assert.match($("coverage-summary").textContent, /^Your coverage comes from your history keeper \(objector-host\), which is not answering\. Install it/);
  host.state.installed = true;
  $("host-recheck").click();
  await waitFor(() => rowsShown().length === ALL_STATES.length, { what: "rows after the host came" });
  assert.equal($("coverage-table").hidden, false);
});

test("an older host without coverage.get: its error is shown, not a blank page", async () => {
  const { $, host } = await open({ teachWith: { rows: ALL_STATES } });
  delete host.handlers["coverage.get"];
  $("host-recheck").click();
  await waitFor(() => /^Your coverage cannot be read right now: unknown type coverage.get/.test($("coverage-summary").textContent), { what: "the error" });
});

test("the popup: one due follow-up is one line that leads to the coverage page; none, no line", async () => {
  const followUps = [{ kind: "code-expired", client_id: "c2", account_email: "anna@example.org", platform: "facebook", form_kind: "own", since: "2026-12-01T09:00:00Z", due_at: "2026-12-01T10:00:00Z", due: true }];
  for (const [list, shown] of [[followUps, true], [[{ ...followUps[0], due: false }], false], [[], false]]) {
    const host = createFakeHost();
    host.state.profile = READY;
    const fixture = teach(host, { rows: ALL_STATES, followUps: list });
    const storage = createMemoryStorage();
    const shim = createBackgroundShim({ connectNative: host.connectNative, storage });
    const dom = loadPage("popup/popup.html");
    const t = createTranslator(translatorFor("en"));
    localize(dom.window.document, t);
    let opened = 0;
    await renderPopup({ doc: dom.window.document, bg: shim.bg, t, tabId: null, storage, openOptions: () => (opened += 1), now: () => NOW });
    const line = dom.window.document.getElementById("followups");
    assert.equal(line.hidden, !shown);
    assert.deepEqual(fixture.asked, ["2026-12-01T12:00:00Z"]);
    if (shown) {
      assert.equal(line.textContent, "1 thing to do: the code for anna@… on Facebook has expired — object again");
      dom.window.document.getElementById("followups-link").click();
      assert.equal(opened, 1);
    }
  }
});

test("complaint: countries and the German Land from authority.list; Prepare the letter renders it and opens it to print; nothing is sent", async () => {
  const { $, win, letters, downloads, fixture, host, doc } = await open({ hash: "#complaint" });
  assert.equal($("complaint").hidden, false);
  assert.deepEqual([...$("complaint-country").options].map((o) => o.value), ["FR", "DE", "IE"], "sorted by their names: France, Germany, Ireland");
  assert.equal($("complaint-country").value, "DE", "the profile's country");
  assert.equal($("complaint-language").value, "de", "the profile's language");
  assert.equal($("complaint-region-row").hidden, false, "Germany: each Land has its authority");
  assert.deepEqual([...$("complaint-region").options].map((o) => o.textContent), ["Choose…", "Bayern", "Hamburg"]);
  // Without a Land: a clear word, and the host is not asked.
  const before = host.state.received.length;
  submit(win, $("complaint-form"));
  assert.equal($("complaint-error").textContent, "Choose your Land: in Germany each Land has its own authority.");
  assert.equal(host.state.received.length, before);
  change(win, $("complaint-region"), "HH");
  assert.match($("complaint-authority").textContent, /Der Hamburgische Beauftragte.*Ludwig-Erhard-Str\. 22/);
  assert.equal($("complaint-authority").querySelector("a").getAttribute("href"), "https://datenschutz-hamburg.de/beschwerde");
  submit(win, $("complaint-form"));
  await waitFor(() => letters.length === 1, { what: "the letter opened" });
  assert.deepEqual(fixture.rendered, { type: "complaint.render", id: fixture.rendered.id, country: "DE", region: "HH", language: "de" });
  assert.equal(letters[0].filename, "objector-complaint-DE-2026-12-01.html");
  assert.match(letters[0].content, /Hamburgische/);
  assert.equal($("complaint-result").textContent, "The letter is open in a new tab: print it or save it as PDF. Objector sends nothing.");
  // And as a file.
  assert.equal($("complaint-download").hidden, false);
  $("complaint-download").click();
  assert.equal(downloads.length, 1);
  assert.equal(downloads[0].filename, letters[0].filename);
  // A country without Länder: no region is sent.
  change(win, $("complaint-country"), "IE");
  assert.equal($("complaint-region-row").hidden, true);
  change(win, $("complaint-language"), "en");
  submit(win, $("complaint-form"));
  await waitFor(() => letters.length === 2);
  assert.equal(fixture.rendered.region, undefined);
  assert.equal(fixture.rendered.country, "IE");
  // No host message of the page ever sends anything to anyone: the only requests are these.
  const types = new Set(host.state.received.map((r) => r.type));
  assert.ok(!types.has("submission.record") && !types.has("submission.event"));
  assert.ok(doc.getElementById("complaint-form"));
});

test("complaint: a blocked new tab → the letter is offered as a download; the host's refusal is shown", async () => {
  const { $, win } = await open({ hash: "#complaint", openLetter: () => false });
  change(win, $("complaint-region"), "BY");
  submit(win, $("complaint-form"));
  await waitFor(() => $("complaint-result").textContent.startsWith("The letter is ready"), { what: "the download offer" });
  assert.equal($("complaint-download").hidden, false);
  const missing = await open({ hash: "#complaint", installed: false });
  assert.equal(missing.$("complaint-form").hidden, true);
  assert.match(missing.$("complaint-error").textContent, /^The letter is written by your history keeper/);
});

test("pure helpers: the form table from the rules, the linkable accounts, the authority for a choice", () => {
  assert.deepEqual(FORM_URLS, {
    facebook: { own: "https://www.facebook.com/help/contact/712876720715583", third_party: "https://www.facebook.com/help/contact/1266025207620918" },
    instagram: { own: "https://help.instagram.com/contact/767264225370182" },
  });
  assert.deepEqual(linkableAccounts(ALL_STATES), [
    { platform: "facebook", email: "anna@example.org" }, { platform: "instagram", email: "anna@example.org" },
    { platform: "facebook", email: "anna.work@example.org" }, { platform: "instagram", email: "anna.work@example.org" },
  ]);
  assert.equal(authorityFor(AUTHORITIES, "DE", ""), null, "Germany needs a Land");
  assert.equal(authorityFor(AUTHORITIES, "DE", "BY").id, "de-by");
  assert.equal(authorityFor(AUTHORITIES, "IE").id, "ie");
  assert.equal(authorityFor(AUTHORITIES, "XX"), null);
  assert.deepEqual(regionsOf(AUTHORITIES, "IE"), []);
  assert.equal(todoText({ todo: "mystery", state: "?" }, () => "").text, "nothing to do");
});
