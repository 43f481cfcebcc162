import { describe, expect, it } from 'vitest';
import { admitConnect, connectOptions } from './connect.js';
import { requestInfo } from './requestinfo.js';
import type { Call } from './server-context.js';
import type { AdmissionPlugin, AdmissionRequest } from '../registry/admission.js';
import { StatusError } from '../errors.js';
import type { ResourceDescriptor } from '../resources/types.js';
import { pod } from '../resources/pod.js';
import { node } from '../resources/node.js';

function call(url: string, admission: AdmissionPlugin[] = [], d: ResourceDescriptor = pod): Call {
  const u = new URL(url, 'https://127.0.0.1');
  return {
    info: requestInfo('POST', u.pathname, u.searchParams), query: u.searchParams, d,
    rc: { user: { name: 'alice', groups: [] }, dryRun: false, warnings: [] },
    s: { registry: { admission } },
  } as unknown as Call;
}

const pods = '/api/v1/namespaces/ns/pods/p';

describe('connectOptions: the query as upstream parameter codec decodes it', () => {
  it('exec: booleans true unless absent, 0 or false; command kept even when absent', () => {
    expect(connectOptions(call(`${pods}/exec?command=ls&command=-l&stdin=&stdout=1&stderr=False&tty=true&container=c`))).toEqual({
      kind: 'PodExecOptions', apiVersion: 'v1', stdin: true, stdout: true, tty: true, container: 'c', command: ['ls', '-l'],
    });
    expect(connectOptions(call(`${pods}/exec`))).toEqual({ kind: 'PodExecOptions', apiVersion: 'v1', command: null });
  });

  it('attach, portforward and proxy', () => {
    expect(connectOptions(call(`${pods}/attach?stdin=0&stdout=yes`))).toEqual({ kind: 'PodAttachOptions', apiVersion: 'v1', stdout: true });
    expect(connectOptions(call(`${pods}/portforward?ports=80,443&ports=8080`))).toEqual({ kind: 'PodPortForwardOptions', apiVersion: 'v1', ports: [80, 443, 8080] });
    expect(connectOptions(call(`${pods}/portforward`))).toEqual({ kind: 'PodPortForwardOptions', apiVersion: 'v1' });
    expect(connectOptions(call(`${pods}/proxy/a/b%20c/`))).toEqual({ kind: 'PodProxyOptions', apiVersion: 'v1', path: '/a/b c/' });
    expect(connectOptions(call(`${pods}/proxy`))).toEqual({ kind: 'PodProxyOptions', apiVersion: 'v1' });
    expect(connectOptions(call('/api/v1/nodes/n1/proxy/metrics', [], node))).toEqual({ kind: 'NodeProxyOptions', apiVersion: 'v1', path: '/metrics' });
  });

  it('ports that are not uint16 are a bad request', () => {
    const err = (q: string) => {
      try {
        connectOptions(call(`${pods}/portforward?ports=${q}`));
      } catch (e) {
        return (e as StatusError).status;
      }
      return undefined;
    };
    expect(err('http')).toMatchObject({ code: 400, reason: 'BadRequest', message: 'cannot convert to []int32: strconv.ParseUint: parsing "http": invalid syntax' });
    expect(err('70000')).toMatchObject({ message: 'cannot convert to []int32: strconv.ParseUint: parsing "70000": value out of range' });
  });
});

describe('admitConnect', () => {
  it('runs only the plugins that handle CONNECT, mutating then validating, and returns what they left', async () => {
    const seen: string[] = [];
    const plugins: AdmissionPlugin[] = [
      { name: 'builtin', admit: async () => void seen.push('builtin') },
      {
        name: 'mutating', connect: true, admit: async (req: AdmissionRequest) => {
          seen.push(`mutating ${req.op} ${req.kind} ${req.subresource} ${req.namespace}/${req.name}`);
          (req.obj as unknown as { command: string[] }).command = ['echo', 'patched'];
        },
      },
      { name: 'validating', connect: true, validate: async (req: AdmissionRequest) => void seen.push(`validating ${(req.obj as unknown as { command: string[] }).command.join(' ')}`) },
    ];
    const out = await admitConnect(call(`${pods}/exec?command=sh&stdout=1`, plugins));
    expect(out).toEqual({ kind: 'PodExecOptions', apiVersion: 'v1', stdout: true, command: ['echo', 'patched'] });
    expect(seen).toEqual(['mutating CONNECT PodExecOptions exec ns/p', 'validating echo patched']);
  });

  it('refuses a dry run before admission, and leaves other requests alone', async () => {
    const plugins: AdmissionPlugin[] = [{ name: 'deny', connect: true, validate: async () => { throw new Error('called'); } }];
    await expect(admitConnect(call(`${pods}/exec?command=ls&dryRun=All`, plugins))).rejects.toMatchObject({ status: { code: 400, message: 'dryRun is not supported' } });
    expect(await admitConnect(call(`${pods}/log`, plugins))).toBeUndefined();
  });
});
