// The Chromium id of the extension, derived from its public key as Chromium does (never hard-coded): the
// first 32 hex digits of SHA-256(DER key), each digit 0-f written a-p.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { paths } from './paths.js';

export function chromiumExtensionId(keyFile = paths.publicKey) {
  const hex = createHash('sha256').update(readFileSync(keyFile)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
