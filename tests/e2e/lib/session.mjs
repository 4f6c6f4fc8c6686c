// One test file's world: a fixture server, a person's HOME (host installed or not), one browser
// with the extension. Reused across the file's flows; torn down in `stop()`, which keeps the server
// log in the artifacts folder and removes the temporary HOME unless OBJECTOR_E2E_KEEP=1.
import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { config, makeWorkDir, artifactsDir } from "./env.mjs";
import { startFixtureServer } from "./fixture-server.mjs";
import { launchBrowser } from "./browsers.mjs";
import { newHome, installHost } from "./person.mjs";
import { extensionFor } from "./extension.mjs";

export async function startSession({ label, browser = config.browser, install = true,
  fixturesDir = config.fixturesDir, server: sharedServer, home: sharedHome, headless = true,
  handleSIGINT = true } = {}) {
  const work = makeWorkDir(`${label}-${browser}`);
  const server = sharedServer || await startFixtureServer({ binary: config.serverBinary,
    fixturesDir, workDir: work });
  const person = sharedHome || newHome(join(work, "home"));
  if (install && !sharedHome) await installHost(person.home);
  const extensionDir = await extensionFor(browser, join(work, "extension"));
  const handle = await launchBrowser(browser, { home: person.home, extensionDir, server,
    env: person.env, headless, handleSIGINT });
  return {
    work, server, person, handle, browser, extensionDir,
    async stop() {
      await handle.close();
      if (!sharedServer) {
        await server.stop();
        try {
          copyFileSync(server.logPath, join(artifactsDir(), `${browser}-${label}-fixture-server.log`));
        } catch { /* no log to keep */ }
      }
      if (process.env.OBJECTOR_E2E_KEEP !== "1") rmSync(work, { recursive: true, force: true });
    },
  };
}
