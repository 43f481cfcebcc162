// The exposition format as Go's Prometheus client writes it (values observed on etcd 3.4.23's
// /metrics).
import { describe, expect, it } from 'vitest';
import { goFloat, render, single } from './metrics-text.js';

describe('goFloat (strconv.FormatFloat(v, \'g\', -1, 64))', () => {
  it.each<[number, string]>([
    [0, '0'], [1, '1'], [-1, '-1'], [10.48, '10.48'], [20000, '20000'], [999999, '999999'], [1e6, '1e+06'],
    [144658432, '1.44658432e+08'], [2147483648, '2.147483648e+09'], [1795408903.65, '1.79540890365e+09'],
    [2 ** 64, '1.8446744073709552e+19'], [0.0001, '0.0001'], [0.00001, '1e-05'], [Infinity, '+Inf'], [NaN, 'NaN'],
  ])('%d', (v, text) => {
    expect(goFloat(v)).toBe(text);
  });
});

describe('render', () => {
  it('sorts families by name, HELP and TYPE first, labels sorted and escaped', () => {
    const text = render([
      single('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', 144658432),
      { name: 'etcd_server_id', help: 'a "b"\\c', type: 'gauge', samples: [{ labels: { z: '1', a: 'x"y\n' }, value: 1 }] },
    ]);
    expect(text).toBe([
      '# HELP etcd_server_id a "b"\\\\c', '# TYPE etcd_server_id gauge', 'etcd_server_id{a="x\\"y\\n",z="1"} 1',
      '# HELP process_resident_memory_bytes Resident memory size in bytes.', '# TYPE process_resident_memory_bytes gauge',
      'process_resident_memory_bytes 1.44658432e+08', '',
    ].join('\n'));
  });
});
