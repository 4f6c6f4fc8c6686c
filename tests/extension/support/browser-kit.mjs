// Shared by the real-browser tests: fixture pages answered at Meta's production URLs by request
// interception (no network, no certificates), waiting, reading the host's SQLite file with the
// sqlite3 tool, and saving the person's profile through the real objector-host.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { execFileSync, spawn } from "node:child_process";
import { FIXTURES_DIR, INDEX, outcomeHtml } from "./fixture-dom.mjs";

export function pageFor(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return INDEX.pages.find((p) => {
    const q = new URL(p.url);
    return q.hostname === u.hostname && q.pathname.replace(/\/$/, "") === u.pathname.replace(/\/$/, "");
  }) || null;
}

// Answers Meta's URLs from the fixtures; form POSTs with the queued outcomes (in the language of
// the page that posted); everything else 404. `posts` receives each POST's fields.
export async function serveFixtures(page, outcomes, posts) {
  await page.setRequestInterception(true);
  page.on("request", async (req) => {
    if (req.isInterceptResolutionHandled()) return;
    const url = req.url();
    if (req.method() === "POST" && new URL(url).pathname === "/ajax/help/contact/submit/page") {
      let body = "";
      try {
        body = req.postData() || ""; // CDP (Chromium)
      } catch {
        body = (await req.fetchPostData()) || ""; // WebDriver BiDi (Firefox)
      }
      posts.push(Object.fromEntries(new URLSearchParams(body)));
      const entry = pageFor(req.headers().referer || page.url()) || { language: "en" };
      const kind = outcomes.shift() || "server-error";
      return req.respond({ status: kind === "server-error" ? 500 : 200, contentType: "text/html; charset=utf-8", body: outcomeHtml(entry.language, kind) });
    }
    const entry = pageFor(url); // fixtures load no sub-resources: only documents match
    if (entry) return req.respond({ status: 200, contentType: "text/html; charset=utf-8", body: readFileSync(join(FIXTURES_DIR, entry.file), "utf8") });
    return req.respond({ status: 404, contentType: "text/plain", body: "not a fixture" });
  });
}

export async function waitFor(fn, timeoutMs, what) {
  const started = Date.now();
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Every submission of the history with its latest status, straight from the SQLite file.
export function historyRows(db) {
  if (!db || !existsSync(db)) return [];
  const out = execFileSync("sqlite3", ["-json", db,
    "SELECT s.*, (SELECT e.status FROM events e WHERE e.submission_id = s.id ORDER BY e.id DESC LIMIT 1) AS status FROM submissions s ORDER BY s.id"],
  { encoding: "utf8" }).trim();
  return out ? JSON.parse(out) : [];
}

// Speaks host/PROTOCOL.md to the real objector-host, started as `args` (as a browser would).
export function hostRequests(hostBin, args, env, requests) {
  return new Promise((resolve, reject) => {
    const child = spawn(hostBin, args, { env, stdio: ["pipe", "pipe", "inherit"] });
    const replies = [];
    let buf = Buffer.alloc(0);
    child.stdout.on("data", (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readUInt32LE(0)) {
        const n = buf.readUInt32LE(0);
        replies.push(JSON.parse(buf.subarray(4, 4 + n).toString("utf8")));
        buf = buf.subarray(4 + n);
      }
      if (replies.length === requests.length) child.stdin.end();
    });
    child.on("error", reject);
    child.on("close", () => resolve(replies));
    for (const [i, r] of requests.entries()) {
      const body = Buffer.from(JSON.stringify({ id: i + 1, ...r }), "utf8");
      const head = Buffer.alloc(4);
      head.writeUInt32LE(body.length, 0);
      child.stdin.write(Buffer.concat([head, body]));
    }
  });
}
