import { describe, expect, it } from 'vitest';
import { createDaemonLogger, klogLine } from './logger.js';

const at = new Date(2025, 10, 22, 11, 34, 53, 739).getTime() + 0.521;

describe('klog lines', () => {
  it.each([
    ['I', 12345, 'I1122 11:34:53.739521   12345 file.go:12] msg\n'],
    ['E', 7, 'E1122 11:34:53.739521       7 file.go:12] msg\n'],
    ['W', 12345678, 'W1122 11:34:53.739521 12345678 file.go:12] msg\n'],
  ] as const)('%s with pid %i', (severity, pid, want) => {
    expect(klogLine(severity, at, pid, 'file.go:12', 'msg')).toBe(want);
  });

  it('pads dates and times, keeps a trailing newline single', () => {
    const early = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    expect(klogLine('I', early, 1, 'a.go:1', 'x\n')).toBe('I0102 03:04:05.006000       1 a.go:1] x\n');
  });

  it('writes each severity through the logger', () => {
    const lines: string[] = [];
    const log = createDaemonLogger((l) => lines.push(l), { clock: () => at, pid: 99 });
    log.info('d.go:1', 'one');
    log.warning('d.go:2', 'two');
    log.error('d.go:3', 'three');
    expect(lines).toEqual([
      'I1122 11:34:53.739521      99 d.go:1] one\n',
      'W1122 11:34:53.739521      99 d.go:2] two\n',
      'E1122 11:34:53.739521      99 d.go:3] three\n',
    ]);
  });
});
