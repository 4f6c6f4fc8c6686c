// Loads the extension's classic scripts the way the browser loads content scripts: in order, into
// one global scope (a fresh vm context, or a jsdom window), and returns that scope's Objector.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

export const EXTENSION_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "extension");

export const PURE_SCRIPTS = ["rules/rules.js", "lib/normalize.js", "lib/matcher.js"];
export const DOM_SCRIPTS = [...PURE_SCRIPTS, "lib/dom-scan.js", "lib/outcome.js", "lib/form-filler.js"];

export function readScript(rel) {
  return readFileSync(join(EXTENSION_DIR, rel), "utf8");
}

// Runs `scripts` in a new context without DOM (URL and Intl are Node's). → context.Objector
export function loadPure(scripts = PURE_SCRIPTS) {
  const context = vm.createContext({ URL, Intl, console });
  for (const rel of scripts) vm.runInContext(readScript(rel), context, { filename: rel });
  return context.Objector;
}

// Runs `scripts` inside a jsdom window (as a content script would see the page). → window.Objector
export function loadIntoWindow(window, scripts = DOM_SCRIPTS) {
  for (const rel of scripts) window.eval(readScript(rel) + `\n//# sourceURL=${rel}`);
  return window.Objector;
}
