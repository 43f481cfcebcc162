// core/v1 Event and EventList in Go struct order, as `kubectl events -o json|yaml` prints them.
import { listMeta, objectMeta, ordered, type FieldRule } from './meta.js';

const OBJECT_REFERENCE: FieldRule[] = [
  ['kind', 'omitempty'], ['namespace', 'omitempty'], ['name', 'omitempty'], ['uid', 'omitempty'],
  ['apiVersion', 'omitempty'], ['resourceVersion', 'omitempty'], ['fieldPath', 'omitempty'],
];

const ref = (v: unknown): unknown => ordered(v as Record<string, unknown>, OBJECT_REFERENCE);

const EVENT: FieldRule[] = [
  ['kind', 'omitempty'], ['apiVersion', 'omitempty'], ['metadata', 'struct'], ['involvedObject', 'struct'],
  ['reason', 'omitempty'], ['message', 'omitempty'], ['source', 'struct'], ['firstTimestamp', 'time'],
  ['lastTimestamp', 'time'], ['count', 'omitempty'], ['type', 'omitempty'], ['eventTime', 'time'], ['series', 'omitempty'],
  ['action', 'omitempty'], ['related', 'omitempty'], ['reportingComponent', 'always'], ['reportingInstance', 'always'],
];

export function typedEvent(e: unknown): Record<string, unknown> {
  return ordered({ ...(e as Record<string, unknown>), kind: 'Event', apiVersion: 'v1' }, EVENT, {
    metadata: objectMeta,
    involvedObject: ref,
    related: ref,
    source: (v) => ordered(v as Record<string, unknown>, [['component', 'omitempty'], ['host', 'omitempty']]),
    series: (v) => ordered(v as Record<string, unknown>, [['count', 'omitempty'], ['lastObservedTime', 'time']]),
  });
}

export function typedEventList(items: unknown[], metadata: unknown = {}): Record<string, unknown> {
  return { kind: 'EventList', apiVersion: 'v1', metadata: listMeta(metadata), items: items.map(typedEvent) };
}
