// The access key remembered on the phone, encrypted under a key derived from a PIN the reporter chooses. A short
// PIN can be guessed offline by whoever copies the storage: the count of wrong PINs only stops guessing here.
import {meta} from './phone-store.js';
import {b64u, fromB64u, utf8} from './sealing.js';

const PIN_TRIES = 5;
const PIN_ITERATIONS = 600000;

async function pinKey(pin, salt) {
  const material = await crypto.subtle.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PIN_ITERATIONS}, material,
      {name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']);
}
export async function rememberUnderPin(key, pin) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({name: 'AES-GCM', iv}, await pinKey(pin, salt), utf8(key));
  await meta.put('lockedKey', {salt: b64u(salt), iv: b64u(iv), data: b64u(data)});
  await meta.put('wrongPins', 0);
}
export async function unlockWithPin(pin) {
  const locked = await meta.get('lockedKey');
  const b = fromB64u;
  try {
    const plain = await crypto.subtle.decrypt({name: 'AES-GCM', iv: b(locked.iv)},
        await pinKey(pin, b(locked.salt)), b(locked.data));
    await meta.put('wrongPins', 0);
    return new TextDecoder().decode(plain);
  } catch (wrong) {
    const wrongs = ((await meta.get('wrongPins')) || 0) + 1;
    await meta.put('wrongPins', wrongs);
    return {left: PIN_TRIES - wrongs};
  }
}
