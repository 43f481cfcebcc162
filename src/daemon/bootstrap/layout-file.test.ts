import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LayoutError, loadLayout, parseLayout } from './layout-file.js';

describe('built-in layouts', () => {
  it('default: controlplane, node01, node02 with kubeadm networks', () => {
    const layout = loadLayout();
    expect(layout.podSubnet).toBe('10.244.0.0/16');
    expect(layout.serviceSubnet).toBe('10.96.0.0/12');
    expect(layout.dnsDomain).toBe('cluster.local');
    expect(layout.nodes.map((n) => [n.name, n.role, n.internalIP, n.podCIDR])).toEqual([
      ['controlplane', 'control-plane', '172.30.1.2', '10.244.0.0/24'],
      ['node01', 'worker', '172.30.2.2', '10.244.1.0/24'],
      ['node02', 'worker', '172.30.2.3', '10.244.2.0/24'],
    ]);
    expect(layout.nodes[0]!.capacity).toEqual({
      cpu: '2',
      'ephemeral-storage': '20134592Ki',
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: '4015772Ki',
      pods: '110',
    });
  });

  it.each(['single-node', 'three-workers', 'default.yaml'])('%s loads by name', (name) => {
    const layout = loadLayout(name);
    expect(layout.nodes.filter((n) => n.role === 'control-plane')).toHaveLength(1);
  });

  it('three-workers hands out IPs and CIDRs in order, keeping per-node sizes and labels', () => {
    const nodes = loadLayout('three-workers').nodes;
    expect(nodes.map((n) => n.internalIP)).toEqual(['192.168.49.2', '192.168.49.3', '192.168.49.4', '192.168.49.5']);
    expect(nodes[3]!.capacity.cpu).toBe('4');
    expect(nodes[3]!.labels).toEqual({ disktype: 'ssd' });
  });
});

describe('layout files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kd-layout-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file by path, with defaults and canonical quantities', () => {
    const file = join(dir, 'mine.yaml');
    writeFileSync(
      file,
      [
        'defaults: { cpu: 1500m, memory: 2Gi, labels: { team: a } }',
        'nodes:',
        '  - name: n2',
        '    cpu: 4000m',
        '    memory: 2048Mi',
        '    podCIDR: 10.244.0.0/24',
        '  - { name: cp, role: control-plane, pods: 50, labels: { team: b } }',
      ].join('\n'),
    );
    const layout = loadLayout(file);
    const [n2, cp] = layout.nodes;
    expect(n2).toMatchObject({ name: 'n2', role: 'worker', internalIP: '192.168.49.3', podCIDR: '10.244.0.0/24' });
    expect(n2!.capacity).toMatchObject({ cpu: '4', memory: '2Gi', pods: '110' });
    expect(n2!.labels).toEqual({ team: 'a' });
    expect(cp).toMatchObject({ internalIP: '192.168.49.2', podCIDR: '10.244.1.0/24', labels: { team: 'b' } });
    expect(cp!.capacity).toMatchObject({ cpu: '1500m', pods: '50' });
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadLayout(join(dir, 'nope.yaml'))).toThrow(
      `layout "${join(dir, 'nope.yaml')}" cannot be read: no such file (give a path to a layout file or the name of a built-in layout)`,
    );
  });

  const one = (node: string, extra = ''): string => `${extra}nodes:\n  - { name: cp, role: control-plane }\n${node}`;

  it.each([
    ['nodes: [', /^layout "x.yaml" is not valid YAML: /],
    ['- a\n- b', 'layout "x.yaml": the file must be a mapping of fields (key: value)'],
    ['podsubnet: 10.0.0.0/16\nnodes: []', 'layout "x.yaml": unknown field "podsubnet" (known fields: podSubnet, serviceSubnet, dnsDomain, nodeSubnet, defaults, nodes)'],
    ['nodes: []', 'layout "x.yaml": "nodes" must be a list with at least one node'],
    [one('  - { name: n1, cpu: abc }'), 'layout "x.yaml": node "n1": cpu "abc" is not a quantity (such as 2, 500m, 4Gi or 4015772Ki)'],
    [one('  - { name: n1, memory: 0 }'), 'layout "x.yaml": node "n1": memory "0" must be more than zero'],
    [one('  - { name: n1, pods: 1.5 }'), 'layout "x.yaml": node "n1": pods "1.5" is not a whole number'],
    [one('  - { name: n1, cpus: 2 }'), /^layout "x.yaml": node "n1": unknown field "cpus" \(known fields: name, role, /],
    [one('  - { name: n1, role: master }'), 'layout "x.yaml": node "n1": role "master" is not one of control-plane, worker'],
    [one('  - { name: Node_1 }'), `layout "x.yaml": node name "Node_1" is not valid: use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit`],
    [one('  - { role: worker }'), 'layout "x.yaml": node 2 has no name'],
    [one('  - { name: cp }'), 'layout "x.yaml": node name "cp" is used by more than one node'],
    ['nodes:\n  - { name: a }', 'layout "x.yaml": has no control-plane node: give exactly one node "role: control-plane"'],
    [one('  - { name: b, role: control-plane }'), 'layout "x.yaml": has 2 control-plane nodes ("cp", "b"): exactly one is allowed'],
    [one('  - { name: n1, ip: 10.0.0 }'), 'layout "x.yaml": node "n1": ip "10.0.0" is not an IPv4 address'],
    [one('  - { name: n1, podCIDR: 10.1.0.0/24 }'), 'layout "x.yaml": node "n1": podCIDR "10.1.0.0/24" is not inside podSubnet "10.244.0.0/16"'],
    [one('  - { name: n1, labels: { "bad key!": x } }'), 'layout "x.yaml": node "n1": label key "bad key!" is not a valid label key'],
    [one('  - { name: n1, ip: 1.1.1.1 }\n  - { name: n2, ip: 1.1.1.1 }'), 'layout "x.yaml": nodes "n1" and "n2" both have ip "1.1.1.1"'],
    [one('', 'podSubnet: 10.244.0.0\n'), 'layout "x.yaml": podSubnet "10.244.0.0" is not an IPv4 CIDR such as 10.244.0.0/16'],
    [one('', 'serviceSubnet: 10.96.0.0/30\n'), 'layout "x.yaml": serviceSubnet "10.96.0.0/30" is too small: it needs room for kube-dns (its 10th address)'],
  ])('%j is refused', (text, message) => {
    const run = () => parseLayout(text, 'x.yaml');
    expect(run).toThrow(LayoutError);
    expect(run).toThrow(message);
  });
});
