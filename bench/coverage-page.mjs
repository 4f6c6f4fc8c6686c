// Issue 12's figure: how long "Your coverage" takes to open with a 10 000-record history, measured
// in real headless Chromium with the extension loaded and the real objector-host registered by the
// real `objector install` on a temporary HOME. Beside it, in the same browser and the same run, the
// baseline: the same options page opened on a section without rows (#settings), so the ratio shows
// what the coverage (the host's coverage.get over the history, notice.list, the rows drawn) costs on
// top of opening the page at all. Runs alternate (coverage, settings, coverage, …) so both see the
// same machine load. A measurement, never a test.
//
//   node bench/coverage-page.mjs [--records N] [--accounts N] [--runs N]
// Defaults: 10 000 records over 25 account addresses (5 in the profile, 20 that Meta prefilled),
// 15 runs each. Binaries: $OBJECTOR_HOST_BIN / $OBJECTOR_CLI_BIN, else $OBJECTOR_BUILD_DIR/host/
// (default build/). Needs Debian's chromium and tests/node_modules (puppeteer-core).
//
// "Opened" = the options page's `objector-options-ready` performance mark (options.js sets it when
// the section's data is on screen, just before data-ready), in ms from the page's time origin, so
// it includes the page's own loading and the background's answers, and nothing of puppeteer's.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import { launch } from "../tests/ui/support/browsers.js";

const TOP = resolve(fileURLToPath(new URL("..", import.meta.url)));

function options(argv) {
  const o = { records: 10000, accounts: 25, runs: 15 };
  for (let i = 0; i < argv.length; i++) {
    const key = { "--records": "records", "--accounts": "accounts", "--runs": "runs" }[argv[i]];
    const v = Number(argv[i + 1]);
    if (!key || !Number.isInteger(v) || v < 1) throw new Error(`usage: coverage-page.mjs [--records N] [--accounts N] [--runs N] (at ${argv[i]})`);
    o[key] = v;
    i++;
  }
  return o;
}

function binaries() {
  const dir = join(process.env.OBJECTOR_BUILD_DIR || join(TOP, "build"), "host");
  const host = process.env.OBJECTOR_HOST_BIN || join(dir, "objector-host");
  const cli = process.env.OBJECTOR_CLI_BIN || join(dir, "objector");
  for (const f of [host, cli]) if (!existsSync(f)) throw new Error(`${f} not found: build the host or set OBJECTOR_HOST_BIN / OBJECTOR_CLI_BIN`);
  return { host, cli };
}

const PROFILE_EMAILS = ["anna@example.org", "anna.work@example.org", "ben@example.org", "cleo@example.org", "dan@example.org"];
const FORMS = [
  ["facebook", "own", "https://www.facebook.com/help/contact/712876720715583", "712876720715583"],
  ["instagram", "own", "https://help.instagram.com/contact/767264225370182", "767264225370182"],
  ["facebook", "third_party", "https://www.facebook.com/help/contact/1266025207620918", "1266025207620918"],
];
const STATUSES = ["submitted", "awaiting-code", "confirmed", "confirmed", "failed"];

// N submissions over `accounts` addresses, spread over two years, every form and status.
function history(n, accounts) {
  const emails = [...PROFILE_EMAILS, ...Array.from({ length: Math.max(0, accounts - PROFILE_EMAILS.length) }, (_, i) => `prefilled${i}@example.net`)].slice(0, accounts);
  const start = Date.UTC(2024, 5, 1);
  const lines = [];
  for (let i = 0; i < n; i++) {
    const [platform, formKind, url, id] = FORMS[i % FORMS.length];
    const status = STATUSES[(i * 7) % STATUSES.length];
    lines.push(JSON.stringify({
      client_id: randomUUID(), platform, form_kind: formKind, form_url: url, form_id: id,
      account_email: emails[(i * 13) % emails.length], country: "DE", justification_text: "Ich widerspreche gemäß Art. 21 DSGVO.",
      page_language: "de", browser: "chromium 156", extension_version: "0.1.0", status,
      ...(status === "failed" ? { reason: "Meta: the form could not be submitted" } : {}),
      occurred_at: new Date(start + i * 6000e3).toISOString().replace(/\.\d{3}Z$/, "Z"), utc_offset_minutes: 60,
    }));
  }
  return { text: lines.join("\n") + "\n", emails };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)];
const ms = (x) => `${x.toFixed(0)} ms`;

async function openTimed(b, rel) {
  const page = await b.open(rel, { width: 1100, height: 900 });
  const r = await page.evaluate(() => ({
    ready: performance.getEntriesByName("objector-options-ready")[0]?.startTime ?? NaN,
    rows: document.querySelectorAll("#coverage-rows tr").length,
    error: document.getElementById("coverage-summary").className === "error" ? document.getElementById("coverage-summary").textContent : "",
  }));
  await page.close();
  if (r.error) throw new Error(`the coverage did not load: ${r.error}`);
  return r;
}

async function main() {
  const o = options(process.argv.slice(2));
  const bins = binaries();
  const home = mkdtempSync(join(tmpdir(), "objector-bench-coverage-"));
  const env = { PATH: process.env.PATH, HOME: home };
  const cli = (args, input) => execFileSync(bins.cli, args, { env, input, encoding: "utf8", maxBuffer: 64 << 20 });
  let b;
  try {
    cli(["install", "--browser", "chromium", "--host", bins.host]);
    cli(["profile", "set", ...PROFILE_EMAILS.flatMap((e) => ["--email", e]), "--country", "DE", "--language", "de"]);
    const { text } = history(o.records, o.accounts);
    let t0 = performance.now();
    cli(["record", "-"], text);
    const recordMs = performance.now() - t0;
    t0 = performance.now();
    const status = JSON.parse(cli(["status", "--json"]));
    const statusMs = performance.now() - t0;
    const statusRows = (status.rows || status).length;

    b = await launch("chromium", { home, extDir: join(TOP, "extension"), downloadDir: join(home, "Downloads"), lang: "en-US" });
    await openTimed(b, "options/options.html#coverage"); // warm: the host started, caches filled
    await openTimed(b, "options/options.html#settings");
    const coverage = [];
    const settings = [];
    let rows = 0;
    for (let i = 0; i < o.runs; i++) {
      const c = await openTimed(b, "options/options.html#coverage");
      coverage.push(c.ready);
      rows = c.rows;
      settings.push((await openTimed(b, "options/options.html#settings")).ready);
    }
    // The host's share, from a page: coverage.get and hello round trips through the background.
    const page = await b.open("options/options.html#settings");
    const trips = await page.evaluate(async (runs) => {
      const api = globalThis.browser || globalThis.chrome;
      const time = async (request) => {
        const out = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const r = await api.runtime.sendMessage({ type: "host.request", request });
          if (!r.ok) throw new Error(JSON.stringify(r.error));
          out.push(performance.now() - t);
        }
        return out;
      };
      return { coverage: await time({ type: "coverage.get" }), hello: await time({ type: "hello" }) };
    }, o.runs);
    await page.close();

    const ratio = median(coverage) / median(settings);
    console.log(`Your coverage with ${o.records} records over ${o.accounts} addresses (${rows} rows; objector status --json: ${statusRows} rows), real Chromium, ${o.runs} runs each, alternating`);
    console.log(`| figure | median | p90 |`);
    console.log(`|---|---|---|`);
    console.log(`| options page opened on Your coverage (rows drawn) | ${ms(median(coverage))} | ${ms(p90(coverage))} |`);
    console.log(`| options page opened on Settings (no rows), baseline | ${ms(median(settings))} | ${ms(p90(settings))} |`);
    console.log(`| coverage.get round trip from a page | ${ms(median(trips.coverage))} | ${ms(p90(trips.coverage))} |`);
    console.log(`| hello round trip from a page | ${ms(median(trips.hello))} | ${ms(p90(trips.hello))} |`);
    console.log(`ratio coverage / baseline (medians): ${ratio.toFixed(2)}×; target: opened in under 1 s → ${median(coverage) < 1000 ? "met" : "missed"}`);
    console.log(`(setting up: objector record of ${o.records} records ${ms(recordMs)}, objector status --json ${ms(statusMs)})`);
  } finally {
    if (b) await b.browser.close().catch(() => {});
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`coverage-page: ${e.message}`);
  process.exit(1);
});
