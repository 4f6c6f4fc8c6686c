// The options page's logic in jsdom: first run, profile, justifications, history, export and
// settings, with real ui-api handlers and host client over a frame-level fake host.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mountOptions } from "../../extension/options/options-view.js";
import { localize, createTranslator } from "../../extension/options/page-kit.js";
import { createFakeHost, createMemoryStorage } from "./support/fake-host.js";
import { loadPage, readJson, translatorFor, createBackgroundShim, waitFor, submit, change } from "./support/harness.js";

const defaults = readJson("justifications/defaults.json");
const READY = { emails: ["ada@example.org"], country: "DE", language: "de", name: "Ada" };

async function open({ lang = "en", hash = "", installed = true, profile = null, storageInit = {}, maxReplyBytes, host } = {}) {
  host = host || createFakeHost({ maxReplyBytes });
  host.state.installed = installed;
  if (profile) host.state.profile = profile;
  const storage = createMemoryStorage(storageInit);
  const shim = createBackgroundShim({ connectNative: host.connectNative, storage });
  const dom = loadPage("options/options.html");
  if (hash) dom.window.location.hash = hash;
  const doc = dom.window.document;
  const t = createTranslator(translatorFor(lang));
  localize(doc, t);
  const downloads = [];
  const view = await mountOptions({
    doc, win: dom.window, bg: shim.bg, t, storage, locale: lang, defaults,
    download: (file) => downloads.push(file),
    now: () => new Date(2026, 10, 25, 18, 0),
  });
  return { dom, win: dom.window, doc, host, shim, storage, view, downloads, $: (id) => doc.getElementById(id) };
}

function submission(n, extra = {}) {
  return {
    client_id: `c-${n}`, platform: n % 2 ? "facebook" : "instagram", form_kind: n % 2 ? "own" : "third_party",
    form_url: "https://www.facebook.com/help/contact/712876720715583", form_id: "712876720715583",
    account_email: `user${n}@example.org`, country: "DE", justification_text: "x", page_language: "de",
    browser: "chromium 156", extension_version: "0.1.0", status: "submitted",
    occurred_at: `2026-11-2${n}T10:00:00Z`, utc_offset_minutes: 60, ...extra,
  };
}

test("first run: without a profile the walkthrough shows, the rest is hidden", async () => {
  const { $ } = await open();
  assert.equal($("first-run").hidden, false);
  assert.equal($("nav").hidden, true);
  for (const s of ["profile", "justifications", "history", "settings"]) assert.equal($(s).hidden, true, s);
  assert.equal($("fr-steps").querySelector('[aria-current="step"]').dataset.step, "1");
});

test("first run: each step checks its input; the last shows the justification that will be sent; finish stores the profile in the host", async () => {
  const { $, win, host, storage, view, doc } = await open();
  const form = $("fr-form");
  submit(win, form);
  await waitFor(() => $("fr-error").textContent, { what: "empty email error" });
  assert.equal($("fr-error").textContent, "Enter at least one email address.");
  $("fr-email-1").value = "not-an-address";
  submit(win, form);
  await waitFor(() => /is not an email address/.test($("fr-error").textContent));
  $("fr-email-1").value = "ada@example.org";
  doc.querySelector("#first-run .add-email").click();
  $("fr-email-2").value = "ada.work@example.org";
  submit(win, form);
  await waitFor(() => $("fr-steps").querySelector('[aria-current="step"]').dataset.step === "2");
  submit(win, form);
  await waitFor(() => $("fr-error").textContent === "Choose your country of residence.");
  $("fr-country").value = "AT";
  submit(win, form);
  await waitFor(() => !$("fr-form").querySelector('fieldset[data-step="3"]').hidden);
  $("fr-language").value = "de";
  submit(win, form);
  await waitFor(() => $("fr-justification").textContent.length > 0, { what: "justification preview" });
  assert.equal($("fr-justification").textContent, defaults.languages.de.text);
  assert.equal($("fr-justification").getAttribute("lang"), "de");
  assert.equal($("fr-next").textContent, "Finish set-up");
  submit(win, form);
  await waitFor(() => $("first-run").hidden, { what: "set-up finished" });
  assert.deepEqual(host.state.profile, { emails: ["ada@example.org", "ada.work@example.org"], country: "AT", language: "de", name: "" });
  assert.deepEqual((await storage.get("profile")).emails, ["ada@example.org", "ada.work@example.org"]);
  assert.equal($("nav").hidden, false);
  assert.equal($("coverage").hidden, false, "after the set-up the page shows the coverage");
  assert.equal(view.firstRun(), false);
});

test("first run with the host missing: the profile is kept in the browser and reaches the host once it is there", async () => {
  const host = createFakeHost();
  const first = await open({ installed: false, host });
  assert.equal(first.$("host-banner").hidden, false);
  assert.equal(first.$("host-install-command").textContent, "installer/install.sh");
  first.$("fr-email-1").value = "ada@example.org";
  first.$("fr-country").value = "FR";
  first.$("fr-language").value = "fr";
  for (let step = 1; step <= 4; step++) {
    submit(first.win, first.$("fr-form"));
    await waitFor(() => (step < 4 ? first.$("fr-steps").querySelector('[aria-current="step"]').dataset.step === String(step + 1) : first.$("first-run").hidden));
  }
  assert.match(first.$("status").textContent, /Saved in this browser/);
  assert.equal(await first.storage.get("profilePending"), true);
  assert.deepEqual(host.state.profile.emails, [], "nothing reached the missing host");
  // The host gets installed; the next time the page opens, the profile is pushed.
  const storageInit = { profile: await first.storage.get("profile"), profilePending: true };
  const second = await open({ installed: true, host, storageInit });
  assert.deepEqual(host.state.profile.emails, ["ada@example.org"]);
  assert.equal(await second.storage.get("profilePending"), false);
  assert.equal(second.$("first-run").hidden, true);
});

test("profile section: a bad address is refused with a clear message and nothing is saved", async () => {
  const { $, win, host } = await open({ profile: READY });
  assert.equal($("profile-email-1").value, "ada@example.org");
  assert.equal($("profile-country").value, "DE");
  $("profile-email-1").value = "ada@";
  submit(win, $("profile-form"));
  await waitFor(() => $("profile-error").textContent);
  assert.match($("profile-error").textContent, /“ada@” is not an email address/);
  assert.deepEqual(host.state.profile.emails, ["ada@example.org"]);
});

test("profile section: the host's own refusal (invalid_value) is shown and not mirrored", async () => {
  const { $, win, host, storage } = await open({ profile: READY });
  host.state.failNext.push({ type: "profile.set", code: "invalid_value", message: "profile.country: not a country we know" });
  $("profile-name").value = "Ada L.";
  submit(win, $("profile-form"));
  await waitFor(() => $("profile-error").textContent);
  assert.match($("profile-error").textContent, /Not saved: profile.country/);
  assert.equal(await storage.get("profile"), undefined);
});

test("history: newest first, local date and time, platform, form, email and the status timeline", async () => {
  const host = createFakeHost();
  host.handlers["submission.record"]({ submission: submission(1) });
  host.handlers["submission.record"]({ submission: submission(3) });
  host.handlers["submission.record"]({ submission: submission(2, { status: "failed", reason: "Meta said: form closed" }) });
  host.handlers["submission.event"]({ event: { client_event_id: "e1", client_id: "c-3", status: "awaiting-code", occurred_at: "2026-11-23T10:05:00Z", utc_offset_minutes: 60 } });
  host.handlers["submission.event"]({ event: { client_event_id: "e2", client_id: "c-3", status: "confirmed", occurred_at: "2026-11-23T10:09:00Z", utc_offset_minutes: 60 } });
  const { $, doc } = await open({ host, profile: READY, hash: "#history" });
  assert.equal($("history").hidden, false);
  assert.equal(doc.querySelector('#nav a[aria-current="page"]').getAttribute("href"), "#history");
  const rows = [...$("history-rows").querySelectorAll("tr")];
  assert.deepEqual(rows.map((r) => r.dataset.clientId), ["c-3", "c-2", "c-1"]);
  const cells = rows[0].querySelectorAll("td");
  const expectedWhen = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" }).format(new Date("2026-11-23T10:00:00Z"));
  assert.equal(cells[0].textContent, expectedWhen);
  assert.equal(cells[1].textContent, "Facebook");
  assert.match(cells[2].textContent, /Your own information/);
  assert.equal(cells[3].textContent, "user3@example.org");
  assert.deepEqual([...cells[4].querySelectorAll("li > span")].map((s) => s.textContent), ["Submitted", "Awaiting code", "Confirmed"]);
  assert.match(rows[1].textContent, /Failed.*Meta said: form closed/);
  assert.equal($("history-summary").textContent, "3 objections");
});

test("history filters send platform, status and the local days as UTC bounds", async () => {
  const host = createFakeHost();
  for (const n of [1, 2, 3]) host.handlers["submission.record"]({ submission: submission(n) });
  const { $, win } = await open({ host, profile: READY, hash: "#history" });
  change(win, $("filter-platform"), "instagram");
  $("filter-from").value = "2026-11-22";
  $("filter-to").value = "2026-11-22";
  submit(win, $("history-filters"));
  await waitFor(() => $("history-summary").textContent === "1 objection");
  const sent = host.state.received.filter((r) => r.type === "history.list").at(-1);
  assert.equal(sent.platform, "instagram");
  assert.equal(sent.from, new Date(2026, 10, 22, 0, 0, 0, 0).toISOString());
  assert.equal(sent.to, new Date(2026, 10, 22, 23, 59, 59, 999).toISOString());
  assert.deepEqual([...$("history-rows").querySelectorAll("tr")].map((r) => r.dataset.clientId), ["c-2"]);
});

test("history pages through more than 50 records with Show older", async () => {
  const host = createFakeHost();
  for (let n = 0; n < 60; n++) {
    host.handlers["submission.record"]({ submission: submission(1, { client_id: `p-${n}`, occurred_at: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString() }) });
  }
  const { $ } = await open({ host, profile: READY, hash: "#history" });
  assert.equal($("history-rows").children.length, 50);
  assert.equal($("history-more").hidden, false);
  $("history-more").click();
  await waitFor(() => $("history-rows").children.length === 60);
  assert.equal($("history-more").hidden, true);
});

test("export: a chunked reply is reassembled, downloaded under a dated name and previewed", async () => {
  const host = createFakeHost({ maxReplyBytes: 512 });
  for (let n = 0; n < 40; n++) host.handlers["submission.record"]({ submission: submission(1, { client_id: `x-${n}`, account_email: `ünï${n}@example.org` }) });
  const expected = host.handlers["history.export"]({ format: "csv" }).content;
  assert.ok(expected.length > 512, "the export needs several chunks");
  const { $, doc, downloads } = await open({ host, profile: READY, hash: "#history" });
  doc.querySelector('button.export[data-format="csv"]').click();
  await waitFor(() => downloads.length === 1, { what: "download" });
  assert.equal(downloads[0].content, expected);
  assert.equal(downloads[0].filename, "objector-history-2026-11-25.csv");
  assert.equal(downloads[0].mime, "text/csv");
  assert.equal($("export-preview").hidden, false);
  const previewRows = $("export-preview-body").querySelectorAll("tr");
  assert.equal(previewRows[0].textContent, "client_idplatformstatus");
  assert.equal(previewRows[1].querySelector("td").textContent, "x-0");
  assert.match($("status").textContent, /Downloaded objector-history-2026-11-25.csv/);
});

test("export: a host filename without a date gets one; HTML previews in a sandboxed frame", async () => {
  const host = createFakeHost();
  host.state.historyExport = () => ({ format: "html", mime: "text/html", filename: "report.html", content: "<h1>Report</h1><script>alert(1)</script>" });
  const { $, doc, downloads } = await open({ host, profile: READY, hash: "#history" });
  doc.querySelector('button.export[data-format="html"]').click();
  await waitFor(() => downloads.length === 1);
  assert.equal(downloads[0].filename, "objector-history-2026-11-25.html");
  const frame = $("export-preview-body").querySelector("iframe");
  assert.equal(frame.getAttribute("sandbox"), "allow-same-origin", "no scripts run in the preview (no allow-scripts)");
});

test("justifications: the built-in text shows until the person adopts it; adopted texts are stored by the host as default", async () => {
  const { $, doc, host } = await open({ profile: READY, hash: "#justifications" });
  assert.equal($("just-language").value, "de");
  assert.equal($("just-text-builtin").value, defaults.languages.de.text);
  doc.querySelector('[data-id="builtin"] button').click();
  await waitFor(() => host.state.justifications.length === 1 && host.state.justifications[0].is_default);
  assert.equal(host.state.justifications[0].language, "de");
  await waitFor(() => doc.querySelector(".justification:not([data-id=builtin])"));
  // Add a second text and make it the default.
  $("just-add").click();
  $("just-text-new").value = "Ich widerspreche nach Art. 21 DSGVO. Kurz und bündig.";
  doc.querySelector('[data-id="new"] button').click();
  await waitFor(() => host.state.justifications.length === 2);
  await waitFor(() => $("just-default-2"));
  assert.equal($("just-default-1").checked, true);
  $("just-default-2").checked = true;
  $("just-default-2").dispatchEvent(new doc.defaultView.Event("change", { bubbles: true }));
  await waitFor(() => host.state.justifications[1].is_default && !host.state.justifications[0].is_default, { what: "default switched" });
});

test("justifications: 26 languages to choose from; switching shows that language's text", async () => {
  const { $, win } = await open({ profile: READY, hash: "#justifications" });
  assert.equal($("just-language").options.length, 26);
  change(win, $("just-language"), "pl");
  await waitFor(() => $("just-text-builtin") && $("just-text-builtin").value === defaults.languages.pl.text);
});

test("justifications: an empty text is refused and nothing is stored", async () => {
  const { $, doc, host } = await open({ profile: READY, hash: "#justifications" });
  $("just-add").click();
  $("just-text-new").value = "   ";
  doc.querySelector('[data-id="new"] button').click();
  await waitFor(() => $("status").textContent === "The text cannot be empty.");
  assert.equal(host.state.justifications.length, 0);
});

test("settings: review before Send and per-platform switches are written to storage", async () => {
  const { $, win, storage } = await open({ profile: READY, hash: "#settings" });
  assert.equal($("setting-facebook").checked, true);
  assert.equal($("setting-review").checked, false);
  $("setting-review").checked = true;
  $("setting-instagram").checked = false;
  change(win, $("setting-instagram"));
  await waitFor(async () => (await storage.get("settings"))?.reviewBeforeSend === true);
  assert.deepEqual(await storage.get("settings"), { reviewBeforeSend: true, platforms: { facebook: true, instagram: false } });
});

test("the options page in Polish uses _locales/pl", async () => {
  const { doc } = await open({ lang: "pl" });
  assert.equal(doc.getElementById("fr-heading").textContent, "Witaj w Objector");
  assert.equal(doc.getElementById("fr-next").textContent, "Dalej");
});

test("history in German: dates in the German format, statuses and headings in German", async () => {
  const host = createFakeHost();
  host.handlers["submission.record"]({ submission: submission(1, { status: "confirmed" }) });
  const { $ } = await open({ lang: "de", host, profile: READY, hash: "#history" });
  const cells = $("history-rows").querySelector("tr").querySelectorAll("td");
  const expected = new Intl.DateTimeFormat("de", { dateStyle: "medium", timeStyle: "short" }).format(new Date("2026-11-21T10:00:00Z"));
  assert.equal(cells[0].textContent, expected);
  assert.match(expected, /21\.11\.2026/);
  assert.match(cells[4].textContent, /Bestätigt/);
  assert.equal($("history-heading").textContent, "Verlauf");
  assert.equal($("history-summary").textContent, "1 Widerspruch");
});

test("Check again after installing: the banner goes, the profile saved in the browser reaches the host, the outbox is delivered", async () => {
  const host = createFakeHost();
  const waiting = { kind: "submission", payload: { client_id: "w-1", platform: "facebook" }, added_at: "2026-11-25T17:00:00Z" };
  const { $, storage } = await open({ installed: false, host, storageInit: { profile: READY, profilePending: true, outbox: [waiting] } });
  assert.equal($("host-banner").hidden, false);
  $("host-recheck").click();
  await waitFor(() => $("status").className === "error");
  assert.match($("status").textContent, /Still not found/);
  host.state.installed = true; // the person ran installer/install.sh
  $("host-recheck").click();
  await waitFor(() => $("host-banner").hidden, { what: "banner gone" });
  await waitFor(() => host.state.profile.emails.length === 1, { what: "profile pushed" });
  await waitFor(async () => (await storage.get("outbox")).length === 0, { what: "outbox delivered" });
  assert.ok(host.state.submissions.has("w-1"));
  assert.match($("status").textContent, /Connected to the history keeper/);
});

test("profile: at most five email addresses; the add button goes away at five and comes back after a removal", async () => {
  const { $, doc } = await open({ profile: READY });
  const add = doc.querySelector("#profile .add-email");
  for (let i = 0; i < 6; i++) add.click();
  assert.equal($("profile-emails").querySelectorAll("input").length, 5);
  assert.equal(add.hidden, true);
  $("profile-emails").querySelectorAll(".email-row button")[0].click();
  assert.equal($("profile-emails").querySelectorAll("input").length, 4);
  assert.equal(add.hidden, false);
});
