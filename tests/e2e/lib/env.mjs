// Where things are, from the environment CTest sets (tests/e2e/CMakeLists.txt); defaults let a
// developer run a file by hand from the source tree after building in build-e2e.
import { mkdirSync, mkdtempSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
export const SOURCE_DIR = resolve(here, "../../..");
const build = process.env.OBJECTOR_BUILD_DIR || resolve(SOURCE_DIR, "../build-e2e");

export const config = {
  browser: process.env.OBJECTOR_E2E_BROWSER || "chromium",
  serverBinary: process.env.OBJECTOR_E2E_SERVER || join(build, "tests/e2e/objector-fixture-server"),
  binDir: process.env.OBJECTOR_BIN_DIR || join(build, "host"),
  fixturesDir: process.env.OBJECTOR_FIXTURES_DIR || join(SOURCE_DIR, "tests/fixtures"),
  transportFixturesDir: join(SOURCE_DIR, "tests/e2e/transport-fixtures"),
  extensionSource: join(SOURCE_DIR, "extension"),
  tmpRoot: process.env.OBJECTOR_E2E_TMP || join(build, "tmp"),
  artifactsDir: process.env.OBJECTOR_E2E_ARTIFACTS || join(build, "e2e-artifacts"),
  screenshotsDir: process.env.OBJECTOR_E2E_SCREENSHOTS || "",
};

// A fresh private folder for one test file under the build's tmp dir.
export function makeWorkDir(label) {
  mkdirSync(config.tmpRoot, { recursive: true });
  return mkdtempSync(join(config.tmpRoot, `e2e-${label}-`));
}

export function artifactsDir() {
  mkdirSync(config.artifactsDir, { recursive: true });
  return config.artifactsDir;
}
