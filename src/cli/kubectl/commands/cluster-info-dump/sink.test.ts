import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { genericServerMessage, serverText } from '../../../../client/generic-error.js';
import { ListPrinter, listExtension, outputFor } from './sink.js';

describe('cluster-info dump output', () => {
  it.each([['json', '.json'], ['yaml', '.yaml'], ['jsonpath', '.txt'], ['go-template', '.txt']])('-o %s files end in %s', (kind, ext) => {
    expect(listExtension({ format: { kind, arg: '' }, operation: '', showManagedFields: false } as Parameters<typeof listExtension>[0])).toBe(ext);
  });

  it('refuses -o name for lists (real kubectl: `cluster-info dump -o name`)', () => {
    const p = new ListPrinter({ format: { kind: 'name', arg: '' }, operation: '', showManagedFields: false } as never, false);
    expect(() => p.text({ kind: 'NodeList', apiVersion: 'v1', metadata: {}, items: [] })).toThrow('list types are not supported by name printing: *v1.NodeList');
  });

  it('writes DIR/NAME.EXT, making its parents, and stdout for - or nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dump-'));
    let stdout = '';
    const out = { write: (c: string | Uint8Array) => (stdout += String(c)) };
    outputFor('out', out, dir, 'ns/pod/logs', '.txt').write('a');
    outputFor('-', out, dir, 'nodes', '.json').write('b');
    outputFor('', out, dir, 'nodes', '.json').write('c');
    expect(readFileSync(join(dir, 'out/ns/pod/logs.txt'), 'utf8')).toBe('a');
    expect(stdout).toBe('bc');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('DoRaw\'s generic error (errors.NewGenericServerResponse)', () => {
  it.each([
    // real kubectl v1.32.4, cluster-info dump, a static pod's log answered 404 with a Status
    [404, '{"kind":"Status"}', 'the server could not find the requested resource (get pods etcd-controlplane)'],
    [400, '{"kind":"Status","message":"container is waiting"}', 'the server rejected our request for an unknown reason (get pods etcd-controlplane)'],
    [403, 'forbidden: no', 'forbidden: no (get pods etcd-controlplane)'],
    [500, '{}', 'an error on the server ("unknown") has prevented the request from succeeding (get pods etcd-controlplane)'],
    [502, 'bad gateway\n', 'an error on the server ("bad gateway") has prevented the request from succeeding (get pods etcd-controlplane)'],
    [418, '', 'the server responded with the status code 418 but did not return more information (get pods etcd-controlplane)'],
  ])('%i %j', (code, body, want) => {
    expect(genericServerMessage(code, 'GET', 'pods', 'etcd-controlplane', serverText(body))).toBe(want);
  });
});
