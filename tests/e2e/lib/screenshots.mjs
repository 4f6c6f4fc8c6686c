// Screenshots the tests keep: always in the artifacts folder (<browser>-<name>.png); also in
// OBJECTOR_E2E_SCREENSHOTS when set (tests/e2e/update-screenshots.sh sets it to refresh the
// committed set used by the README).
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { artifactsDir, config } from "./env.mjs";

export async function keepScreenshot(browserName, page, name, { fullPage = false } = {}) {
  const dir = join(artifactsDir(), "screenshots");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${browserName}-${name}.png`);
  await page.screenshot({ path, fullPage });
  if (config.screenshotsDir) {
    mkdirSync(config.screenshotsDir, { recursive: true });
    copyFileSync(path, join(config.screenshotsDir, `${browserName}-${name}.png`));
  }
  return path;
}
