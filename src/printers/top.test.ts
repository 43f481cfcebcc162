import { describe, expect, it } from 'vitest';
import { cpuCell, memoryCell, nodeTable, podTable } from './top.js';

describe('kubectl top cells', () => {
  it.each([
    ['250m', '250m'], ['12345678n', '13m'], ['1', '1000m'], ['0', '0m'], [undefined, '0m'],
  ])('cpu %s → %s', (q, cell) => expect(cpuCell(q)).toBe(cell));
  it.each([
    ['128Mi', '128Mi'], ['1Gi', '1024Mi'], ['1500Ki', '1Mi'], ['100M', '95Mi'], [undefined, '0Mi'],
  ])('memory %s → %s', (q, cell) => expect(memoryCell(q)).toBe(cell));

  it('prints nodes with percentages of allocatable and unknown nodes last', () => {
    const text = nodeTable([{ metadata: { name: 'node01' }, usage: { cpu: '500m', memory: '1Gi' } }], new Map([['node01', { cpu: '2', memory: '4Gi' }]]), ['node02'], false);
    expect(text).toBe(
      'NAME     CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)\n' +
      'node01   500m         25%         1024Mi          25%\n' +
      'node02   <unknown>    <unknown>   <unknown>       <unknown>\n',
    );
  });

  it('sums containers per pod, or lists them with --containers', () => {
    const m = [{ metadata: { name: 'web', namespace: 'a' }, containers: [{ name: 'c1', usage: { cpu: '1m', memory: '10Mi' } }, { name: 'c2', usage: { cpu: '2m', memory: '5Mi' } }] }];
    expect(podTable(m, { allNamespaces: false, containers: false, noHeaders: false })).toBe('NAME   CPU(cores)   MEMORY(bytes)\nweb    3m           15Mi\n');
    expect(podTable(m, { allNamespaces: true, containers: true, noHeaders: true })).toBe('a     web   c1    1m    10Mi\na     web   c2    2m    5Mi\n');
  });
});
