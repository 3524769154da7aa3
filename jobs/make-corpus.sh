#!/usr/bin/env bash
# Builds a multilingual test corpus from public documents installable here: the Debian
# Administrator's Handbook (Debian package debian-handbook: HTML in 26 languages, among them
# Arabic, Persian, German, Chinese, Japanese, Russian). Takes the first N pages of each language,
# sorted by name, so every scale holds distinct documents and the smaller is part of the larger.
#   jobs/make-corpus.sh <pages-per-language> <folder>
# Installs the package with apt-get when it is missing (needs root).
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: jobs/make-corpus.sh <pages-per-language> <folder>" >&2
  exit 2
fi
pages="$1"
target="$2"
handbook=/usr/share/doc/debian-handbook/html
if [ ! -d "$handbook" ]; then
  echo "Installing Debian's debian-handbook ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq debian-handbook >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq debian-handbook >/dev/null; }
fi
rm -rf "$target"
mkdir -p "$target"
for language in "$handbook"/*/; do
  name="$(basename "$language")"
  mkdir -p "$target/$name"
  # sed, not head: head would close the pipe early, and pipefail would fail the script.
  find "$language" -maxdepth 1 -name "*.html" | LC_ALL=C sort | sed -n "1,${pages}p" | while read -r page; do
    cp "$page" "$target/$name/"
  done
done
echo "$(find "$target" -type f | wc -l) files, $(du -sh "$target" | cut -f1) in $target" >&2
