// Where the person's data lives in the browser: the profile mirror, the outbox and the records the
// host refused. storage.local is readable by every content script (and so, in a compromised or
// clobbered page, by the page); IndexedDB belongs to an origin, and content scripts run in the
// page's origin, so the extension origin's IndexedDB is out of their reach. Settings (not personal)
// stay in storage.local, where the content script reads them.
//
// openPrivateStore(indexedDB) → {get(key), set(key, value), remove(key), merge(incoming, mergeFn)}
//   one database "objector-private", one object store "kv". set/remove resolve once the
//   transaction committed (durability "strict": the outbox's "persisted before add resolves").
//   merge({key: value}, (key, current, incoming) → value) reads and writes every key in ONE
//   readwrite transaction, so it cannot interleave with another context's writes.
// migrateToPrivate({local, store, keys}) → {moved: [key]}: moves keys from storage.local (an
//   object with get(keys) → {key: value} and remove(keys), as chrome.storage.local) into the store,
//   merging with what the store already holds (mergeValue), then deletes them from storage.local.
//   Safe to repeat and to interrupt: a rerun merges again and loses nothing.
// createRoutedStorage({local, store, privateKeys, migrateKeys}) → {get(key), set(key, value)}:
//   personal keys go to the store, the rest to storage.local (an object as chrome.storage.local);
//   the first call runs migrateToPrivate for migrateKeys and every call waits for it (a failed
//   migration rejects that call and is tried again by the next one).
// mergeValue(key, current, incoming) is pure (unit-tested in Node).
import { itemKey } from "./outbox.js";

export const PROFILE_KEYS = Object.freeze(["profile", "profilePending"]);
export const RECORD_KEYS = Object.freeze(["outbox", "outboxRejected"]);
export const PRIVATE_KEYS = Object.freeze([...PROFILE_KEYS, ...RECORD_KEYS]);

const DB_NAME = "objector-private";
const STORE = "kv";

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function committed(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("IndexedDB transaction aborted"));
  });
}

function storeError(e) {
  const err = new Error(`the browser's private store failed: ${(e && e.message) || e}`);
  err.code = "storage_failed";
  return err;
}

export function openPrivateStore(indexedDB) {
  let dbPromise = null;
  function db() {
    dbPromise ||= new Promise((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      open.onsuccess = () => {
        const handle = open.result;
        handle.onversionchange = () => handle.close();
        resolve(handle);
      };
      open.onerror = () => reject(open.error);
      open.onblocked = () => reject(new Error("blocked by an older open connection"));
    }).catch((e) => {
      dbPromise = null; // try again next time
      throw storeError(e);
    });
    return dbPromise;
  }
  async function write(fn) {
    const tx = (await db()).transaction(STORE, "readwrite", { durability: "strict" });
    const done = committed(tx);
    fn(tx.objectStore(STORE));
    await done.catch((e) => {
      throw storeError(e);
    });
  }
  return {
    async get(key) {
      const tx = (await db()).transaction(STORE, "readonly");
      return request(tx.objectStore(STORE).get(key)).catch((e) => {
        throw storeError(e);
      });
    },
    set: (key, value) => write((s) => s.put(value, key)),
    remove: (key) => write((s) => s.delete(key)),
    merge: (incoming, mergeFn) =>
      write((s) => {
        for (const [key, value] of Object.entries(incoming)) {
          const read = s.get(key);
          read.onsuccess = () => {
            const merged = mergeFn(key, read.result, value);
            if (merged === undefined) s.delete(key);
            else s.put(merged, key);
          };
        }
      }),
  };
}

function keyOf(item) {
  try {
    return itemKey(item);
  } catch {
    return `unreadable:${JSON.stringify(item)}`;
  }
}

// Lists (outbox, rejected): what storage.local held came first (it is the older store), then what
// the private store already has; an item present in both is kept once. Single values (profile,
// pending flag): the private store's copy is the newer one, storage.local's fills a gap.
export function mergeValue(key, current, incoming) {
  if (RECORD_KEYS.includes(key)) {
    const out = [];
    const seen = new Set();
    for (const item of [...(Array.isArray(incoming) ? incoming : []), ...(Array.isArray(current) ? current : [])]) {
      const k = keyOf(item);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(item);
    }
    return out;
  }
  return current !== undefined ? current : incoming;
}

export async function migrateToPrivate({ local, store, keys = PRIVATE_KEYS }) {
  const old = await local.get([...keys]);
  const present = Object.fromEntries(Object.entries(old || {}).filter(([k, v]) => keys.includes(k) && v !== undefined));
  const moved = Object.keys(present);
  if (moved.length === 0) return { moved };
  await store.merge(present, mergeValue); // committed before anything is deleted below
  await local.remove(moved);
  return { moved };
}

export function createRoutedStorage({ local, store, privateKeys = PRIVATE_KEYS, migrateKeys = privateKeys }) {
  let migrated = null;
  function ready() {
    migrated ||= migrateToPrivate({ local, store, keys: migrateKeys }).catch((e) => {
      migrated = null;
      throw e;
    });
    return migrated;
  }
  return {
    ready,
    async get(key) {
      await ready();
      if (privateKeys.includes(key)) return store.get(key);
      return (await local.get(key))[key];
    },
    async set(key, value) {
      await ready();
      if (privateKeys.includes(key)) return store.set(key, value);
      return local.set({ [key]: value });
    },
  };
}
