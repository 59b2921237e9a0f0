#!/usr/bin/env bash
# Extraction quality on public human-labelled data; see run.py. Usage: benchmarks/quality/run.sh
exec python "$(dirname "$0")/run.py" "$@"
