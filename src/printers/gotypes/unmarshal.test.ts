import { describe, expect, it } from 'vitest';
import { goTypeKey } from './tables.js';
import { unmarshalError } from './unmarshal.js';

// Expected texts follow sigs.k8s.io/json's decoder (internal/golang/encoding/json/decode.go:
// UnmarshalTypeError.Error, addErrorContext, literalStore) and apimachinery v0.32.4's UnmarshalJSON
// methods (resource.Quantity, metav1.Time, intstr.IntOrString).
const deploy = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx', ...container }] } }, ...extra },
});

const cases: { name: string; obj: Record<string, unknown>; want: string | undefined }[] = [
  { name: 'a valid deployment', obj: deploy({ env: [{ name: 'PORT', value: '8080' }], ports: [{ containerPort: 80 }] }), want: undefined },
  { name: 'nulls fit anything', obj: deploy({ env: null, ports: [{ containerPort: null }] }, { replicas: null }), want: undefined },
  { name: 'a number into an env value', obj: deploy({ env: [{ name: 'PORT', value: 8080 }] }), want: 'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string' },
  { name: 'a string into an int32', obj: deploy({ ports: [{ containerPort: '80' }] }), want: 'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32' },
  { name: 'a fraction into an int32', obj: deploy({ ports: [{ containerPort: 1.5 }] }), want: 'json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32' },
  { name: 'an overflowing int32', obj: deploy({ ports: [{ containerPort: 3000000000 }] }), want: 'json: cannot unmarshal number 3000000000 into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32' },
  { name: 'a pointer names its element type', obj: deploy({}, { replicas: '3' }), want: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32' },
  { name: 'a bool in a label map', obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { env: true } } }, want: 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string' },
  { name: 'an array for a map', obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: ['a'] }, want: 'json: cannot unmarshal array into Go struct field ConfigMap.data of type map[string]string' },
  { name: 'an object for a slice', obj: deploy({}, { template: { spec: { containers: { name: 'c' } } } }), want: 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container' },
  { name: 'a string for a slice element struct', obj: deploy({}, { template: { spec: { containers: ['c'] } } }), want: 'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container' },
  { name: 'a string for a pointer struct', obj: deploy({ livenessProbe: 'x' }), want: 'json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.livenessProbe of type v1.Probe' },
  { name: 'a named string type', obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, protocol: 6 }] } }, want: 'json: cannot unmarshal number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol' },
  { name: 'a named slice element type', obj: deploy({ securityContext: { capabilities: { add: [1] } } }), want: 'json: cannot unmarshal number into Go struct field Capabilities.spec.template.spec.containers.securityContext.capabilities.add of type v1.Capability' },
  { name: 'a named map type', obj: deploy({ resources: { limits: 'x' } }), want: 'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList' },
  { name: 'a struct for a whole field', obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: 'd' }, want: 'json: cannot unmarshal string into Go struct field Deployment.metadata of type v1.ObjectMeta' },
  { name: 'the first mismatch in document order', obj: { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: '80x' }] }, metadata: { labels: { a: 1 } } }, want: 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32' },
  { name: 'a bad quantity ends decoding at once', obj: deploy({ env: [{ value: 1 }], resources: { limits: { memory: '512MB' } } }), want: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
  { name: 'a number is a quantity', obj: deploy({ resources: { limits: { cpu: 1 } } }), want: undefined },
  { name: 'an int-or-string takes both', obj: { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }] } }, want: undefined },
  { name: 'an int-or-string bool', obj: { apiVersion: 'v1', kind: 'Service', spec: { ports: [{ port: 80, targetPort: true }] } }, want: 'json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32' },
  // the real kubectl v1.32.4, `run --overrides` (decoded by the same sigs.k8s.io/json serializer):
  { name: 'an int-or-string fraction', obj: deploy({ livenessProbe: { httpGet: { port: 1.5 } } }), want: 'json: cannot unmarshal number 1.5 into Go struct field HTTPGetAction.spec.template.spec.containers.livenessProbe.httpGet.port of type int32' },
  { name: 'a number for a time', obj: { apiVersion: 'v1', kind: 'Pod', metadata: { creationTimestamp: 5 } }, want: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string' },
  { name: 'a time that does not parse', obj: { apiVersion: 'v1', kind: 'Pod', metadata: { creationTimestamp: 'now' } }, want: 'parsing time "now" as "2006-01-02T15:04:05Z07:00": cannot parse "now" as "2006"' },
  { name: 'unknown fields are not this check', obj: { apiVersion: 'v1', kind: 'Pod', spec: { bogus: 1 } }, want: undefined },
  { name: 'an autoscaling/v2 struct is v2.X', obj: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', spec: { scaleTargetRef: 'x' } }, want: 'json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec.scaleTargetRef of type v2.CrossVersionObjectReference' },
];

describe('unmarshalError', () => {
  it.each(cases)('$name', ({ obj, want }) => {
    const key = goTypeKey(String(obj.apiVersion), String(obj.kind));
    expect(key).toBeDefined();
    expect(unmarshalError(key!, obj)).toBe(want);
  });
});
