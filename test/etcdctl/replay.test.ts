// Replays the recorded etcdctl cases (see harness/) for every client/server pairing available:
//   ours-ours  our etcdctl vs our etcd
//   real-ours  the real etcdctl vs our etcd   (proves the server)
//   ours-real  our etcdctl vs the real etcd   (proves the client)
//   real-real  the real etcdctl vs the real etcd: proves the harness itself (every case must pass).
// By default only real-ours and ours-real run (where the real etcd and etcdctl are installed, as CI
// installs them): each proves one of ours against the real other side, which ours-ours cannot add
// to. ours-ours (the pairing when the real binaries are absent) and real-real run on demand
// (REPLAY_PAIRING=ours-ours), or by default when a real binary is missing, to keep CI short.
// pending.json lists, per pairing, the cases that cannot pass there, each with its reason; a
// listed case that passes fails the test, so the lists only shrink.
// REPLAY_FILTER=<regex on id or group> and REPLAY_PAIRING=<regex on the key> choose a run;
// REPLAY_KEEP=1 keeps each case's directory. A summary (per-case results, times) is written to
// $TMPDIR/kubedojo-replay/<key>.json.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterCases, loadCases } from './harness/cases.js';
import { generateCerts } from './harness/certs.js';
import { OUR_ETCDCTL, REAL_ETCDCTL, type Client } from './harness/clients.js';
import { lockPorts, unlockPorts } from './harness/port-lock.js';
import { runCase, type CaseResult } from './harness/runner.js';
import { OUR_ETCD, REAL_ETCD, type ServerImpl } from './harness/server.js';

interface PairingSpec {
  key: string;
  client: Client;
  server: ServerImpl;
  pending: Record<string, string>;
}

const allCases = loadCases();
const cases = filterCases(allCases, process.env.REPLAY_FILTER);
const pendingFile = join(import.meta.dirname, 'pending.json');
const pending = JSON.parse(readFileSync(pendingFile, 'utf8')) as Record<string, Record<string, string>>;

const realInstalled = REAL_ETCDCTL.unavailable() === null && REAL_ETCD.unavailable() === null;
const DEFAULT_PAIRINGS = realInstalled ? '^(real-ours|ours-real)$' : '^ours-ours$';
const pairings: PairingSpec[] = [
  { key: 'ours-ours', client: OUR_ETCDCTL, server: OUR_ETCD, pending: pending['ours-ours'] ?? {} },
  { key: 'real-ours', client: REAL_ETCDCTL, server: OUR_ETCD, pending: pending['real-ours'] ?? {} },
  { key: 'ours-real', client: OUR_ETCDCTL, server: REAL_ETCD, pending: pending['ours-real'] ?? {} },
  { key: 'real-real', client: REAL_ETCDCTL, server: REAL_ETCD, pending: {} },
].filter((p) => new RegExp(process.env.REPLAY_PAIRING ?? DEFAULT_PAIRINGS).test(p.key));

function unavailable(p: PairingSpec): string | null {
  return p.client.unavailable() ?? p.server.unavailable();
}

function writeSummary(p: PairingSpec, results: CaseResult[], ms: number): void {
  const dir = join(tmpdir(), 'kubedojo-replay');
  mkdirSync(dir, { recursive: true });
  const passed = results.filter((r) => r.passed).length;
  const summary = { pairing: p.key, cases: results.length, passed, seconds: ms / 1000, results };
  writeFileSync(join(dir, `${p.key}.json`), `${JSON.stringify(summary, null, 1)}\n`);
  console.log(`replay ${p.key}: ${passed}/${results.length} cases passed in ${(ms / 1000).toFixed(1)}s`);
}

describe('pending.json', () => {
  it('names only pairings and recorded cases, each with a reason', () => {
    const known = new Set(allCases.map((c) => c.id));
    for (const [pairing, list] of Object.entries(pending)) {
      expect(['ours-ours', 'real-ours', 'ours-real'], `unknown pairing ${pairing}`).toContain(pairing);
      for (const [id, reason] of Object.entries(list)) {
        expect(known.has(id), `unknown case ${id}`).toBe(true);
        expect(reason.trim(), `no reason for ${id}`).not.toBe('');
      }
    }
  });
});

for (const p of pairings) {
  const why = unavailable(p);
  describe.skipIf(why !== null)(`replay ${p.key}: ${p.client.name} vs ${p.server.name}${why ? ` (skipped: ${why})` : ''}`, () => {
    const results: CaseResult[] = [];
    let certDir = '';
    let t0 = 0;
    beforeAll(async () => {
      await lockPorts();
      t0 = Date.now();
      if (cases.some((c) => c.certs === true || c.server === 'tls')) certDir = generateCerts();
    }, 16 * 60_000);
    afterAll(() => {
      unlockPorts();
      if (certDir !== '') rmSync(certDir, { recursive: true, force: true });
      writeSummary(p, results, Date.now() - t0);
    });
    for (const c of cases) {
      it(c.id, async () => {
        const r = await runCase(c, { client: p.client, server: p.server, certDir });
        results.push(r);
        const reason = p.pending[c.id];
        if (reason !== undefined) {
          expect(r.passed, `${c.id} is pending (${reason}) but now passes: remove it from pending.json`).toBe(false);
          return;
        }
        expect(r.passed, [...r.problems, ...r.notes].join('\n')).toBe(true);
      }, 120_000);
    }
  });
}
