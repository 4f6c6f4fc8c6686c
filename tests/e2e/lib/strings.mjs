// What Objector says on Meta's pages, from the extension's English locale (the browsers run in
// English), so the tests look for exactly the words a person reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { config } from "./env.mjs";

const messages = JSON.parse(readFileSync(join(config.extensionSource, "_locales", "en", "messages.json"), "utf8"));

// The message for `key` with its $PLACEHOLDERS$ replaced by `subs` in order.
export function say(key, ...subs) {
  const entry = messages[key];
  if (!entry) throw new Error(`extension/_locales/en/messages.json has no ${key}`);
  let i = 0;
  return entry.message.replace(/\$[A-Z_]+\$/g, () => subs[i++] ?? "");
}
