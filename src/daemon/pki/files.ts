// PKI files on disk with kubeadm's modes: private keys and kubeconfigs 0600, certificates and
// public keys 0644, directories 0755. Modes are set explicitly so the umask does not matter.
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const SECRET_MODE = 0o600;
export const PUBLIC_MODE = 0o644;
export const DIR_MODE = 0o755;

/** A certificate and its private key, as PEM text. */
export interface PemPair {
  certPem: string;
  keyPem: string;
}

/** Reads a PEM file; a missing file is an error that names it. */
export async function readPem(path: string): Promise<string> {
  const text = await readPemIfExists(path);
  if (text === undefined) throw new Error(`PEM file "${path}" does not exist`);
  return text;
}

/** Reads a PEM file, or undefined when there is none. */
export async function readPemIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** mkdir -p where every directory this creates gets mode 0755. */
export async function ensureDir(path: string): Promise<void> {
  const first = await mkdir(path, { recursive: true, mode: DIR_MODE });
  if (first === undefined) return;
  for (let dir = path; dir.length >= first.length; dir = dirname(dir)) {
    await chmod(dir, DIR_MODE);
    if (dir === first) break;
  }
}

/** Writes a file atomically (temp file + rename) with the given mode, creating its directory. */
export async function writeFileWithMode(path: string, data: string, mode: number): Promise<void> {
  await ensureDir(dirname(path));
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, data, { mode });
  await chmod(temp, mode);
  await rename(temp, path);
}

/**
 * Loads <base>.crt and <base>.key from dir: both present → the pair, both absent → undefined.
 * Only one of them is kubeadm's "certificate or key exists" error.
 */
export async function loadPair(dir: string, base: string): Promise<PemPair | undefined> {
  const [certPem, keyPem] = await Promise.all([
    readPemIfExists(join(dir, `${base}.crt`)),
    readPemIfExists(join(dir, `${base}.key`)),
  ]);
  if (certPem !== undefined && keyPem !== undefined) return { certPem, keyPem };
  if (certPem === undefined && keyPem === undefined) return undefined;
  const missing = certPem === undefined ? `${base}.crt` : `${base}.key`;
  throw new Error(`"${join(dir, missing)}" is missing but its pair exists: remove both to generate new ones`);
}

export async function writePair(dir: string, base: string, pair: PemPair): Promise<void> {
  await writeFileWithMode(join(dir, `${base}.key`), pair.keyPem, SECRET_MODE);
  await writeFileWithMode(join(dir, `${base}.crt`), pair.certPem, PUBLIC_MODE);
}
