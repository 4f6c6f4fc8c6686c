// installer/pack.mjs, the CRX3 and zip packer install.sh uses: the id rule gives the store id from
// the store key in manifests/ids.json; a .crx it writes parses as CRX3, its signature verifies with
// the key it made (0600), its crx_id is that id, its zip passes `unzip -t` and holds the manifest
// without the store key; the same folder gives the same zip.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createPublicKey, verify } from "node:crypto";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { idFromPublicKey, zipFolder } from "../../installer/pack.mjs";

const top = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const IDS = JSON.parse(readFileSync(join(top, "manifests/ids.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "objector-pack-"));
after(() => rmSync(work, { recursive: true, force: true }));

// Reads one protobuf length-delimited field list (all fields of our header are bytes).
function fields(buf) {
  const out = [];
  let i = 0;
  const varint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++];
      n += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return n;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const key = varint();
    assert.equal(key & 7, 2, "length-delimited");
    const len = varint();
    out.push({ number: Math.floor(key / 8), bytes: buf.subarray(i, i + len) });
    i += len;
  }
  return out;
}

test("the id rule turns the store key of ids.json into the store id", () => {
  assert.equal(idFromPublicKey(Buffer.from(IDS.chromium_key, "base64")), IDS.chromium_id);
});

test("crx3: header, signature, crx_id and zip as Chromium checks them", () => {
  const src = join(work, "ext");
  mkdirSync(join(src, "lib"), { recursive: true });
  writeFileSync(join(src, "manifest.json"), JSON.stringify({ manifest_version: 3, name: "t", version: "1.2.3", key: IDS.chromium_key }));
  writeFileSync(join(src, "lib", "a.js"), "export const a = 1;\n".repeat(50));
  const key = join(work, "keys", "key.pem");
  const crxFile = join(work, "out.crx");
  const r = spawnSync(process.execPath, [join(top, "installer/pack.mjs"), "crx3", "--source", src, "--key", key, "--out", crxFile], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const id = r.stdout.trim();
  assert.match(id, /^[a-p]{32}$/);
  assert.equal(statSync(key).mode & 0o777, 0o600);
  assert.equal(statSync(join(work, "keys")).mode & 0o777, 0o700);

  const crx = readFileSync(crxFile);
  assert.equal(crx.subarray(0, 4).toString("latin1"), "Cr24");
  assert.equal(crx.readUInt32LE(4), 3);
  const headerSize = crx.readUInt32LE(8);
  const header = fields(crx.subarray(12, 12 + headerSize));
  const zipBytes = crx.subarray(12 + headerSize);
  const proof = fields(header.find((f) => f.number === 2).bytes);
  const publicKey = proof.find((f) => f.number === 1).bytes;
  const signature = proof.find((f) => f.number === 2).bytes;
  const signedHeaderData = header.find((f) => f.number === 10000).bytes;
  const crxId = fields(signedHeaderData).find((f) => f.number === 1).bytes;
  assert.equal(idFromPublicKey(publicKey), id);
  assert.equal([...crxId.toString("hex")].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join(""), id);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedHeaderData.length);
  const signed = Buffer.concat([Buffer.from("CRX3 SignedData\0", "latin1"), size, signedHeaderData, zipBytes]);
  assert.ok(verify("sha256", signed, createPublicKey({ key: publicKey, format: "der", type: "spki" }), signature));

  const zipFile = join(work, "payload.zip");
  writeFileSync(zipFile, zipBytes);
  const t = spawnSync("unzip", ["-t", zipFile], { encoding: "utf8" });
  assert.equal(t.status, 0, t.stdout + t.stderr);
  const m = JSON.parse(spawnSync("unzip", ["-p", zipFile, "manifest.json"], { encoding: "utf8" }).stdout);
  assert.equal(m.key, undefined, "the store key is dropped: the signing key names the extension");
  assert.equal(m.version, "1.2.3");

  const again = spawnSync(process.execPath, [join(top, "installer/pack.mjs"), "id", "--key", key], { encoding: "utf8" });
  assert.equal(again.stdout.trim(), id, "the same key keeps the same id");
  assert.deepEqual(zipFolder(src), zipFolder(src), "the same folder gives the same zip");
});

test("a bad option is a usage error (exit 2) naming it", () => {
  const r = spawnSync(process.execPath, [join(top, "installer/pack.mjs"), "crx3", "--sauce", "x"], { encoding: "utf8" });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown or incomplete option '--sauce'/);
});
