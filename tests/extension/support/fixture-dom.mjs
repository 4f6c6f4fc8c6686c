// Opens a fixture page (tests/fixtures/pages.json) in jsdom at its production URL, with its inline
// scripts running, and answers its form POSTs the way tests/e2e's fixture server does: with the
// outcome fragments of tests/fixtures/outcomes/<language>/, in the order the test queued them.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { loadIntoWindow } from "./classic.mjs";

const require = createRequire(import.meta.url);
const { JSDOM, VirtualConsole } = require("jsdom");

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");
export const INDEX = JSON.parse(readFileSync(join(FIXTURES_DIR, "pages.json"), "utf8"));
export const STRINGS = JSON.parse(readFileSync(join(FIXTURES_DIR, "strings.json"), "utf8")).languages;

const FRAGMENT = { confirmation: "confirmation.html", code: "code.html", validation: "validation-error.html", "server-error": "server-error.html" };

export function outcomeHtml(language, kind) {
  return readFileSync(join(FIXTURES_DIR, "outcomes", language, FRAGMENT[kind]), "utf8");
}

// → {window, document, O (the extension's scripts in that window), compiled, wait, posts, close()}
export function openFixture(entry, { outcomes = [], fragmentLanguage = entry.language, html = null } = {}) {
  const posts = [];
  const queue = [...outcomes];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on("jsdomError", (e) => posts.push({ error: e.message }));
  const dom = new JSDOM(html || readFileSync(join(FIXTURES_DIR, entry.file), "utf8"), {
    url: entry.url,
    runScripts: "dangerously",
    pretendToBeVisual: true,
    virtualConsole,
    beforeParse(window) {
      window.fetch = async (resource, init = {}) => {
        const url = new URL(resource, entry.url);
        const fields = Object.fromEntries(new URLSearchParams(String(init.body || "")));
        posts.push({ method: init.method || "GET", url: url.href, fields });
        const kind = queue.shift() || "server-error";
        return new Response(outcomeHtml(fragmentLanguage, kind), { status: kind === "server-error" ? 500 : 200 });
      };
    },
  });
  const { window } = dom;
  const O = loadIntoWindow(window);
  const compiled = O.matcher.compileRules(O.rules);
  const wait = O.filler.makeWait(window.setTimeout.bind(window), 10);
  return { window, document: window.document, O, compiled, wait, posts, close: () => window.close() };
}

export function pagesWhere(pred) {
  return INDEX.pages.filter(pred);
}
