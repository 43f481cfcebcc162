// The workload commands (rollout, set, expose, autoscale, drain), by their path after `kubectl`;
// each module loads only when it runs.
import type { CommandModule } from '../context.js';

export const WORKLOAD_COMMANDS: Record<string, () => Promise<CommandModule>> = {
  autoscale: () => import('./autoscale.js'),
  drain: () => import('./drain.js'),
  expose: () => import('./expose.js'),
  'rollout history': () => import('./rollout/history.js'),
  'rollout pause': () => import('./rollout/pause.js'),
  'rollout restart': () => import('./rollout/restart.js'),
  'rollout resume': () => import('./rollout/resume.js'),
  'rollout status': () => import('./rollout/status.js'),
  'rollout undo': () => import('./rollout/undo.js'),
  'set env': () => import('./set/env.js'),
  'set image': () => import('./set/image.js'),
  'set resources': () => import('./set/resources.js'),
  'set selector': () => import('./set/selector.js'),
  'set serviceaccount': () => import('./set/serviceaccount.js'),
};
