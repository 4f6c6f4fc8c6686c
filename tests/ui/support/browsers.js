// Real headless Chromium and Firefox ESR with the extension loaded from a folder, on a temporary
// HOME (so the native-host manifests the installer writes there are the ones the browser reads).
// Recipe: /work/shared/browser-testing.md. No network: the tests only open extension pages.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");
const IDS = JSON.parse(readFileSync(new URL("../../../manifests/ids.json", import.meta.url), "utf8"));

export { IDS };

async function launchChromium({ home, extDir, downloadDir, lang }) {
  const userDataDir = path.join(home, ".config", "chromium"); // this HOME's default profile
  mkdirSync(userDataDir, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    enableExtensions: true,
    userDataDir,
    env: { ...process.env, HOME: home, LANGUAGE: lang, LANG: `${lang}.UTF-8` },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--no-default-browser-check", `--lang=${lang}`,
      "--host-resolver-rules=MAP * ~NOTFOUND",
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
    ],
    defaultViewport: { width: 1100, height: 800 },
  });
  const origin = `chrome-extension://${IDS.chromium_id}`;
  await browser.waitForTarget((t) => t.type() === "service_worker" && t.url().startsWith(`${origin}/`), { timeout: 15000 });
  return {
    name: "chromium",
    browser,
    origin,
    async open(rel, { width = 1100, height = 800 } = {}) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      const cdp = await page.createCDPSession();
      await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloadDir });
      await page.goto(`${origin}/${rel}`);
      await page.waitForFunction(() => document.body && document.body.dataset.ready, { timeout: 15000 });
      return page;
    },
  };
}

async function launchFirefox({ home, extDir, downloadDir, lang }) {
  const profile = path.join(home, ".mozilla", "firefox", "objector-ui.default");
  mkdirSync(profile, { recursive: true });
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: "/usr/bin/firefox-esr",
    headless: true,
    userDataDir: profile,
    env: { ...process.env, HOME: home },
    args: ["--remote-allow-system-access"],
    defaultViewport: { width: 1100, height: 800 },
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [IDS.gecko_id]: uuid }),
      "intl.locale.requested": lang,
      "intl.accept_languages": lang,
      "browser.download.folderList": 2,
      "browser.download.dir": downloadDir,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      "browser.helperApps.neverAsk.saveToDisk": "text/csv,application/json,text/html",
      "network.proxy.type": 1, // nothing leaves the machine: an unreachable proxy
      "network.proxy.http": "127.0.0.1", "network.proxy.http_port": 9,
      "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": 9,
      "datareporting.healthreport.uploadEnabled": false,
      "toolkit.telemetry.enabled": false,
      "app.normandy.enabled": false,
      "extensions.getAddons.cache.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
    },
  });
  await browser.installExtension(extDir);
  const origin = `moz-extension://${uuid}`;
  return {
    name: "firefox",
    browser,
    origin,
    async open(rel, { width = 1100, height = 800 } = {}) {
      const page = await browser.newPage();
      await page.setViewport({ width, height });
      page.goto(`${origin}/${rel}`).catch(() => {}); // never resolves for moz-extension:// (see recipe)
      // The wait may start in the about:blank that precedes the page and fail when it goes away:
      // wait again in the new document until the deadline.
      const deadline = Date.now() + 20000;
      for (;;) {
        try {
          await page.waitForFunction(() => document.body && document.body.dataset.ready, { timeout: Math.max(1000, deadline - Date.now()) });
          return page;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
  };
}

export async function launch(name, opts) {
  return name === "firefox" ? launchFirefox(opts) : launchChromium(opts);
}
