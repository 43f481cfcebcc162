import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readConfig, setConfigValue, writeConfig } from './config-file.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'crictl-conf-'));

describe('crictl config file', () => {
  test('writing a missing file puts all six keys with defaults', () => {
    const file = join(tmp(), 'etc/crictl.yaml');
    writeConfig(null, file);
    expect(readFileSync(file, 'utf8')).toBe('runtime-endpoint: ""\nimage-endpoint: ""\ntimeout: 0\ndebug: false\npull-image-on-create: false\ndisable-pull-on-run: false\n');
  });

  test('set keeps key order and comments, appends missing keys', () => {
    const file = join(tmp(), 'crictl.yaml');
    writeFileSync(file, '# mine\ntimeout: 10\nruntime-endpoint: unix:///run/containerd/containerd.sock\n');
    const c = readConfig(file, '/etc/crictl.yaml');
    setConfigValue(c, 'debug', 'true');
    writeConfig(c, file);
    expect(readFileSync(file, 'utf8')).toBe('# mine\ntimeout: 10\nruntime-endpoint: unix:///run/containerd/containerd.sock\nimage-endpoint: ""\ndebug: true\npull-image-on-create: false\ndisable-pull-on-run: false\n');
  });

  test.each([
    ['foo: 1\n', "Config option 'foo' is not valid"],
    ['timeout: 2s\n', `parsing config option 'timeout': strconv.Atoi: parsing "2s": invalid syntax`],
    ['debug: maybe\n', `parsing config option 'debug': strconv.ParseBool: parsing "maybe": invalid syntax`],
  ])('invalid file %j', (text, message) => {
    const file = join(tmp(), 'c.yaml');
    writeFileSync(file, text);
    expect(() => readConfig(file, '/etc/crictl.yaml')).toThrow(message);
  });

  test('a missing file reads as Go open error with the in-node path', () => {
    expect(() => readConfig(join(tmp(), 'none.yaml'), '/etc/crictl.yaml')).toThrow('open /etc/crictl.yaml: no such file or directory');
  });

  test.each([
    ['timeout', 'x', "parse timeout value 'x': strconv.Atoi: parsing \"x\": invalid syntax"],
    ['debug', 'x', "parse debug value 'x': strconv.ParseBool: parsing \"x\": invalid syntax"],
    ['nope', '1', 'no configuration option named nope'],
  ])('setValue(%s, %s) fails', (key, value, message) => {
    const file = join(tmp(), 'c.yaml');
    writeConfig(null, file);
    expect(() => setConfigValue(readConfig(file, '/etc/crictl.yaml'), key, value)).toThrow(message);
  });
});
