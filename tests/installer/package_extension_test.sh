#!/usr/bin/env bash
# installer/package-extension.sh makes a Chrome zip and a Firefox .xpi with web-ext: both exist,
# are zip archives, and carry a manifest.json at the top (listed by web-ext's own zip reader).
# Usage: package_extension_test.sh OUTDIR
set -euo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
out="$1"
rm -rf "$out"
mapfile -t files < <("$top/installer/package-extension.sh" "$out")
[ "${#files[@]}" -eq 2 ] || { echo "FAIL: expected two artifacts, got: ${files[*]}"; exit 1; }
for f in "${files[@]}"; do
  [ -s "$f" ] || { echo "FAIL: $f missing or empty"; exit 1; }
  [ "$(head -c 2 "$f")" = "PK" ] || { echo "FAIL: $f is not a zip archive"; exit 1; }
  NODE_PATH="$top/tests/node_modules" node -e '
    const AdmZip = require("adm-zip");
    const zip = new AdmZip(process.argv[1]);
    const m = JSON.parse(zip.readAsText("manifest.json"));
    if (!m.manifest_version) { console.error("FAIL: no manifest_version in " + process.argv[1]); process.exit(1); }
    const isXpi = process.argv[1].endsWith(".xpi");
    if (isXpi && !(m.browser_specific_settings && m.browser_specific_settings.gecko)) {
      console.error("FAIL: the .xpi has no gecko id"); process.exit(1);
    }
    if (!isXpi && !m.key) { console.error("FAIL: the Chrome zip has no key (fixed id)"); process.exit(1); }
    console.log("ok: " + process.argv[1] + " (" + zip.getEntries().length + " files)");
  ' "$f"
done
