// completion and migrate need no server: compare ours with the real etcdctl 3.4.23 byte for byte.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/etcdctl/main.js';
import type { Io } from '../../src/cli/shared/io.js';

const REAL = '/usr/bin/etcdctl';
const dir = mkdtempSync(join(tmpdir(), 'etcdctl-extra-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ours(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string | Uint8Array) => { stdout += t.toString(); return true; } },
    stderr: { write: (t: string | Uint8Array) => { stderr += t.toString(); return true; } },
    stdin: Readable.from([]), env: {}, cwd: dir,
  } as unknown as Io;
  const code = await main(args, io);
  return { stdout, stderr, code };
}

function real(args: string[]): { stdout: string; stderr: string; code: number } {
  const r = spawnSync(REAL, args, { cwd: dir, env: { PATH: process.env.PATH }, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

const CASES: string[][] = [
  ['completion', 'bash'], ['completion', 'bash', '--no-descriptions'], ['completion', 'zsh'],
  ['completion', 'fish', '--no-descriptions'], ['completion', 'powershell'], ['completion', 'bash', 'x'],
  ['migrate'], ['migrate', '--data-dir', 'nope'], ['migrate', '--data-dir', 'ours'],
  ['migrate', '--data-dir', 'ours', '--wal-dir', 'w'], ['migrate', '--data-dir', 'walless'],
  ['migrate', '--transformer', '/nonexistent'],
];

describe.skipIf(!existsSync(REAL))('etcdctl completion/migrate against the real etcdctl', () => {
  mkdirSync(join(dir, 'ours', 'member', 'snap'), { recursive: true });
  for (const f of ['db', 'db-wal']) writeFileSync(join(dir, 'ours', 'member', 'snap', f), '');
  mkdirSync(join(dir, 'walless', 'member', 'wal'), { recursive: true });
  mkdirSync(join(dir, 'walless', 'member', 'snap'), { recursive: true });
  for (const args of CASES) {
    it(args.join(' '), async () => {
      expect(await ours(args)).toEqual(real(args));
    });
  }
});
