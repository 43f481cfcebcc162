// Column definitions as upstream writes them, and the descriptions most tables share
// (the swagger docs of metav1.ObjectMeta's name and creationTimestamp, k8s.io/apimachinery v0.32).
import type { ColumnDefinition } from './types.js';

export const NAME_DOC = 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

export const AGE_DOC = 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export const CONTAINERS_DOC = 'Names of each container in the template.';
export const IMAGES_DOC = 'Images referenced by each container in the template.';

type ColumnType = ColumnDefinition['type'];

interface ColumnOptions {
  type?: ColumnType;
  format?: string;
  /** 1 = shown only with `-o wide`. */
  priority?: number;
}

export function column(name: string, description: string, options: ColumnOptions = {}): ColumnDefinition {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description,
    priority: options.priority ?? 0,
  };
}

/** A priority-1 (wide) string column. */
export function wideColumn(name: string, description: string): ColumnDefinition {
  return column(name, description, { priority: 1 });
}

export function nameColumn(): ColumnDefinition {
  return column('Name', NAME_DOC, { format: 'name' });
}

export function ageColumn(): ColumnDefinition {
  return column('Age', AGE_DOC);
}

/** The wide Containers and Images columns of the workload tables. */
export function templateColumns(): ColumnDefinition[] {
  return [wideColumn('Containers', CONTAINERS_DOC), wideColumn('Images', IMAGES_DOC)];
}
