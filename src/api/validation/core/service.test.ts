import { describe, expect, it } from 'vitest';
import { createErrors, meta, updateErrors } from '../testing.js';

const svc = (spec: Record<string, unknown>, name = 'web') => ({ apiVersion: 'v1', kind: 'Service', metadata: meta(name), spec: { selector: { app: 'web' }, ...spec } });

describe('Service create', () => {
  it.each([
    ['valid', svc({ ports: [{ port: 80 }] }), []],
    ['no ports', svc({}), ['spec.ports: Required value']],
    ['headless without ports', svc({ clusterIP: 'None' }), []],
    ['port out of range', svc({ ports: [{ port: 0 }] }), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive', 'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['bad protocol', svc({ ports: [{ port: 80, protocol: 'HTTP' }] }), ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['bad type', svc({ type: 'Internal', ports: [{ port: 80 }] }), ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['unnamed ports', svc({ ports: [{ port: 80 }, { port: 443 }] }), ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']],
    ['nodePort on ClusterIP', svc({ ports: [{ port: 80, nodePort: 30080 }] }), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['nodePort outside the range', svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }), ['spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767']],
    ['name must be a DNS-1035 label', svc({ ports: [{ port: 80 }] }, '1web'), ["metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"]],
    ['duplicate port', svc({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }), ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}']],
  ])('%s', (_, obj, want) => expect(createErrors('Service', obj)).toEqual(want));
});

describe('Service update', () => {
  const allocated = { ports: [{ port: 80 }], clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' };

  it('keeps clusterIP immutable (kubectl edit changes only clusterIP)', () => {
    const next = svc({ ...allocated, clusterIP: '10.96.0.99' });
    expect(updateErrors('Service', next, svc(allocated))).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.99"}: may not change once set']);
  });

  it('allows changing ports and selector', () => {
    expect(updateErrors('Service', svc({ ...allocated, ports: [{ port: 8080 }], selector: { app: 'v2' } }), svc(allocated))).toEqual([]);
  });
});
