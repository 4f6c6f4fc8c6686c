// Which wordings a run uses: ours (phrases.mjs) or, with OBJECTOR_VARIATION_PHRASES=/path/to.mjs
// (a module exporting PHRASES in phrases.mjs's shape, kept out of the tree), a held-out set in its
// own languages. → {phrases, languages, heldOut} for generate().
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { PHRASES } from "./phrases.mjs";
import { LANGUAGES } from "./generate.mjs";

export async function wordings() {
  const file = process.env.OBJECTOR_VARIATION_PHRASES;
  if (!file) return { phrases: PHRASES, languages: LANGUAGES, heldOut: null };
  const mod = await import(pathToFileURL(resolve(file)).href);
  if (!mod.PHRASES || typeof mod.PHRASES !== "object") throw new Error(`${file} exports no PHRASES`);
  const languages = Object.keys(mod.PHRASES).filter((l) => LANGUAGES.includes(l));
  if (!languages.includes("en")) throw new Error(`${file}: a held-out set needs English (the third-party form is English)`);
  return { phrases: mod.PHRASES, languages, heldOut: file };
}
