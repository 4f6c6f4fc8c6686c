// The pages' pure helpers, table-driven: CSV reading for the preview, dated export names, history
// filters, email checks, the popup's sentences.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseCsv, exportFilename, filterQuery } from "../../extension/options/history-view.js";
import { checkEmails, checkProfile } from "../../extension/options/profile-view.js";
import { describeOutbox, describeHost, describeTab } from "../../extension/popup/popup-view.js";
import { createTranslator } from "../../extension/options/page-kit.js";
import { translatorFor } from "./support/harness.js";

const t = createTranslator(translatorFor("en"));

test("parseCsv reads RFC 4180: quotes, doubled quotes, commas and newlines inside quotes, CRLF", () => {
  const cases = [
    ["a,b\n1,2\n", [["a", "b"], ["1", "2"]]],
    ['a,"b,c"\r\n"say ""hi""",2\r\n', [["a", "b,c"], ['say "hi"', "2"]]],
    ['x,"line1\nline2"\n', [["x", "line1\nline2"]]],
    ["a,,c", [["a", "", "c"]]],
    ["", []],
  ];
  for (const [input, rows] of cases) assert.deepEqual(parseCsv(input), rows, JSON.stringify(input));
  assert.equal(parseCsv("1\n2\n3\n4\n", 2).length, 2, "stops after maxRows");
});

test("export file names carry a date; the host's name is kept when it has one; no path tricks", () => {
  const now = new Date(2026, 10, 25, 23, 30); // local time
  const cases = [
    [{ filename: "objector-history-2026-11-25.csv", format: "csv" }, "objector-history-2026-11-25.csv"],
    [{ filename: "report.html", format: "html" }, "objector-history-2026-11-25.html"],
    [{ format: "json" }, "objector-history-2026-11-25.json"],
    [{ filename: "../../2026-11-25-evil.csv", format: "csv" }, ".._.._2026-11-25-evil.csv"],
  ];
  for (const [result, name] of cases) assert.equal(exportFilename(result, now), name, JSON.stringify(result));
});

test("history filters: empty fields are left out; local days become UTC bounds", () => {
  assert.deepEqual(filterQuery({ platform: "", status: "", from: "", to: "" }), {});
  const q = filterQuery({ platform: "facebook", status: "failed", from: "2026-01-31", to: "2026-02-01" });
  assert.deepEqual(Object.keys(q), ["platform", "status", "from", "to"]);
  assert.equal(q.from, new Date(2026, 0, 31).toISOString());
  assert.equal(q.to, new Date(2026, 1, 1, 23, 59, 59, 999).toISOString());
  assert.ok(q.from < q.to);
});

test("email and profile checks give one clear message each", () => {
  const cases = [
    [[], "Enter at least one email address."],
    [["a@b"], "“a@b” is not an email address."],
    [["a@example.org", "A@Example.org"], "The same address is listed twice."],
    [["a@example.org", "b@example.org"], ""],
  ];
  for (const [emails, message] of cases) assert.equal(checkEmails(emails, t), message, emails.join());
  assert.equal(checkProfile({ emails: ["a@example.org"], country: "US", language: "en" }, t), "Choose your country of residence.");
  assert.equal(checkProfile({ emails: ["a@example.org"], country: "NO", language: "xx" }, t), "Choose your language.");
  assert.equal(checkProfile({ emails: ["a@example.org"], country: "GB", language: "en" }, t), "");
});

test("the popup's sentences for outbox, host and tab", () => {
  assert.equal(describeOutbox({ pending: 0 }, t), "Every objection is saved in your history.");
  assert.equal(describeOutbox({ pending: 1 }, t), "1 objection waits to be saved in your history.");
  assert.equal(describeOutbox({ pending: 12 }, t), "12 objections wait to be saved in your history.");
  assert.deepEqual(describeHost({ connected: true, hostVersion: "0.1.0" }, t), { cls: "connected", text: "Connected, version 0.1.0" });
  assert.match(describeHost({ connected: false, error: { code: "host_missing" } }, t).text, /Not installed/);
  assert.match(describeHost({ connected: false, error: { code: "host_disconnected" } }, t).text, /Not answering/);
  assert.match(describeTab({ kind: "confirmation", platform: "instagram" }, t), /confirmed an objection.*Instagram/);
  assert.match(describeTab({ kind: "something-new" }, t), /Nothing to do here/);
  assert.match(describeTab(null, t), /Nothing to do here/);
});
