/**
 * TLS for startOrg({ https: true }). With a data directory, the CA and certificate live in its
 * `tls/` folder like `mockforce serve`'s. Without one, they are made once per process (two RSA keys:
 * a few hundred ms) into a temp folder that is removed at once, and each org writes only its CA
 * file, into its own temp folder removed by stop(): nothing is left behind.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTls } from '../../server/tls.ts';

export interface ApiTls {
  key: string;
  cert: string;
  caFile: string;
  /** Remove what this org wrote (nothing when the files belong to a data directory). */
  dispose(): void;
}

let material: { key: string; cert: string; ca: string } | undefined;

export function apiTls(dataDir: string | undefined): ApiTls {
  if (dataDir !== undefined) {
    const tls = ensureTls(join(dataDir, 'tls'));
    return { key: tls.key, cert: tls.cert, caFile: tls.caCertFile, dispose: () => {} };
  }
  if (!material) {
    const scratch = mkdtempSync(join(tmpdir(), 'mockforce-tls-'));
    try {
      const tls = ensureTls(scratch);
      material = { key: tls.key, cert: tls.cert, ca: tls.ca };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'mockforce-ca-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, material.ca);
  return { key: material.key, cert: material.cert, caFile, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
