import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tar from 'tar-stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveEnd } from './archive-end.js';
import { archivePrefix, extractFileSpec, FILESPEC_FORMAT, isRelative, joinLocal, remoteDir, stripPathShortcuts } from './filespec.js';
import { untarAll } from './from-pod.js';

describe('file specs (extractFileSpec)', () => {
  it.each([
    ['a/b.txt', { podName: '', podNamespace: '', file: 'a/b.txt' }],
    ['dir/', { podName: '', podNamespace: '', file: 'dir' }],
    ['web:/tmp/x', { podName: 'web', podNamespace: '', file: '/tmp/x' }],
    ['ns/web:/tmp/x/', { podName: 'web', podNamespace: 'ns', file: '/tmp/x' }],
    ['web:c:\\x\\y', { podName: 'web', podNamespace: '', file: 'c:/x/y' }],
    ['web:', { podName: 'web', podNamespace: '', file: '' }],
  ])('%s', (arg, want) => {
    expect(extractFileSpec(arg)).toEqual(want);
  });

  it.each([':x', 'a/b/c:x'])('%s does not match the format', (arg) => {
    expect(() => extractFileSpec(arg)).toThrow(FILESPEC_FORMAT);
  });
});

describe('path rules', () => {
  it.each([
    ['../../x', 'x'], ['..', ''], ['.', ''], ['/abs', 'abs'], ['a/../b', 'a/../b'],
  ])('stripPathShortcuts(%s) = %s', (p, want) => {
    expect(stripPathShortcuts(p)).toBe(want);
  });

  it.each([
    ['/tmp/x', 'tmp/x'], ['//tmp/./x/', 'tmp/x'], ['tmp/../../x', 'x'], ['/', ''],
  ])('archivePrefix(%s) = %s', (p, want) => {
    expect(archivePrefix(p)).toBe(want);
  });

  it.each([
    ['o', '', 'o'], ['o', '/f', 'o/f'], ['./o/', 'a/', 'o/a'], ['o', '/../../x', '../x'], ['', '', ''],
  ])('joinLocal(%s, %s) = %s', (a, b, want) => {
    expect(joinLocal(a, b)).toBe(want);
  });

  it.each([
    ['o', 'o', true], ['o', 'o/a', true], ['o', 'x', false], ['o', '../x', false],
  ])('isRelative(%s, %s) = %s', (base, target, want) => {
    expect(isRelative(base, target, '/w')).toBe(want);
  });

  it.each([['x', '.'], ['/x', '/'], ['/a/b/', '/a'], ['a/b', 'a']])('remoteDir(%s) = %s', (p, want) => {
    expect(remoteDir(p)).toBe(want);
  });
});

async function archive(entries: { name: string; type?: 'file' | 'directory' | 'symlink'; linkname?: string; data?: string }[], end = true): Promise<Buffer> {
  const pack = tar.pack();
  for (const e of entries) pack.entry({ name: e.name, type: e.type ?? 'file', ...(e.linkname ? { linkname: e.linkname } : {}) }, e.data ?? '');
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const c of pack as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  const all = Buffer.concat(chunks);
  return end ? all : all.subarray(0, all.length - 1024);
}

describe('where Go\'s tar reader stops (ArchiveEnd)', () => {
  it.each([
    ['a whole archive', true, true],
    ['an archive without its end blocks', false, false],
  ])('%s', async (_what, withEnd, done) => {
    const bytes = await archive([{ name: 'tmp/a', data: 'x'.repeat(700) }, { name: 'tmp/d', type: 'directory' }], withEnd);
    const end = new ArchiveEnd();
    for (let i = 0; i < bytes.length; i += 100) end.feed(bytes.subarray(i, i + 100));
    expect(end.done).toBe(done);
  });

  it('is not fooled by zero blocks inside a file', async () => {
    const end = new ArchiveEnd();
    end.feed((await archive([{ name: 'z', data: '\0'.repeat(2048) }])).subarray(0, 512 + 2048));
    expect(end.done).toBe(false);
  });
});

describe('untarAll', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function untar(src: string, dest: string, entries: Parameters<typeof archive>[0]): Promise<{ warnings: string; files: string[]; error?: string }> {
    dir = mkdtempSync(join(tmpdir(), 'cp-untar-'));
    let warnings = '';
    const extract = tar.extract();
    const done = untarAll({ src: { podName: 'web', podNamespace: '', file: src }, dest, stderr: { write: (c) => (warnings += String(c)) }, cwd: dir }, extract);
    extract.end(await archive(entries));
    const error = await done.then(() => undefined, (e: Error) => e.message);
    const files = readdirSync(dir, { recursive: true }).map(String).sort();
    return { warnings, files, ...(error ? { error } : {}) };
  }

  it('puts the members under DEST, the source prefix replaced', async () => {
    const r = await untar('/tmp/d', 'out', [{ name: 'tmp/d/', type: 'directory' }, { name: 'tmp/d/sub/f', data: 'hi' }]);
    expect(r).toEqual({ warnings: '', files: ['out', 'out/sub', 'out/sub/f'] });
    expect(readFileSync(join(dir, 'out/sub/f'), 'utf8')).toBe('hi');
  });

  it('skips symlinks, suggesting tar once (real kubectl v1.32.4 wording, cp.go untarAll)', async () => {
    const r = await untar('/tmp/d', 'out', [{ name: 'tmp/d/l1', type: 'symlink', linkname: '/etc' }, { name: 'tmp/d/l2', type: 'symlink', linkname: 'x' }]);
    expect(r.warnings).toBe(`warning: skipping symlink: "out/l1" -> "/etc" (consider using "kubectl exec -n "" "web" -- tar cf - "/tmp/d" | tar xf -")\n`
      + 'warning: skipping symlink: "out/l2" -> "x"\n');
  });

  it('skips members outside DEST', async () => {
    const r = await untar('/tmp/d', 'out', [{ name: 'tmp/d/../../../evil', data: 'x' }]);
    expect(r.warnings).toBe('warning: file "../../evil" is outside target destination, skipping\n');
  });

  it('refuses members without the prefix', async () => {
    expect((await untar('/tmp/d', 'out', [{ name: 'etc/passwd', data: 'x' }])).error).toBe('tar contents corrupted');
  });
});
