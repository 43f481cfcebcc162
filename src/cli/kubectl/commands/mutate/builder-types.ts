// What the builder's parts share: how it reaches the cluster, TYPE/NAME tuples, the argument
// splitting rules and the error for no resources at all.
import type { RestClient } from '../../../../client/rest.js';
import type { Io } from '../../../shared/io.js';
import type { RestMapper } from '../../discovery/mapper.js';
import type { FilePlan } from '../../resource/files.js';

export interface BuilderEnv {
  io: Io;
  /** discovery; `attempts` is how many times client-go's cache would log a failure */
  mapper(attempts: number): Promise<RestMapper>;
  client(): Promise<RestClient>;
}

export interface Tuple {
  resource: string;
  name: string;
}

export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export const SLASH_MIXED = "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'";

/** SplitResourceArgument: comma-separated, repeats dropped, order kept. */
export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

export function splitTypeName(s: string): Tuple | undefined {
  if (!s.includes('/')) return undefined;
  const seg = s.split('/');
  if (seg.length !== 2) throw new Error('arguments in resource/name form may not have more than one slash');
  const [resource, name] = seg as [string, string];
  if (resource === '' || name === '' || splitResourceArgument(resource).length !== 1) {
    throw new Error('arguments in resource/name form must have a single resource and name');
  }
  return { resource, name };
}

/** `a,b x y` → `a/x a/y b/x b/y`. */
export function normalizeMultipleResourcesArgs(args: string[]): string[] {
  if (args.length < 2) return args;
  const resources = splitResourceArgument(args[0]!);
  if (resources.length < 2) return args;
  return resources.flatMap((r) => args.slice(1).map((n) => `${r}/${n}`));
}

/** Everything the builder was told, as visitorResult reads it. */
export interface VisitPlan {
  namespace: string;
  defaultNamespace: boolean;
  requireNamespace: boolean;
  allNamespaces: boolean;
  files?: FilePlan;
  labelSelector?: string;
  fieldSelector?: string;
  selectAll: boolean;
  resources: string[];
  /** index in resources of the TYPE argument whose categories (`all`) expand through discovery */
  aliasArg: number;
  names: string[];
  tuples: Tuple[];
  latest: boolean;
  requireObject: boolean;
  continueOnError: boolean;
  local: boolean;
  subresource: string;
  singleResourceType: boolean;
  chunkSize: number;
  singleItemImplied: boolean;
  /** TransformRequests' Accept header (get asks for Tables) on what Latest() reads */
  accept?: string;
  includeObject?: string;
  /** WithScheme: the typed client's Accept, and its Status errors decoded without their kind */
  typed?: boolean;
}
