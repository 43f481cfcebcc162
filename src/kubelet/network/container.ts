// What the network gives one container: its network tools and the files the kubelet puts in
// its filesystem (/etc/resolv.conf).
import type { Command } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { CatalogImage } from '../runtime/catalog.js';
import { networkCommands } from './commands/index.js';
import type { NodeNetwork } from './node-network.js';
import { formatResolvConf } from './resolv-conf.js';
import type { Source } from './router.js';

export interface ContainerNet {
  commands: Command[];
  files: Record<string, string>;
  /** The names of the network tools (what runc finds in the image). */
  tools: string[];
}

export function containerNet(net: NodeNetwork, image: CatalogImage, self: Source, sleep: (ms: number) => Promise<void>): ContainerNet {
  const commands = networkCommands(image, { net, self, sleep });
  return { commands, files: { '/etc/resolv.conf': formatResolvConf(net.resolvConf(self.namespace)) }, tools: commands.map((c) => c.name) };
}

export const timerSleep = (timers: Timers) => (ms: number): Promise<void> => new Promise((r) => timers.setTimeout(() => r(), ms));
