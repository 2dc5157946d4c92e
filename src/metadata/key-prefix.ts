/**
 * Key prefixes for the user's custom objects. A real org assigns `a0X`-style prefixes in creation
 * order; mockforce invents a stable one from the object's API name (sha256 -> `a` + two base-62
 * characters), stepping past prefixes already taken, so an object keeps its Ids across restarts and
 * across machines whatever else is loaded alongside it... as long as nothing else collides first.
 */
import { createHash } from 'node:crypto';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function inventKeyPrefix(objectName: string, taken: ReadonlySet<string>): string {
  const h = createHash('sha256').update(objectName).digest();
  let n = h.readUInt16BE(0) % (62 * 62);
  for (let k = 0; k < 62 * 62; k++, n = (n + 1) % (62 * 62)) {
    const p = 'a' + B62[Math.floor(n / 62)]! + B62[n % 62]!;
    if (!taken.has(p)) return p;
  }
  throw new Error('no free custom key prefix');
}
