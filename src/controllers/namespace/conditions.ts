// The namespace's deletion conditions, with upstream's types, reasons and messages.

export interface Remaining {
  /** `pods.` / `deployments.apps` → instances left. */
  counts: Map<string, number>;
  /** finalizer → instances carrying it. */
  finalizers: Map<string, number>;
  failures: string[];
  waitMs: number;
}

interface Condition { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }

function summary(m: Map<string, number>, what: string): string {
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} has ${n} ${what}`).join(', ');
}

function finalizerSummary(m: Map<string, number>): string {
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} in ${n} resource instances`).join(', ');
}

/** The five conditions upstream keeps on a terminating namespace, lastTransitionTime kept when unchanged. */
export function deletionConditions(old: Condition[], rem: Remaining, now: string): Condition[] {
  const want: Condition[] = [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    rem.failures.length
      ? { type: 'NamespaceDeletionContentFailure', status: 'True', reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${rem.failures.length} remaining: ${rem.failures.join(', ')}` }
      : { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    rem.counts.size
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${summary(rem.counts, 'resource instances')}` }
      : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    rem.finalizers.size
      ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${finalizerSummary(rem.finalizers)}` }
      : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ];
  return want.map((c) => {
    const prev = old.find((o) => o.type === c.type);
    const unchanged = prev && prev.status === c.status && prev.lastTransitionTime;
    // Go's field order: type, status, lastTransitionTime, reason, message.
    return { type: c.type, status: c.status, lastTransitionTime: unchanged ? prev.lastTransitionTime! : now, reason: c.reason, message: c.message };
  });
}
