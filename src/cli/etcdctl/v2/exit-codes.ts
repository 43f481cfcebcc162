// etcdctl API 2 exit codes (ctlv2/command/error.go).
export const V2_EXIT = {
  success: 0,
  badArgs: 1,
  badConnection: 2,
  badAuth: 3,
  serverError: 4,
  clusterNotHealthy: 5,
} as const;
