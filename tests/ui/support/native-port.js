// connectNative for Node: starts the real objector-host exactly as Chromium does (its path, the
// caller's origin as the first argument, stdin/stdout pipes with 32-bit length-prefixed JSON frames)
// and hands back a chrome.runtime.Port-shaped object. This is the only thing standing in for the
// browser in the real-host DOM tests.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { encodeFrame, createFrameDecoder, createPortShell } from "./frames.js";

export const CHROMIUM_ORIGIN = "chrome-extension://pmknlfpplnidacmofbjlkkmafpmjjihh/";

export function hostBinary() {
  const candidates = [process.env.OBJECTOR_HOST_BIN, "/work/build-ui/host/objector-host"].filter(Boolean);
  return candidates.find((p) => existsSync(p)) || null;
}
export function cliBinary() {
  const candidates = [process.env.OBJECTOR_CLI_BIN, "/work/build-ui/host/objector"].filter(Boolean);
  return candidates.find((p) => existsSync(p)) || null;
}

// createNativeConnector({binary, dataDir}) → {connectNative, children, installed}
// `installed` can be switched off to play "host not installed" (the browser's own message).
export function createNativeConnector({ binary, dataDir, env = {} }) {
  const children = [];
  const connector = {
    installed: true,
    children,
    connectNative(name) {
      let child = null;
      const port = createPortShell(
        (message) => child && child.stdin.write(encodeFrame(message)),
        () => child && child.kill("SIGTERM"),
      );
      if (name !== "org.objector.host" || !connector.installed) {
        setTimeout(() => port.drop("Specified native messaging host not found."), 0);
        return port;
      }
      child = spawn(binary, [CHROMIUM_ORIGIN], {
        env: { PATH: process.env.PATH, HOME: dataDir, OBJECTOR_DATA_DIR: dataDir, ...env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      children.push(child);
      const decoder = createFrameDecoder();
      child.stdout.on("data", (chunk) => {
        for (const m of decoder.push(chunk)) port.deliver(m);
      });
      child.stderr.on("data", () => {}); // the host's log; not part of the protocol
      child.stdin.on("error", () => {});
      child.on("exit", () => port.drop("Native host has exited."));
      child.on("error", (e) => port.drop(`Failed to start native messaging host: ${e.message}`));
      return port;
    },
    killAll() {
      for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
    },
  };
  return connector;
}
