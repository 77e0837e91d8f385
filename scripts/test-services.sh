# Sourced by `make test`: make sure a PostgreSQL server runs on 127.0.0.1 and export
# ANNALS_TEST_PG_URL for the store tests. Installs Debian's postgresql when missing (needs root,
# as in CI); a developer may instead export ANNALS_TEST_PG_URL to a server of their own.
if [ -z "${ANNALS_TEST_PG_URL:-}" ]; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      echo "installing PostgreSQL from Debian's packages" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is not installed: store tests run on SQLite only" >&2
    fi
  fi
  if command -v pg_lsclusters >/dev/null 2>&1; then
    cluster=$(pg_lsclusters -h | head -n 1)
    version=$(echo "$cluster" | awk '{print $1}')
    name=$(echo "$cluster" | awk '{print $2}')
    port=$(echo "$cluster" | awk '{print $3}')
    if [ -n "$version" ]; then
      pg_ctlcluster "$version" "$name" start 2>/dev/null || true
      if [ "$(id -u)" = 0 ]; then
        su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'annals-test'\"" >/dev/null
      fi
      export ANNALS_TEST_PG_URL="postgresql://postgres:annals-test@127.0.0.1:$port/postgres"
    fi
  fi
fi
# The browser tests drive Debian's chromium through Playwright (ANNALS_CHROMIUM names it).
if [ -z "${ANNALS_CHROMIUM:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing chromium from Debian's packages" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if command -v chromium >/dev/null 2>&1; then
    export ANNALS_CHROMIUM="$(command -v chromium)"
  else
    echo "chromium is not installed: browser tests are skipped" >&2
  fi
fi
