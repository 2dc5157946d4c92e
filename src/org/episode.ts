/**
 * An episode: an isolated view of a base org for one agent rollout, copy-on-write per table. It reads
 * its base org directly until it first needs to write; then it gets its own connection
 * (src/org/episode-connection.ts): a small in-memory database with a frozen snapshot of the base
 * attached (src/org/episode-snapshot.ts, one file per base data version, shared by all episodes), to
 * which each table the episode writes is copied on its first write. A read-only episode costs a few
 * hundred bytes; a writing one its connection plus the tables it wrote. Reset closes the connection.
 *
 * Base-write rule: an episode that has not written reads the base as it is now (base writes show
 * through); from its first write on it sees the base as it was at that moment and nothing later.
 */
import { readChanges, type EpisodeDiff } from './episode-diff.ts';
import { BASE_SCHEMA, EpisodeConnection } from './episode-connection.ts';
import { acquireSnapshot, releaseSnapshot } from './episode-snapshot.ts';
import type { Org } from './org.ts';

/**
 * What an episode's connection costs apart from the tables it copies (SQLite's parse of the snapshot's
 * schema, its page cache, the org's statements and caches): 1,000 scale-1 episodes that wrote a Task
 * and an Account (268 KB of tables) grew RSS by 1.10-1.16 MB each in `npm run bench -- episodes`.
 * Counted against the memory cap with the tables it copies.
 */
export const CONNECTION_BYTES = 832 * 1024;

export interface EpisodeOptions {
  /** Called with the bytes a table copy will take, before it is made; throws to refuse it. */
  budget?: (bytes: number) => void;
}

export class Episode {
  private own: EpisodeConnection | undefined;
  /** Bytes of the tables copied so far (as the snapshot measured them), while the connection lives. */
  private copiedBytes = 0;
  /** Query cursors the episode opened on its base before it wrote (made when the first is noted). */
  private baseCursors: Set<string> | undefined;

  constructor(
    readonly base: Org,
    private readonly opts: EpisodeOptions = {},
  ) {}

  /** Whether the episode has its own connection (it has written, or been handed out for writing). */
  get materialized(): boolean {
    return this.own !== undefined;
  }

  /**
   * Bytes the episode holds apart from its base, as counted against the memory cap: its connection
   * and the tables it copied (their size in the snapshot). Rows it adds afterwards are not counted.
   */
  get bytes(): number {
    return this.own ? CONNECTION_BYTES + this.copiedBytes : 0;
  }

  /** The pages the episode's own databases hold now (main and temp), for reports. */
  pageBytes(): number {
    return this.own?.ownBytes() ?? 0;
  }

  /** Bytes the episode's own connection will take if made now (tables it copies are counted as they are). */
  projectedBytes(): number {
    return this.own ? 0 : CONNECTION_BYTES;
  }

  /** The tables the episode copied because it wrote them. */
  copiedTables(): string[] {
    return this.own?.copiedTables() ?? [];
  }

  /** The org to read from: the base itself until the episode writes. */
  readOrg(): Org {
    return this.own?.org ?? this.base;
  }

  /** The org to write to: the episode's own, made on first use. */
  writeOrg(): Org {
    if (!this.own) {
      const snapshot = acquireSnapshot(this.base);
      try {
        const budget = this.opts.budget;
        this.copiedBytes = 0;
        this.own = new EpisodeConnection(snapshot, {
          now: this.base.clock.nowIso(),
          budget: (bytes) => {
            budget?.(bytes);
            this.copiedBytes += bytes;
          },
        });
      } catch (e) {
        releaseSnapshot(this.base, snapshot);
        throw e;
      }
    }
    return this.own.org;
  }

  /**
   * A query cursor this episode opened while it read its base: its next pages stay on the base after
   * the episode's first write (the cursor holds the rows as they were when the query ran).
   */
  noteBaseCursor(id: string): void {
    (this.baseCursors ??= new Set()).add(id);
  }

  hasBaseCursor(id: string): boolean {
    return this.baseCursors?.has(id) ?? false;
  }

  /**
   * Back to the base: everything written is gone. The episode reads its base again at once; closing
   * its connection (SQLite freeing the snapshot's parsed schema and the copies, ~1 ms) happens right
   * after, off the caller's path, so reset costs the same whether or not the episode wrote.
   */
  reset(): void {
    const own = this.own;
    if (!own) return;
    this.own = undefined;
    const base = this.base;
    setImmediate(() => {
      own.close();
      releaseSnapshot(base, own.snapshot);
    });
  }

  /** What the episode changed against its base, per object (empty while it has not written). */
  diff(): EpisodeDiff {
    return this.own ? readChanges(this.own.db, BASE_SCHEMA) : {};
  }

  /** Drop the episode: its connection is closed now. */
  close(): void {
    const own = this.own;
    if (!own) return;
    this.own = undefined;
    own.close();
    releaseSnapshot(this.base, own.snapshot);
  }
}
