/**
 * An episode: an isolated view of a base org for one agent rollout, copy-on-write. It shares the base
 * read-only until it first writes; only then does it get its own in-memory copy (from an image of the
 * base serialized once per base data version, so the copy is one deserialize), with change capture
 * installed so its diff against the base is always at hand. A read-only episode costs a few hundred
 * bytes; reset drops the copy, so it is as cheap as create.
 *
 * Base-write rule: an episode that has not written reads the base as it is now (base writes show
 * through); from its first write on it sees the base as it was at that moment and nothing later.
 */
import Database from 'better-sqlite3';
import { installChangeCapture, readChanges, type EpisodeDiff } from './change-capture.ts';
import { dataVersion } from './data-version.ts';
import { Org } from './org.ts';

/** One serialized image per base org, reused while the base's data version stays the same. */
const images = new WeakMap<Org, { version: string; image: Buffer }>();

export function baseImage(base: Org): Buffer {
  const version = dataVersion(base);
  const hit = images.get(base);
  if (hit && hit.version === version) return hit.image;
  const image = base.db.serialize();
  // A WAL-mode file serializes with WAL version bytes (18-19 = 2) in its header, which an in-memory
  // database cannot open: mark the image rollback-journal (1), as Org.clone does.
  if (image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  images.set(base, { version, image });
  return image;
}

export class Episode {
  private own: Org | undefined;

  constructor(readonly base: Org) {}

  /** Whether the episode has its own copy (it has written, or been handed out for writing). */
  get materialized(): boolean {
    return this.own !== undefined;
  }

  /** Bytes the episode's own copy holds (0 while it shares its base). */
  get bytes(): number {
    return this.own ? pageBytes(this.own.db) : 0;
  }

  /** Bytes a copy would take if made now: what a memory cap must allow before materializing. */
  projectedBytes(): number {
    return this.own ? 0 : baseImage(this.base).length;
  }

  /** The org to read from: the base itself until the episode writes. */
  readOrg(): Org {
    return this.own ?? this.base;
  }

  /** The org to write to: the episode's own copy, made on first use. */
  writeOrg(): Org {
    if (!this.own) {
      const db = new Database(baseImage(this.base));
      installChangeCapture(db);
      this.own = Org.fromDatabase(db, ':memory:', this.base.clock.nowIso());
    }
    return this.own;
  }

  /** Back to the base: everything written is gone. */
  reset(): void {
    this.own?.close();
    this.own = undefined;
  }

  /** What the episode changed against its base, per object (empty while it has not written). */
  diff(): EpisodeDiff {
    return this.own ? readChanges(this.own.db) : {};
  }

  close(): void {
    this.reset();
  }
}

function pageBytes(db: Database.Database): number {
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}
