import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readOptions, type PodLogOptions } from './options.js';
import { readLogs, type FollowHooks } from './reader.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function logFile(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cri-log-'));
  dirs.push(dir);
  const path = join(dir, '0.log');
  writeFileSync(path, lines.map((l) => l + '\n').join(''));
  return path;
}

const T = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000000000Z`;
const FILE = [
  `${T(1)} stdout F one`,
  `${T(2)} stderr F two`,
  `${T(3)} stdout P thr`,
  `${T(3)} stdout P e`,
  `${T(3)} stdout F e`,
  `${T(4)} stdout F four`,
];
const NOW = Date.parse('2026-01-01T00:00:05Z');

const done: FollowHooks = { running: () => false, wait: async () => {}, signal: new AbortController().signal };

async function read(path: string, o: Partial<PodLogOptions>, hooks = done): Promise<string> {
  const out: Buffer[] = [];
  await readLogs(path, readOptions({ follow: false, previous: false, timestamps: false, ...o }, NOW), (b) => out.push(b), hooks);
  return Buffer.concat(out).toString();
}

describe('readLogs', () => {
  it.each<[string, Partial<PodLogOptions>, string]>([
    ['everything, stdout and stderr in file order, partial entries joined', {}, 'one\ntwo\nthree\nfour\n'],
    ['tailLines counts file lines (a partial entry is one)', { tailLines: 2 }, 'e\nfour\n'],
    ['tailLines 1', { tailLines: 1 }, 'four\n'],
    ['tailLines 0', { tailLines: 0 }, ''],
    ['tailLines beyond the file', { tailLines: 50 }, 'one\ntwo\nthree\nfour\n'],
    ['timestamps: RFC3339NanoFixed and a space before each entry', { timestamps: true, tailLines: 2 }, `${T(3)} e\n${T(4)} four\n`],
    ['sinceSeconds keeps entries at or after now - s', { sinceSeconds: 2 }, 'three\nfour\n'],
    ['sinceTime', { sinceTime: '2026-01-01T00:00:02Z' }, 'two\nthree\nfour\n'],
    ['limitBytes cuts mid-line', { limitBytes: 6 }, 'one\ntw'],
    ['limitBytes counts the timestamp', { limitBytes: 34, timestamps: true }, `${T(1)} one`],
  ])('%s', async (_name, o, want) => {
    expect(await read(logFile(FILE), o)).toBe(want);
  });

  it('keeps a zone other than UTC as written, and prints +00:00 as Z', async () => {
    const path = logFile(['2026-01-01T02:00:00.5+02:00 stdout F a', '2026-01-01T00:00:01.25+00:00 stdout F b']);
    expect(await read(path, { timestamps: true })).toBe('2026-01-01T02:00:00.500000000+02:00 a\n2026-01-01T00:00:01.250000000Z b\n');
  });

  it('skips lines that are not CRI entries and reads a last line without its newline', async () => {
    const path = logFile(['garbage', `${T(1)} stdout F ok`]);
    appendFileSync(path, `${T(2)} stdout F no newline yet`);
    expect(await read(path, {})).toBe('ok\nno newline yet');
  });

  it('answers nothing for a run that never wrote (no file)', async () => {
    expect(await read(join(tmpdir(), 'no-such-dir-for-logs', '0.log'), {})).toBe('');
  });
});

describe('readLogs with follow', () => {
  it('streams what the container appends, and stops once it has exited and the file is drained', async () => {
    const path = logFile([`${T(1)} stdout F start`]);
    const got: string[] = [];
    let running = true;
    let waits = 0;
    const hooks: FollowHooks = {
      running: () => running,
      signal: new AbortController().signal,
      wait: async () => {
        waits++;
        if (waits === 1) appendFileSync(path, `${T(2)} stdout P half \n`);
        if (waits === 2) appendFileSync(path, `${T(2)} stdout F line\n${T(3)} stdout F ha`);
        if (waits === 3) {
          appendFileSync(path, `lf\n${T(4)} stderr F last words\n`);
          running = false;
        }
      },
    };
    await readLogs(path, readOptions({ follow: true, previous: false, timestamps: false, tailLines: 0 }, NOW), (b) => got.push(b.toString()), hooks);
    expect(got.join('')).toBe('half line\nhalf\nlast words\n');
    expect(waits).toBe(3);
  });

  it('returns when the client goes away', async () => {
    const path = logFile([`${T(1)} stdout F a`]);
    const ac = new AbortController();
    const hooks: FollowHooks = { running: () => true, signal: ac.signal, wait: async () => ac.abort() };
    expect(await read(path, { follow: true }, hooks)).toBe('a\n');
  });

  it('reads everything at once for a container that already stopped', async () => {
    let asked = 0;
    const hooks: FollowHooks = { running: () => (asked++, false), signal: new AbortController().signal, wait: async () => { throw new Error('no wait'); } };
    expect(await read(logFile(FILE), { follow: true, tailLines: 1 }, hooks)).toBe('four\n');
    expect(asked).toBe(1);
  });
});
