// Measures the content script's detection pass (domScan.snapshot + matcher.classifyPage) inside
// real headless Chromium on large pages (default 5000 nodes): the same scripts, loaded into a
// page at a Meta URL (answered by request interception, no network). Prints median and p95.
//   node tests/extension/bench/detect-chromium.mjs [nodes] [runs]
// A measurement, not a test.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readScript, DOM_SCRIPTS } from "../support/classic.mjs";
import { STRINGS } from "../support/fixture-dom.mjs";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");
const nodes = Number(process.argv[2] || 5000);
const runs = Number(process.argv[3] || 50);

function feed(n, withNotice) {
  const posts = [];
  for (let i = 0, count = 0; count < n; i++, count += 8) {
    posts.push(`<article><div><span>Friend ${i}</span><a href="https://www.facebook.com/p/${i}">2 h</a></div><p>Post number ${i}: a day at the lake.</p><div role="button">Like</div><div role="button">Comment</div></article>`);
  }
  const s = STRINGS.en;
  const dialog = withNotice ? `<div role="dialog" aria-modal="true"><p>${s.notice.replace("{", '<a href="https://www.facebook.com/help/contact/6359191084165019">').replace("}", "</a>")}</p></div>` : "";
  return `<!DOCTYPE html><html lang="en"><body><div role="feed">${posts.join("")}</div>${dialog}</body></html>`;
}

const udd = mkdtempSync(join(tmpdir(), "objector-bench-"));
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, userDataDir: udd,
  args: ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking"] });
try {
  for (const [name, url, withNotice] of [["feed + notice dialog", "https://www.facebook.com/", true], ["feed, no notice", "https://www.facebook.com/", false],
    ["Privacy Center page", "https://www.facebook.com/privacy/genai/", true], ["form page (2024, de)", "https://de-de.facebook.com/help/contact/6359191084165019", true]]) {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (req) => req.respond({ status: 200, contentType: "text/html", body: feed(nodes, withNotice) }));
    await page.goto(url);
    for (const rel of DOM_SCRIPTS) await page.addScriptTag({ content: readScript(rel) });
    const result = await page.evaluate((runs) => {
      const { matcher, domScan, rules } = window.Objector;
      const compiled = matcher.compileRules(rules);
      const times = [];
      let state;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        state = matcher.classifyPage(compiled, domScan.snapshot(document, compiled));
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return { kind: state.kind, nodes: document.getElementsByTagName("*").length, median: times[runs >> 1], p95: times[Math.floor(runs * 0.95)] };
    }, runs);
    console.log(`${name.padEnd(22)}: ${result.nodes} elements, kind=${result.kind}, median ${result.median.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${runs} runs (chromium)`);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(udd, { recursive: true, force: true });
}
