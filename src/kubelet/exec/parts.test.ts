import { describe, expect, it } from 'vitest';
import { resolveCommand } from './command.js';
import { complete, prompt } from './interactive.js';
import { LineDiscipline, onlcr } from './tty.js';

describe('resolving an exec command line in the image', () => {
  it.each([
    [['sh', '-c', 'echo $0 $1', 'zero', 'one'], 'busybox', { kind: 'script', script: 'set -- one\necho $0 $1', dialect: 'busybox', viaShell: true }],
    [['/bin/sh'], 'busybox', { kind: 'shell', shell: 'sh', dialect: 'busybox' }],
    [['bash', '-il'], 'dash', { kind: 'shell', shell: 'bash', dialect: 'dash' }],
    [['bash'], 'busybox', { kind: 'missing', reason: 'exec: "bash": executable file not found in $PATH' }],
    [['ls', '-l', 'a b'], 'busybox', { kind: 'script', script: "ls -l 'a b'", dialect: 'busybox', viaShell: false }],
    [['/usr/bin/env'], 'busybox', { kind: 'script', script: '/usr/bin/env', dialect: 'busybox', viaShell: false }],
    [['/opt/app'], 'busybox', { kind: 'missing', reason: 'exec: "/opt/app": stat /opt/app: no such file or directory' }],
    [['sh'], undefined, { kind: 'missing', reason: 'exec: "sh": executable file not found in $PATH' }],
    [['ls'], undefined, { kind: 'missing', reason: 'exec: "ls": executable file not found in $PATH' }],
  ] as const)('%j in %s', (argv, dialect, want) => {
    expect(resolveCommand([...argv], dialect)).toEqual(want);
  });

  // A shell-less image runs its own tools (kube-proxy's iptables-save) and nothing else.
  it.each([
    [['iptables-save', '-t', 'nat'], { kind: 'script', script: 'iptables-save -t nat', dialect: 'dash', viaShell: false }],
    [['/usr/sbin/iptables-save'], { kind: 'script', script: '/usr/sbin/iptables-save', dialect: 'dash', viaShell: false }],
    [['sh'], { kind: 'missing', reason: 'exec: "sh": executable file not found in $PATH' }],
  ] as const)('%j in kube-proxy', (argv, want) => {
    expect(resolveCommand([...argv], undefined, ['iptables-save'])).toEqual(want);
  });
});

describe('reading commands from input', () => {
  it.each([
    ['echo hi\n', true],
    ['if true; then\n', false],
    ['if true; then\n echo x\nfi\n', true],
    ["echo 'open\n", false],
    ['cat <<EOF\nline\n', false],
    ['cat <<EOF\nline\nEOF\n', true],
    ['cat <<-END\n\tline\n\tEND\n', true],
  ])('%j is complete: %s', (text, want) => {
    expect(complete(text)).toBe(want);
  });

  it.each([
    ['sh', 'busybox', '/', '/ # '],
    ['sh', 'busybox', '/root/x', '~/x # '],
    ['sh', 'dash', '/tmp', '# '],
    ['bash', 'dash', '/root', 'root@web:~# '],
  ] as const)('%s (%s) in %s prompts %j', (shell, dialect, cwd, want) => {
    expect(prompt(shell, dialect, cwd, 'web')).toBe(want);
  });
});

describe('the terminal', () => {
  it('echoes and edits a line, ^C interrupts, ^D ends', async () => {
    let echo = '';
    let interrupts = 0;
    const t = new LineDiscipline({ echo: (s) => (echo += s), interrupt: () => interrupts++ });
    t.feed('lx\x7fs\r\x1b[Aoops\x03pwd\n\x04');
    const lines: string[] = [];
    for await (const l of t.lines) lines.push(l);
    expect(lines).toEqual(['ls\n', 'pwd\n']);
    expect(echo).toBe('lx\b \bs\r\noops^C\r\npwd\r\n');
    expect(interrupts).toBe(1);
    expect(onlcr('a\nb\r\n')).toBe('a\r\nb\r\n');
  });
});

describe('tar creating an archive of absolute paths (kubectl cp from a pod)', () => {
  it('stores the members relative to / and says so', () => {
    expect(resolveCommand(['tar', 'cf', '-', '/shared/file'], 'busybox')).toEqual({
      kind: 'script', script: "echo 'tar: removing leading '\\''/'\\'' from member names' >&2; tar cf - -C / shared/file", dialect: 'busybox', viaShell: false,
    });
    expect(resolveCommand(['tar', 'cf', '-', 'rel'], 'busybox')).toMatchObject({ script: 'tar cf - rel' });
  });
});
