// The cases of k8s.io/kubectl v0.32.4 pkg/metricsutil/metrics_printer_test.go (TestPrintNodeMetrics,
// TestPrintPodMetrics) with their expected text, plus the cells' rounding rules.
import { describe, expect, it } from 'vitest';
import { nodeMetricsText, podMetricsText, usageCell, type PodMetrics, type PodTableOptions } from './top.js';
import { parseQuantity } from '../api/validation/quantity.js';

const node = (name: string, cpu: string, memory: string) => ({ metadata: { name }, usage: { cpu, memory } });
const cap10 = { cpu: '10', memory: '10Gi' };
const pod = (name: string, ...mem: string[]): PodMetrics => ({
  metadata: { name, namespace: 'default' },
  containers: mem.map((m, i) => ({ name: `container${i + 1}`, usage: { cpu: '0.2', memory: m } })),
});
const opts = (o: Partial<PodTableOptions>): PodTableOptions => ({ containers: false, allNamespaces: false, noHeaders: false, sortBy: '', sum: false, ...o });

describe('nodeMetricsText (TestPrintNodeMetrics)', () => {
  it.each([
    ['single node with default header', [node('node1', '1', '1Gi')], ['node1'], false, '',
      'NAME    CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nnode1   1000m        10%      1024Mi          10%         \n'],
    ['single node without header', [node('node1', '1', '1Gi')], ['node1'], true, '',
      'node1   1000m   10%   1024Mi   10%   \n'],
    ['multiple nodes with one missing metrics', [node('node1', '1', '1Gi')], ['node1', 'node2'], false, '',
      'NAME    CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \nnode1   1000m        10%         1024Mi          10%         \nnode2   <unknown>    <unknown>   <unknown>       <unknown>   \n'],
    ['multiple nodes sorted by memory', [node('node1', '1', '1Gi'), node('node2', '2', '5Gi')], ['node1', 'node2'], false, 'memory',
      'NAME    CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \nnode2   2000m        20%      5120Mi          50%         \nnode1   1000m        10%      1024Mi          10%         \n'],
  ])('%s', (_name, metrics, nodes, noHeaders, sortBy, want) => {
    expect(nodeMetricsText(metrics, new Map(nodes.map((n) => [n, cap10])), { noHeaders, sortBy })).toBe(want);
  });

  it('leaves the percentage out for a node without allocatable', () => {
    expect(nodeMetricsText([node('n', '250m', '3Mi')], new Map([['n', undefined]]), { noHeaders: true, sortBy: '' })).toBe('n     250m   3Mi   \n');
  });
});

describe('podMetricsText (TestPrintPodMetrics)', () => {
  it.each([
    ['single pod with multiple containers', [pod('test', '1Gi', '1Gi')], opts({}),
      'NAME   CPU(cores)   MEMORY(bytes)   \ntest   400m         2048Mi          \n'],
    ['print containers', [pod('test', '1Gi', '1Gi')], opts({ containers: true }),
      'POD    NAME         CPU(cores)   MEMORY(bytes)   \ntest   container1   200m         1024Mi          \ntest   container2   200m         1024Mi          \n'],
    ['without header', [pod('test', '1Gi', '1Gi')], opts({ noHeaders: true }),
      'test   400m   2048Mi   \n'],
    ['sort by memory', [pod('test', '1Gi', '1Gi'), pod('test-1', '3Gi', '2Gi')], opts({ sortBy: 'memory' }),
      'NAME     CPU(cores)   MEMORY(bytes)   \ntest-1   400m         5120Mi          \ntest     400m         2048Mi          \n'],
    ['total resource usage', [pod('test', '1Gi', '1Gi'), pod('test-1', '3Gi', '2Gi')], opts({ sum: true }),
      'NAME     CPU(cores)   MEMORY(bytes)   \ntest     400m         2048Mi          \ntest-1   400m         5120Mi          \n         ________     ________        \n         800m         7168Mi          \n'],
  ])('%s', (_name, metrics, o, want) => {
    expect(podMetricsText(metrics, o)).toBe(want);
  });

  it('orders by namespace then name with -A, containers by name', () => {
    const m: PodMetrics[] = [
      { metadata: { name: 'a', namespace: 'zz' }, containers: [{ name: 'b', usage: { cpu: '1m', memory: '1Mi' } }, { name: 'a', usage: { cpu: '2m', memory: '2Mi' } }] },
      { metadata: { name: 'b', namespace: 'aa' }, containers: [{ name: 'c', usage: { cpu: '0', memory: '512Ki' } }] },
    ];
    expect(podMetricsText(m, opts({ allNamespaces: true, containers: true }))).toBe(
      'NAMESPACE   POD   NAME   CPU(cores)   MEMORY(bytes)   \naa          b     c      0m           0Mi             \nzz          a     a      2m           2Mi             \nzz          a     b      1m           1Mi             \n',
    );
  });

  it('prints nothing for no metrics', () => {
    expect(podMetricsText([], opts({}))).toBe('');
    expect(nodeMetricsText([], new Map(), { noHeaders: false, sortBy: '' })).toBe('');
  });
});

describe('usageCell', () => {
  it.each([
    ['cpu', '250m', '250m'], ['cpu', '12345678n', '13m'], ['cpu', '1', '1000m'], ['cpu', '0', '0m'], ['cpu', '1n', '1m'],
    ['memory', '128Mi', '128Mi'], ['memory', '1Gi', '1024Mi'], ['memory', '1500Ki', '1Mi'], ['memory', '100M', '95Mi'], ['memory', '162900Ki', '159Mi'],
  ] as const)('%s %s → %s', (r, q, cell) => expect(usageCell(r, parseQuantity(q)!.nano)).toBe(cell));
});
