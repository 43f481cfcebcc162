// events (core/v1 and events.k8s.io/v1): printEvent — LAST SEEN TYPE REASON OBJECT MESSAGE;
// wide SUBOBJECT and SOURCE after OBJECT, then FIRST SEEN COUNT NAME. Both APIs serve the same
// stored events, so an events.k8s.io/v1 object is first read as the core event it converts to.
import type { KObject } from '../../api/types.js';
import { NAME_DOC, column, wideColumn } from './define.js';
import { at, num, rec, str, type Fields } from './fields.js';
import { parseTime, since } from './timestamps.js';
import type { ColumnSet } from './types.js';

/** Convert_v1_Event_To_core_Event (events.k8s.io/v1 → core), for the fields the table reads. */
export function coreEvent(obj: KObject): KObject {
  return {
    metadata: obj.metadata,
    involvedObject: obj.regarding,
    message: obj.note,
    source: obj.deprecatedSource,
    firstTimestamp: obj.deprecatedFirstTimestamp,
    lastTimestamp: obj.deprecatedLastTimestamp,
    count: obj.deprecatedCount,
    reportingComponent: obj.reportingController,
    reportingInstance: obj.reportingInstance,
    eventTime: obj.eventTime,
    series: obj.series,
    type: obj.type,
    reason: obj.reason,
  };
}

function firstNonEmpty(...values: string[]): string {
  return values.find((v) => v !== '') ?? '';
}

/** formatEventSource: `component, host`, falling back to the reporting controller and instance. */
function eventSource(ev: Fields): string {
  const component = firstNonEmpty(str(at(ev.source, 'component')), str(ev.reportingComponent));
  const instance = firstNonEmpty(str(at(ev.source, 'host')), str(ev.reportingInstance));
  return instance === '' ? component : `${component}, ${instance}`;
}

function target(ev: Fields): string {
  const involved = rec(ev.involvedObject);
  const kind = str(involved.kind).toLowerCase();
  return str(involved.name) !== '' ? `${kind}/${str(involved.name)}` : kind;
}

function eventCells(ev: KObject, now: number): unknown[] {
  const first = parseTime(ev.firstTimestamp) === null ? since(ev.eventTime, now) : since(ev.firstTimestamp, now);
  let last = parseTime(ev.lastTimestamp) === null ? first : since(ev.lastTimestamp, now);
  let count = num(ev.count);
  if (ev.series !== undefined && ev.series !== null) {
    last = since(at(ev.series, 'lastObservedTime'), now);
    count = num(at(ev.series, 'count'));
  } else if (count === 0) {
    count = 1;
  }
  return [
    last,
    str(ev.type),
    str(ev.reason),
    target(ev),
    str(at(ev.involvedObject, 'fieldPath')),
    eventSource(ev),
    str(ev.message).trim(),
    first,
    count,
    ev.metadata.name ?? '',
  ];
}

const columns = [
  column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column('Reason', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
  column('Object', 'The object that this event is about.'),
  wideColumn('Subobject', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.'),
  wideColumn('Source', 'The component reporting this event. Should be a short machine understandable string.'),
  column('Message', 'A human-readable description of the status of this operation.'),
  wideColumn('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
  wideColumn('Count', 'The number of times this event has occurred.'),
  column('Name', NAME_DOC, { format: 'name', priority: 1 }),
];

export const eventColumns: ColumnSet = {
  columns,
  cells: (ev, { now }) => eventCells(ev, now),
};

function isEventsV1(obj: KObject): boolean {
  if (typeof obj.apiVersion === 'string') return obj.apiVersion.startsWith('events.k8s.io/');
  return !('involvedObject' in obj);
}

export const eventsV1Columns: ColumnSet = {
  columns,
  cells: (ev, { now }) => eventCells(isEventsV1(ev) ? coreEvent(ev) : ev, now),
};
