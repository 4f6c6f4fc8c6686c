// A small HTTP CONNECT proxy on 127.0.0.1 for Firefox: tunnels the allowed hosts' port 443 to the
// fixture server and refuses every other host and every plain-HTTP request, so nothing of the real
// network is reached. `refused` lists what was refused (host:port), for tests that want to check.
import { createServer, connect } from "node:net";

export function startConnectProxy({ allowHosts, targetPort }) {
  const allowed = new Set(allowHosts.map((h) => h.toLowerCase()));
  const wildcards = allowHosts.filter((h) => h.startsWith("*.")).map((h) => h.slice(1).toLowerCase());
  const isAllowed = (host) => allowed.has(host) ||
    wildcards.some((suffix) => host.endsWith(suffix) && !host.slice(0, -suffix.length).includes("."));
  const refused = [];
  const sockets = new Set();
  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    let head = Buffer.alloc(0);
    const onData = (chunk) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) {
        if (head.length > 16384) client.destroy();
        return;
      }
      client.off("data", onData);
      const line = head.subarray(0, head.indexOf("\r\n")).toString("latin1");
      const m = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.[01]$/i.exec(line);
      const host = m ? m[1].toLowerCase() : null;
      if (!m || m[2] !== "443" || !isAllowed(host)) {
        refused.push(m ? `${host}:${m[2]}` : line.split(" ").slice(0, 2).join(" "));
        client.end("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
      }
      const upstream = connect(targetPort, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection established\r\n\r\n");
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on("close", () => { sockets.delete(upstream); client.destroy(); });
      upstream.on("error", () => client.destroy());
      client.on("close", () => upstream.destroy());
    };
    client.on("data", onData);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve({
      port: server.address().port,
      refused,
      close: () => new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
    }));
  });
}
