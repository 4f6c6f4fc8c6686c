// Named steps: when one fails, the error names the flow, the step, the browser and the screenshot
// taken at that moment, e.g.
//   [firefox] flow "notice → confirmed", step "click Object with Objector" failed: ...
//   screenshot: build/e2e-artifacts/firefox-notice-confirmed-03-click-object.png
import { join } from "node:path";
import { artifactsDir } from "./env.mjs";

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);

export function flow(browserName, flowName) {
  let n = 0;
  let currentPage = null;
  return {
    // The page screenshotted if a later step fails.
    usePage(page) { currentPage = page; return page; },
    async step(name, fn) {
      n += 1;
      try {
        return await fn();
      } catch (err) {
        let shot = "(no page open)";
        if (currentPage) {
          const path = join(artifactsDir(),
            `${browserName}-${slug(flowName)}-${String(n).padStart(2, "0")}-${slug(name)}.png`);
          try {
            await Promise.race([currentPage.screenshot({ path, fullPage: true }),
              new Promise((_, rej) => setTimeout(() => rej(new Error("timeout")), 5000))]);
            shot = path;
          } catch (e) {
            shot = `(screenshot failed: ${e.message})`;
          }
        }
        const wrapped = new Error(`[${browserName}] flow "${flowName}", step ${n} "${name}" failed: ` +
          `${err.message}\n  screenshot: ${shot}`);
        wrapped.cause = err;
        throw wrapped;
      }
    },
  };
}
