#!/usr/bin/env node
// Packs a built extension folder for a lasting install, with no dependencies (Node's crypto and
// zlib only):
//
//   node installer/pack.mjs crx3 --source DIR --key KEY.pem --out FILE.crx   prints the extension id
//   node installer/pack.mjs xpi  --source DIR --out FILE.xpi
//   node installer/pack.mjs id   --key KEY.pem                                prints the extension id
//
// crx3: a missing KEY.pem is created (RSA 2048, mode 0600, its folder 0700). The CRX3 file is
// "Cr24", version 3, the header size, a protobuf CrxFileHeader { sha256_with_rsa { public_key,
// signature }, signed_header_data = SignedData { crx_id } } and the zip; the signature covers
// "CRX3 SignedData\0" + len(signed_header_data) + signed_header_data + zip. The id is the first 16
// bytes of sha256(public key), written with the letters a-p. The manifest's "key" (the store
// build's key) is dropped: Chromium identifies a packed extension by the key that signed it.
// Files are zipped in a fixed order with a fixed date, so the same folder gives the same zip.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { deflateRawSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out;
}

// A zip of `entries` ([{name, data}]), deflated, dated 1980-01-01 00:00.
export function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, "utf8");
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += local.length + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function zipFolder(dir, transform = (name, data) => data) {
  return zip(listFiles(dir).map((name) => ({ name, data: transform(name, readFileSync(join(dir, name))) })));
}

function varint(n) {
  const out = [];
  while (n > 0x7f) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
  out.push(n);
  return Buffer.from(out);
}

// One length-delimited protobuf field.
function field(number, bytes) {
  return Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);
}

export function idFromPublicKey(spkiDer) {
  const hex = createHash("sha256").update(spkiDer).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
}

// The private key in `file`, created (0600) when missing.
export function loadOrCreateKey(file) {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  }
  return createPrivateKey(readFileSync(file));
}

export function publicKeyDer(privateKey) {
  return createPublicKey(privateKey).export({ type: "spki", format: "der" });
}

export function crx3(zipBytes, privateKey) {
  const pub = publicKeyDer(privateKey);
  const crxId = Buffer.from(createHash("sha256").update(pub).digest().subarray(0, 16));
  const signedHeaderData = field(1, crxId);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(signedHeaderData.length);
  const signature = sign("sha256", Buffer.concat([Buffer.from("CRX3 SignedData\0", "binary"), size, signedHeaderData, zipBytes]), privateKey);
  const header = Buffer.concat([
    field(2, Buffer.concat([field(1, pub), field(2, signature)])),
    field(10000, signedHeaderData),
  ]);
  const prefix = Buffer.alloc(12);
  prefix.write("Cr24", 0, "binary");
  prefix.writeUInt32LE(3, 4);
  prefix.writeUInt32LE(header.length, 8);
  return Buffer.concat([prefix, header, zipBytes]);
}

function withoutStoreKey(name, data) {
  if (name !== "manifest.json") return data;
  const manifest = JSON.parse(data.toString("utf8"));
  delete manifest.key;
  return Buffer.from(JSON.stringify(manifest, null, 2));
}

function writeAtomic(file, bytes) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, bytes, { mode: 0o644 });
  renameSync(`${file}.tmp`, file);
}

function main(argv) {
  const [what, ...rest] = argv;
  const opt = {};
  for (let i = 0; i < rest.length; i += 2) {
    if (!["--source", "--key", "--out"].includes(rest[i]) || rest[i + 1] === undefined) {
      throw new Error(`unknown or incomplete option '${rest[i]}'`);
    }
    opt[rest[i].slice(2)] = rest[i + 1];
  }
  const need = (k) => { if (!opt[k]) throw new Error(`${what} needs --${k}`); return opt[k]; };
  if (what === "crx3") {
    const key = loadOrCreateKey(need("key"));
    writeAtomic(need("out"), crx3(zipFolder(need("source"), withoutStoreKey), key));
    console.log(idFromPublicKey(publicKeyDer(key)));
  } else if (what === "xpi") {
    writeAtomic(need("out"), zipFolder(need("source")));
  } else if (what === "id") {
    console.log(idFromPublicKey(publicKeyDer(createPrivateKey(readFileSync(need("key"))))));
  } else {
    throw new Error("usage: pack.mjs crx3|xpi|id --source DIR --key KEY.pem --out FILE");
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`pack.mjs: ${e.message}`);
    process.exit(2);
  }
}
