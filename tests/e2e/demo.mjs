// The demo behind tests/e2e/demo.sh: a throwaway person (temporary HOME with the host installed),
// the fixture server standing in for Meta, and Chromium (or Firefox) with Objector. It walks the
// one-click objection slowly enough to watch, saves screenshots, prints the exported history, and
// in a visible browser stays open until Ctrl-C so you can click around yourself.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { startSession } from "./lib/session.mjs";
import { optionsTabOpenedByExtension, firstRun, historyPage, popupFor } from "./lib/options-page.mjs";
import { pressPanelButton, waitForText } from "./lib/objector-ui.mjs";
import { waitForRecord } from "./lib/history.mjs";
import { say } from "./lib/strings.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const browser = opt("--browser", "chromium");
const headless = args.includes("--headless") || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const out = resolve(opt("--out", "objector-demo"));
mkdirSync(out, { recursive: true });
const pause = (ms) => new Promise((r) => setTimeout(r, headless ? 0 : ms));
const shot = async (page, file) => {
  await page.screenshot({ path: join(out, file) });
  console.log(`  screenshot: ${join(out, file)}`);
};

console.log(`Objector demo: ${browser}, ${headless ? "headless (screenshots only)" : "visible window"}`);
// Ctrl-C ends the demo through our own handler below, which closes everything and cleans up.
const s = await startSession({ label: "demo", browser, headless, handleSIGINT: false });
let failed = false;
try {
  console.log("1. The extension opens its set-up page; we enter a made-up person.");
  const options = await optionsTabOpenedByExtension(s.handle) || await s.handle.openExtensionPage("options/options.html");
  await firstRun(options, { email: "demo.person@example.org", country: "IE", language: "en" });
  await shot(options, "1-profile.png");
  await pause(1500);

  const notice = "https://en-gb.facebook.com/privacy/genai/";
  console.log(`2. Meta's AI notice at ${notice} (served locally) shows Objector's control.`);
  const { page } = await s.handle.openPage(notice);
  await page.bringToFront();
  await waitForText(page, say("contentObjectButton"));
  await shot(page, "2-notice-with-control.png");
  const popup = await popupFor(s.handle, notice);
  await shot(popup, "3-popup.png");
  await popup.close();
  await page.bringToFront();
  await pause(2000);

  console.log("3. One click: Objector opens the form, answers the pre-step, fills it in and sends it.");
  await pressPanelButton(browser, page, say("contentObjectButton"));
  await waitForText(page, say("contentConfirmed"), { timeout: 20000 });
  await shot(page, "4-confirmed.png");
  await pause(2000);

  console.log("4. The history keeps the confirmed objection (objector export --format json):");
  const record = await waitForRecord(s.person.home, { current_status: "confirmed" });
  console.log(`   ${record.occurred_at}  ${record.platform}  form ${record.form_id}  ${record.current_status}`);
  const history = await historyPage(s.handle);
  await shot(history, "5-history.png");

  if (!headless) {
    console.log("\nThe browser stays open: try https://www.facebook.com/ or a form such as");
    console.log("https://help.instagram.com/contact/767264225370182 . Press Ctrl-C to end the demo.");
    await new Promise((r) => {
      process.once("SIGINT", r);
      s.handle.browser.once("disconnected", r);
    });
  }
} catch (e) {
  failed = true;
  console.error(`demo failed: ${e.message}`);
} finally {
  await s.stop();
}
console.log(`Screenshots in ${out}`);
process.exitCode = failed ? 1 : 0;
