// The action of each crictl command path ("ps", "create jsonschema"), loaded on demand.
import type { Action } from '../context.js';

type Loader = () => Promise<Action>;

const ACTIONS: Record<string, Loader> = {
  attach: async () => (await import('./streaming.js')).attach,
  checkpoint: async () => (await import('./container-ops.js')).checkpoint,
  completion: async () => (await import('./completion.js')).completion,
  config: async () => (await import('./config.js')).config,
  create: async () => (await import('./create.js')).create,
  'create jsonschema': async () => (await import('./jsonschema.js')).jsonschemaBoth,
  events: async () => (await import('./events.js')).events,
  exec: async () => (await import('./exec.js')).exec,
  imagefsinfo: async () => (await import('./runtime-info.js')).imagefsinfo,
  images: async () => (await import('./images.js')).images,
  info: async () => (await import('./runtime-info.js')).info,
  inspect: async () => (await import('./inspect.js')).inspect,
  inspecti: async () => (await import('./inspect.js')).inspecti,
  inspectp: async () => (await import('./inspect.js')).inspectp,
  logs: async () => (await import('./logs.js')).logs,
  metricsp: async () => (await import('./stats.js')).metricsp,
  pods: async () => (await import('./pods.js')).pods,
  'port-forward': async () => (await import('./streaming.js')).portForward,
  ps: async () => (await import('./ps.js')).ps,
  pull: async () => (await import('./image-ops.js')).pull,
  'pull jsonschema': async () => (await import('./jsonschema.js')).jsonschemaPod,
  rm: async () => (await import('./container-ops.js')).rm,
  rmi: async () => (await import('./image-ops.js')).rmi,
  rmp: async () => (await import('./sandbox-ops.js')).rmp,
  run: async () => (await import('./create.js')).run,
  'run jsonschema': async () => (await import('./jsonschema.js')).jsonschemaBoth,
  runp: async () => (await import('./create.js')).runp,
  'runp jsonschema': async () => (await import('./jsonschema.js')).jsonschemaPod,
  'runtime-config': async () => (await import('./runtime-info.js')).runtimeConfig,
  start: async () => (await import('./container-ops.js')).start,
  stats: async () => (await import('./stats.js')).stats,
  statsp: async () => (await import('./stats.js')).statsp,
  stop: async () => (await import('./container-ops.js')).stop,
  stopp: async () => (await import('./sandbox-ops.js')).stopp,
  update: async () => (await import('./container-ops.js')).update,
  'update-runtime-config': async () => (await import('./runtime-info.js')).updateRuntimeConfig,
  version: async () => (await import('./runtime-info.js')).version,
};

/** The action for a command path. */
export async function loadAction(path: string): Promise<Action> {
  const load = ACTIONS[path];
  if (load === undefined) throw new Error(`kubedojo's crictl does not implement "${path}" yet`);
  return load();
}

export const ACTION_PATHS = Object.keys(ACTIONS);
