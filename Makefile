# plansite: build, preview, test and measure the action plan's website.
GO ?= go
PORT ?= 1313


.PHONY: build serve demo test bench bench-search bench-live lint fuzz large clean

build: ## Build content/ into public/
	$(GO) run ./cmd/plansite build

serve: ## Build and serve the site on http://127.0.0.1:$(PORT)/
	$(GO) run ./cmd/plansite-serve --port $(PORT)

demo: ## Serve the shipped plan with the example revision of examples/ beside it: comparisons, drafts, follow-up
	rm -rf bin/demo-content && mkdir -p bin/demo-content
	cp -R content/. bin/demo-content/
	for d in examples/*/; do cp -R "$$d" bin/demo-content/; done
	$(GO) run ./cmd/plansite-serve --content bin/demo-content --port $(PORT)

test: node_modules/.package-lock.json ## Run every test, the real-browser ones included
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 30m ./...

bench: ## Benchmarks: building the shipped plan and a generated large plan, and the preview's render after a save
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 3s -count 1 ./internal/site/

bench-search: ## plansite's search against Pagefind in Chromium: relevance, bytes, latency (writes bench/search/results.md)
	cd bench && npm ci --no-audit --no-fund
	cd bench/search && $(GO) test -tags searchbench -count=1 -timeout 20m -run TestCompareSearch -v .

bench-live: ## the live preview: time from saving a file to its text in the open Chromium tab, and to the event that tells the tab, p50 and p95
	$(GO) test -tags livebench -count=1 -timeout 10m -run 'TestSaveToVisible|TestSaveToReload' -v ./bench/live/

lint: ## gofmt, go vet and staticcheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

# Each fuzz target fails on an input that panics or takes more than a second or two. A new input is minimised for
# at most 5 s: by default each took up to a minute, and the first minute of fuzzing went to minimising.
fuzz: ## Fuzz the content loader and the Markdown renderer for 40 s each, the importer's two formats for 30 s each, and the settings file for 20 s
	$(GO) test -run '^$$' -fuzz '^FuzzLoadFile$$' -fuzztime 40s -fuzzminimizetime 5s ./internal/content/
	$(GO) test -run '^$$' -fuzz '^FuzzConvert$$' -fuzztime 40s -fuzzminimizetime 5s ./internal/markdown/
	$(GO) test -run '^$$' -fuzz '^FuzzImportDocx$$' -fuzztime 30s -fuzzminimizetime 5s ./internal/importer/
	$(GO) test -run '^$$' -fuzz '^FuzzImportText$$' -fuzztime 30s -fuzzminimizetime 5s ./internal/importer/
	$(GO) test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime 20s -fuzzminimizetime 5s ./internal/config/

large: ## Generate the large test plan into /tmp/plansite-large
	$(GO) run ./cmd/plangen -out /tmp/plansite-large -revisions 20 -sections 60 -activities 100

# axe-core, pinned in package-lock.json, for the accessibility tests.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund; else echo "npm not found: the accessibility tests will be skipped (and fail under CI)"; fi

clean:
	rm -rf public .public.folders
