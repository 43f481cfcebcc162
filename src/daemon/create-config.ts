// <cluster>/cluster.yaml: the layout a cluster was created with and the ports it got. Written
// last when a cluster is created, so its presence means the cluster exists and is complete.
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { ClusterConfig } from './layout.js';
import { clusterPaths, type ClusterPaths } from './paths.js';

export class ClusterNotFoundError extends Error {
  constructor(readonly cluster: string, readonly file: string) {
    super(`cluster "${cluster}" not found (no ${file}); create it with: kubedojo up --name ${cluster}`);
  }
}

export function clusterExists(paths: ClusterPaths): boolean {
  return existsSync(paths.config);
}

export function readClusterConfig(paths: ClusterPaths): ClusterConfig {
  let text: string;
  try {
    text = readFileSync(paths.config, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ClusterNotFoundError(paths.name, paths.config);
    throw err;
  }
  const config = parse(text) as ClusterConfig | null;
  if (config === null || typeof config !== 'object' || !Array.isArray(config.nodes)) {
    throw new Error(`"${paths.config}" is not a cluster configuration; recreate the cluster with: kubedojo reset --name ${paths.name}`);
  }
  return config;
}

/** Writes cluster.yaml atomically (a reader never sees half a file). */
export function writeClusterConfig(paths: ClusterPaths, config: ClusterConfig): void {
  const temp = `${paths.config}.new-${process.pid}`;
  writeFileSync(temp, stringify(config), { mode: 0o644 });
  renameSync(temp, paths.config);
}

/** The clusters of a home, by name (folders holding a cluster.yaml), sorted. */
export function listClusters(home: string): string[] {
  let entries;
  try {
    entries = readdirSync(home, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isDirectory() && existsSync(join(home, e.name, 'cluster.yaml')))
    .map((e) => e.name)
    .sort();
}

/** The ports saved by every cluster of the home except `except`. */
export function portsInUse(home: string, except?: string): number[] {
  const ports: number[] = [];
  for (const name of listClusters(home)) {
    if (name === except) continue;
    try {
      const c = readClusterConfig(clusterPaths(home, name));
      ports.push(c.apiserverPort, c.etcdClientPort, c.etcdPeerPort);
    } catch {
      // An unreadable cluster.yaml reserves nothing; `kubedojo status` reports it.
    }
  }
  return ports;
}
