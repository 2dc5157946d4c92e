/**
 * The local TLS setup for the HTTPS listener: a CA and a server certificate for localhost,
 * 127.0.0.1 and ::1, generated once into the data directory and reused. simple-salesforce only
 * builds https:// URLs (reference/salesforce-api.md §0.4), so clients trust `ca.pem`
 * (REQUESTS_CA_BUNDLE, NODE_EXTRA_CA_CERTS). Keys come from Node's crypto (fast, native); node-forge
 * writes the X.509 certificates. The keys are not seeded: they are local secrets, not org data.
 */
import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type forgeType from 'node-forge';

// node-forge is only needed the first time (to write certificates); loading it costs ~0.1 s.
let forgeModule: typeof forgeType | undefined;
function forgeLib(): typeof forgeType {
  forgeModule ??= createRequire(import.meta.url)('node-forge') as typeof forgeType;
  return forgeModule;
}

export interface TlsFiles {
  caCertFile: string;
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
  ca: string;
}

/** Load the CA and server certificate from `dir`, creating them the first time. */
export function ensureTls(dir: string, hosts: readonly string[] = []): TlsFiles {
  mkdirSync(dir, { recursive: true });
  const caCertFile = join(dir, 'ca.pem');
  const caKeyFile = join(dir, 'ca-key.pem');
  const certFile = join(dir, 'server.pem');
  const keyFile = join(dir, 'server-key.pem');
  const wanted = ['localhost', '127.0.0.1', '::1', ...hosts];
  if (![caCertFile, caKeyFile, certFile, keyFile].every((f) => existsSync(f)) || !coversHosts(readFileSync(certFile, 'utf8'), wanted)) {
    const ca = existsSync(caCertFile) && existsSync(caKeyFile)
      ? { cert: readFileSync(caCertFile, 'utf8'), key: readFileSync(caKeyFile, 'utf8') }
      : makeCa();
    writeFileSync(caCertFile, ca.cert);
    writeFileSync(caKeyFile, ca.key, { mode: 0o600 });
    const server = makeServerCert(ca, wanted);
    writeFileSync(certFile, server.cert);
    writeFileSync(keyFile, server.key, { mode: 0o600 });
  }
  const ca = readFileSync(caCertFile, 'utf8');
  // Serve the chain (server cert + CA) so clients that trust only the CA can verify it.
  return { caCertFile, certFile, keyFile, cert: readFileSync(certFile, 'utf8') + ca, key: readFileSync(keyFile, 'utf8'), ca };
}

function rsaKeyPair(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function serial(): string {
  // Positive 16-byte serial (leading nibble < 8 keeps the DER integer positive).
  const b = randomBytes(16);
  b[0] = b[0]! & 0x7f;
  return b.toString('hex');
}

function makeCa(): { cert: string; key: string } {
  const forge = forgeLib();
  const keys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600e3);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600e3);
  const attrs = [{ name: 'commonName', value: 'mockforce local CA' }, { name: 'organizationName', value: 'mockforce' }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keys.privatePem), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.privatePem };
}

function makeServerCert(ca: { cert: string; key: string }, hosts: readonly string[]): { cert: string; key: string } {
  const forge = forgeLib();
  const keys = rsaKeyPair();
  const caCert = forge.pki.certificateFromPem(ca.cert);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600e3);
  // Under 398 days: what current TLS clients accept for a leaf certificate.
  cert.validity.notAfter = new Date(Date.now() + 397 * 24 * 3600e3);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'mockforce' }]);
  cert.setIssuer(caCert.subject.attributes);
  const altNames = [...new Set(hosts)].map((h) => (/^[\d.]+$/.test(h) || h.includes(':') ? { type: 7, ip: h } : { type: 2, value: h }));
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.key), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: keys.privatePem };
}

/** Whether the certificate is still valid for a month and names every host. */
function coversHosts(pem: string, hosts: readonly string[]): boolean {
  try {
    const cert = new X509Certificate(pem);
    if (Date.parse(cert.validTo) < Date.now() + 30 * 24 * 3600e3) return false;
    // subjectAltName reads like `DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1`.
    return hosts.every((h) => (h.includes(':') || /^[\d.]+$/.test(h) ? cert.checkIP(h) !== undefined : cert.checkHost(h) !== undefined));
  } catch {
    return false;
  }
}
