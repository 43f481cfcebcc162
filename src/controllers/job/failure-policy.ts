// spec.podFailurePolicy: the first rule a failed pod matches decides whether its failure fails
// the Job (FailJob), is not counted against backoffLimit (Ignore) or counts (Count).
import type { Job, Pod, PodFailurePolicyRule, ContainerStatus } from './types.js';

export interface PolicyMatch {
  /** Set when a FailJob rule matched: the failure message. */
  failJobMessage?: string;
  /** Whether the failure counts toward backoffLimit. */
  count: boolean;
  action?: string;
}

function exitCodeMatch(statuses: ContainerStatus[] | undefined, req: NonNullable<PodFailurePolicyRule['onExitCodes']>): ContainerStatus | undefined {
  return statuses?.find((c) => {
    const code = c.state?.terminated?.exitCode;
    if (code === undefined || code === 0) return false;
    if (req.containerName && req.containerName !== c.name) return false;
    return req.operator === 'In' ? req.values.includes(code) : req.operator === 'NotIn' ? !req.values.includes(code) : false;
  });
}

function ruleMatch(rule: PodFailurePolicyRule, pod: Pod): string | undefined {
  const ns = pod.metadata.namespace;
  const name = pod.metadata.name;
  if (rule.onExitCodes) {
    const c = exitCodeMatch(pod.status?.containerStatuses, rule.onExitCodes) ?? exitCodeMatch(pod.status?.initContainerStatuses, rule.onExitCodes);
    return c ? `Container ${c.name} for pod ${ns}/${name} failed with exit code ${c.state?.terminated?.exitCode}` : undefined;
  }
  const cond = pod.status?.conditions?.find((pc) => rule.onPodConditions?.some((p) => p.type === pc.type && (p.status ?? 'True') === pc.status));
  return cond ? `Pod ${ns}/${name} has condition ${cond.type}` : undefined;
}

/** matchPodFailurePolicy for a failed pod. */
export function matchFailurePolicy(job: Job, pod: Pod): PolicyMatch {
  const rules = job.spec?.podFailurePolicy?.rules;
  if (!rules) return { count: true };
  for (const [index, rule] of rules.entries()) {
    const what = ruleMatch(rule, pod);
    if (what === undefined) continue;
    if (rule.action === 'Ignore') return { count: false, action: rule.action };
    if (rule.action === 'Count') return { count: true, action: rule.action };
    if (rule.action === 'FailJob') return { count: true, action: rule.action, failJobMessage: `${what} matching FailJob rule at index ${index}` };
  }
  return { count: true };
}
