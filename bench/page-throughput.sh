#!/usr/bin/env bash
# Page throughput of the portal (bench/README.md): starts the web app (Release, SQLite, demo data, a temporary data
# folder), then measures a catalogue item page (/Xinxi/{id}), the home page (/) and a static file (/css/site.css) of
# the same server one after another with wrk (apt-get install wrk), or with the bench project's own load generator when
# wrk is missing or LOAD_TOOL=dotnet. Stops the server and removes the folder at the end.
#
#   bench/page-throughput.sh                   # 16 connections, 5 s warm-up and 20 s per URL, then 10 s with 1 connection
#   CONNECTIONS=32 DURATION=30 bench/page-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-5099}"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-5}"
SINGLE="${SINGLE:-10}"
BASE="http://127.0.0.1:${PORT}"
DATA="$(mktemp -d -t gongkai-bench-pages-XXXXXX)"

dotnet build -c Release src/Gongkai.Web -v quiet -nologo
dotnet build -c Release bench/Gongkai.Benchmarks -v quiet -nologo

echo "// Starting the web app on ${BASE} with demo data in ${DATA} (the first start loads the demo: minutes on a busy machine)"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="${BASE}" GONGKAI_DATA_DIR="${DATA}" Gongkai__Demo__Enabled=true \
  Gongkai__Reminders__Enabled=false \
  dotnet src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll > "${DATA}/server.log" 2>&1 &
SERVER=$!
trap 'kill "${SERVER}" 2>/dev/null || true; wait "${SERVER}" 2>/dev/null || true; rm -rf "${DATA}"' EXIT

for _ in $(seq 1 900); do
  if curl -fsS -o /dev/null "${BASE}/healthz" 2>/dev/null; then break; fi
  if ! kill -0 "${SERVER}" 2>/dev/null; then cat "${DATA}/server.log"; exit 1; fi
  sleep 1
done

# An item of the public catalogue: the first link of the catalogue page.
ITEM="$(curl -fsS "${BASE}/Xinxi" | grep -o 'href="/Xinxi/[0-9]*"' | head -1 | grep -o '[0-9]*')"
URLS=("${BASE}/Xinxi/${ITEM}" "${BASE}/" "${BASE}/css/site.css")
for u in "${URLS[@]}"; do
  echo "// ${u}: HTTP $(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' "${u}")"
done
echo "// $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

if command -v wrk > /dev/null && [ "${LOAD_TOOL:-wrk}" = wrk ]; then
  # Warm every URL first: right after the start (JIT tiering, the demo's last work) the first one measured was 3× slower.
  for u in "${URLS[@]}"; do
    wrk -t2 -c"${CONNECTIONS}" -d"${WARMUP}s" "${u}" > /dev/null
  done
  for u in "${URLS[@]}"; do
    echo "== ${u}"
    wrk -t2 -c"${CONNECTIONS}" -d"${DURATION}s" --latency "${u}" | grep -E 'Requests/sec|Transfer/sec|Latency|50%|75%|90%|99%|requests in|Non-2xx|Socket errors'
    echo "// load average $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  # One connection: each request's own time (service time) without queueing behind the others.
  for u in "${URLS[@]}"; do
    echo "== ${u}, 1 connection"
    wrk -t1 -c1 -d"${SINGLE}s" --latency "${u}" | grep -E 'Requests/sec|50%|90%|99%'
  done
else
  dotnet bench/Gongkai.Benchmarks/bin/Release/net10.0/Gongkai.Benchmarks.dll load \
    --url "$(IFS=,; echo "${URLS[*]}")" --connections "${CONNECTIONS}" --duration "${DURATION}" --warmup "${WARMUP}"
fi
