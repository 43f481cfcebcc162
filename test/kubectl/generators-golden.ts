// The golden transcript of client-side generators (shared/reference/kubectl/generators.jsonl):
// reading the records, deciding which belong to the create/run module, and replaying one in a
// temporary directory whose KUBECONFIG is an empty file (server http://localhost:8080, refused).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunResult } from '../support/cluster.js';
import { runOurs } from './in-process.js';

export const GOLDEN_FILE = '/work/shared/reference/kubectl/generators.jsonl';

export interface GoldenRecord {
  id: string;
  argv: string[];
  files?: Record<string, string>;
  stdin?: string;
  stdout: string;
  stderr: string;
  exit: number;
  server?: string;
  note?: string;
}

export function readGolden(path = GOLDEN_FILE): GoldenRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as GoldenRecord);
}

/** Whether a record exercises a generator (create <generator>, bare create, run). */
export function isGenerator(r: GoldenRecord): boolean {
  const [, verb, ...rest] = r.argv;
  if (verb === 'run') return true;
  if (verb !== 'create') return false;
  return !rest.some((a) => a === '-f' || a.startsWith('--filename') || a === '-k' || a.startsWith('--kustomize') || /^-f./.test(a));
}

export const needsServer = (r: GoldenRecord): boolean => r.server === 'mock' || r.id.endsWith('@mock-server');

/** klog headers carry the time and pid; the transcripts fixed them to one value. */
export function fixKlog(text: string): string {
  return text.replace(/^([EWI])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm, '$10101 00:00:00.000000   12345 ');
}

/** A case captured from the real kubectl offline (generators-capture.mjs). */
export interface OfflineCase {
  args: string[];
  files?: Record<string, string>;
  stdin?: string;
  stdout: string;
  stderr: string;
  exit: number;
}

/** Runs ours on argv (after `kubectl`) in a fresh directory holding the files. */
export async function runOffline(args: string[], files: Record<string, string> = {}, stdin?: string): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-gen-'));
  try {
    writeFileSync(join(dir, 'kubeconfig'), '');
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text, rel.endsWith('.bin') ? 'latin1' : 'utf8');
    }
    const env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') };
    const res = await runOurs(args, env, { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });
    return { stdout: res.stdout, stderr: fixKlog(res.stderr), code: res.code };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function replayOffline(r: GoldenRecord): Promise<RunResult> {
  return runOffline(r.argv.slice(1), r.files, r.stdin);
}
