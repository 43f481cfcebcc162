import { describe, expect, it } from 'vitest';
import { klogLine, startFailureLines, upstreamLine } from './klog.js';
import { ComponentOutputs } from './output.js';

// Local time, as klog prints it; the expected lines are real v1.32 kube-scheduler log lines.
const at = new Date(2026, 2, 20, 14, 32, 38, 950).getTime();

describe('klog lines', () => {
  it.each([
    ['I', 'serving.go:386', 'Generated self-signed cert in-memory', 132, 'I0320 14:32:38.950132       1 serving.go:386] Generated self-signed cert in-memory'],
    ['E', 'run.go:72', '"command failed" err="x"', 7, 'E0320 14:32:38.950007       1 run.go:72] "command failed" err="x"'],
  ] as const)('%s %s', (sev, site, msg, micros, want) => {
    expect(klogLine(sev, at, site, msg, micros)).toBe(want);
  });

  it('writes the leader election messages upstream prints, with client-go v0.32 call sites', () => {
    expect(upstreamLine(at, 'attempting to acquire leader lease kube-system/kube-scheduler...')?.text).toMatch(/^I0320 14:32:38\.950\d{3}       1 leaderelection\.go:257\] attempting to acquire leader lease kube-system\/kube-scheduler\.\.\.$/);
    expect(upstreamLine(at, 'successfully acquired lease kube-system/kube-scheduler')?.text).toMatch(/ leaderelection\.go:271\] successfully acquired lease kube-system\/kube-scheduler$/);
    expect(upstreamLine(at, 'binding: pods "x" not found')).toBeUndefined();
  });

  it.each([
    ['Error: unknown flag: --bogus', /^Error: unknown flag: --bogus$/],
    ["ENOENT: no such file or directory, open '/etc/kubernetes/nope.conf'", /^E0320 14:32:38\.950\d{3}       1 run\.go:72\] "command failed" err="stat \/etc\/kubernetes\/nope\.conf: no such file or directory"$/],
  ])('a failed start: %s', (error, want) => {
    const lines = startFailureLines(at, error);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.stream).toBe('stderr');
    expect(lines[0]!.text).toMatch(want);
  });
});

describe('component outputs', () => {
  it('keeps each run apart and starts over when reset', () => {
    const o = new ComponentOutputs();
    const line = (text: string) => ({ at, stream: 'stderr' as const, text });
    o.begin('kube-scheduler', 1);
    o.write('kube-scheduler', line('a'));
    o.begin('kube-scheduler', 2);
    o.write('kube-scheduler', line('b'), line('c'));
    expect(o.lines('kube-scheduler', 1).map((l) => l.text)).toEqual(['a']);
    expect(o.lines('kube-scheduler', 2).map((l) => l.text)).toEqual(['b', 'c']);
    o.reset('kube-scheduler');
    expect(o.lines('kube-scheduler', 1)).toEqual([]);
    o.write('etcd', line('up'));
    expect(o.lines('etcd', 1).map((l) => l.text)).toEqual(['up']);
  });
});
