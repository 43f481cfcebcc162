// Manifests several end-to-end tests start from.

/** An nginx Deployment `web` (app=web) and its ClusterIP Service `web` on port 80, as YAML documents. */
export function webApp(replicas = 1): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;
}
