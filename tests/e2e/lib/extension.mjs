// The extension as built for one browser, by the extension's own build step (extension/build.mjs:
// per-browser manifest, rules bundle generated from rules/*.json), into a test folder. Nothing is
// written into the source tree.
import { existsSync, cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { config } from "./env.mjs";

export async function extensionFor(browser, outDir) {
  const src = config.extensionSource;
  if (!existsSync(join(src, "manifest.json"))) {
    throw new Error(`missing: extension/manifest.json (extension core, issue 3) — cannot load the extension into ${browser}`);
  }
  const buildScript = join(src, "build.mjs");
  const dest = join(outDir, browser);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(src, dest, { recursive: true, filter: (p) => !p.endsWith("build.mjs") });
  if (!existsSync(buildScript)) return dest;  // no build step: the source folder loads as it is
  const build = await import(pathToFileURL(buildScript).href);
  const manifest = JSON.parse(readFileSync(join(src, "manifest.json"), "utf8"));
  writeFileSync(join(dest, "manifest.json"),
    JSON.stringify(build.browserManifest(manifest, browser), null, 2) + "\n");
  writeFileSync(join(dest, "rules", "rules.js"), build.rulesScript(build.loadRuleBundle()));
  return dest;
}
