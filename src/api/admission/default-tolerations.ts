// DefaultTolerationSeconds: pods tolerate not-ready and unreachable nodes for 300 s.
import type { AdmissionPlugin } from '../registry/admission.js';

interface Toleration { key?: string; operator?: string; effect?: string; tolerationSeconds?: number }

const DEFAULTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  async admit(req) {
    if (req.op !== 'CREATE' || req.d.plural !== 'pods' || req.d.group !== '' || !req.obj) return;
    const spec = (req.obj.spec ??= {}) as { tolerations?: Toleration[] };
    const tols = spec.tolerations ?? [];
    const covers = (key: string) => tols.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    for (const key of DEFAULTS) if (!covers(key)) tols.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    spec.tolerations = tols;
  },
};
