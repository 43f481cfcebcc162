import { describe, expect, it } from 'vitest';
import { newURLs, splitsHostPort } from './etcd-urls.js';

describe('types.NewURLs', () => {
  it.each<[string[], string[]]>([
    [['http://b:2', ' HTTP://a:1 '], ['http://a:1', 'http://b:2']],
    [['unix://sock:0', 'https://[::1]:2380'], ['https://[::1]:2380', 'unix://sock:0']],
    [['http://u@h:1?q=1#f', 'http://h:2?'], ['http://h:2?', 'http://u@h:1?q=1#f']],
    [['http://:1'], ['http://:1']],
  ])('%j', (input, want) => {
    expect(newURLs(input)).toEqual(want);
  });

  it.each<[string[], string]>([
    [[], 'no valid URLs given'],
    [['foo'], 'URL scheme must be http, https, unix, or unixs: foo'],
    [['http://a'], 'URL address does not have the form "host:port": http://a'],
    [['http://a:1:2'], 'URL address does not have the form "host:port": http://a:1:2'],
    [['http://[::1]:1/x'], 'URL must not contain a path: http://[::1]:1/x'],
    [['http://a b:1'], 'parse "http://a b:1": invalid character " " in host name'],
    [['http://a:1/%g'], 'parse "http://a:1/%g": invalid URL escape "%g"'],
    [['http://a\t:1'], 'parse "http://a\\t:1": net/url: invalid control character in URL'],
    [['1a:b'], 'parse "1a:b": first path segment in URL cannot contain colon'],
  ])('%j fails', (input, message) => {
    expect(() => newURLs(input)).toThrow(message);
  });

  it('splits host:port as net.SplitHostPort does', () => {
    expect(['a:1', ':1', '[::1]:2', 'a:'].map(splitsHostPort)).toEqual([true, true, true, true]);
    expect(['a', '::1:2', '[::1]', '[a]b:1', 'a]:1'].map(splitsHostPort)).toEqual([false, false, false, false, false]);
  });
});
