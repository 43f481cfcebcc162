// NetworkPolicyDescriber: the pod selector, then the ingress and egress rules it allows.
import { num, rec, recs, str, strs, type Fields } from '../columns/fields.js';
import { formatLabelSelector } from '../columns/labels.js';
import { apiPath, getObject, type DescribeEnv } from './context.js';
import { intOrString } from './gofmt.js';
import { printAnnotations, printLabels } from './meta.js';
import { goTimeString } from './time.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbed, type Writer } from './writer.js';

const INDENT = '    ';

function portLines(ports: Fields[], w: Writer): void {
  if (ports.length === 0) {
    w.write(LEVEL_0, `${INDENT}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const port of ports) {
    const proto = typeof port.protocol === 'string' ? port.protocol : 'TCP';
    const p = port.port === undefined || port.port === null ? '<nil>' : intOrString(port.port);
    w.write(LEVEL_0, typeof port.endPort === 'number' ? `${INDENT}To Port Range: ${p}-${num(port.endPort)}/${proto}\n` : `${INDENT}To Port: ${p}/${proto}\n`);
  }
}

function peerLines(peers: Fields[], title: 'From' | 'To', w: Writer): void {
  if (peers.length === 0) {
    w.write(LEVEL_0, title === 'From' ? `${INDENT}From: <any> (traffic not restricted by source)\n` : `${INDENT}To: <any> (traffic not restricted by destination)\n`);
    return;
  }
  for (const peer of peers) {
    w.write(LEVEL_0, `${INDENT}${title}:\n`);
    const pod = peer.podSelector;
    const ns = peer.namespaceSelector;
    if (pod && ns) {
      w.write(LEVEL_1, `${INDENT}NamespaceSelector: ${formatLabelSelector(ns)}\n`);
      w.write(LEVEL_1, `${INDENT}PodSelector: ${formatLabelSelector(pod)}\n`);
    } else if (pod) {
      w.write(LEVEL_1, `${INDENT}PodSelector: ${formatLabelSelector(pod)}\n`);
    } else if (ns) {
      w.write(LEVEL_1, `${INDENT}NamespaceSelector: ${formatLabelSelector(ns)}\n`);
    } else if (peer.ipBlock) {
      w.write(LEVEL_1, `${INDENT}IPBlock:\n`);
      w.write(LEVEL_2, `${INDENT}CIDR: ${str(rec(peer.ipBlock).cidr)}\n`);
      w.write(LEVEL_2, `${INDENT}Except: ${strs(rec(peer.ipBlock).except).join(', ')}\n`);
    }
  }
}

function ruleLines(rules: Fields[], peerKey: 'from' | 'to', w: Writer): void {
  if (rules.length === 0) {
    const what = peerKey === 'from' ? 'ingress' : 'egress';
    w.write(LEVEL_0, `${INDENT}<none> (Selected pods are isolated for ${what} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    portLines(recs(rule.ports), w);
    peerLines(recs(rule[peerKey]), peerKey === 'from' ? 'From' : 'To', w);
    if (i !== rules.length - 1) w.write(LEVEL_0, `${INDENT}----------\n`);
  });
}

function specLines(spec: Fields, w: Writer): void {
  w.write(LEVEL_0, 'Spec:\n');
  w.write(LEVEL_1, 'PodSelector: ');
  const sel = rec(spec.podSelector);
  const empty = Object.keys(rec(sel.matchLabels)).length === 0 && recs(sel.matchExpressions).length === 0;
  w.write(LEVEL_2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(sel)}\n`);
  const types = strs(spec.policyTypes);
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    ruleLines(recs(spec.ingress), 'from', w);
  } else {
    w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  }
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    ruleLines(recs(spec.egress), 'to', w);
  } else {
    w.write(LEVEL_1, 'Not affecting egress traffic\n');
  }
  w.write(LEVEL_1, `Policy Types: ${types.length > 0 ? types.join(', ') : '<none>'}\n`);
}

export async function describeNetworkPolicy(env: DescribeEnv, namespace: string, name: string): Promise<string> {
  const np = await getObject(env, apiPath('networking.k8s.io/v1', 'networkpolicies', namespace, name));
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${np.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Created on:\t${goTimeString(np.metadata.creationTimestamp, env.zone)}\n`);
    printLabels(w, 'Labels', np.metadata.labels);
    printAnnotations(w, 'Annotations', np.metadata.annotations);
    specLines(rec(np.spec), w);
  });
}
