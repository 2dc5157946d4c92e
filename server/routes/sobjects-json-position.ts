/**
 * Where a value sits in a raw JSON body, so a value of the wrong kind can be reported the way
 * Salesforce's deserializer reports it: `... at [line:1, column:28]`, the 1-based position just
 * after the offending token (Jackson's current location). Only called on the error path, on text
 * JSON.parse already accepted.
 */

export interface Position {
  line: number;
  column: number;
  /** For an object or array value: just after its opening bracket, where Jackson reports it. */
  open?: { line: number; column: number };
}

type PathSeg = string | number;

/** Position after the value at `path` (object keys and array indexes), or undefined. */
export function locateValue(raw: string, path: readonly PathSeg[]): Position | undefined {
  let i = 0;
  const ws = () => {
    while (i < raw.length && ' \t\r\n'.includes(raw[i]!)) i++;
  };
  const skipString = (): string => {
    const start = i;
    i++;
    while (i < raw.length && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(raw.slice(start, i)) as string;
  };
  const skipValue = (): void => {
    ws();
    const c = raw[i];
    if (c === '"') {
      skipString();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (raw[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          skipString();
          ws();
          i++; // colon
        }
        skipValue();
        ws();
        if (raw[i] === ',') {
          i++;
          continue;
        }
        i++; // closing bracket
        return;
      }
    }
    while (i < raw.length && !',}] \t\r\n'.includes(raw[i]!)) i++;
  };
  // Walk down the path: inside each container, find the member, then continue from its value.
  let start = -1;
  const descend = (depth: number): boolean => {
    ws();
    if (depth === path.length) {
      start = i;
      skipValue();
      return true;
    }
    const seg = path[depth]!;
    const c = raw[i];
    if (c === '{' && typeof seg === 'string') {
      i++;
      ws();
      if (raw[i] === '}') return false;
      for (;;) {
        ws();
        const key = skipString();
        ws();
        i++; // colon
        if (key === seg) return descend(depth + 1);
        skipValue();
        ws();
        if (raw[i] !== ',') return false;
        i++;
      }
    }
    if (c === '[' && typeof seg === 'number') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (raw[i] === ']') return false;
        if (n === seg) return descend(depth + 1);
        skipValue();
        ws();
        if (raw[i] !== ',') return false;
        i++;
      }
    }
    return false;
  };
  try {
    if (!descend(0)) return undefined;
  } catch {
    return undefined;
  }
  const at = (pos: number) => {
    const before = raw.slice(0, pos).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  };
  const opens = raw[start] === '{' || raw[start] === '[';
  return { ...at(i), ...(opens ? { open: at(start + 1) } : {}) };
}
