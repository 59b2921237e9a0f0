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
echo "The text part of ACME's update:"
echo
.venv/bin/python - out/updates/*acme*.eml <<'PY'
import email, email.policy, sys
msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
print("Subject:", msg["Subject"])
print(next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_content())
PY
