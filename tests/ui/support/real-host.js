// Helpers for tests that run the real objector-host and objector CLI on a temporary data folder
// and read its SQLite file with the sqlite3 command-line tool.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { hostBinary, cliBinary } from "./native-port.js";

export function requireBinaries() {
  const host = hostBinary();
  const cli = cliBinary();
  if (!host || !cli) {
    throw new Error("objector-host / objector not found: set OBJECTOR_HOST_BIN and OBJECTOR_CLI_BIN (CTest does) or build into /work/build-ui");
  }
  return { host, cli };
}

export function tempDataDir(prefix = "objector-ui-") {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, db: path.join(dir, "objector.sqlite3"), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sql(db, query) {
  // .timeout: wait for the host's write lock instead of failing while it writes or migrates.
  const out = execFileSync("sqlite3", ["-json", "-cmd", ".timeout 5000", db, query], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return out.trim() ? JSON.parse(out) : [];
}

// Runs the objector CLI as the person would: HOME decides where `install` registers the host;
// the data folder is HOME's default unless dataDir is given.
export function cli(binary, { home, dataDir }, args, input) {
  const env = { PATH: process.env.PATH, HOME: home || dataDir };
  if (dataDir) env.OBJECTOR_DATA_DIR = dataDir;
  return execFileSync(binary, args, {
    env,
    input,
    encoding: "utf8",
  });
}

let seq = 0;
export function makeSubmission(extra = {}) {
  seq += 1;
  const at = new Date(Date.UTC(2026, 10, 20, 9, seq % 60, seq % 50));
  return {
    client_id: randomUUID(),
    platform: seq % 2 ? "facebook" : "instagram",
    form_kind: seq % 3 ? "own" : "third_party",
    form_url: seq % 2 ? "https://www.facebook.com/help/contact/712876720715583" : "https://help.instagram.com/contact/767264225370182",
    form_id: seq % 2 ? "712876720715583" : "767264225370182",
    account_email: `person${seq}@example.org`,
    country: "DE",
    justification_text: "Ich widerspreche gemäß Art. 21 DSGVO.",
    page_language: "de",
    browser: "chromium 156",
    extension_version: "0.1.0",
    status: "submitted",
    occurred_at: at.toISOString().replace(".000Z", "Z"),
    utc_offset_minutes: 60,
    ...extra,
  };
}

// Holds an exclusive write lock on the database with a sqlite3 process until release() is called.
export async function lockDatabase(db) {
  const child = spawn("sqlite3", [db], { stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.write("BEGIN EXCLUSIVE;\nSELECT 'locked';\n");
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("locked") && resolve());
    child.on("error", reject);
  });
  return {
    release: () =>
      new Promise((resolve) => {
        child.on("exit", resolve);
        child.stdin.end("COMMIT;\n.quit\n");
      }),
  };
}
