/**
 * Record/replay of model calls. A cassette maps the hash of a request (canonical JSON of everything
 * sent: model, messages, tools, sampling settings) to the response. Replay answers from the file alone
 * and never touches a network, so an evaluation replays deterministically and for free; a miss is an
 * error naming the request, never a silent live call. Entries are kept sorted by hash so a cassette
 * recorded with concurrent episodes has the same bytes every time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ModelError, type ChatModel, type ChatRequest, type ChatResponse } from './chat-types.ts';

export interface CassetteEntry {
  hash: string;
  /** Enough of the request for a person reading the file: the model and the last message. */
  model: string;
  last: string;
  response: ChatResponse;
}

interface CassetteFile {
  version: 1;
  entries: CassetteEntry[];
}

/** JSON with object keys sorted at every level: the same request always hashes the same. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + entries.map(([k, x]) => JSON.stringify(k) + ':' + canonicalJson(x)).join(',') + '}';
  }
  return JSON.stringify(v ?? null);
}

export function requestHash(req: ChatRequest): string {
  return createHash('sha256').update(canonicalJson(req)).digest('hex');
}

function summarize(req: ChatRequest): string {
  const last = req.messages.at(-1);
  const text = last ? `${last.role}: ${last.content ?? ''}` : '';
  return text.length > 200 ? text.slice(0, 200) + '…' : text;
}

export class Cassette {
  private readonly entries = new Map<string, CassetteEntry>();
  private dirty = false;
  private lastSave = 0;

  constructor(readonly path: string) {
    if (existsSync(path)) {
      let parsed: CassetteFile;
      try {
        parsed = JSON.parse(readFileSync(path, 'utf8')) as CassetteFile;
      } catch (e) {
        throw new ModelError(`cassette ${path} is not valid JSON: ${(e as Error).message}`);
      }
      if (parsed?.version !== 1 || !Array.isArray(parsed.entries)) throw new ModelError(`cassette ${path} has an unknown format`);
      for (const e of parsed.entries) this.entries.set(e.hash, e);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(hash: string): CassetteEntry | undefined {
    return this.entries.get(hash);
  }

  /**
   * Adds an entry. The file is rewritten at most once a second while recording (rewriting it on every
   * entry is quadratic over a 1,000-episode run), so an interruption loses at most a second of
   * answers; `flush()` writes the rest.
   */
  put(req: ChatRequest, hash: string, response: ChatResponse, now = Date.now()): void {
    this.entries.set(hash, { hash, model: req.model, last: summarize(req), response });
    this.dirty = true;
    if (now - this.lastSave >= 1000) {
      this.save();
      this.lastSave = now;
    }
  }

  /** Writes pending entries, if any. */
  flush(): void {
    if (this.dirty) this.save();
  }

  /** Writes the whole cassette atomically. */
  save(): void {
    this.dirty = false;
    const sorted = [...this.entries.values()].sort((a, b) => (a.hash < b.hash ? -1 : 1));
    const body: CassetteFile = { version: 1, entries: sorted };
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(body, null, 1) + '\n');
    renameSync(tmp, this.path);
  }
}

/** Answers only from the cassette. */
export class ReplayModel implements ChatModel {
  constructor(private readonly cassette: Cassette) {}

  async complete(req: ChatRequest): Promise<ChatResponse> {
    const hash = requestHash(req);
    const hit = this.cassette.get(hash);
    if (!hit) {
      throw new ModelError(`no recorded response in ${this.cassette.path} for request ${hash.slice(0, 12)} (${summarize(req)}); re-record the cassette`);
    }
    return structuredClone(hit.response);
  }
}

/** Answers from the cassette when it can, otherwise asks the inner model and records the answer. */
export class RecordingModel implements ChatModel {
  constructor(
    private readonly inner: ChatModel,
    readonly cassette: Cassette,
  ) {}

  flush(): void {
    this.cassette.flush();
  }

  async complete(req: ChatRequest): Promise<ChatResponse> {
    const hash = requestHash(req);
    const hit = this.cassette.get(hash);
    if (hit) return structuredClone(hit.response);
    const res = await this.inner.complete(req);
    this.cassette.put(req, hash, res);
    return res;
  }
}
