// Real headless Firefox ESR with the extension installed from its source folder and the real
// objector-host registered in a temporary HOME. Fixture pages are answered at Meta's production
// URLs by request interception (WebDriver BiDi); every other request goes to an unreachable proxy.
// Proves: a notice shows "Object with Objector"; activating it with the keyboard (a real, trusted
// key press — the control sits in a closed shadow root) opens the form, which is answered, filled
// and sent; Meta's confirmation becomes a "confirmed" row in the host's SQLite file.
// Needs OBJECTOR_HOST_BIN (CTest passes the built objector-host); skips with a message without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { INDEX } from "./support/fixture-dom.mjs";
import { EXTENSION_DIR } from "./support/classic.mjs";
import { pageFor, serveFixtures, waitFor, historyRows, hostRequests } from "./support/browser-kit.mjs";

const require = createRequire(import.meta.url);
const IDS = JSON.parse(readFileSync(join(EXTENSION_DIR, "..", "manifests", "ids.json"), "utf8"));
const HOST_BIN = process.env.OBJECTOR_HOST_BIN || "";
const skip = !HOST_BIN || !existsSync(HOST_BIN)
  ? `objector-host not built (OBJECTOR_HOST_BIN=${HOST_BIN || "unset"}): build the objector-host target`
  : !existsSync("/usr/bin/firefox-esr") ? "no /usr/bin/firefox-esr" : false;
if (skip) console.log(`# SKIP firefox extension test: ${skip}`);

const PROFILE = { emails: ["ada@example.org"], country: "AT", language: "de", name: "Ada Lovelace" };

test("Firefox: notice → keyboard activation of Object with Objector → confirmed row in the host's SQLite", { skip, timeout: 150000 }, async () => {
  const puppeteer = require("puppeteer-core");
  const home = mkdtempSync(join(tmpdir(), "objector-core-firefox-"));
  const dataDir = join(home, "data");
  const manifestDir = join(home, ".mozilla", "native-messaging-hosts");
  mkdirSync(manifestDir, { recursive: true });
  const manifestPath = join(manifestDir, `${IDS.host_name}.json`);
  writeFileSync(manifestPath, JSON.stringify({ name: IDS.host_name, description: "Objector (test)", path: HOST_BIN, type: "stdio",
    allowed_extensions: [IDS.gecko_id] }));
  const env = { ...process.env, HOME: home, OBJECTOR_DATA_DIR: dataDir };
  // The person's profile, saved in the host as the options page would.
  const replies = await hostRequests(HOST_BIN, [manifestPath, IDS.gecko_id], env, [{ type: "profile.set", profile: PROFILE }, { type: "hello" }]);
  assert.equal(replies[0].ok, true, JSON.stringify(replies[0]));
  const db = replies[1].result.database;

  const profileDir = join(home, "ff-profile");
  mkdirSync(profileDir);
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true, userDataDir: profileDir, env,
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [IDS.gecko_id]: randomUUID() }),
      "network.proxy.type": 1, "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
      "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9,
      "datareporting.healthreport.uploadEnabled": false, "toolkit.telemetry.enabled": false, "app.normandy.enabled": false,
    },
  });
  try {
    await browser.installExtension(EXTENSION_DIR);
    const notice = INDEX.pages.find((p) => p.file === "notices/facebook-genai-de.html");
    const form = pageFor(notice.url.replace(/\/privacy\/genai\/$/, "/help/contact/712876720715583"));
    const page = await browser.newPage();
    const posts = [];
    await serveFixtures(page, ["confirmation"], posts);
    await page.goto(notice.url);
    // The panel's host is the popover child of <html> (its name is random per page load).
    const FIND_HOST = "[...document.documentElement.children].find((e) => e.hasAttribute('popover') && e.localName.includes('-'))";
    await waitFor(() => page.evaluate(`Boolean(${FIND_HOST})`), 15000, "Objector's panel");
    assert.equal(await page.evaluate(`(${FIND_HOST}).shadowRoot`), null, "the shadow root is closed");
    await new Promise((r) => setTimeout(r, 700)); // the panel acts on a control steady for half a second
    // Tab to the panel's button (focus inside a closed root shows as its host), then Enter.
    const focused = await waitFor(async () => {
      await page.keyboard.press("Tab");
      return page.evaluate(`document.activeElement !== null && document.activeElement === ${FIND_HOST}`);
    }, 10000, "focus on Object with Objector");
    assert.ok(focused);
    assert.equal(posts.length, 0);
    await page.keyboard.press("Enter");
    await waitFor(() => page.url().includes("/help/contact/712876720715583"), 15000, "the form to open");
    await waitFor(() => posts.length > 0, 20000, "the form to be sent");
    assert.equal(posts[0].form_id, form.formId);
    const confirmed = await waitFor(() => historyRows(db).find((r) => r.status === "confirmed"), 20000, "a confirmed row in SQLite");
    assert.equal(confirmed.page_language, "de");
    assert.equal(confirmed.country, "AT");
    assert.match(confirmed.browser, /^firefox \d+/);
    assert.match(confirmed.form_url, /^https:\/\/de-de\.facebook\.com\/help\/contact\/712876720715583/);
  } finally {
    await browser.close();
    rmSync(home, { recursive: true, force: true });
  }
});
