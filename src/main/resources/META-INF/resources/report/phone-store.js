// What the phone keeps, in IndexedDB: sealed items and their state (no clear text), the service's public key, and
// the access key when it is locked under a PIN. Nothing else.

export const DB = 'notes';

let dbPromise = null;
let closedForGood = false;
let deletedElsewhere = () => {};

/** What to do when another tab deletes the database (a wipe there): this one lets go of it at once. */
export function onDeletedElsewhere(callback) {
  deletedElsewhere = callback;
}

function db() {
  if (closedForGood) {
    return Promise.reject(new Error('wiped'));
  }
  dbPromise ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('queue', {keyPath: 'id'});
      open.result.createObjectStore('meta');
    };
    open.onsuccess = () => {
      // another tab wiping the phone asks to delete the database: let go of it at once, and forget
      open.result.onversionchange = () => { open.result.close(); closedForGood = true; deletedElsewhere(); };
      resolve(open.result);
    };
    open.onerror = () => reject(open.error);
  });
  return dbPromise;
}
async function store(name, mode, action) {
  const tx = (await db()).transaction(name, mode);
  const request = action(tx.objectStore(name));
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
export const meta = {
  get: (k) => store('meta', 'readonly', (s) => s.get(k)),
  put: (k, v) => store('meta', 'readwrite', (s) => s.put(v, k)),
  del: (k) => store('meta', 'readwrite', (s) => s.delete(k))
};
export const queue = {
  all: async () => ((await store('queue', 'readonly', (s) => s.getAll())) || []).sort((a, b) => a.seq - b.seq),
  put: (item) => store('queue', 'readwrite', (s) => s.put(item)),
  del: (id) => store('queue', 'readwrite', (s) => s.delete(id))
};

/** Closes the database for good and deletes it: a wipe. Later use of the store fails rather than recreate it. */
export async function deleteForGood() {
  const open = await dbPromise?.catch(() => null);
  closedForGood = true;
  dbPromise = null;
  open?.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = request.onerror = () => resolve();
  });
}
