import { describe, expect, test } from 'vitest';
import { Logger } from './logrus.js';

function capture(tty: boolean): { log: Logger; out: () => string } {
  let text = '';
  const log = new Logger({ write: (s: string | Uint8Array) => (text += String(s)) }, tty, () => new Date(Date.UTC(2024, 11, 6, 10, 21, 3)));
  return { log, out: () => text };
}

describe('logrus text formatter', () => {
  test.each([
    ['fatal', 'ID cannot be empty', 'time="2024-12-06T10:21:03Z" level=fatal msg="ID cannot be empty"\n'],
    ['warning', 'plain', 'time="2024-12-06T10:21:03Z" level=warning msg=plain\n'],
    ['error', 'say "hi"', 'time="2024-12-06T10:21:03Z" level=error msg="say \\"hi\\""\n'],
  ] as const)('%s %j (not a terminal)', (level, msg, line) => {
    const { log, out } = capture(false);
    log.line(level, msg);
    expect(out()).toBe(line);
  });

  test('terminal form pads to 44 and keeps one trailing space', () => {
    const { log, out } = capture(true);
    log.fatal('boom');
    expect(out()).toBe(`\x1b[31mFATA\x1b[0m[0000] ${'boom'.padEnd(44)} \n`);
  });

  test('debug lines only with debug on; Go log line', () => {
    const { log, out } = capture(false);
    log.debug('hidden');
    log.stdlog('--state should be ready or notready');
    expect(out()).toBe('2024/12/06 10:21:03 --state should be ready or notready\n');
  });
});
