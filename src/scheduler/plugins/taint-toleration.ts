// TaintToleration: NoSchedule and NoExecute taints the pod does not tolerate rule a node out; the
// score counts untolerated PreferNoSchedule taints, fewer being better (normalised in reverse).
import { defaultNormalize, unresolvable, type FilterPlugin, type ScorePlugin, type Status } from '../types.js';
import { firstUntolerated, tolerates } from '../selectors.js';

export const TAINT_TOLERATION = 'TaintToleration';

const DO_NOT_SCHEDULE = ['NoSchedule', 'NoExecute'] as const;

export function taintToleration(): FilterPlugin & ScorePlugin {
  return {
    name: TAINT_TOLERATION,
    filter(_state, pod, node): Status | null {
      if (node.taints.length === 0) return null;
      const taint = firstUntolerated(node.taints, pod.tolerations, DO_NOT_SCHEDULE);
      return taint ? unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : null;
    },
    score(_state, pod, node): number {
      let n = 0;
      for (const taint of node.taints) {
        if (taint.effect !== 'PreferNoSchedule') continue;
        const ok = pod.tolerations.some((t) => (!t.effect || t.effect === 'PreferNoSchedule') && tolerates(t, taint));
        if (!ok) n++;
      }
      return n;
    },
    normalize(_state, _pod, scores): void {
      defaultNormalize(scores, true);
    },
  };
}
