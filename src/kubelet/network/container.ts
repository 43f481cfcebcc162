// What the network gives one container: its network tools and the files the kubelet puts in
// its filesystem (/etc/resolv.conf, /etc/hosts).
import type { Command } from 'just-bash';
import type { Timers } from '../../controllers/framework/queue.js';
import type { CatalogImage } from '../runtime/catalog.js';
import { networkCommands } from './commands/index.js';
import type { Asker, NodeNetwork } from './node-network.js';
import { formatResolvConf } from './resolv-conf.js';

export interface ContainerNet {
  commands: Command[];
  files: Record<string, string>;
  /** The names of the network tools (what runc finds in the image). */
  tools: string[];
}

export function containerNet(net: NodeNetwork, image: CatalogImage, self: Asker, sleep: (ms: number) => Promise<void>): ContainerNet {
  const commands = networkCommands(image, { net, self, sleep });
  const files: Record<string, string> = { '/etc/resolv.conf': formatResolvConf(net.resolvConf(self)) };
  if (self.hostsFile) files['/etc/hosts'] = self.hostsFile;
  return { commands, files, tools: commands.map((c) => c.name) };
}

export const timerSleep = (timers: Timers) => (ms: number): Promise<void> => new Promise((r) => timers.setTimeout(() => r(), ms));
