// Proves the dashboard works "in any browser" (issue 13): a plain Chromium or Firefox ESR
// (OBJECTOR_E2E_BROWSER), no extension, opens the one-time address `objector open --print` gives,
// is signed in by the cookie and redirected to the overview; every page is styled by /style.css only;
// the printable report keeps its own inline styles under the page's CSP (their hashes) and shows
// Meta's answer inert in its srcdoc frame; a hostile reason shows as text; the cookie is HttpOnly
// (not in document.cookie); the address works once; a browser without the cookie sees the 401 page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { config, makeWorkDir } from "./lib/env.mjs";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");

const name = config.browser;
const objector = join(config.binDir, "objector");
const HOSTILE = "<img src=x onerror=alert(1)> refused";
let work;
let env;
let agent;
let browser;
let loginUrl;
let coverage;  // the host answers coverage.get

function submission(clientId, overrides) {
  return {
    client_id: clientId, platform: "facebook", form_kind: "own",
    form_url: "https://www.facebook.com/help/contact/6359191084165019", form_id: "6359191084165019",
    account_email: "anna.schmidt@example.de", country: "DE", justification_text: "Ich widerspreche.",
    page_language: "de", browser: "chromium 156", extension_version: "0.1.0", status: "confirmed",
    occurred_at: "2026-11-25T16:54:06Z", utc_offset_minutes: 60, ...overrides,
  };
}

async function launch(home) {
  if (name === "chromium") {
    return puppeteer.launch({
      executablePath: "/usr/bin/chromium", headless: true, userDataDir: join(home, "chromium"),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--no-default-browser-check", "--lang=en-GB"],
      env: { ...process.env, HOME: home },
    });
  }
  const profile = join(home, "firefox");
  mkdirSync(profile, { recursive: true });
  return puppeteer.launch({
    browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true, userDataDir: profile,
    env: { ...process.env, HOME: home },
    extraPrefsFirefox: { "intl.accept_languages": "en-GB,en", "network.proxy.type": 0,
      "datareporting.healthreport.uploadEnabled": false, "app.normandy.enabled": false },
  });
}

before(async () => {
  work = makeWorkDir(`dashboard-${name}`);
  const data = join(work, "data");
  env = { ...process.env, OBJECTOR_DATA_DIR: data };
  const records = [
    submission("dash-1", { evidence: { answer_text: "Wir haben deinen Widerspruch erhalten.",
      snapshot: "<section><h2>Wir haben deinen Widerspruch erhalten</h2></section>" } }),
    submission("dash-2", { status: "failed", reason: HOSTILE, occurred_at: "2026-11-26T09:00:00Z" }),
  ];
  execFileSync(objector, ["record", "-"], { env, input: records.map((r) => JSON.stringify(r)).join("\n") + "\n" });
  loginUrl = execFileSync(objector, ["open", "--print"], { env }).toString().trim();
  agent = JSON.parse(readFileSync(join(data, "agent.json"), "utf8"));
  const hello = await fetch(`http://127.0.0.1:${agent.port}/api`, { method: "POST",
    headers: { Authorization: `Bearer ${agent.secret}` }, body: JSON.stringify({ id: 1, type: "hello" }) });
  coverage = (await hello.json()).result.capabilities.includes("coverage.get");
  browser = await launch(join(work, "home"));
});

after(async () => {
  await browser?.close().catch(() => {});
  if (agent) { try { process.kill(agent.pid, "SIGTERM"); } catch { /* already gone */ } }
  if (process.env.OBJECTOR_E2E_KEEP !== "1" && work) rmSync(work, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${agent.port}`;

test(`${name}: the one-time address signs in, the pages are styled and hostile text stays text`, async () => {
  assert.match(loginUrl, /^http:\/\/127\.0\.0\.1:\d+\/login\?t=[0-9a-f]{64}$/);
  const page = await browser.newPage();
  await page.goto(loginUrl);
  assert.equal(page.url(), `${base()}/`);
  // The overview is the coverage table where the host has coverage.get (issue 12), else the summary.
  const overview = coverage ? "What is covered" : "Your history";
  assert.equal(await page.title(), `${overview} – Objector`);
  assert.equal(await page.evaluate(() => document.cookie), "");  // HttpOnly

  for (const [path, heading] of [["/", overview], ["/history", "History"], ["/export", "Export your history"],
    ["/verify", "Check the history"]]) {
    await page.goto(base() + path);
    const seen = await page.evaluate(() => ({
      h1: document.querySelector("h1")?.textContent,
      color: getComputedStyle(document.querySelector("h1")).color,
      header: getComputedStyle(document.querySelector("header")).backgroundColor,
      images: document.images.length,
      scripts: document.scripts.length,
      text: document.body.innerText,
    }));
    assert.equal(seen.h1, heading, path);
    assert.equal(seen.color, "rgb(27, 31, 36)", `${path}: /style.css applied`);
    assert.equal(seen.header, "rgb(244, 246, 249)", `${path}: /style.css applied`);
    assert.equal(seen.images, 0, path);
    assert.equal(seen.scripts, 0, path);
    if (path === "/history") assert.ok(seen.text.includes(HOSTILE), "the hostile reason is shown as text");
    if (path === "/verify") assert.match(seen.text, /Intact: nothing was changed \(events checked: 2, files checked: 1\)/);
    if (path === "/" && coverage) {
      assert.match(seen.text, /anna\.schmidt@example\.de\tFacebook\tYour own information\tFailed\t2026-11-26 09:00 UTC\tObject again/);
    }
  }
  await page.close();
});

test(`${name}: the report keeps its own styles under the CSP and shows Meta's answer inert`, async () => {
  const page = await browser.newPage();
  await page.goto(`${base()}/report`);
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  assert.match(font, /DejaVu Sans/, "the report's inline <style> ran (its hash is in the CSP)");
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  assert.equal(frames.length, 1);
  const inFrame = await frames[0].evaluate(() => ({ text: document.body.innerText, scripts: document.scripts.length }));
  assert.match(inFrame.text, /Wir haben deinen Widerspruch erhalten/);
  assert.equal(inFrame.scripts, 0);
  await page.close();
});

test(`${name}: the address works once, and a browser without the cookie gets the 401 page`, async () => {
  const page = await browser.newPage();
  const again = await page.goto(loginUrl);
  assert.equal(again.status(), 401);
  assert.match(await page.evaluate(() => document.body.innerText), /objector open/);
  await page.close();

  const context = await browser.createBrowserContext();  // no cookies
  const stranger = await context.newPage();
  const response = await stranger.goto(`${base()}/history`);
  assert.equal(response.status(), 401);
  const text = await stranger.evaluate(() => document.body.innerText);
  assert.match(text, /objector open/);
  assert.ok(!text.includes("anna.schmidt"), "nothing of the history without the cookie");
  await context.close();
});
