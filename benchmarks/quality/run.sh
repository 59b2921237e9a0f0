#!/usr/bin/env bash
# Extraction quality on public human-labelled data (../shared/eval, ../shared/corpora).
# Prints the scorers' summary lines for BC3 (summaries, requests), Parakweet test (requests)
# and Quagga (own text). Needs `pip install rouge-score` for BC3.
# Usage: benchmarks/quality/run.sh [MAILSUM-COMMAND]   (default: python -m mailsum)
set -euo pipefail
cd "$(dirname "$0")/../.."
EVAL=${EVAL:-$(cd .. && pwd)/shared/eval}
MAILSUM=${1:-python -m mailsum}
OUT=$(mktemp -d)
mkdir -p "$OUT/bc3"
while IFS=$'\t' read -r f n; do
  $MAILSUM extract --format json --sentences "$n" "$EVAL/data/bc3/$f" > "$OUT/bc3/${f%.mbox}.json"
done < "$EVAL/data/bc3/lengths.tsv"
echo "== BC3 at the annotators' mean length"
python "$EVAL/score_bc3.py" "$OUT"/bc3/*.json 2>/dev/null | tail -1
$MAILSUM extract --format json "$EVAL/data/parakweet/test.mbox" > "$OUT/pk_test.json"
echo "== Parakweet test split"
python "$EVAL/score_parakweet.py" "$OUT/pk_test.json" 2>/dev/null | tail -1
$MAILSUM extract --own-text --format json "$EVAL/data/quagga/asf.mbox" "$EVAL/data/quagga/enron.mbox" > "$OUT/quagga.json"
echo "== Quagga own text"
python "$EVAL/score_quagga.py" "$OUT/quagga.json" 2>/dev/null | tail -1
rm -rf "$OUT"
