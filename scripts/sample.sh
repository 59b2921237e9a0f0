#!/usr/bin/env bash
# Install mailsum into .venv and run the main job on the bundled sample mailbox.
# No server needed: updates are written as .eml files into out/updates/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_ensure.sh
ensure_venv
rm -rf out                       # start from an empty state, so the run is reproducible
.venv/bin/mailsum --config examples/config.yaml run
echo
echo "Updates written:"
ls -1 out/updates/
echo
echo "Read one:  .venv/bin/mailsum --config examples/config.yaml preview acme"
