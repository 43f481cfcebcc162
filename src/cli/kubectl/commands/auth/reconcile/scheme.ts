// What decoding into kubectl's scheme (typed Go structs, not unstructured) says about a document:
// `Object 'Kind' is missing`, `Object 'apiVersion' is missing`, `no kind "X" is registered for
// version "v"` for what k8s.io/api does not hold, the JSON type errors of its fields; and which
// documents are lists to flatten. The kinds come from the Go type tables; group versions the
// scheme also registers but the tables do not describe accept any kind.
import { goJsonMarshal } from '../../../../../printers/jsonpath/gojson.js';
import { checkDecodable, goTypeKey } from '../../create/go-typed.js';
import type { Json } from './objects.js';

const SCHEME = 'pkg/scheme/scheme.go:28';

/** client-go's scheme (k8s.io/api v0.32) and kubectl's additions, beyond the type tables. */
const OTHER_GROUP_VERSIONS = new Set([
  'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1', 'apps/v1beta1', 'apps/v1beta2', 'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1', 'authorization.k8s.io/v1beta1', 'autoscaling/v2beta1', 'autoscaling/v2beta2',
  'batch/v1beta1', 'certificates.k8s.io/v1alpha1', 'certificates.k8s.io/v1beta1', 'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1', 'discovery.k8s.io/v1beta1', 'events.k8s.io/v1beta1', 'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3', 'networking.k8s.io/v1alpha1', 'networking.k8s.io/v1beta1', 'node.k8s.io/v1',
  'node.k8s.io/v1alpha1', 'node.k8s.io/v1beta1', 'policy/v1beta1', 'rbac.authorization.k8s.io/v1alpha1',
  'rbac.authorization.k8s.io/v1beta1', 'resource.k8s.io/v1alpha3', 'resource.k8s.io/v1beta1', 'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1', 'storage.k8s.io/v1alpha1', 'storage.k8s.io/v1beta1', 'storagemigration.k8s.io/v1alpha1',
  'admission.k8s.io/v1', 'admission.k8s.io/v1beta1', 'imagepolicy.k8s.io/v1alpha1',
]);

/** The type tables also describe kube-aggregator's types, which kubectl's scheme does not hold. */
const NOT_IN_SCHEME = new Set(['apiregistration.k8s.io/v1']);

/** Whether kubectl's scheme has a Go type for the kind. */
export function registered(apiVersion: string, kind: string): boolean {
  if (NOT_IN_SCHEME.has(apiVersion)) return false;
  if (apiVersion === 'v1' && kind === 'List') return true;
  if (OTHER_GROUP_VERSIONS.has(apiVersion)) return true;
  return goTypeKey(apiVersion, kind) !== undefined;
}

/** The json serializer's Decode failure for one document, undefined when it decodes. */
export function decodeProblem(obj: Json): string | undefined {
  const kind = obj.kind;
  const apiVersion = obj.apiVersion;
  if (typeof kind !== 'string' || kind === '') return `Object 'Kind' is missing in '${goJsonMarshal(obj)}'`;
  if (typeof apiVersion !== 'string' || apiVersion === '') return `Object 'apiVersion' is missing in '${goJsonMarshal(obj)}'`;
  if (!registered(apiVersion, kind)) return `no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)} in scheme ${JSON.stringify(SCHEME)}`;
  try {
    checkDecodable(obj);
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}

/** The error an unregistered List item ends as (runtime.Unknown has no kind). */
export const UNKNOWN_ITEM = `unable to get type info from the object "*runtime.Unknown": no kind is registered for the type runtime.Unknown in scheme ${JSON.stringify(SCHEME)}`;

/** meta.IsListType on the decoded object: v1 List, or a typed `…List`. */
export function isListKind(obj: Json): boolean {
  const kind = String(obj.kind);
  if (obj.apiVersion === 'v1' && kind === 'List') return true;
  return kind.endsWith('List') && registered(String(obj.apiVersion), kind);
}

/** `*v1beta1.Role` */
export function goPointerType(apiVersion: string, kind: string): string {
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  return `*${version}.${kind}`;
}

/** The unstructured decoder's words for a document that is no object, as the typed one says them. */
export function typedDecodeMessage(message: string): string {
  const m = /json: cannot unmarshal (\w+) into Go value of type unstructured\.detector$/.exec(message);
  if (!m) return message;
  const target = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';
  return `${message.slice(0, m.index)}couldn't get version/kind; json parse error: json: cannot unmarshal ${m[1]} into Go value of type ${target}`;
}
