import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SPECS } from '../../specs/index.js';
import { buildTree } from '../../tree.js';
import { findPlugin } from './dispatch.js';
import { listPlugins, verifyPlugin } from './scan.js';

const dir = mkdtempSync(join(tmpdir(), 'kubectl-plugins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plugin(path: string, mode = 0o755): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), '#!/bin/sh\n');
  chmodSync(join(dir, path), mode);
}

plugin('a/kubectl-foo');
plugin('a/kubectl-get');
plugin('a/kubectl-noexec', 0o644);
plugin('a/other');
mkdirSync(join(dir, 'a/kubectl-dir'));
symlinkSync('/nope', join(dir, 'a/kubectl-broken'));
plugin('b/kubectl-foo');
plugin('b/kubectl-create-fancy');

describe('plugin list scan (as the real kubectl v1.32.4 printed it for the same PATH)', () => {
  const path = [join(dir, 'a'), join(dir, 'nope'), '', join(dir, 'b'), join(dir, 'a')].join(':');

  it('lists kubectl-* entries that are not directories, each PATH directory once', () => {
    const { plugins, skipped } = listPlugins(path);
    expect(plugins).toEqual(['a/kubectl-broken', 'a/kubectl-foo', 'a/kubectl-get', 'a/kubectl-noexec', 'b/kubectl-create-fancy', 'b/kubectl-foo'].map((p) => join(dir, p)));
    expect(skipped).toEqual([`Unable to read directory "${join(dir, 'nope')}" from your PATH: open ${join(dir, 'nope')}: no such file or directory. Skipping...\n`]);
  });

  it('warns about each as CommandOverrideVerifier does', () => {
    const root = buildTree(SPECS);
    const seen = new Map<string, string>();
    const warnings = listPlugins(path).plugins.map((p) => verifyPlugin(root, p, seen));
    const a = join(dir, 'a');
    expect(warnings).toEqual([
      [`error: unable to identify ${a}/kubectl-broken as an executable file: stat ${a}/kubectl-broken: no such file or directory`],
      [],
      ['warning: kubectl-get overwrites existing command: "kubectl get"'],
      [`warning: ${a}/kubectl-noexec identified as a kubectl plugin, but it is not executable`],
      ['warning: kubectl-create-fancy overwrites existing command: "kubectl create"'],
      [`warning: ${join(dir, 'b')}/kubectl-foo is overshadowed by a similarly named plugin: ${a}/kubectl-foo`],
    ]);
  });
});

describe('the plugin for a command line (HandlePluginCommand)', () => {
  const have = new Set(['kubectl-foo', 'kubectl-foo-bar', 'kubectl-create-fancy', 'kubectl-a_b']);
  const lookup = (name: string) => (have.has(name) ? `/p/${name}` : undefined);
  it.each([
    [['foo', 'x', '-y'], 1, { path: '/p/kubectl-foo', args: ['x', '-y'] }],
    [['foo', 'bar', 'z'], 1, { path: '/p/kubectl-foo-bar', args: ['z'] }],
    [['a-b', 'c'], 1, { path: '/p/kubectl-a_b', args: ['c'] }],
    [['foo-bar'], 1, undefined],
    [['nope', 'x'], 1, undefined],
    [['-n', 'default', 'foo'], 1, { error: 'flags cannot be placed before plugin name: -n' }],
    [['create', 'fancy', '1'], 2, { path: '/p/kubectl-create-fancy', args: ['1'] }],
    [['create', 'nope'], 2, undefined],
  ])('%j', (argv, minArgs, want) => {
    expect(findPlugin(argv, minArgs, lookup)).toEqual(want);
  });
});
