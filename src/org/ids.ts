/**
 * Salesforce Ids: 15 case-sensitive base-62 characters (key prefix 3 + pod 2 + counter 10), and the
 * 18-character case-insensitive form with a 3-character checksum (reference/salesforce-api.md §7).
 * REST always returns 18 characters and accepts either form.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_CHARS = /^[0-9A-Za-z]+$/;

/** The pod part of every Id this org mints; real orgs use an instance code in the same place. */
export const MOCK_POD = 'Mf';

/** The 18-character form of a 15-character Id. */
export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15.charCodeAt(chunk * 5 + j);
      if (c >= 65 && c <= 90) bits |= 1 << j;
    }
    suffix += CHECKSUM_ALPHABET[bits];
  }
  return id15 + suffix;
}

/**
 * The canonical 18-character Id for a 15- or 18-character input, or undefined when it is not a valid
 * Id. An 18-character Id is case-insensitive: its suffix tells the case of each of the first 15
 * characters, so `001mf...` and `001Mf...` with the same suffix are the same record.
 */
export function normalizeId(input: string): string | undefined {
  if (!ID_CHARS.test(input)) return undefined;
  if (input.length === 15) return to18(input);
  if (input.length !== 18) return undefined;
  const suffix = input.slice(15).toUpperCase();
  let body = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = CHECKSUM_ALPHABET.indexOf(suffix[chunk]!);
    if (bits < 0) return undefined;
    for (let j = 0; j < 5; j++) {
      const ch = input[chunk * 5 + j]!;
      body += bits & (1 << j) ? ch.toUpperCase() : ch.toLowerCase();
    }
  }
  // A suffix bit set on a digit cannot be reproduced: such an input is not an Id.
  return to18(body) === body + suffix ? body + suffix : undefined;
}

/** Base-62 encoding of a non-negative integer, left-padded to `width`. */
export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  do {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  } while (v > 0);
  if (out.length > width) throw new RangeError(`counter ${n} does not fit in ${width} base-62 digits`);
  return out.padStart(width, '0');
}

/** Decode a base-62 string (the inverse of base62). */
export function fromBase62(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 62 + BASE62.indexOf(ch);
  return n;
}

/** The 18-character Id for record number `n` of the object with `keyPrefix`. */
export function makeId(keyPrefix: string, n: number, pod = MOCK_POD): string {
  return to18(keyPrefix + pod + base62(n, 10));
}

/** True when `s` looks like an Id at all (15 or 18 base-62 characters). */
export function looksLikeId(s: string): boolean {
  return (s.length === 15 || s.length === 18) && ID_CHARS.test(s);
}
