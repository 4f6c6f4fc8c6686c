// Proves the harness itself, before any extension: the browser (OBJECTOR_E2E_BROWSER) opens
// https://www.facebook.com/..., https://help.instagram.com/... and https://privacycenter.instagram.com/...
// from the fixture server on 127.0.0.1, trusting only the throwaway test CA put in its own HOME, and
// any other host fails without leaving the machine.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { rmSync, existsSync, statSync } from "node:fs";
import { config, makeWorkDir } from "./lib/env.mjs";
import { startFixtureServer } from "./lib/fixture-server.mjs";
import { launchBrowser } from "./lib/browsers.mjs";
import { flow } from "./lib/steps.mjs";

const name = config.browser;
let server;
let handle;
let work;

before(async () => {
  work = makeWorkDir(`transport-${name}`);
  server = await startFixtureServer({ binary: config.serverBinary,
    fixturesDir: config.transportFixturesDir, workDir: work });
  handle = await launchBrowser(name, { home: join(work, "home"), server });
});

after(async () => {
  await handle?.close();
  await server?.stop();
  if (process.env.OBJECTOR_E2E_KEEP !== "1" && work) rmSync(work, { recursive: true, force: true });
});

const PAGES = [
  "https://www.facebook.com/objector-e2e/transport-check",
  "https://help.instagram.com/objector-e2e/transport-check",
  "https://privacycenter.instagram.com/objector-e2e/transport-check",
];

for (const url of PAGES) {
  test(`${name} opens ${url} from the fixture server over trusted HTTPS`, async () => {
    const f = flow(name, `transport ${new URL(url).hostname}`);
    const { page, response } = await f.step("open the page", () => handle.openPage(url));
    f.usePage(page);
    await f.step("check the page is ours, at the production address", async () => {
      assert.equal(response.status(), 200);
      assert.equal(await page.title(), "objector e2e transport check");
      // location.href is the production URL, with no port: content scripts match it as in real use.
      assert.equal(await page.evaluate(() => document.body.dataset.scriptRan), url);
    });
    await page.close();
  });
}

test(`${name}: an unknown path on a Meta host is the fixture server's 404`, async () => {
  const { page, response } = await handle.openPage("https://www.facebook.com/no/such/page");
  assert.equal(response.status(), 404);
  assert.match(await page.evaluate(() => document.body.textContent), /objector fixture server/);
  await page.close();
});

test(`${name}: a host that is not Meta's fails and never reaches the network`, async () => {
  const page = await handle.browser.newPage();
  await assert.rejects(page.goto("https://example.org/", { timeout: 10000 }));
  await page.close().catch(() => {});
  const requests = await server.requests();
  assert.ok(requests.every((r) => r.host !== "example.org"), "fixture server saw example.org");
  if (handle.proxy) assert.ok(handle.proxy.refused.includes("example.org:443"));
});

test(`${name}: without the test CA in its HOME the browser refuses the fixture server`, async () => {
  // Proves the trust above comes from the CA we put in the HOME, not from a relaxed browser.
  const untrusting = await launchBrowser(name, { home: join(work, "home-untrusting"), server,
    trustCa: false });
  try {
    const page = await untrusting.browser.newPage();
    await assert.rejects(page.goto(PAGES[0], { timeout: 10000 }),
      /CERT|SEC_ERROR|certificate|Certificate/);
    await page.close().catch(() => {});
  } finally {
    await untrusting.close();
  }
});

test(`${name}: a failing step names the browser, the flow, the step and a screenshot of the page`, async () => {
  const f = flow(name, "self-check of failure reports");
  const { page } = await handle.openPage(PAGES[0]);
  f.usePage(page);
  await f.step("a step that passes", async () => {});
  const err = await f.step("a step that fails on purpose", async () => {
    throw new Error("expected failure");
  }).catch((e) => e);
  assert.match(err.message, new RegExp(`^\\[${name}\\] flow "self-check of failure reports", ` +
    'step 2 "a step that fails on purpose" failed: expected failure'));
  const shot = /screenshot: (\S+\.png)/.exec(err.message);
  assert.ok(shot, err.message);
  assert.ok(existsSync(shot[1]) && statSync(shot[1]).size > 1000, `no screenshot at ${shot[1]}`);
  rmSync(shot[1]);
  await page.close();
});
