#!/usr/bin/env bash
# Runs every test suite of Gongkai and ends with one line: "N passed, N failed, N skipped".
#
#   scripts/test.sh            build, then run all tests (starts a throwaway PostgreSQL when the server is installed)
#   CI=true scripts/test.sh    the same, but any skipped test fails the run, and so does a run in which the
#                              PostgreSQL suite or the browser suite executed no test
#
# Environment: GONGKAI_TEST_POSTGRES (a connection string; otherwise a server is started here if PostgreSQL is
# installed), GONGKAI_TEST_CHROMIUM (the browser; default /usr/bin/chromium). Benchmarks are built, not run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CI=${CI:-false}
RESULTS=$(mktemp -d /tmp/gongkai-test-results.XXXXXX)
PGDIR=""

cleanup() {
  if [ -n "$PGDIR" ] && [ -d "$PGDIR/data" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  fi
}
trap cleanup EXIT

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  if [ -n "${GONGKAI_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL: using GONGKAI_TEST_POSTGRES"
    return
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL: not installed; its tests will be skipped (apt-get install postgresql)"
    return
  fi
  PGDIR=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
  if [ "$(id -u)" = "0" ]; then chown postgres "$PGDIR"; fi
  as_postgres "$PGBIN/initdb" -D "$PGDIR/data" -U gongkai --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
    || { cat "$PGDIR/initdb.log"; echo "PostgreSQL: initdb failed"; exit 1; }
  local port
  for port in $(seq 55432 55480); do
    if as_postgres "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 30 \
        -o "-p $port -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      export GONGKAI_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=gongkai;Database=postgres"
      echo "PostgreSQL: started a throwaway server on 127.0.0.1:$port"
      return
    fi
  done
  cat "$PGDIR/server.log" || true
  echo "PostgreSQL: could not start a server"
  exit 1
}

start_postgres
if [ -z "${GONGKAI_TEST_CHROMIUM:-}" ] && [ -x /usr/bin/chromium ]; then
  export GONGKAI_TEST_CHROMIUM=/usr/bin/chromium
fi
echo "Browser: ${GONGKAI_TEST_CHROMIUM:-not found; browser tests will be skipped (apt-get install chromium)}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build Gongkai.slnx -c Release -nologo -v quiet -clp:ErrorsOnly
FORMAT_OK=true
if ! dotnet format Gongkai.slnx --verify-no-changes --no-restore >"$RESULTS/format.log" 2>&1; then
  FORMAT_OK=false
  cat "$RESULTS/format.log"
fi
set +e
dotnet test Gongkai.slnx -c Release --no-build -nologo -v quiet \
  --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=minimal" --results-directory "$RESULTS"
TEST_EXIT=$?
set -e

# Passed results whose test name matches a pattern (e.g. the PostgreSQL classes, the Browser namespace).
count_passed() { { grep -o "<UnitTestResult [^>]*testName=\"[^\"]*$1[^\"]*\"[^>]*outcome=\"Passed\"" "$2" || true; } | wc -l; }

passed=0; failed=0; skipped=0; pg=0; browser=0
shopt -s nullglob
trx_files=("$RESULTS"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + p))
  failed=$((failed + f + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + total - executed))
  pg=$((pg + $(count_passed 'Postgres' "$trx")))
  browser=$((browser + $(count_passed '\.Browser\.' "$trx")))
done

status=0
if [ "${#trx_files[@]}" -eq 0 ]; then echo "No test results were written."; status=1; fi
if [ "$TEST_EXIT" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "dotnet test failed (exit $TEST_EXIT) without a failed test: see the output above."; status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
if [ "$FORMAT_OK" != "true" ]; then echo "dotnet format found code that is not formatted: run dotnet format Gongkai.slnx"; status=1; fi
echo "PostgreSQL tests passed: $pg; browser tests passed: $browser"
if [ "$CI" = "true" ]; then
  if [ "$skipped" -gt 0 ]; then echo "CI: $skipped test(s) were skipped; every test must run on CI."; status=1; fi
  if [ "$pg" -eq 0 ]; then echo "CI: the PostgreSQL suite executed no test."; status=1; fi
  if [ "$browser" -eq 0 ]; then echo "CI: the browser suite executed no test."; status=1; fi
fi
rm -rf "$RESULTS"
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
