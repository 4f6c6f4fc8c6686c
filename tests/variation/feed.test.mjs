// The never-quiet feed (feed.mjs) in jsdom: the default page has at least 50 000 elements at start,
// loads nothing from any host, and keeps mutating (clock text, appended posts) for as long as it is
// open; its notice arrives as one portal appended to <body>, a modal dialog with a heading, two
// paragraphs, the objection link near the end of the second and a Close button that removes it;
// every language's notice text is well formed; bad options are refused with a clear message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { feedPage, NOTICE_TEXTS } from "./feed.mjs";

const require = createRequire(import.meta.url);
const { JSDOM } = require("jsdom");

function open(options) {
  return new JSDOM(feedPage(options), { runScripts: "dangerously", url: "https://www.facebook.com/" }).window;
}

async function until(fn, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("default page: ≥ 50 000 elements at start, self-contained, never quiet", async () => {
  const w = open();
  try {
    const doc = w.document;
    assert.ok(w.__feed.elementsAtStart >= 50000, `${w.__feed.elementsAtStart} elements at start`);
    assert.ok(doc.querySelectorAll("article").length > 1000);
    // Nothing from other hosts: no external scripts, styles or frames; every image a data: URL.
    assert.equal(doc.querySelectorAll("script[src], link, iframe").length, 0);
    for (const img of doc.querySelectorAll("img")) assert.match(img.getAttribute("src"), /^data:/);
    assert.equal(doc.querySelectorAll("[id]").length, 0, "no ids to hook onto");
    assert.equal(doc.querySelector("[role=dialog]"), null, "no notice unless asked for");

    let records = 0;
    new w.MutationObserver((list) => { records += list.length; })
      .observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const clock = doc.querySelector("[role=banner] [aria-live=off]");
    const firstTime = clock.textContent;
    const articles = doc.querySelectorAll("article").length;
    await until(() => w.__feed.ticks >= 5 && w.__feed.posts >= 2, "5 clock ticks and 2 new posts");
    assert.notEqual(clock.textContent, firstTime, "the clock's text changes");
    assert.equal(doc.querySelectorAll("article").length, articles + w.__feed.posts, "posts are appended");
    const seen = records;
    await until(() => records > seen, "a mutation after the first ones");  // still going
  } finally {
    w.close();
  }
});

test("notice: one portal appended to <body>, a modal dialog with the objection link near the end of paragraph two", async () => {
  const w = open({ nodes: 2000, noticeAfterMs: 30 });
  try {
    const doc = w.document;
    const bodyChildren = doc.body.children.length;
    await until(() => w.__feed.noticeShownAt !== null, "the notice");
    assert.equal(doc.body.children.length, bodyChildren + 1);
    const portal = doc.body.lastElementChild;
    const dialog = portal.querySelector("[role=dialog]");
    assert.ok(dialog, "the portal holds the dialog");
    assert.equal(dialog.getAttribute("aria-modal"), "true");
    const heading = doc.getElementById(dialog.getAttribute("aria-labelledby"));
    assert.equal(heading.textContent, NOTICE_TEXTS.en.heading);
    const paragraphs = dialog.querySelectorAll("p");
    assert.equal(paragraphs.length, 2);
    const link = paragraphs[1].querySelector("a");
    assert.equal(link.href, "https://www.facebook.com/help/contact/712876720715583");
    assert.equal(link.textContent, "right to object");
    const text = paragraphs[1].textContent;
    assert.ok(text.indexOf(link.textContent) > text.length / 2, "the link is in the second half of the paragraph");
    const close = dialog.querySelector("[role=button]");
    assert.equal(close.textContent, "Close");
    close.click();
    assert.equal(doc.querySelector("[role=dialog]"), null, "Close removes the notice");
  } finally {
    w.close();
  }
});

test("every language's notice text: heading, two paragraphs, one link in the second, a Close label", () => {
  assert.ok(Object.keys(NOTICE_TEXTS).length >= 8);
  for (const [language, t] of Object.entries(NOTICE_TEXTS)) {
    assert.ok(t.heading && t.close, language);
    assert.equal(t.paragraphs.length, 2, language);
    assert.equal((t.paragraphs[0].match(/[{}]/g) || []).length, 0, language);
    assert.match(t.paragraphs[1], /^[^{}]*\{[^{}]+\}[^{}]*$/, language);
    assert.match(feedPage({ nodes: 10, language }), new RegExp(`<html lang="${language}">`));
  }
});

test("Instagram's feed links its own form; bad options are refused with a clear message", async () => {
  const w = open({ nodes: 500, noticeAfterMs: 0, platform: "instagram" });
  try {
    await until(() => w.__feed.noticeShownAt !== null, "the notice");
    assert.equal(w.document.querySelector("[role=dialog] a").href, "https://help.instagram.com/contact/233964459562201");
  } finally {
    w.close();
  }
  assert.throws(() => feedPage({ language: "xx" }), /no notice text for language "xx"/);
  assert.throws(() => feedPage({ platform: "myspace" }), /unknown platform "myspace"/);
  assert.throws(() => feedPage({ nodes: 1.5 }), /nodes must be an integer/);
  assert.throws(() => feedPage({ noticeText: { heading: "h", paragraphs: ["a", "no link"], close: "x" } }), /needs \{heading/);
});
