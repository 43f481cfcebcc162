// YAML as kubeadm writes it (sigs.k8s.io/yaml over go-yaml): keys sorted, list items at their
// parent's indentation, no line folding, no anchors, ambiguous strings double-quoted.
import { stringify } from 'yaml';

export function toKubeYaml(value: unknown): string {
  return stringify(value, {
    indentSeq: false,
    lineWidth: 0,
    minContentWidth: 0,
    sortMapEntries: true,
    aliasDuplicateObjects: false,
  });
}
