import { describe, expect, it } from 'vitest';
import { checkUdpPorts, convertNamedPorts, joinHostPort, parseAddresses, parsePorts, translateServicePorts, type PfPod, type PfService } from './ports.js';

// Cases after kubectl 1.32's portforward_test.go and client-go's portforward_test.go.
const pod: PfPod = {
  metadata: { name: 'mypod' },
  spec: {
    containers: [{ ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'both', containerPort: 99, protocol: 'UDP' }, { containerPort: 99, protocol: 'TCP' }] }],
    initContainers: [{ ports: [{ name: 'init', containerPort: 7000 }] }],
  },
};
const svc: PfService = { metadata: { name: 'mysvc' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'web', port: 80, targetPort: 'http' }, { port: 443, targetPort: 8443 }, { name: 'plain', port: 9090 }, { name: 'dns', port: 53, protocol: 'UDP' }] } };

describe('translateServicePorts', () => {
  it.each<[string[], string[] | string, PfService?]>([
    [['80'], ['80:8080']],
    [['web'], ['80:8080']],
    [['8000:web'], ['8000:8080']],
    [['443', ':443'], ['443:8443', ':8443']],
    [['9090'], ['9090']],
    [['81'], 'Service mysvc does not have a service port 81'],
    [['nope'], "Service 'mysvc' does not have a named port 'nope'"],
    [['80'], ['80'], { ...svc, spec: { ...svc.spec, clusterIP: 'None' } }],
  ])('%j', (ports, want, s = svc) => {
    if (typeof want === 'string') expect(() => translateServicePorts(ports, s, pod)).toThrow(want);
    else expect(translateServicePorts(ports, s, pod)).toEqual(want);
  });
});

describe('convertNamedPorts', () => {
  it.each<[string[], string[] | string]>([
    [['http', '5000:http', ':http', 'init'], ['8080', '5000:8080', ':8080', '7000']],
    [['80', '8888:80'], ['80', '8888:80']],
    [['8888:'], 'remote port cannot be empty'],
    [['nope'], "Pod 'mypod' does not have a named port 'nope'"],
  ])('%j', (ports, want) => {
    if (typeof want === 'string') expect(() => convertNamedPorts(ports, pod)).toThrow(want);
    else expect(convertNamedPorts(ports, pod)).toEqual(want);
  });
});

describe('checkUdpPorts', () => {
  it.each<[string, string | undefined]>([
    ['53', 'UDP protocol is not supported for 53'],
    ['5353:dns', 'UDP protocol is not supported for dns'],
    ['99', undefined],
    ['8080', undefined],
  ])('pod %s', (port, want) => {
    const run = () => checkUdpPorts([port], { kind: 'pod', pod });
    if (want) expect(run).toThrow(want);
    else expect(run).not.toThrow();
  });
  it('service', () => expect(() => checkUdpPorts(['dns'], { kind: 'service', svc })).toThrow('UDP protocol is not supported for dns'));
});

describe('parsePorts', () => {
  it.each<[string[], { local: number; remote: number }[] | string]>([
    [['5000', '5001:5000', ':5002', '0:5003'], [{ local: 5000, remote: 5000 }, { local: 5001, remote: 5000 }, { local: 0, remote: 5002 }, { local: 0, remote: 5003 }]],
    [['1:2:3'], "invalid port format '1:2:3'"],
    [['a:5000'], 'error parsing local port \'a\': strconv.ParseUint: parsing "a": invalid syntax'],
    [['5000:b'], 'error parsing remote port \'b\': strconv.ParseUint: parsing "b": invalid syntax'],
    [['70000:80'], 'error parsing local port \'70000\': strconv.ParseUint: parsing "70000": value out of range'],
    [['5000:0'], 'remote port must be > 0'],
  ])('%j', (ports, want) => {
    if (typeof want === 'string') expect(() => parsePorts(ports)).toThrow(want);
    else expect(parsePorts(ports)).toEqual(want);
  });
});

describe('parseAddresses', () => {
  it.each<[string[], string[] | string]>([
    [['localhost'], ['127.0.0.1/4/all', '::1/6/all']],
    // An explicit address replaces localhost's entry for it (parseAddresses sets it unconditionally).
    [['localhost', '127.0.0.1', '10.1.2.3'], ['10.1.2.3/4/any', '127.0.0.1/4/any', '::1/6/all']],
    [['::1', '0.0.0.0'], ['0.0.0.0/4/any', '::1/6/any']],
    [['host.example'], 'host.example is not a valid IP'],
  ])('%j', (list, want) => {
    if (typeof want === 'string') expect(() => parseAddresses(list)).toThrow(want);
    else expect(parseAddresses(list).map((a) => `${a.address}/${a.family}/${a.failureMode}`)).toEqual(want);
  });

  it('joins hosts and ports as net.JoinHostPort', () => {
    expect([joinHostPort('127.0.0.1', 8080), joinHostPort('::1', 8080)]).toEqual(['127.0.0.1:8080', '[::1]:8080']);
  });
});
