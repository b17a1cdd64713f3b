#!/usr/bin/env bash
# How the build and the site grow with the years: generates the plan of N revisions (60 sections, about 100
# activities each) for each N given, builds it, and prints one Markdown table row per N: the Markdown's size, the
# site's size and its parts (apparent sizes, as served), the pages, the build's elapsed and CPU time and its peak
# memory (the best of RUNS builds, 3 by default). Usage: bench/growth.sh [N ...]   (default: 10 20 50)
# Needs GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A static binary, as docs/publishing.md recommends for CI: without cgo it does not load the C library, and each
# start is about 1.5 ms shorter here.
CGO_ENABLED=0 go build -o "$work/plansite" ./cmd/plansite
go build -o "$work/plangen" ./cmd/plangen
mb() { du -s --apparent-size -B1 "$@" 2>/dev/null | awk '{n += $1} END {printf "%.1f MB", n / 1e6}'; }

echo "| revisions | Markdown | site | revision pages | comparison pages | histories | search index | pages | elapsed | CPU | peak memory |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
[ $# -gt 0 ] || set -- 10 20 50
for n in "$@"; do
  content="$work/plan-$n" out="$work/site-$n"
  "$work/plangen" -out "$content" -revisions "$n" -sections 60 -activities 100 >/dev/null
  best=""
  for _ in $(seq "${RUNS:-3}"); do
    # Run from the work folder: a layouts/ folder in the working directory would replace the built-in layouts.
    t=$(cd "$work" && /usr/bin/time -f '%e %U %S %M' ./plansite build --drafts --content "$content" --out "$out" 2>&1 >/dev/null | tail -1)
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {split(a, x); split(b, y); exit !(x[1] < y[1])}'; then
      best=$t
    fi
  done
  read -r elapsed user sys peak <<<"$best"
  pages=$(find "$out" -name '*.html' | wc -l)
  revs=$(find "$out" -maxdepth 1 -regex '.*/[0-9][0-9][0-9][0-9]' -type d)
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %.2f s | %.2f s | %d MiB |\n' "$n" "$(mb "$content")" "$(mb "$out")" \
    "$(mb $revs)" "$(mb "$out/jamfor")" "$(mb "$out/historik")" "$(mb "$out/sok")" "$pages" \
    "$elapsed" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')" "$((peak / 1024))"
  rm -rf "$content" "$out"
done
