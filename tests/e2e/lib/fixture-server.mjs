// Starts objector-fixture-server (tests/e2e/server) with a fresh secret and test certificate, and
// gives the test a small control client. The secret lives in a 0600 file, never on a command line.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync, readFileSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { request } from "node:http";
import { makeTestCertificates } from "./certs.mjs";

// Hosts named by the fixtures' index (pages.json: an array, or {pages: [...]}, of {url, file}).
export function fixtureHosts(fixturesDir) {
  const doc = JSON.parse(readFileSync(join(fixturesDir, "pages.json"), "utf8"));
  const list = Array.isArray(doc) ? doc : doc.pages;
  return [...new Set(list.map((p) => new URL(p.url).hostname))];
}

export async function startFixtureServer({ binary, fixturesDir, workDir }) {
  const certs = makeTestCertificates(join(workDir, "certs"), fixtureHosts(fixturesDir));
  const secret = randomBytes(24).toString("hex");
  const secretFile = join(workDir, "control-secret");
  writeFileSync(secretFile, secret + "\n", { mode: 0o600 });
  const logPath = join(workDir, "fixture-server.log");
  const log = createWriteStream(logPath);
  const child = spawn(binary, ["--fixtures", fixturesDir, "--cert", certs.chainPem,
    "--key", certs.leafKey, "--secret-file", secretFile, "--exit-on-stdin-eof"],
    { stdio: ["pipe", "pipe", "pipe"] });
  child.stderr.pipe(log);
  const ports = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`fixture server did not start in 10 s; see ${logPath}`)), 10000);
    child.stdout.on("data", (d) => {
      out += d;
      const nl = out.indexOf("\n");
      if (nl >= 0) { clearTimeout(timer); resolve(JSON.parse(out.slice(0, nl))); }
    });
    let said = "";
    child.stderr.on("data", (d) => { said += d; });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`fixture server exited with ${code} before listening: ${said.trim().slice(0, 500)}`));
    });
  });

  const call = (method, path, body) => new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: ports.control_port, method, path,
      headers: { Authorization: `Bearer ${secret}` } }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (d) => { data += d; });
      res.on("end", () => res.statusCode >= 400
        ? reject(new Error(`fixture server control ${method} ${path}: ${res.statusCode} ${data}`))
        : resolve(data ? JSON.parse(data) : null));
    });
    req.on("error", reject);
    req.end(body);
  });

  return {
    httpsPort: ports.https_port,
    certs,
    logPath,
    hosts: certs.hosts,
    // auto | confirmation | code | validation | server-error: how the next form POSTs are answered.
    setOutcome: (name) => call("PUT", "/outcome", name),
    submissions: () => call("GET", "/submissions"),
    clearSubmissions: () => call("DELETE", "/submissions"),
    requests: () => call("GET", "/requests"),
    pages: () => call("GET", "/pages"),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      try { await call("POST", "/shutdown"); } catch { child.kill("SIGTERM"); }
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
