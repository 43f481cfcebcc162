// What a pod's resolver reads: its resolv.conf and the kubelet's /etc/hosts (absent on the host network).
import type { HostsEntry } from './hosts-file.js';
import type { ResolvConf } from './resolv-conf.js';

export interface PodNames {
  resolv: ResolvConf;
  hosts: HostsEntry[];
  hostsFile?: string;
}
