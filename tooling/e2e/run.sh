#!/usr/bin/env bash
# Browser tests of the admin console and the customer portal: installs Debian's Chromium when
# missing, builds the console, the portal and the server, then drives Chromium against a real server on real PostgreSQL (DATABASE_URL when
# set, else an embedded one). Screenshots land in tooling/e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "installing chromium (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

TURBO_TELEMETRY_DISABLED=1 pnpm exec turbo run build --filter=@aftercare/admin --filter=@aftercare/portal --output-logs=errors-only
pnpm --filter @aftercare/e2e run test
