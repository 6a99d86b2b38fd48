#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing, then runs `mvn -B verify`
# (unit tests with Surefire, integration tests *IT with Failsafe). Idempotent: safe to run again, also when
# the services it needs are already installed or running. Extra arguments go to Maven (e.g. -pl sdk-core).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

apt_updated=0
ensure_pkg() { # ensure_pkg <command> <debian package>
  command -v "$1" >/dev/null 2>&1 && return 0
  [ -x "/usr/sbin/$1" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: '$1' is missing and apt-get is not available: install the package '$2' yourself" >&2
    exit 1
  fi
  if [ "$apt_updated" = 0 ]; then
    apt-get update -qq
    apt_updated=1
  fi
  echo "test.sh: installing $2" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

ensure_pkg java openjdk-17-jdk-headless
ensure_pkg mvn maven
# the connectors' tests start their own private servers from these packages (free loopback ports, temp dirs)
ensure_pkg redis-server redis-server
ensure_pkg clickhouse-server clickhouse-server
ensure_pkg nats-server nats-server # the fake Groww live feed (NATS over WebSocket)
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  ensure_pkg initdb postgresql # initdb lives in /usr/lib/postgresql/<version>/bin, off the PATH: installs the package
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "test.sh: postgresql is installed but its initdb is missing" >&2; exit 1; }
fi

java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${java_major%%.*}" -lt 17 ]; then
  echo "test.sh: Java 17 or newer is needed, found $java_major (set JAVA_HOME)" >&2
  exit 1
fi

exec mvn -B -ntp verify "$@"
