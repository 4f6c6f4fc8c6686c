// What a person does in Objector's own pages: the first-run walkthrough of the options page (opened
// by the extension itself on install), the popup for a tab, the history section.
import { config } from "./env.mjs";

// The options tab the extension opened by itself on first install (first-run walkthrough), or
// null when none appeared within `timeout`.
export async function optionsTabOpenedByExtension(handle, { timeout = 10000 } = {}) {
  const wanted = `${handle.extensionOrigin}/options/options.html`;
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const page of await handle.browser.pages()) {
      // Firefox over BiDi may keep reporting about:blank for a tab the extension navigated (it
      // reuses the first blank tab): ask the document itself.
      const href = page.url().startsWith(wanted) ? page.url()
        : await page.evaluate(() => location.href).catch(() => "");
      if (href.startsWith(wanted)) {
        await page.waitForFunction(() => document.readyState === "complete", { timeout }).catch(() => {});
        return page;
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

export async function waitReady(page, timeout = 15000) {
  await page.waitForFunction(() => document.body && document.body.dataset.ready, { timeout });
  const state = await page.evaluate(() => document.body.dataset.ready);
  if (state === "error") {
    throw new Error(`extension page failed to start: ${await page.evaluate(() => document.getElementById("status")?.textContent)}`);
  }
}

// The first-run walkthrough: email, country, language, review, finish. Leaves the page on the
// section the options page opens on (Your coverage since issue 12; Profile before).
export async function firstRun(page, { email, country, language }) {
  await waitReady(page);
  await page.waitForSelector("#first-run:not([hidden]) #fr-email-1", { visible: true, timeout: 10000 });
  await page.type("#fr-email-1", email);
  await page.click("#fr-next");
  await page.waitForSelector("#fr-country", { visible: true });
  await page.select("#fr-country", country);
  await page.click("#fr-next");
  await page.waitForSelector("#fr-language", { visible: true });
  await page.select("#fr-language", language);
  await page.click("#fr-next");
  await page.waitForSelector("#fr-justification", { visible: true });
  await page.click("#fr-next");
  await page.waitForSelector("#coverage:not([hidden]), #profile:not([hidden])", { visible: true, timeout: 10000 });
}

// The history section as a person sees it (after the records were written).
export async function historyPage(handle) {
  const page = await handle.openExtensionPage("options/options.html#history");
  await waitReady(page);
  await page.waitForSelector("#history:not([hidden])", { visible: true });
  return page;
}

// The popup for the tab showing `url` (opened as a tab, as the popup's own tests do: ?tabId=).
export async function popupFor(handle, url) {
  const helper = await handle.openExtensionPage("popup/popup.html");
  const tabId = await helper.evaluate(async (u) => {
    const api = globalThis.browser || globalThis.chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url === u);
    return tab ? tab.id : null;
  }, url);
  await helper.close();
  if (tabId == null) throw new Error(`no tab shows ${url}`);
  const page = await handle.openExtensionPage(`popup/popup.html?tabId=${tabId}`);
  await waitReady(page);
  return page;
}

export const screenshotsDir = () => config.screenshotsDir;

// Settings → "Let me review the filled form and press Send myself", ticked or not, as a person does.
export async function setReviewBeforeSend(handle, on) {
  const page = await handle.openExtensionPage("options/options.html#settings");
  try {
    await waitReady(page);
    await page.waitForSelector("#settings:not([hidden]) #setting-review", { visible: true });
    const checked = await page.$eval("#setting-review", (el) => el.checked);
    if (checked !== on) {
      await page.click("#setting-review");
      await page.waitForFunction(() => document.getElementById("status").textContent.length > 0);
    }
    const stored = await page.evaluate(async () => {
      const api = globalThis.browser || globalThis.chrome;
      return (await api.storage.local.get("settings")).settings;
    });
    if (!stored || stored.reviewBeforeSend !== on) {
      throw new Error(`the setting "review before send" did not become ${on}`);
    }
  } finally {
    await page.close();
  }
}
