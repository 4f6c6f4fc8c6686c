// A throwaway test CA and a leaf certificate for Meta's hosts, made with openssl at test time in a
// temporary folder (never committed). The CA's private key is deleted as soon as the leaf is signed,
// so the CA a test browser trusts can sign nothing else.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync, rmSync, chmodSync } from "node:fs";
import { join } from "node:path";

// Hosts every test certificate covers; pages.json may add more (near misses on other domains).
export const META_HOSTS = [
  "www.facebook.com", "*.facebook.com", "facebook.com",
  "help.instagram.com", "*.instagram.com", "instagram.com", "privacycenter.instagram.com",
];

function openssl(args, cwd) {
  return execFileSync("openssl", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
}

// Makes dir/{ca.pem, leaf.pem, leaf.key, chain.pem} for `hosts` (added to META_HOSTS).
// Returns {dir, caPem, leafPem, chainPem, leafKey, spki, hosts}.
export function makeTestCertificates(dir, hosts = []) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const all = [...new Set([...META_HOSTS, ...hosts])];
  const ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
  openssl(["req", "-x509", ...ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "3",
    "-subj", "/O=Objector tests/CN=Objector e2e throwaway test CA",
    "-addext", "basicConstraints=critical,CA:TRUE,pathlen:0",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign"], dir);
  openssl(["req", ...ec, "-keyout", "leaf.key", "-out", "leaf.csr",
    "-subj", "/O=Objector tests/CN=www.facebook.com"], dir);
  writeFileSync(join(dir, "leaf.ext"), [
    "basicConstraints=critical,CA:FALSE",
    "keyUsage=critical,digitalSignature",
    "extendedKeyUsage=serverAuth",
    `subjectAltName=${all.map((h) => `DNS:${h}`).join(",")}`,
    "",
  ].join("\n"));
  openssl(["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
    "-CAcreateserial", "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext"], dir);
  rmSync(join(dir, "ca.key"));
  chmodSync(join(dir, "leaf.key"), 0o600);
  const leafPem = readFileSync(join(dir, "leaf.pem"), "utf8");
  const caPem = readFileSync(join(dir, "ca.pem"), "utf8");
  writeFileSync(join(dir, "chain.pem"), leafPem + caPem);
  return {
    dir, hosts: all,
    caPem: join(dir, "ca.pem"), leafPem: join(dir, "leaf.pem"),
    chainPem: join(dir, "chain.pem"), leafKey: join(dir, "leaf.key"),
  };
}

// Trusts the CA in an NSS database (Chromium's $HOME/.pki/nssdb, or a Firefox profile folder).
export function trustCaInNssDb(dbDir, caPem) {
  mkdirSync(dbDir, { recursive: true, mode: 0o700 });
  execFileSync("certutil", ["-N", "-d", `sql:${dbDir}`, "--empty-password"], { stdio: "pipe" });
  execFileSync("certutil", ["-A", "-d", `sql:${dbDir}`, "-n", "objector-e2e-test-ca",
    "-t", "C,,", "-i", caPem], { stdio: "pipe" });
}
