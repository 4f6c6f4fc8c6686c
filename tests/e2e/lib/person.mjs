// A person's computer, in a temporary folder: a HOME into which the real installer registers the
// native host, the `objector` command run as that person, and the set-up a person does once in the
// options page (their email, country and language).
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { config, SOURCE_DIR } from "./env.mjs";

const run = promisify(execFile);

// The environment of a person whose HOME is `home`: nothing of the developer's XDG or Objector
// settings leaks in, so every path derives from HOME as on a fresh account.
export function personEnv(home) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === "XDG_RUNTIME_DIR") { env[k] = v; continue; }  // needed by a visible browser on Wayland
    if (k.startsWith("XDG_") || k.startsWith("OBJECTOR_") || k === "HOME") continue;
    env[k] = v;
  }
  env.HOME = home;
  env.LANG = "C.UTF-8";
  return env;
}

export function newHome(dir) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return { home: dir, env: personEnv(dir) };
}

export function objectorCli() {
  const cli = join(config.binDir, "objector");
  if (!existsSync(cli)) {
    throw new Error(`missing: the objector CLI is not built at ${cli} (host/, issue 5)`);
  }
  return cli;
}

// Runs `objector <args>` as the person; returns {code, stdout, stderr}.
export async function objector(home, args) {
  try {
    const { stdout, stderr } = await run(objectorCli(), args, { env: personEnv(home), maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    if (typeof e.code !== "number") throw e;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// The real installer registering the host for both browsers in this HOME.
export async function installHost(home) {
  const r = await objector(home, ["install", "--browser", "chromium", "--browser", "firefox"]);
  if (r.code !== 0) {
    throw new Error(`objector install failed (${r.code}): ${r.stderr || r.stdout}`);
  }
  return r;
}

// `objector export --format json`, parsed: the person's history as the exported file shows it.
export async function exportHistory(home) {
  const r = await objector(home, ["export", "--format", "json"]);
  if (r.code !== 0) throw new Error(`objector export failed (${r.code}): ${r.stderr || r.stdout}`);
  const doc = JSON.parse(r.stdout);
  return Array.isArray(doc) ? doc : doc.items || doc.submissions || doc.history || [];
}

// Today's date (UTC) as the history writes it: "2026-11-25".
export function todayUtc() {
  return new Date().toISOString().slice(0, 10);
}

// The project's installer as a person runs it from the source folder: builds (reusing the given
// build folder), installs objector and objector-host into ~/.local/bin, registers the host with
// both browsers for this HOME, builds the extension. Returns the installed CLI's path.
export async function runInstaller(home, { buildDir = process.env.OBJECTOR_BUILD_DIR } = {}) {
  const script = join(SOURCE_DIR, "installer", "install.sh");
  if (!existsSync(script)) throw new Error(`missing: ${script} (installer, issue 5)`);
  if (!buildDir) throw new Error("OBJECTOR_BUILD_DIR is not set: the installer needs the build folder");
  try {
    await run("bash", [script, "--skip-deps", "--host-only", "--build-dir", buildDir, "--browser", "chromium",
      "--browser", "firefox"], { env: personEnv(home), maxBuffer: 16 << 20 });
  } catch (e) {
    throw new Error(`installer/install.sh failed (${e.code}): ${e.stderr || e.stdout || e.message}`);
  }
  return join(home, ".local", "bin", "objector");
}
