// Sealing on the phone, so that the phone cannot read back what it queued: a JWE (RFC 7516) in compact form, in
// which RSA-OAEP-256 wraps a fresh AES-256-GCM key, to the service's public key; only the service can open it.

export const utf8 = (text) => new TextEncoder().encode(text);
export function b64u(bytes) {
  let binary = '';
  new Uint8Array(bytes).forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
/** base64url (or base64) to bytes. */
export function fromB64u(text) {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/** Spaces up to the next 4 kB, so that a sealed item's size tells little of how much was typed into it. */
export function padded(value) {
  const size = utf8(JSON.stringify({...value, padding: ''})).length;
  return {...value, padding: ' '.repeat(Math.ceil(size / 4096) * 4096 - size)};
}

/** A JWE in compact form (RFC 7516): RSA-OAEP-256 wraps a fresh AES-256-GCM key that seals the JSON. */
export async function seal(jwk, value) {
  const publicKey = await crypto.subtle.importKey('jwk', {kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RSA-OAEP-256', ext: true},
      {name: 'RSA-OAEP', hash: 'SHA-256'}, false, ['encrypt']);
  const contentKey = await crypto.subtle.generateKey({name: 'AES-GCM', length: 256}, true, ['encrypt']);
  const wrapped = await crypto.subtle.encrypt({name: 'RSA-OAEP'}, publicKey,
      await crypto.subtle.exportKey('raw', contentKey));
  const header = b64u(utf8(JSON.stringify({alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: jwk.kid})));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({name: 'AES-GCM', iv, additionalData: utf8(header), tagLength: 128},
      contentKey, utf8(JSON.stringify(value))));
  return [header, b64u(wrapped), b64u(iv), b64u(sealed.slice(0, -16)), b64u(sealed.slice(-16))].join('.');
}

/** SHA-256 of the text, in lowercase hex: how the service names a key (sealedFor). */
export async function sha256Hex(text) {
  return [...new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text)))]
      .map((b) => b.toString(16).padStart(2, '0')).join('');
}
