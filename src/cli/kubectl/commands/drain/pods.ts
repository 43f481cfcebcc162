// Helper.GetPodsForDeletion: every pod bound to the node (all namespaces, --pod-selector, 500 a
// page), filtered; the errors of the filters, one per message.
import type { RestClient } from '../../../../client/rest.js';
import type { Obj } from '../../../../client/types.js';
import { enhanceListError } from '../../../../client/list-error.js';
import { requestJson, TYPED_LIST } from '../../resource/request.js';
import { errorsOf, filterPods, type FilterOptions, type PodDelete } from './filters.js';

const enc = (s: string): string => encodeURIComponent(s).replace(/%20/g, '+');

interface PodPage {
  metadata?: { continue?: string };
  items?: Obj[];
}

function listQuery(podSelector: string, node: string, chunk: number, cont: string | undefined): string {
  const parts: string[] = [];
  if (cont) parts.push(`continue=${enc(cont)}`);
  parts.push(`fieldSelector=${enc(`spec.nodeName=${node}`)}`);
  if (podSelector !== '') parts.push(`labelSelector=${enc(podSelector)}`);
  if (chunk > 0) parts.push(`limit=${chunk}`);
  return `?${parts.join('&')}`;
}

async function podsOnNode(client: RestClient, node: string, podSelector: string, chunk: number): Promise<Obj[]> {
  const pods: Obj[] = [];
  let cont: string | undefined;
  do {
    let page: PodPage;
    try {
      page = await requestJson<PodPage>(client, 'GET', `/api/v1/pods${listQuery(podSelector, node, chunk, cont)}`, TYPED_LIST);
    } catch (err) {
      throw enhanceListError(err, '/v1, Resource=pods', { labelSelector: podSelector, fieldSelector: `spec.nodeName=${node}` });
    }
    pods.push(...(page.items ?? []));
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return pods;
}

export interface PodsForDeletion {
  items: PodDelete[];
  errors: Error[];
}

export interface DeletionScope extends FilterOptions {
  podSelector: string;
  chunkSize: number;
}

export async function podsForDeletion(client: RestClient, node: string, s: DeletionScope): Promise<PodsForDeletion> {
  let pods: Obj[];
  try {
    pods = await podsOnNode(client, node, s.podSelector, s.chunkSize);
  } catch (err) {
    return { items: [], errors: [err as Error] };
  }
  const items = await filterPods(client, pods, { ...s, now: Date.now() });
  return { items, errors: errorsOf(items) };
}
