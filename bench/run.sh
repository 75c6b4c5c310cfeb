#!/usr/bin/env bash
# Load figures for the gateway in sandbox mode. Needs wrk (Debian: apt-get install wrk).
# Usage: bench/run.sh [connections] [seconds]   (from the repository root, after ./mvnw install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
connections="${1:-8}"; seconds="${2:-15}"; port="${BENCH_PORT:-18080}"
. .mvn/select-jdk.sh
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# a huge simulated Shopify bucket: measure the gateway, not Shopify's throttling
"$java_bin" -jar gateway/target/omnigate-gateway.jar --server.port="$port" --logging.level.root=WARN \
  --omnigate.sandbox.shopify.bucket-size=100000000 --omnigate.sandbox.shopify.restore-rate=100000000 &
gateway=$!
trap 'kill $gateway 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health/liveness" && break; sleep 0.5; done
url="http://127.0.0.1:$port/graphql"
for script in hello products customer360; do wrk -t1 -c"$connections" -d20s -s "bench/$script.lua" "$url" >/dev/null; done  # JIT warm-up
for script in hello products customer360; do
  echo "== $script (c=$connections, ${seconds}s)"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "bench/$script.lua" "$url" | grep -E 'Requests/sec|^ +(50|90|99)%|Non-2xx|Socket errors'
done
