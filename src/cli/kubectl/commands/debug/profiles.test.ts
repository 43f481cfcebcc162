// The debugging profiles, table-driven, against what kubectl v1.32's profiles.go does to the
// debug container and the pod (expectations from its profiles_test.go).
import { describe, expect, it } from 'vitest';
import type { DebugPod } from './pod.js';
import { profileApplier, type DebugStyle, type KeepFlags } from './profiles.js';

const KEEP_NONE: KeepFlags = { labels: false, annotations: false, liveness: false, readiness: false, startup: false, initContainers: true };

function pod(): DebugPod {
  return {
    metadata: { name: 'p', labels: { app: 'p' }, annotations: { note: 'x' } },
    spec: {
      initContainers: [{ name: 'init' }],
      containers: [
        { name: 'app', livenessProbe: {}, readinessProbe: {}, startupProbe: {} },
        { name: 'dbg', securityContext: { capabilities: { add: ['NET_ADMIN'] }, runAsUser: 0 } },
      ],
    },
  };
}

const dbg = (p: DebugPod) => p.spec.containers.find((c) => c.name === 'dbg');
const hostNs = { hostNetwork: true, hostPID: true, hostIPC: true };
const rootMount = [{ name: 'host-root', mountPath: '/host' }];

interface Row {
  profile: string;
  style: DebugStyle;
  securityContext: unknown;
  pod?: Record<string, unknown>;
  mounts?: unknown;
  labels?: unknown;
}

const ORIGINAL = { capabilities: { add: ['NET_ADMIN'] }, runAsUser: 0 };
const RESTRICTED = { runAsNonRoot: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } };

const ROWS: Row[] = [
  { profile: 'legacy', style: 'ephemeral', securityContext: ORIGINAL, labels: { app: 'p' } },
  { profile: 'legacy', style: 'podCopy', securityContext: ORIGINAL, labels: undefined },
  { profile: 'legacy', style: 'node', securityContext: ORIGINAL, pod: hostNs, mounts: rootMount },
  { profile: 'general', style: 'ephemeral', securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_PTRACE'] }, runAsUser: 0 } },
  { profile: 'general', style: 'podCopy', securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_PTRACE'] }, runAsUser: 0 }, pod: { shareProcessNamespace: true }, labels: undefined },
  { profile: 'general', style: 'node', securityContext: undefined, pod: hostNs, mounts: rootMount },
  { profile: 'baseline', style: 'ephemeral', securityContext: undefined },
  { profile: 'baseline', style: 'node', securityContext: undefined, pod: { hostNetwork: undefined } },
  { profile: 'restricted', style: 'podCopy', securityContext: RESTRICTED, pod: { shareProcessNamespace: true } },
  { profile: 'restricted', style: 'node', securityContext: RESTRICTED, mounts: undefined },
  { profile: 'netadmin', style: 'ephemeral', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_ADMIN', 'NET_RAW'] }, runAsUser: 0 } },
  { profile: 'netadmin', style: 'node', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_ADMIN', 'NET_RAW'] }, runAsUser: 0 }, pod: hostNs, mounts: undefined },
  { profile: 'sysadmin', style: 'ephemeral', securityContext: { ...ORIGINAL, privileged: true } },
  { profile: 'sysadmin', style: 'node', securityContext: { ...ORIGINAL, privileged: true }, pod: hostNs, mounts: rootMount },
];

describe('debug profiles', () => {
  it.each(ROWS.map((r) => [`${r.profile} ${r.style}`, r] as const))('%s', (_n, r) => {
    const p = pod();
    profileApplier(r.profile, KEEP_NONE)(p, 'dbg', r.style);
    expect(dbg(p)?.securityContext).toEqual(r.securityContext);
    for (const [k, v] of Object.entries(r.pod ?? {})) expect(p.spec[k]).toEqual(v);
    if ('mounts' in r) expect(dbg(p)?.volumeMounts).toEqual(r.mounts);
    if ('labels' in r) expect(p.metadata.labels).toEqual(r.labels);
  });

  it('a copy keeps what the --keep-* flags say (not with legacy, which always drops the labels)', () => {
    const keepAll: KeepFlags = { labels: true, annotations: true, liveness: true, readiness: true, startup: true, initContainers: false };
    const general = pod();
    profileApplier('general', keepAll)(general, 'dbg', 'podCopy');
    expect(general.metadata).toEqual({ name: 'p', labels: { app: 'p' }, annotations: { note: 'x' } });
    expect(general.spec.containers[0]).toEqual({ name: 'app', livenessProbe: {}, readinessProbe: {}, startupProbe: {} });
    expect(general.spec.initContainers).toBeUndefined();
    const legacy = pod();
    profileApplier('legacy', keepAll)(legacy, 'dbg', 'podCopy');
    expect(legacy.metadata.labels).toBeUndefined();
    expect(legacy.spec.initContainers).toEqual([{ name: 'init' }]);
  });

  it('refuses an unknown profile', () => {
    expect(() => profileApplier('bogus', KEEP_NONE)).toThrow('unknown profile: bogus');
  });
});
