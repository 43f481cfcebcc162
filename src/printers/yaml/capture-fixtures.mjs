// Captures what the real kubectl v1.32.4 prints for `-o yaml` and `-o json`, run once by hand:
//
//   node src/printers/yaml/capture-fixtures.mjs
//
// For every case it writes, in an empty temp dir with an empty KUBECONFIG,
//   in.json = {"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{"foo":"bar"},"name":"x"},"v":VALUE}
// and runs
//   kubectl annotate --local --overwrite -f in.json foo=bar -o yaml
//   kubectl annotate --local --overwrite -f in.json foo=bar -o json
// which prints the object unchanged (kubectl keeps unknown fields of a local unstructured object),
// so any JSON value can be fed to kubectl's printers. The outputs go to kubectl-fixtures.json.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const words = (n, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
const pad = (n, c = 'x') => c.repeat(n);

const strings = [
  '', ' ', 'a', 'yes', 'Yes', 'YES', 'yEs', 'no', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'off',
  'true', 'True', 'TRUE', 'tRue', 'false', 'null', 'Null', 'NULL', 'nULL', '~', '<<', '=',
  '0', '1', '-1', '+1', '123', '1.5', '-1.5', '.5', '5.', '1e3', '1E3', '1e+3', '1e-3', '.inf',
  '.Inf', '.INF', '-.inf', '+.inf', '.nan', '.NaN', 'NaN', 'nan', 'inf', 'Infinity', '0x1F', '0X1f',
  '0o17', '0O17', '0b101', '-0b101', '017', '08', '09.5', '1_000', '1__0', '_1', '+', '-', '-a',
  '1:30', '1:30:59', '-1:30', '1:60', '190:20:30.15', '1:3_0', '0x', '0b', '12e', '1.2.3', '1e400',
  '.5e400', '.e3', '9223372036854775807', '9223372036854775808', '18446744073709551615',
  '18446744073709551616', '-9223372036854775808', '-9223372036854775809', '0.0', '+0', '-0', '00',
  '1,000', '0x_1F', '1e3_0', '+.5', '-.5e3', '0xFFFFFFFFFFFFFFFF', '0x1FFFFFFFFFFFFFFFF', 'y2k',
  '2024-01-01', '2024-1-1', '2024-13-01', '2024-02-30', '2024-02-29', '2023-02-29', '2024-00-10',
  '2024-01-00', '2024-01-01T00:00:00Z', '2024-01-01t00:00:00Z', '2024-01-01T00:00:00',
  '2024-01-01 10:20:30', '2024-01-01  10:20:30', '2024-01-01T10:20:30.123456789Z',
  '2024-01-01T10:20:30,5Z', '2024-01-01T10:20:30.1234567891234Z', '2024-01-01T10:20:30+05:30',
  '2024-01-01T10:20:30+25:00', '2024-01-01T10:20:30+24:60', '2024-01-01T10:20:30+0530',
  '2024-01-01T24:00:00Z', '2024-01-01T23:59:60Z', '2024-01-01T1:2:3Z', '2024-01-01T10:20:30z',
  '2024-01-01X', '12024-01-01', '2024-01', '2024-01-01T10:20:30.Z', '2024-01-01 10:20:30 +05:00',
  '2024-01-01 10:20:30.5', '2024-01-01T10:20Z', '2024-1-1T1:2:3-07:00', '2024-001-01',
  '#a', 'a#b', 'a #b', 'a# b', 'a\t#b', '--', '---', '--- a', '...', '....', '---a', '- x', '-x',
  '? x', '?x', '?', ': x', ':x', ':', 'a:', 'a: b', 'a:b', 'a :b', 'a:\tb', '[a]', '{a}', 'a[b]',
  'a{b}', 'a,b', ',a', 'a?', '&a', '*a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a', "a'b",
  'a"b', "a'", "it's", "'quoted'", '"dq"', 'a\\b', '\\', '* * * * *', '*/5 * * * *', 'a b',
  ' a', 'a ', ' a ', 'a  b', '\ta', 'a\tb', 'a\t', 'a\t ', 'http://x:80/y?z=1#f', 'k=v,k2=v2',
  '\n', '\n\n', '\n\n\n', 'a\n', 'a\n\n', 'a\n\n\n', 'a\nb', 'a\nb\n', 'a\nb\n\n', ' a\nb', '\na',
  '\n\na', 'a\r\nb', 'a\r\nb\r\n', 'a\rb', 'a \nb', 'a\n b', 'a\n\n b', '  indented\n  text\n',
  'a\nb ', '#a\nb', '- a\nb', '\ta\nb', 'a\n\tb', 'line1\nline2\nline3', 'a\n\nb', 'a\n \nb',
  'a\n\n', '\n a', 'yes\n', '"q"\n', "'s'\nt", 'a\\\nb', 'tab\there\nx', 'é\nü', '😀\nx', 'a\u2028b\nc',
  'é', '日本語', 'ünïcödé text', '😀', 'a😀b', '\u00a0', 'a\u00a0', 'a\u00a0b', '\u0085', 'a\u0085b',
  'a \u0085 b', 'a\u0085\u0085b', 'a\u0085\u0085\u0085b', '\u0085a', 'a\u0085', ' \u0085 ',
  'a\u0085\nb', '\u2028', 'a\u2028b', 'a\u2029b', 'a \u2028b', '\ufeff', '\ufeffabc', '\ufeffa b',
  'a\ufeff', '\ud800', 'a\udc00b', '\u200b', '\ue000', '\ufffd', '\uffee', '\u00ad', '\u0000',
  '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', 'a\u0000b', '<a>&b',
  '\u0085---', 'a\u0085--- b', '\u007f', 'a\u0080', '\u009f', '\ufffe', '\uffff', '\ud83d\ude00\u007f',
  pad(80), pad(81), pad(200), words(20), words(30, 'ab'), `${pad(78)} b`, `${pad(79)} b`,
  `${pad(80)} b`, `${pad(81)} b c`, `${pad(77)} b c d`, `${pad(76)}  b c`, `${pad(80)}  b c`,
  `${pad(80)} ${pad(80)} ${pad(80)}`, `#${words(25)}`, `yes ${words(25)}`, `${words(20)} a: b`,
  `${words(20)}\t${words(10)}`, `${words(20)} 😀 ${words(20)}`, `${pad(80)}\t  b c`,
  `\t${pad(79)} b  c  d ${pad(10)} e`, `${words(15)}\n${words(30)}\n`, `${words(20)}\u0085${words(5)}`,
  `${pad(85)} 'q' ${pad(5)} x`, `'${words(25)}`, `${words(25)} `, ` ${words(25)}`,
  `${words(30)}\u2028${words(10)}`, `${pad(90)}\u00a0${pad(5)} x`, `\ufeff${words(20)}`,
];

const keyCases = {
  // go-yaml's key order is not transitive for some digit/punctuation mixes ('1-' < '10' < '1a' <
  // '9' < '10'): kubectl's order then depends on Go's random map order, so only keys it orders
  // the same way every run are here (checked over 15 runs).
  'keys-sort': Object.fromEntries(
    ['a10', 'a9', 'a_b', 'aB', 'Ab', '_x', '-y', '.z', '0', '00', '1', 'a01', 'a1', 'a.b', 'ä', 'z',
      '\uffee', '😀', 'a00', 'a001', 'a010', 'b2c10', 'b2c9', 'B', 'é', '10', '9', 'x1y2', 'x01y2',
      'x1y02', '', ' ', '~', 'a b', 'ab', 'a-b', 'Ⅻ', '99999999999999999999', '99999999999999999998',
      'a99999999999999999999b', '٣', 'a٣', 'a3'].map((k, i) => [k, i]),
  ),
  'keys-quoting': Object.fromEntries(
    ['on', 'yes', 'n', 'y', '1', '1.5', '', '~', 'null', 'a: b', '#x', '-', '- a', 'a b',
      'app.kubernetes.io/name', 'a/b', 'x\ny', 'x\ny\n', ' lead', 'trail ', 'tab\tkey', '😀',
      "it's", '2024-01-01', '1:30', '*', 'é'].map((k, i) => [k, i]),
  ),
  'key-1022-chars-of-json': { [pad(170, '<')]: 1, [pad(1022)]: 2 },
  'key-1023-chars-of-json': { [pad(1023)]: 1 },
  'key-171-lt': { [pad(171, '<')]: 1 },
  'nel-key-after-nels': { a: 'x\u0085y', b: { 'k\u0085': 1 } },
  'nel-marker-after-nels': { a: '\u0085', b: ['\u0085\u0085--- x'] },
  'nel-key-sorted-first': { b: 'x\u0085y', a: { 'k\u0085': 1 } },
  'keys-long': {
    [pad(128)]: 'exactly 128 bytes',
    [pad(129)]: 'over 128 bytes',
    [pad(64, 'é')]: '64 e-acute: 128 bytes',
    [pad(65, 'é')]: '65 e-acute: 130 bytes',
    [`${pad(130)} yes`]: { nested: [1, 2] },
    [`${pad(131)}x`]: [1, { a: 'b' }],
    [`${pad(132)}x`]: {},
    [`${pad(133)}x`]: [],
    [`${words(40)}`]: 'long key with spaces',
    [`${pad(70)} ${pad(70)}`]: null,
    'multi\nline': { a: 1 },
    'multi\nline\n': ['x'],
  },
};

const numbers = [0, 1, -1, 1.5, -1.5, 0.1, 1e21, 1e20, 1e-7, 1.5e-7, 1234567.5, 123456.5, 1e6, 0.0001,
  0.00001, 2 ** 53, 2 ** 63, 2 ** 64, 2 ** 70, 1.7976931348623157e308, 5e-324, 12345678901234567000,
  -0.5, 100.25, 1e15 + 0.5, 3.0, -(2 ** 63), -(2 ** 64), 0.000001, 123e-20, 999999.5, 1e5 + 0.25];

const structures = {
  'nested': { a: [{ b: { c: [1, [2, [3, {}]], []] }, d: null }, [], {}, [[]], [{}], null], e: { f: { g: 'h' } } },
  'list-of-lists': [[1, 2], [[3]], [[], {}], [{ a: 1, b: [2] }]],
  'map-in-list': [{ name: 'x', value: 'y' }, { name: 'z', valueFrom: { secretKeyRef: { key: 'k', name: 'n' } } }],
  'deep-long': { a: { b: { c: { d: [{ e: [words(25), `${pad(60)} ${words(10)}`, 'x\ny'] }] } } } },
  'deep-literal': [[{ k: '  lead\ntext\n\n' }]],
  'empty-map': {},
  'empty-list': [],
  'null': null,
  'bools': [true, false],
  'containers': {
    containers: [{ args: ['--flag=1', 'yes', '1', '-c', 'echo "hi" && sleep 3600'], command: ['sh'],
      env: [{ name: 'A', value: '5432' }], image: 'nginx:1.25', name: 'web', ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: {} }],
  },
  'annotations': {
    'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"x","namespace":"default"}}\n',
    'deployment.kubernetes.io/revision': '1',
  },
};

const cases = [
  ...strings.map((s, i) => ({ name: `string ${i}: ${JSON.stringify(s).slice(0, 60)}`, value: s })),
  ...strings.filter((s) => s.length < 40).map((s, i) => ({ name: `key ${i}: ${JSON.stringify(s)}`, value: { [s]: s } })),
  ...strings.filter((s) => s.length > 60).map((s, i) => ({ name: `in-list ${i}: ${JSON.stringify(s).slice(0, 40)}`, value: [s, [s]] })),
  ...Object.entries(keyCases).map(([name, value]) => ({ name, value })),
  ...numbers.map((n) => ({ name: `number ${n}`, value: n })),
  ...Object.entries(structures).map(([name, value]) => ({ name, value })),
];

function run(dir, format) {
  try {
    const stdout = execFileSync('kubectl', ['annotate', '--local', '--overwrite', '-f', 'in.json', 'foo=bar', '-o', format], {
      cwd: dir, env: { ...process.env, HOME: dir, KUBECONFIG: join(dir, 'kubeconfig') }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, stderr: '', exit: 0 };
  } catch (e) {
    return { stdout: e.stdout, stderr: e.stderr, exit: e.status };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kubectl-printers-'));
writeFileSync(join(dir, 'kubeconfig'), '');
const out = cases.map(({ name, value }) => {
  const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { annotations: { foo: 'bar' }, name: 'x' }, v: value };
  writeFileSync(join(dir, 'in.json'), JSON.stringify(object));
  return { name, value, yaml: run(dir, 'yaml'), json: run(dir, 'json') };
});
const target = join(dirname(fileURLToPath(import.meta.url)), 'kubectl-fixtures.json');
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.length} cases written to ${target}`);
