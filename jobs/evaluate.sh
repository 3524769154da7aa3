#!/usr/bin/env bash
# Prints polycorpus's quality figures: the language-identification evaluation (Optimaize with
# CJK scripts against Lingua, 25 languages of the Debian Administrator's Handbook), then a run's
# figures (mixed documents, near-duplicates, silhouette and NPMI coherence per language, story
# links) on seeds/ and on the handbook corpus, where story links are scored against the
# handbook's translations (one page name in every language folder).
#   jobs/evaluate.sh [pages-per-language]      (default 20: 520 files)
# Results also go to target/evaluation/.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-20}"
results=target/evaluation
mkdir -p "$results"

echo "== Language identification (Debian Administrator's Handbook)"
mvn -B -q test -Dtest=LanguageIdEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false >"$results/language-id.log" 2>&1 \
  || { cat "$results/language-id.log"; exit 1; }
cat "$results/language-id.md"

echo
echo "== Seeds"
./jobs/run-local.sh --input seeds --output "$results/seeds" >"$results/seeds.log" 2>&1 \
  || { cat "$results/seeds.log"; exit 1; }
./jobs/run-local.sh evaluate --output "$results/seeds" 2>>"$results/seeds.log" | tee "$results/seeds.md"

echo
echo "== Debian Administrator's Handbook, $pages pages per language"
jobs/make-corpus.sh "$pages" "$results/handbook-corpus"
./jobs/run-local.sh --input "$results/handbook-corpus" --output "$results/handbook" \
  >"$results/handbook.log" 2>&1 || { cat "$results/handbook.log"; exit 1; }
./jobs/run-local.sh evaluate --output "$results/handbook" --translations-by-file-name 2>>"$results/handbook.log" \
  | tee "$results/handbook.md"
