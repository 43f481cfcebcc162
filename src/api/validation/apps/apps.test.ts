import { describe, expect, it } from 'vitest';
import { createErrors, meta, updateErrors } from '../testing.js';

const template = (labels: Record<string, string>, spec: Record<string, unknown> = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx' }], ...spec } });
const deploy = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'), spec });
const selector = { matchLabels: { app: 'web' } };

describe('Deployment', () => {
  it.each([
    ['valid', deploy({ selector, template: template({ app: 'web' }) }), []],
    ['selector mismatch', deploy({ selector, template: template({ app: 'x' }) }), ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`']],
    ['missing selector', deploy({ template: template({ app: 'web' }) }), ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`']],
    ['empty selector', deploy({ selector: {}, template: template({ app: 'web' }) }), ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment']],
    ['negative replicas', deploy({ replicas: -1, selector, template: template({ app: 'web' }) }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['restartPolicy Never', deploy({ selector, template: template({ app: 'web' }, { restartPolicy: 'Never' }) }), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['missing image in template', deploy({ selector, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } } }), ['spec.template.spec.containers[0].image: Required value']],
    ['bad strategy type', deploy({ selector, template: template({ app: 'web' }), strategy: { type: 'Rolling' } }), ['spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"Rolling", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"']],
    ['both surge and unavailable zero', deploy({ selector, template: template({ app: 'web' }), strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }), ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0']],
  ])('%s', (_, obj, want) => expect(createErrors('Deployment.apps', obj)).toEqual(want));

  it('keeps the selector immutable on update', () => {
    const old = deploy({ selector, template: template({ app: 'web' }) });
    const next = deploy({ selector: { matchLabels: { app: 'web2' } }, template: template({ app: 'web2' }) });
    expect(updateErrors('Deployment.apps', next, old)).toEqual(['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
  });
});

describe('ReplicaSet, DaemonSet, StatefulSet', () => {
  it('ReplicaSet selector mismatch', () => {
    expect(createErrors('ReplicaSet.apps', { metadata: meta('rs'), spec: { selector, template: template({ app: 'db' }) } })).toEqual(['spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`']);
  });

  it('DaemonSet selector mismatch and restartPolicy', () => {
    expect(createErrors('DaemonSet.apps', { metadata: meta('ds'), spec: { selector, template: template({ app: 'x' }, { restartPolicy: 'OnFailure' }) } })).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('StatefulSet names are DNS labels', () => {
    expect(createErrors('StatefulSet.apps', { metadata: meta('db.v1'), spec: { selector, serviceName: 'db', template: template({ app: 'web' }) } })).toEqual(['metadata.name: Invalid value: "db.v1": must not contain dots']);
  });

  it('StatefulSet forbids changing other spec fields', () => {
    const old = { metadata: meta('db'), spec: { selector, serviceName: 'db', template: template({ app: 'web' }) } };
    const next = { metadata: meta('db'), spec: { selector, serviceName: 'db2', template: template({ app: 'web' }) } };
    expect(updateErrors('StatefulSet.apps', next, old)).toEqual(["spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"]);
  });
});
