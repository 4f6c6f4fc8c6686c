// The native-messaging frame codec of host/PROTOCOL.md: a 32-bit little-endian length, then that
// many bytes of UTF-8 JSON. Used by the test adapters that stand where the browser would.
export function encodeFrame(message) {
  const body = Buffer.from(JSON.stringify(message), "utf8");
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length, 0);
  return Buffer.concat([header, body]);
}

// A streaming decoder: push(chunk) returns every complete message decoded so far.
export function createFrameDecoder() {
  let buffered = Buffer.alloc(0);
  return {
    push(chunk) {
      buffered = Buffer.concat([buffered, chunk]);
      const out = [];
      while (buffered.length >= 4) {
        const length = buffered.readUInt32LE(0);
        if (buffered.length < 4 + length) break;
        out.push(JSON.parse(buffered.subarray(4, 4 + length).toString("utf8")));
        buffered = buffered.subarray(4 + length);
      }
      return out;
    },
    get pendingBytes() {
      return buffered.length;
    },
  };
}

// A chrome.runtime.Port-shaped object: onMessage/onDisconnect with addListener, postMessage,
// disconnect. `deliver(msg)` and `drop(error)` are for the adapter that owns it.
export function createPortShell(onPost, onClose) {
  const messageListeners = [];
  const disconnectListeners = [];
  let open = true;
  const port = {
    name: "",
    error: null,
    onMessage: { addListener: (fn) => messageListeners.push(fn), removeListener() {} },
    onDisconnect: { addListener: (fn) => disconnectListeners.push(fn), removeListener() {} },
    postMessage(message) {
      if (!open) throw new Error("Attempting to use a disconnected port object");
      onPost(message);
    },
    disconnect() {
      if (!open) return;
      open = false;
      onClose();
    },
    deliver(message) {
      if (open) for (const fn of messageListeners) fn(message, port);
    },
    drop(errorMessage) {
      if (!open) return;
      open = false;
      port.error = errorMessage ? { message: errorMessage } : null;
      for (const fn of disconnectListeners) fn(port);
    },
    get isOpen() {
      return open;
    },
  };
  return port;
}
