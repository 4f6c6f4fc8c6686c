// The outbox: every record for the host's history goes here first and leaves only when the host
// has acknowledged it, so nothing is lost while the host is missing, restarting, crashed or its
// database locked. Pure: storage, host client and clock are injected.
//
// createOutbox({storage, client, now}) where storage is {get(key) → Promise<value>,
// set(key, value) → Promise}, client is a host client (lib/host-client.js), now() → Date.
//   add({kind: "submission"|"event"|"attachment", payload, id?}) → Promise<void>: persisted before it resolves;
//     rejects (code `invalid_value`) on a record that could never be delivered.
//   flush() → Promise<{delivered, pending, rejected, error}>: sends the items in order, one at a
//     time; an item is removed only after the host acknowledged it (a `duplicate: true` reply is an
//     acknowledgement: the client id makes a retry harmless). Stops at the first failure that may
//     pass (host missing, disconnected, timeout, database locked/full/read-only, internal).
//     An item the host refuses as invalid would block every later record forever, so it moves to
//     storage key `outboxRejected` (kept, shown to the user) and the flush goes on.
//   pending() → Promise<number>;  rejected() → Promise<Array>;  lastResult() → the last flush result.
//   waiting() → Promise<Array> (the items in order, each with its `key`, itemKey below).
//   retry(key) → Promise<boolean>: a refused item goes back to the end of the outbox (the person
//     pressed "deliver now"); false when no refused item has that key.
//   discard(key) → Promise<boolean>: deletes a waiting or refused item for good (the person
//     confirmed); false when there is none.
// Kinds: "submission" (submission.record), "event" (submission.event), "attachment"
// (evidence.attach {client_id, kind, mime, data_base64}; its outbox id is the item's `id`).
// Concurrent flushes run one after another; add() never waits for a flush.

export const OUTBOX_KEY = "outbox";
export const REJECTED_KEY = "outboxRejected";

const KINDS = {
  submission: { type: "submission.record", field: "submission", idField: "client_id" },
  event: { type: "submission.event", field: "event", idField: "client_event_id" },
  attachment: { type: "evidence.attach", field: null, idField: null },
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
  return `${item.kind}:${spec.idField ? item.payload[spec.idField] : item.id}`;
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

  function add({ kind, payload, id: itemId } = {}) {
    const spec = KINDS[kind];
    if (!spec) return Promise.reject(new OutboxError("invalid_value", `unknown outbox kind: ${kind}`));
    if (!payload || typeof payload !== "object" || Array.isArray(payload)) {
      return Promise.reject(new OutboxError("invalid_value", "outbox payload must be an object"));
    }
    const id = spec.idField ? payload[spec.idField] : itemId;
    if (typeof id !== "string" || !id) {
      return Promise.reject(new OutboxError("missing_field", `${kind} needs a ${spec.idField || "id"}`));
    }
    const item = { kind, payload, added_at: now().toISOString() };
    if (!spec.idField) item.id = id;
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
        await client.request(spec.type, spec.field ? { [spec.field]: item.payload } : item.payload);
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

  function retry(key) {
    return locked(async () => {
      const rejected = await readList(REJECTED_KEY);
      const found = rejected.find((other) => itemKey(other) === key);
      if (!found) return false;
      const { rejected_at: _at, error: _error, ...item } = found;
      const list = await readList(OUTBOX_KEY);
      if (!list.some((other) => itemKey(other) === key)) list.push(item);
      await storage.set(OUTBOX_KEY, list); // written back to the outbox before it leaves the refused list
      await storage.set(REJECTED_KEY, rejected.filter((other) => other !== found));
      return true;
    });
  }

  function discard(key) {
    return locked(async () => {
      let found = false;
      for (const name of [OUTBOX_KEY, REJECTED_KEY]) {
        const list = await readList(name);
        const rest = list.filter((other) => itemKey(other) !== key);
        if (rest.length === list.length) continue;
        found = true;
        await storage.set(name, rest);
      }
      return found;
    });
  }

  return {
    add,
    flush,
    retry,
    discard,
    waiting: () => locked(async () => (await readList(OUTBOX_KEY)).map((item) => ({ ...item, key: itemKey(item) }))),
    pending: async () => (await locked(() => readList(OUTBOX_KEY))).length,
    rejected: () => locked(async () => (await readList(REJECTED_KEY)).map((item) => ({ ...item, key: itemKey(item) }))),
    lastResult: () => ({ ...last }),
  };
}
