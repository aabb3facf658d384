# The bundle server of deploy/k8s-bundle-server: nginx (unprivileged: uid 101, port 8080) serving OPA
# bundles built by `bin/verdict build`. Build the bundles, then the image, from the repository root:
#   bin/verdict build -o target/bundles/sandbox.tar.gz --revision "$(git rev-parse --short HEAD)" --ignore '*_test.rego' policies/sandbox
#   bin/verdict build -o target/bundles/central.tar.gz --revision "$(git rev-parse --short HEAD)" --ignore '*_test.rego' policies/tenant-isolation policies/trust-capabilities policies/agent-gate
#   docker build -f deploy/docker/bundle-server.Dockerfile -t verdict/bundle-server target/bundles
# A new policy revision is a new image; the decision services pick its bundles up at their next poll,
# without a restart. nginx's site (port, paths, ETags) is deploy/k8s-bundle-server/nginx.conf, mounted
# from a ConfigMap.
FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY --chmod=0444 *.tar.gz /usr/share/nginx/html/bundles/
