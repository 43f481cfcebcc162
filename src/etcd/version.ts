// The versions this etcd reports. Their own module: `etcd --version` and --help must not load the
// server (auth, bcrypt, the store) just to print them.
export const ETCD_VERSION = '3.4.23';
/** The cluster version as /version reports it (semver). */
export const CLUSTER_VERSION = '3.4.0';
