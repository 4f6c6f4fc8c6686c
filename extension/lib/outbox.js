// The outbox: every record for the host's history goes here first and leaves only when the host
// has acknowledged it, so nothing is lost while the host is missing, restarting, crashed or its
// database locked. Pure: storage, host client and clock are injected.
//
// createOutbox({storage, client, now}) where storage is {get(key) → Promise<value>,
// set(key, value) → Promise}, client is a host client (lib/host-client.js), now() → Date.
//   add({kind: "submission"|"event", payload}) → Promise<void>: persisted before it resolves;
//     rejects (code `invalid_value`) on a record that could never be delivered.
//   flush() → Promise<{delivered, pending, rejected, error}>: sends the items in order, one at a
//     time; an item is removed only after the host acknowledged it (a `duplicate: true` reply is an
//     acknowledgement: the client id makes a retry harmless). Stops at the first failure that may
//     pass (host missing, disconnected, timeout, database locked/full/read-only, internal).
//     An item the host refuses as invalid would block every later record forever, so it moves to
//     storage key `outboxRejected` (kept, shown to the user) and the flush goes on.
//   pending() → Promise<number>;  rejected() → Promise<Array>;  lastResult() → the last flush result.
// Concurrent flushes run one after another; add() never waits for a flush.

export const OUTBOX_KEY = "outbox";
export const REJECTED_KEY = "outboxRejected";

const KINDS = {
  submission: { type: "submission.record", field: "submission", idField: "client_id" },
  event: { type: "submission.event", field: "event", idField: "client_event_id" },
};

// Host answers that say "this record itself is wrong": retrying cannot help.
const PERMANENT_CODES = new Set([
  "missing_field",
  "wrong_type",
  "invalid_value",
  "too_long",
  "not_an_object",
  "not_found",
  "too_deep",
  "frame_too_large",
]);

export function isPermanentFailure(code) {
  return PERMANENT_CODES.has(code);
}

class OutboxError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export function itemKey(item) {
  const spec = KINDS[item.kind];
  return `${item.kind}:${item.payload[spec.idField]}`;
}

export function createOutbox({ storage, client, now = () => new Date() }) {
  let storageChain = Promise.resolve(); // serialises read-modify-write of the storage keys
  let flushChain = Promise.resolve(); // serialises flushes
  let last = { delivered: 0, pending: 0, rejected: 0, error: null };

  function locked(fn) {
    const run = storageChain.then(fn);
    storageChain = run.catch(() => {});
    return run;
  }

  async function readList(key) {
    const value = await storage.get(key);
    return Array.isArray(value) ? value : [];
  }

  function add({ kind, payload } = {}) {
    const spec = KINDS[kind];
    if (!spec) return Promise.reject(new OutboxError("invalid_value", `unknown outbox kind: ${kind}`));
    if (!payload || typeof payload !== "object" || Array.isArray(payload)) {
      return Promise.reject(new OutboxError("invalid_value", "outbox payload must be an object"));
    }
    const id = payload[spec.idField];
    if (typeof id !== "string" || !id) {
      return Promise.reject(new OutboxError("missing_field", `${kind} needs a ${spec.idField}`));
    }
    const item = { kind, payload, added_at: now().toISOString() };
    return locked(async () => {
      const list = await readList(OUTBOX_KEY);
      // The same record added twice (a retried click, a reloaded page) is kept once.
      if (list.some((other) => itemKey(other) === itemKey(item))) return;
      list.push(item);
      await storage.set(OUTBOX_KEY, list);
    });
  }

  // Removes the item with this key from the list in storage (it is the head unless something else
  // went wrong) and optionally appends it to the rejected list.
  function remove(item, rejection) {
    return locked(async () => {
      const list = await readList(OUTBOX_KEY);
      const key = itemKey(item);
      const rest = list.filter((other) => itemKey(other) !== key);
      if (rejection) {
        const rejected = await readList(REJECTED_KEY);
        rejected.push({ ...item, rejected_at: now().toISOString(), error: rejection });
        await storage.set(REJECTED_KEY, rejected);
      }
      await storage.set(OUTBOX_KEY, rest);
      return rest.length;
    });
  }

  async function flushOnce() {
    let delivered = 0;
    let rejected = 0;
    let error = null;
    for (;;) {
      const list = await locked(() => readList(OUTBOX_KEY));
      if (list.length === 0) break;
      const item = list[0];
      const spec = KINDS[item.kind];
      if (!spec || !item.payload) {
        await remove(item, { code: "invalid_value", message: "unreadable outbox item" });
        rejected += 1;
        continue;
      }
      try {
        await client.request(spec.type, { [spec.field]: item.payload });
        await remove(item, null);
        delivered += 1;
      } catch (e) {
        const failure = { code: e.code || "internal", message: e.message || String(e) };
        if (isPermanentFailure(failure.code)) {
          await remove(item, failure);
          rejected += 1;
          continue;
        }
        error = failure;
        break;
      }
    }
    const pendingCount = (await locked(() => readList(OUTBOX_KEY))).length;
    last = { delivered, pending: pendingCount, rejected, error };
    return { ...last };
  }

  function flush() {
    const run = flushChain.then(flushOnce);
    flushChain = run.catch(() => {});
    return run;
  }

  return {
    add,
    flush,
    pending: async () => (await locked(() => readList(OUTBOX_KEY))).length,
    rejected: () => locked(() => readList(REJECTED_KEY)),
    lastResult: () => ({ ...last }),
  };
}
