import { describe, expect, it } from 'vitest';
import type { KObject } from '../../api/types.js';
import { AGE_DOC, NAME_DOC } from './define.js';
import { columnsFor, defaultColumns } from './index.js';

const NOW = Date.parse('2025-01-15T12:00:00Z');

const PRINTED: [string, string, string][] = [
  ['', 'pods', 'Name Ready Status Restarts Age IP Node Nominated Node Readiness Gates'],
  ['', 'podtemplates', 'Name Containers Images Pod Labels'],
  ['', 'replicationcontrollers', 'Name Desired Current Ready Age Containers Images Selector'],
  ['', 'services', 'Name Type Cluster-IP External-IP Port(s) Age Selector'],
  ['', 'endpoints', 'Name Endpoints Age'],
  ['', 'nodes', 'Name Status Roles Age Version Internal-IP External-IP OS-Image Kernel-Version Container-Runtime'],
  ['', 'events', 'Last Seen Type Reason Object Subobject Source Message First Seen Count Name'],
  ['', 'namespaces', 'Name Status Age'],
  ['', 'secrets', 'Name Type Data Age'],
  ['', 'serviceaccounts', 'Name Secrets Age'],
  ['', 'persistentvolumes', 'Name Capacity Access Modes Reclaim Policy Status Claim StorageClass VolumeAttributesClass Reason Age VolumeMode'],
  ['', 'persistentvolumeclaims', 'Name Status Volume Capacity Access Modes StorageClass VolumeAttributesClass Age VolumeMode'],
  ['', 'componentstatuses', 'Name Status Message Error'],
  ['', 'configmaps', 'Name Data Age'],
  ['', 'resourcequotas', 'Name Age Request Limit'],
  ['apps', 'deployments', 'Name Ready Up-to-date Available Age Containers Images Selector'],
  ['apps', 'replicasets', 'Name Desired Current Ready Age Containers Images Selector'],
  ['apps', 'daemonsets', 'Name Desired Current Ready Up-to-date Available Node Selector Age Containers Images Selector'],
  ['apps', 'statefulsets', 'Name Ready Age Containers Images'],
  ['apps', 'controllerrevisions', 'Name Controller Revision Age'],
  ['batch', 'jobs', 'Name Status Completions Duration Age Containers Images Selector'],
  ['batch', 'cronjobs', 'Name Schedule Timezone Suspend Active Last Schedule Age Containers Images Selector'],
  ['autoscaling', 'horizontalpodautoscalers', 'Name Reference Targets MinPods MaxPods Replicas Age'],
  ['networking.k8s.io', 'ingresses', 'Name Class Hosts Address Ports Age'],
  ['networking.k8s.io', 'ingressclasses', 'Name Controller Parameters Age'],
  ['networking.k8s.io', 'networkpolicies', 'Name Pod-Selector Age'],
  ['rbac.authorization.k8s.io', 'rolebindings', 'Name Role Age Users Groups ServiceAccounts'],
  ['rbac.authorization.k8s.io', 'clusterrolebindings', 'Name Role Age Users Groups ServiceAccounts'],
  ['storage.k8s.io', 'storageclasses', 'Name Provisioner ReclaimPolicy VolumeBindingMode AllowVolumeExpansion Age'],
  ['storage.k8s.io', 'csidrivers', 'Name AttachRequired PodInfoOnMount StorageCapacity TokenRequests RequiresRepublish Modes Age'],
  ['storage.k8s.io', 'csinodes', 'Name Drivers Age'],
  ['storage.k8s.io', 'volumeattachments', 'Name Attacher PV Node Attached Age'],
  ['policy', 'poddisruptionbudgets', 'Name Min Available Max Unavailable Allowed Disruptions Age'],
  ['coordination.k8s.io', 'leases', 'Name Holder Age'],
  ['scheduling.k8s.io', 'priorityclasses', 'Name Value Global-Default Age PreemptionPolicy'],
  ['discovery.k8s.io', 'endpointslices', 'Name AddressType Ports Endpoints Age'],
  ['certificates.k8s.io', 'certificatesigningrequests', 'Name Age SignerName Requestor RequestedDuration Condition'],
  ['events.k8s.io', 'events', 'Last Seen Type Reason Object Subobject Source Message First Seen Count Name'],
  ['admissionregistration.k8s.io', 'mutatingwebhookconfigurations', 'Name Webhooks Age'],
  ['admissionregistration.k8s.io', 'validatingwebhookconfigurations', 'Name Webhooks Age'],
  ['admissionregistration.k8s.io', 'validatingadmissionpolicies', 'Name Validations ParamKind Age'],
  ['admissionregistration.k8s.io', 'validatingadmissionpolicybindings', 'Name PolicyName ParamRef Age'],
  ['node.k8s.io', 'runtimeclasses', 'Name Handler Age'],
  ['flowcontrol.apiserver.k8s.io', 'flowschemas', 'Name PriorityLevel MatchingPrecedence DistinguisherMethod Age MissingPL'],
  ['flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations', 'Name Type NominalConcurrencyShares Queues HandSize QueueLengthLimit Age'],
];

describe('columnsFor', () => {
  it.each(PRINTED)('%s %s has upstream columns', (group, resource, names) => {
    expect(columnsFor(group, resource).columns.map((c) => c.name).join(' ')).toBe(names);
  });

  it.each(PRINTED)('%s %s prints one cell per column, even for an empty object', (group, resource) => {
    const set = columnsFor(group, resource);
    const cells = set.cells({ metadata: { name: 'x' } }, { now: NOW });
    expect(cells).toHaveLength(set.columns.length);
  });

  it.each(PRINTED)('%s %s describes NAME and AGE with ObjectMeta docs', (group, resource) => {
    for (const c of columnsFor(group, resource).columns) {
      if (c.name === 'Name') expect([c.format, c.description]).toEqual(['name', NAME_DOC]);
      if (c.name === 'Age') expect([c.type, c.format, c.description]).toEqual(['string', '', AGE_DOC]);
    }
  });

  it.each([
    ['rbac.authorization.k8s.io', 'roles'],
    ['rbac.authorization.k8s.io', 'clusterroles'],
    ['', 'limitranges'],
    ['apiextensions.k8s.io', 'customresourcedefinitions'],
    ['example.com', 'widgets'],
    ['', 'deployments'],
  ])('%s %s falls back to the default table', (group, resource) => {
    expect(columnsFor(group, resource)).toBe(defaultColumns);
  });
});

describe('default table', () => {
  it('has NAME and a date-typed Created At', () => {
    expect(defaultColumns.columns.map((c) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
    expect(defaultColumns.columns[0]!.description).toMatch(/^Name must be unique within a namespace\. Is required when creating resources/);
    expect(defaultColumns.columns[1]!.description).toMatch(
      /^CreationTimestamp is a timestamp representing the server time when this object was created\..*\n\nPopulated by the system\./s,
    );
  });

  it.each([
    ['2025-01-15T10:00:00Z', '2025-01-15T10:00:00Z'],
    ['2025-01-15T10:00:00.123456Z', '2025-01-15T10:00:00Z'],
    ['2025-01-15T12:00:00+02:00', '2025-01-15T10:00:00Z'],
    [undefined, '0001-01-01T00:00:00Z'],
  ])('Created At of %s is %s', (created, want) => {
    const role: KObject = { metadata: { name: 'pod-reader', creationTimestamp: created } };
    expect(defaultColumns.cells(role, { now: NOW })).toEqual(['pod-reader', want]);
  });
});
