// Real browsers as a person has them: Chromium or Firefox ESR on a temporary HOME (where the
// installer registered the native host), the test CA trusted in that HOME's certificate store, the
// extension loaded, and Meta's hosts reaching the fixture server. Every other host fails: Chromium
// maps every other name to "not found"; Firefox goes through a CONNECT proxy that refuses them.
import { mkdirSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { trustCaInNssDb } from "./certs.mjs";
import { startConnectProxy } from "./connect-proxy.mjs";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");

const IDS = JSON.parse(readFileSync(new URL("../../../manifests/ids.json", import.meta.url), "utf8"));

export const BROWSERS = ["chromium", "firefox"];

// Chromium's --host-resolver-rules: each fixture host (wildcards allowed) to the server, the rest
// to NOTFOUND; with allowLoopback, 127.0.0.1 stays itself (the loopback agent's address).
export function hostResolverRules(hosts, port, { allowLoopback = false } = {}) {
  const keep = allowLoopback ? ["EXCLUDE 127.0.0.1"] : [];
  return [...keep, ...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), "MAP * ~NOTFOUND"].join(",");
}

async function launchChromium({ home, extensionDir, server, env, trustCa = true, headless = true,
  handleSIGINT = true, allowLoopback = false }) {
  if (trustCa) trustCaInNssDb(join(home, ".pki", "nssdb"), server.certs.caPem);
  const userDataDir = join(home, ".config", "chromium");  // the default profile of this HOME
  mkdirSync(userDataDir, { recursive: true });
  const args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider",
    `--host-resolver-rules=${hostResolverRules(server.hosts, server.httpsPort, { allowLoopback })}`,
    "--window-size=1280,900"];
  if (extensionDir) {
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  }
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium", headless, enableExtensions: Boolean(extensionDir),
    userDataDir, args, env: env || { ...process.env, HOME: home }, handleSIGINT,
    defaultViewport: { width: 1280, height: 900 },
  });
  const extensionOrigin = `chrome-extension://${IDS.chromium_id}`;
  if (extensionDir) {
    await browser.waitForTarget((t) => t.type() === "service_worker" &&
      t.url().startsWith(`${extensionOrigin}/`), { timeout: 15000 });
  }
  return { browser, extensionOrigin, proxy: null };
}

async function launchFirefox({ home, extensionDir, server, env, trustCa = true, headless = true,
  handleSIGINT = true, allowLoopback = false }) {
  const profile = join(home, ".mozilla", "firefox", "objector-e2e.default");
  mkdirSync(profile, { recursive: true });
  if (trustCa) trustCaInNssDb(profile, server.certs.caPem);
  const proxy = await startConnectProxy({ allowHosts: server.hosts, targetPort: server.httpsPort });
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless,
    userDataDir: profile, env: env || { ...process.env, HOME: home }, handleSIGINT,
    args: ["--remote-allow-system-access", "--width=1280", "--height=900"],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [IDS.gecko_id]: uuid }),
      "network.proxy.type": 1,
      "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": proxy.port,
      "network.proxy.http": "127.0.0.1", "network.proxy.http_port": proxy.port,
      "network.proxy.share_proxy_settings": false,
      "network.proxy.no_proxies_on": "",
      "network.proxy.allow_hijacking_localhost": true,
      "network.proxy.socks_remote_dns": true,
      "network.trr.mode": 5,
      "network.dns.disablePrefetch": true,
      "network.prefetch-next": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "security.OCSP.enabled": 0,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "datareporting.healthreport.uploadEnabled": false,
      "toolkit.telemetry.enabled": false,
      "app.normandy.enabled": false,
      "extensions.getAddons.cache.enabled": false,
      "extensions.update.enabled": false,
      "browser.region.network.url": "",
      "intl.accept_languages": "en-GB,en",
      // allowLoopback: http://127.0.0.1 (the loopback agent) bypasses the refusing proxy, and an
      // optional permission the extension asks for in a click is granted without the prompt
      // (the one way to accept it headlessly).
      ...(allowLoopback ? { "network.proxy.allow_hijacking_localhost": false, "network.proxy.no_proxies_on": "127.0.0.1",
        "extensions.webextOptionalPermissionPrompts": false } : {}),
    },
  });
  if (extensionDir) await browser.installExtension(extensionDir);
  return { browser, extensionOrigin: `moz-extension://${uuid}`, proxy };
}

// Firefox over BiDi: polling a page while it commits a navigation from about:blank to a
// moz-extension:// document can fail with a protocol error from the realm being replaced
// ("right-hand side of 'in' should be an object", "no such frame", "context destroyed"). Those
// mean "not there yet", so polling goes on until the deadline; any other error is thrown.
const NAVIGATION_RACE = /right-hand side of 'in'|no such frame|context.*destroyed|navigat|Realm|detached/i;
async function waitThroughNavigation(page, predicate, timeout, arg) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await page.waitForFunction(predicate, { timeout: Math.max(1, deadline - Date.now()) }, arg);
      return;
    } catch (e) {
      const text = `${e.message} ${e.cause ? e.cause.message : ""}`;
      if (!NAVIGATION_RACE.test(text) || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// Launches `name` ("chromium" | "firefox"). Returns a handle:
// {name, browser, extensionOrigin, proxy, openPage(url), openExtensionPage(path), close()}.
export async function launchBrowser(name, opts) {
  if (!BROWSERS.includes(name)) throw new Error(`unknown browser ${name}; use ${BROWSERS.join("|")}`);
  if (opts.extensionDir && !existsSync(join(opts.extensionDir, "manifest.json"))) {
    throw new Error(`no extension at ${opts.extensionDir} (manifest.json missing)`);
  }
  const launched = name === "chromium" ? await launchChromium(opts) : await launchFirefox(opts);
  const { browser, extensionOrigin, proxy } = launched;
  return {
    name, browser, extensionOrigin, proxy,
    // A new tab for each address: after a failed navigation the next goto on a page may hang.
    async openPage(url, { waitUntil = "load", timeout = 15000 } = {}) {
      const page = await browser.newPage();
      const response = await page.goto(url, { waitUntil, timeout });
      return { page, response };
    },
    // Extension pages: Firefox's awaited goto on moz-extension:// never resolves, so wait for the
    // document instead (see /work/shared/browser-testing.md).
    async openExtensionPage(path, { timeout = 15000 } = {}) {
      const page = await browser.newPage();
      const url = `${extensionOrigin}/${path}`;
      if (name === "chromium") {
        await page.goto(url, { waitUntil: "load", timeout });
      } else {
        page.goto(url).catch(() => {});
        await waitThroughNavigation(page, (u) => location.href.startsWith(u) &&
          document.readyState === "complete" && document.body !== null, timeout, url);
      }
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      if (proxy) await proxy.close();
    },
  };
}
