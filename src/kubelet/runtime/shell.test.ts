import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../controllers/framework/testing.js';
import { ShellRun, shellWording } from './shell.js';
import { settle, settleUntil, tickUntil } from '../testing.js';


function run(script: string, env: Record<string, string> = {}) {
  const clock = new FakeClock();
  const out: string[] = [];
  const sh = new ShellRun(script, { HOSTNAME: 'web-1', ...env }, '/', 'busybox', { out: (s, t) => out.push(`${s}:${t}`), timers: clock });
  return { clock, out, sh };
}

describe('ShellRun', () => {
  it('streams output as it is written and sleeps on the fake clock', async () => {
    const { clock, out, sh } = run('echo start; sleep 5; echo "done $GREETING"', { GREETING: 'hi' });
    let code: number | undefined;
    void sh.exited.then((c) => (code = c));
    await settleUntil(() => out.length > 0);
    expect(out).toEqual(['stdout:start\n']);
    expect(code).toBeUndefined();
    // the sleep's timer may be set a little after `start` is out (a lazy import on a loaded machine)
    await tickUntil(clock, 5000, () => out.length > 1 && code !== undefined);
    expect(out).toEqual(['stdout:start\n', 'stdout:done hi\n']);
    expect(code).toBe(0);
  });

  it('reports exit codes, stderr and loops', async () => {
    const { out, sh } = run('for i in 1 2 3; do echo $i; done; echo oops >&2; exit 3');
    expect(await sh.exited).toBe(3);
    expect(out).toEqual(['stdout:1\n', 'stdout:2\n', 'stdout:3\n', 'stderr:oops\n']);
  });

  it('keeps pipes and command substitution inside the script', async () => {
    const { out, sh } = run('echo hello | tr a-z A-Z; X=$(echo inner); echo "got $X"; hostname');
    expect(await sh.exited).toBe(0);
    expect(out.join('')).toBe('stdout:HELLO\nstdout:got inner\nstdout:web-1\n');
  });

  it('ends an endless loop on kill with 137', async () => {
    const { clock, out, sh } = run('while true; do echo tick; sleep 1; done');
    await settle();
    for (const _ of [1, 2]) {
      clock.advance(1000);
      await settle();
    }
    sh.kill();
    expect(await sh.exited).toBe(137);
    expect(out.filter((l) => l === 'stdout:tick\n').length).toBe(3);
  });

  it.each([
    ['busybox', 'sh: foo: not found'],
    ['dash', 'sh: 1: foo: not found'],
  ] as const)('words an unknown command as %s does', (dialect, want) => {
    expect(shellWording(dialect, 'bash: foo: command not found\n')).toBe(`${want}\n`);
  });

  it('fails an unknown command with 127', async () => {
    const { out, sh } = run('foo');
    expect(await sh.exited).toBe(127);
    expect(out).toEqual(['stderr:sh: foo: not found\n']);
  });
});
