#!/usr/bin/env bash
# Times `plansite build` against Hugo building the same source files as plain pages, whole process from start to
# exit, interleaved by hyperfine. Usage: bench/compare-hugo.sh [CONTENT_DIR]   (default: content)
# Needs hugo and hyperfine (Debian packages). Outputs are overwritten in place, not deleted between runs.
set -euo pipefail
content=$(realpath "${1:-content}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A static binary, as docs/publishing.md recommends for CI: without cgo it does not load the C library, and each
# start is about 1.5 ms shorter here.
CGO_ENABLED=0 go build -o "$work/plansite" ./cmd/plansite

# A bare Hugo site whose content folder is ours: one page per Markdown file, minimal templates.
mkdir -p "$work/hugo/layouts/_default"
cat > "$work/hugo/hugo.toml" <<TOML
baseURL = "http://example.org/"
languageCode = "sv"
contentDir = "$content"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
[markup.goldmark.extensions]
  table = true
  footnote = true
TOML
cat > "$work/hugo/layouts/_default/single.html" <<'HTML'
<!DOCTYPE html><html lang="sv"><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>
HTML
cp "$work/hugo/layouts/_default/single.html" "$work/hugo/layouts/_default/list.html"
cp "$work/hugo/layouts/_default/single.html" "$work/hugo/layouts/index.html"

files=$(find "$content" -name '*.md' | wc -l)
echo "source Markdown files: $files"
hyperfine --warmup 2 --runs "${RUNS:-15}" \
  -n plansite "$work/plansite build --drafts --content $content --out $work/plansite-out" \
  -n hugo "hugo --quiet --source $work/hugo --destination $work/hugo-out"
