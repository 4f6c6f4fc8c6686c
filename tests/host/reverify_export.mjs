// Re-checks a bundle's hash chain from its files alone, written from host/PROTOCOL.md ("Hash chain")
// and nothing of the host's code: a second, independent implementation of the canonical form.
// Usage: node reverify_export.mjs DIR   (DIR holds an unpacked bundle). Prints the chain head; exit 1
// naming the first row that does not match.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const sha256 = (data) => createHash("sha256").update(data).digest("hex");

// Keys sorted by their bytes (all ours are ASCII), no whitespace; JSON.stringify escapes exactly as
// the document says (", \, \b \f \n \r \t, other controls as \u00xx).
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const dir = process.argv[2];
const doc = JSON.parse(readFileSync(join(dir, "history.json"), "utf8"));
const rows = [];
for (const s of doc.submissions) {
  const submission = {};
  for (const k of ["client_id", "platform", "form_kind", "form_url", "form_id", "account_email", "country",
    "justification_text", "page_language", "browser", "extension_version", "occurred_at", "utc_offset_minutes",
    "recorded_at"]) submission[k] = s[k];
  for (const e of s.events) {
    const row = { chain: 1, kind: "status", client_id: s.client_id, client_event_id: e.client_event_id,
      status: e.status, reason: e.reason, occurred_at: e.occurred_at, utc_offset_minutes: e.utc_offset_minutes,
      recorded_at: e.recorded_at, prev_hash: e.prev_hash, evidence: e.evidence || {} };
    if (e.client_event_id === `initial:${s.client_id}`) row.submission = submission;
    rows.push({ id: e.event_id, row, hash: e.content_hash, file: e.evidence && e.evidence.snapshot_sha256 });
  }
  for (const a of s.attachments) {
    const row = { chain: 1, kind: "attachment", client_id: s.client_id,
      client_event_id: `attachment:${s.client_id}:${a.sha256}`, status: "", reason: "", occurred_at: a.recorded_at,
      utc_offset_minutes: 0, recorded_at: a.recorded_at, prev_hash: a.prev_hash,
      attachment: { kind: a.kind, mime: a.mime, sha256: a.sha256, size: a.size } };
    rows.push({ id: a.event_id, row, hash: a.content_hash, file: a.sha256 });
  }
}
rows.sort((x, y) => x.id - y.id);
const files = new Map(readFileSync(join(dir, "SHA256SUMS"), "utf8").trim().split("\n")
  .map((l) => l.split("  ")).filter(([, name]) => name.startsWith("evidence/"))
  .map(([hash, name]) => [hash, name]));
let prev = "0".repeat(64);
for (const { id, row, hash, file } of rows) {
  const fail = (what) => { console.log(`row ${id} (${row.client_event_id}): ${what}`); process.exit(1); };
  if (row.prev_hash !== prev) fail(`prev_hash ${row.prev_hash} is not the previous row's ${prev}`);
  if (sha256(canonical(row)) !== hash) fail("its content does not match its content_hash");
  if (file) {
    if (!files.has(file)) fail(`file ${file} is not in the bundle`);
    if (sha256(readFileSync(join(dir, files.get(file)))) !== file) fail(`file ${file} does not hash to its name`);
  }
  prev = hash;
}
console.log(`re-verified ${rows.length} rows from the export, chain head ${prev}`);
