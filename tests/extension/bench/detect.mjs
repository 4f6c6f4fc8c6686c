// Measures detection on a large page: a Facebook feed of N nodes (default 5000) with Meta's AI
// notice in a dialog at the end, and the same page without it. Runs the content script's detection
// pass (domScan.snapshot + matcher.classifyPage) in jsdom, repeated, and prints the median and p95;
// then what the rounds add to each pass (lib/notice-print.js kindOf on that snapshot), and a feed
// whose dialog is no notice (the sighting check reads it in every language).
//   node tests/extension/bench/detect.mjs [nodes] [runs]
// A measurement, not a test: nothing here asserts a speed.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { loadIntoWindow, DOM_SCRIPTS } from "../support/classic.mjs";
import { STRINGS } from "../support/fixture-dom.mjs";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");
const nodes = Number(process.argv[2] || 5000);
const runs = Number(process.argv[3] || 30);

function feed(n, withNotice) {
  const posts = [];
  let count = 0;
  for (let i = 0; count < n; i++) {
    posts.push(`<article><div><span>Friend ${i}</span><a href="https://www.facebook.com/p/${i}">2 h</a></div><p>Post number ${i}: a day at the lake with a long caption about nothing in particular.</p><div role="button">Like</div><div role="button">Comment</div></article>`);
    count += 8;
  }
  const s = STRINGS.en;
  const dialog = withNotice === "other" ? OTHER_DIALOG : withNotice ? `<div role="dialog" aria-modal="true"><p>${s.notice.replace("{", '<a href="https://www.facebook.com/help/contact/6359191084165019">').replace("}", "</a>")}</p><div role="button">Close</div></div>` : "";
  return `<!DOCTYPE html><html lang="en"><body><div role="feed">${posts.join("")}</div>${dialog}</body></html>`;
}

const CASES = [
  ["feed + notice dialog ", "https://www.facebook.com/", true],
  ["feed, no notice      ", "https://www.facebook.com/", false],
  ["feed + other dialog  ", "https://www.facebook.com/", "other"],
  ["Privacy Center page  ", "https://www.facebook.com/privacy/genai/", true],
];
const OTHER_DIALOG = '<div role="dialog" aria-modal="true"><p>Carla invited you to like her page. Invite friends, share a post, see what is new in your groups this week.</p><div role="button">Close</div></div>';
for (const [name, url, withNotice] of CASES) {
  const dom = new JSDOM(feed(nodes, withNotice), { url, runScripts: "outside-only", pretendToBeVisual: true });
  const O = loadIntoWindow(dom.window, [...DOM_SCRIPTS, "lib/notice-print.js"]);
  const compiled = O.matcher.compileRules(O.rules);
  const total = dom.window.document.getElementsByTagName("*").length + dom.window.document.evaluate("count(//text())", dom.window.document, null, 1, null).numberValue;
  const times = [];
  const kindTimes = [];
  let state;
  let kind;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const page = O.domScan.snapshot(dom.window.document, compiled);
    state = O.matcher.classifyPage(compiled, page);
    const t1 = performance.now();
    kind = O.noticePrint.kindOf(compiled, state, page, O.matcher.classifyUrl(compiled, page.url));
    kindTimes.push(performance.now() - t1);
    times.push(t1 - t0);
  }
  const stats = (list) => {
    list.sort((a, b) => a - b);
    return `median ${list[Math.floor(runs / 2)].toFixed(2)} ms, p95 ${list[Math.min(runs - 1, Math.floor(runs * 0.95))].toFixed(2)} ms`;
  };
  console.log(`${name}: ${total} DOM nodes, kind=${state.kind}, ${stats(times)}; sighting kind=${kind}, +${stats(kindTimes)} over ${runs} runs (jsdom, node ${process.version})`);
}
