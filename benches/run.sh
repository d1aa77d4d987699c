#!/usr/bin/env bash
# Build benchmark of issues #9 and #22: pamyatka against Hugo (Debian's) and mdBook on the same
# synthetic Russian corpus (benches/corpus.py) in one or more shapes: whole-process wall time,
# CPU time and peak RSS, median of RUNS runs, the tools interleaved run by run (in each run,
# every case of one tool, then every case of the next). Besides the clean build, the rebuild
# cases of issue #22 (pamyatka and Hugo): nothing changed, one page's body edited (with the
# page cache as the previous build left it, and with it dropped), a template of a few pages
# edited, one page's title edited. Writes benches/RESULTS.md (through benches/report.py).
#
#   bash benches/run.sh                                     # N = 1000 and 10000, both shapes, every case, RUNS=3
#   RUNS=5 SIZES="1000" SHAPES=memo bash benches/run.sh     # other settings: see the variables below
#   SIZES=200 RUNS=1 CASES="clean nochange" bash benches/run.sh
#
# Installs what is missing: Debian's hugo and time (apt-get), mdBook (cargo install --locked
# into target/bench-tools). Builds pamyatka with `cargo build --release --locked` and measures
# a copy of the binary (the shared target dir may be rebuilt meanwhile); PAMYATKA_BIN=path
# measures that binary instead.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-3}                         # measured builds per tool, shape, N and case (median reported)
SIZES=${SIZES:-"1000 10000"}            # corpus sizes (pages besides home and section pages)
SHAPES=${SHAPES:-"default memo"}        # corpus shapes (corpus.py --shape)
CASES=${CASES:-"clean nochange body cold template title"}  # build cases, in this order each run (see run_case)
SEED=${SEED:-9}                         # corpus seed
TEMPLATE_PAGES=${TEMPLATE_PAGES:-20}    # pages that use the corpus's own template (the `template` case edits it)
TIMEOUT=${TIMEOUT:-1800}                # seconds, any one build
WITH_MDBOOK=${WITH_MDBOOK:-1}           # 0: no mdBook (not installed, not run); it has clean builds only
MDBOOK_TIMEOUT=${MDBOOK_TIMEOUT:-300}   # seconds, an mdBook build at N >= MDBOOK_ONCE_FROM
MDBOOK_ONCE_FROM=${MDBOOK_ONCE_FROM:-10000}  # from this N on, mdBook is built once
VERBOSE=${VERBOSE:-1}                   # 1: measured pamyatka builds with --verbose (phase timings; every warning in full)
TOOLS_DIR=${TOOLS_DIR:-$ROOT/target/bench-tools}
RESULTS=${RESULTS:-$ROOT/benches/RESULTS.md}
KEEP_WORK=${KEEP_WORK:-0}               # 1: keep the corpora and outputs (path printed at the end)
PHASES=${PHASES:-0}                     # 1: one more, unmeasured clean pamyatka build with --verbose per shape and N
SERVE=${SERVE:-1}                       # 1: `serve` edit-to-reload latency (benches/serve-latency.mjs) on each shape's largest N
SERVE_EDITS=${SERVE_EDITS:-15}          # body edits (each made and undone) of that measurement
SET_ASIDE=${SET_ASIDE:-1}               # 1: outputs of earlier clean runs moved aside, deleted at the end; 0: rm -rf

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# report: writes $RESULTS from $WORK (runs.tsv, extra.tsv, logs) and the run's metadata variables.
report() {
    export WORK TSV EXTRA RESULTS RUNS SEED SIZES SHAPES CASES TEMPLATE_PAGES TIMEOUT MDBOOK_TIMEOUT \
        MDBOOK_ONCE_FROM VERBOSE LOAD_START LOAD_END T_START T_END PAMYATKA_SRC git_rev git_dirty \
        HUGO_VERSION MDBOOK_VERSION CPU_MODEL MEM_TOTAL NPROC KERNEL SET_ASIDE SERVE
    python3 "$ROOT/benches/report.py"
}

# REPORT_FROM=<work dir kept by a failed or KEEP_WORK=1 run>: only write the report again.
if [[ -n ${REPORT_FROM:-} ]]; then
    WORK=$REPORT_FROM
    TSV=$WORK/runs.tsv
    EXTRA=$WORK/extra.tsv
    SHAPES=default CASES=clean TEMPLATE_PAGES=0 VERBOSE=1   # a run from before issue #22 did not record them
    # shellcheck source=/dev/null
    source "$WORK/meta.env"
    report
    log "wrote $RESULTS from $WORK"
    exit 0
fi

for c in $CASES; do
    case $c in
    clean | nochange | body | cold | template | title) ;;
    *) log "unknown case '$c' in CASES (clean nochange body cold template title)"; exit 2 ;;
    esac
done
if [[ " $CASES " == *" template "* ]] && ((TEMPLATE_PAGES < 1)); then
    log "the template case needs TEMPLATE_PAGES >= 1 (pages that use the template it edits)"
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench.XXXXXX")
cleanup() {
    local rc=$?
    if ((rc != 0)); then
        log "FAILED (exit $rc); work dir with the logs and runs.tsv kept: $WORK"
    elif [[ $KEEP_WORK == 1 ]]; then
        log "work dir kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'log "error at line $LINENO: $BASH_COMMAND"' ERR
trap 'log "stopped by a signal"; exit 143' TERM INT
T_START=$(date +%s)

# The `cold` case drops the page cache, which takes root (or sudo without a password).
if [[ " $CASES " == *" cold "* ]]; then
    if [[ $(id -u) == 0 ]]; then
        DROP_CACHES=(sh -c 'sync && echo 3 >/proc/sys/vm/drop_caches')
    elif sudo -n true 2>/dev/null; then
        DROP_CACHES=(sudo -n sh -c 'sync && echo 3 >/proc/sys/vm/drop_caches')
    else
        log "the cold case needs root or sudo -n to drop the page cache: left out"
        CASES=$(tr ' ' '\n' <<<"$CASES" | grep -vx cold | tr '\n' ' ')
    fi
fi

# --- tools -----------------------------------------------------------------------------------
SUDO=()
if [[ $(id -u) != 0 ]]; then SUDO=(sudo); fi
apt_missing=()
command -v hugo >/dev/null 2>&1 || apt_missing+=(hugo)
[[ -x /usr/bin/time ]] || apt_missing+=(time)
command -v timeout >/dev/null 2>&1 || apt_missing+=(coreutils)
if ((${#apt_missing[@]})); then
    log "installing ${apt_missing[*]} (apt-get)"
    "${SUDO[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
HUGO=$(command -v hugo)
MDBOOK=$TOOLS_DIR/bin/mdbook
if [[ $WITH_MDBOOK == 1 && ! -x $MDBOOK ]]; then
    log "installing mdbook (cargo install --locked --root $TOOLS_DIR)"
    cargo install mdbook --locked --root "$TOOLS_DIR"
fi

mkdir -p "$WORK/bin"
if [[ -n ${PAMYATKA_BIN:-} ]]; then
    cp "$PAMYATKA_BIN" "$WORK/bin/pamyatka"
    PAMYATKA_SRC="given binary $PAMYATKA_BIN"
else
    log "cargo build --release --locked (waits while another cargo holds the target dir)"
    (cd "$ROOT" && cargo build --release --locked)
    cp "$ROOT/target/release/pamyatka" "$WORK/bin/pamyatka"
    PAMYATKA_SRC="cargo build --release --locked in $ROOT"
fi
PAMYATKA=$WORK/bin/pamyatka
PAMYATKA_FLAGS=(--lang en)   # its summary and timings in the report's language, whatever the locale
if [[ $VERBOSE == 1 ]]; then PAMYATKA_FLAGS+=(--verbose); fi
git_rev=$(git -C "$ROOT" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
git_dirty=$(git -C "$ROOT" status --porcelain -- . ':(exclude)benches' 2>/dev/null | wc -l)
HUGO_VERSION=$("$HUGO" version)
MDBOOK_VERSION="not run (WITH_MDBOOK=0)"
if [[ $WITH_MDBOOK == 1 ]]; then MDBOOK_VERSION=$("$MDBOOK" --version); fi
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM_TOTAL=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
NPROC=$(nproc)
KERNEL=$(uname -sr)

# --- measuring -------------------------------------------------------------------------------
TSV=$WORK/runs.tsv        # shape, n, case, tool, run, wall s, CPU s, peak RSS kB, exit code, html files, log
printf 'shape\tn\tcase\ttool\trun\twall_s\tcpu_s\trss_kb\trc\thtml\tlog\n' >"$TSV"
EXTRA=$WORK/extra.tsv     # <shape>-<n>, key, value (sizes, check results, edited pages)
: >"$EXTRA"

# The corpus being measured (set by the main loop): its shape, size and folder key.
SHAPE='' N='' KEY=''

# extra NAME VALUE: one fact about the current corpus for the report.
extra() { printf '%s\t%s\t%s\n' "$KEY" "$1" "$2" >>"$EXTRA"; }

# measure CASE TOOL RUN LIMIT OUTDIR LOG -- CMD...: one timed build of the current corpus;
# appends a row to $TSV. Wall time from date +%s%N around the process; CPU time (user + system)
# and peak RSS from GNU time -v (of the process and its children, here `timeout` and the builder).
measure() {
    local case=$1 tool=$2 run=$3 limit=$4 outdir=$5 logf=$6
    shift 7
    local tf=$WORK/time.txt start end rc wall cpu rss html
    start=$(date +%s%N)
    set +e
    /usr/bin/time -v -o "$tf" timeout "$limit" "$@" >"$logf" 2>&1
    rc=$?
    set -e
    end=$(date +%s%N)
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tf" 2>/dev/null || true)
    cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$tf" 2>/dev/null || true)
    html=0
    if [[ -d $outdir ]]; then html=$(find "$outdir" -name '*.html' 2>/dev/null | wc -l); fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$SHAPE" "$N" "$case" "$tool" "$run" "$wall" \
        "${cpu:-0}" "${rss:-0}" "$rc" "$html" "$logf" >>"$TSV"
    log "$SHAPE N=$N $case $tool run $run: ${wall} s wall, ${cpu} s CPU, peak RSS ${rss:-?} kB, exit $rc, $html HTML files"
}

# clear_out PATH...: a clean run's predecessors out of its way (see SET_ASIDE and the report's Method)
ASIDE=0
clear_out() {
    local p
    for p in "$@"; do
        [[ -e $p ]] || continue
        if [[ $SET_ASIDE == 1 ]]; then
            ASIDE=$((ASIDE + 1))
            mkdir -p "$WORK/aside"
            mv "$p" "$WORK/aside/$ASIDE"
        else
            rm -rf "$p"
        fi
    done
}

# Where each tool's corpus and output of the current corpus are.
corpus_dir() { echo "$WORK/$KEY/$1"; }                          # TOOL
hugo_dest() { echo "$WORK/out/hugo-$KEY"; }
hugo_cache() { echo "$WORK/hugo-cache-$KEY"; }
# output_dir TOOL: what a build of TOOL writes (and a rebuild builds over)
output_dir() {
    case $1 in
    pamyatka) echo "$(corpus_dir pamyatka)/public" ;;
    hugo) hugo_dest ;;
    mdbook) echo "$(corpus_dir mdbook)/book" ;;
    esac
}

# clear_tool TOOL: everything a previous build of TOOL left (output, staging, caches). When
# pamyatka keeps a build cache beside its output (issue #22), it must be cleared here too.
clear_tool() {
    local dir
    dir=$(corpus_dir "$1")
    case $1 in
    pamyatka) clear_out "$dir/public" "$dir"/.public.* ;;
    hugo) clear_out "$(hugo_dest)" "$(hugo_cache)" "$dir/resources" ;;
    mdbook) clear_out "$dir/book" ;;
    esac
}

# build_cmd CASE TOOL: sets CMD to TOOL's build command of the current corpus. Hugo's clean
# builds ignore its cache; its rebuilds are plain runs over the previous destination with its
# cache (Hugo has no persistent incremental build). pamyatka's are the same command every case.
CMD=()
build_cmd() {
    local dir
    dir=$(corpus_dir "$2")
    case $2 in
    pamyatka) CMD=("$PAMYATKA" --root "$dir" "${PAMYATKA_FLAGS[@]}" build) ;;
    hugo)
        CMD=("$HUGO" --source "$dir" --quiet --destination "$(hugo_dest)")
        if [[ $1 == clean ]]; then CMD+=(--ignoreCache); fi
        CMD+=(--cacheDir "$(hugo_cache)")
        ;;
    mdbook) CMD=("$MDBOOK" build "$dir") ;;
    esac
}

# build CASE TOOL RUN [LIMIT]: one measured build of TOOL over whatever output is there.
build() {
    local case=$1 tool=$2 run=$3 limit=${4:-$TIMEOUT}
    build_cmd "$case" "$tool"
    measure "$case" "$tool" "$run" "$limit" "$(output_dir "$tool")" "$WORK/logs/$tool-$KEY-$case-$run.log" -- "${CMD[@]}"
}

# --- the edits of the rebuild cases ------------------------------------------------------------
# Each edit differs from the one before (it names the run), so that every rebuild has something
# to do. pamyatka's and Hugo's corpora get the same edit of the same file.
BODY_PAGE='' TITLE_PAGE=''   # content/-relative paths, chosen by choose_pages

# choose_pages: the page the `body` case edits (the middle one of the sorted page files) and the
# one the `title` case edits (a third into the list): deterministic for a shape, N and seed.
choose_pages() {
    local pages
    mapfile -t pages < <(cd "$(corpus_dir pamyatka)/content" && find . -mindepth 2 -name '*.md' ! -name '_index.md' |
        sed 's|^\./||' | LC_ALL=C sort)
    BODY_PAGE=${pages[${#pages[@]} / 2]}
    TITLE_PAGE=${pages[${#pages[@]} / 3]}
    extra body_page "$BODY_PAGE"
    extra title_page "$TITLE_PAGE"
    extra template_pages "$(grep -rl '^template: "special.html"' "$(corpus_dir pamyatka)/content" | wc -l)"
}

# edit_body TOOL RUN: one more sentence at the end of the page's Markdown.
edit_body() {
    printf '\nДополнение к памятке (правка %s): проверьте сроки ещё раз перед отправкой.\n' "$2" \
        >>"$(corpus_dir "$1")/content/$BODY_PAGE"
}

# edit_template TOOL RUN: the one line the corpus's special template has more than the page
# template (corpus.py SPECIAL_NOTE); pamyatka: templates/special.html, Hugo: layouts/_default/special.html.
edit_template() {
    local f
    case $1 in
    pamyatka) f=$(corpus_dir pamyatka)/templates/special.html ;;
    hugo) f=$(corpus_dir hugo)/layouts/_default/special.html ;;
    esac
    grep -q 'class="special-note"' "$f" || { log "no special-note line in $f"; return 1; }
    sed -i "s|<p class=\"special-note\">[^<]*</p>|<p class=\"special-note\">Особая памятка, правка $2.</p>|" "$f"
}

# edit_title TOOL RUN: the page's `title:` (the first one, in its front matter) with
# « (правка RUN)» at its end instead of the previous run's.
edit_title() {
    local f
    f=$(corpus_dir "$1")/content/$TITLE_PAGE
    sed -i -E "0,/^title: /{/^title: /{s/ \(правка [0-9]+\)\"$/\"/;s/\"$/ (правка $2)\"/}}" "$f"
}

# run_case CASE TOOL RUN: prepares the case and measures one build. `clean` clears everything
# the tool left; every other case builds over the previous output (an unmeasured build first
# when there is none yet, e.g. CASES without `clean`). `cold` is `body` with the page cache
# dropped (written back, then emptied) after the edit: the files a rebuild reads come from the
# disk, as on the first build of a day.
run_case() {
    local case=$1 tool=$2 run=$3
    if [[ $case == clean ]]; then
        clear_tool "$tool"
    elif [[ ! -d $(output_dir "$tool") ]]; then
        log "$SHAPE N=$N $tool: no previous output, one unmeasured build first"
        build_cmd nochange "$tool"
        timeout "$TIMEOUT" "${CMD[@]}" >"$WORK/logs/$tool-$KEY-prepare-$run.log" 2>&1 || true
    fi
    case $case in
    body) edit_body "$tool" "$run" ;;
    cold)
        edit_body "$tool" "$run.cold"
        "${DROP_CACHES[@]}"
        ;;
    template) edit_template "$tool" "$run" ;;
    title) edit_title "$tool" "$run" ;;
    esac
    build "$case" "$tool" "$run"
}

# --- one corpus: generate, check, measure, record sizes ----------------------------------------
generate() {
    local tool
    log "$SHAPE N=$N: generating the corpora (seed $SEED)"
    for tool in pamyatka hugo mdbook; do
        if [[ $tool == mdbook && $WITH_MDBOOK != 1 ]]; then continue; fi
        python3 "$ROOT/benches/corpus.py" --shape "$SHAPE" --pages "$N" --seed "$SEED" \
            --template-pages "$TEMPLATE_PAGES" --for "$tool" --out "$(corpus_dir "$tool")"
    done
    extra source_md "$(find "$(corpus_dir pamyatka)/content" -name '*.md' | wc -l)"
    extra corpus_bytes "$(du -sb "$(corpus_dir pamyatka)/content" | cut -f1)"
}

# check_corpus: `pamyatka check`, not part of the comparison; tells whether the corpus is valid.
check_corpus() {
    local start end rc logf=$WORK/logs/check-$KEY.log
    set +e
    start=$(date +%s%N)
    "$PAMYATKA" --root "$(corpus_dir pamyatka)" --lang en check >"$logf" 2>&1
    rc=$?
    end=$(date +%s%N)
    set -e
    extra check_rc "$rc"
    extra check_s "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')"
    extra check_log "$logf"
    log "$SHAPE N=$N: pamyatka check exit $rc"
}

# measure_corpus: RUNS rounds; in each, every case for pamyatka, then every case for Hugo, and
# mdBook's clean build. Each rebuild case follows its own tool's previous case, as an editor's
# builds follow each other: not another tool's build, whose reads and writes (Hugo's 7 GB at
# 10 000 memo pages) would evict its files from the page cache (the `cold` case measures that).
measure_corpus() {
    local r case tool mdbook_once=0 mdbook_limit=$TIMEOUT
    if ((N >= MDBOOK_ONCE_FROM)); then mdbook_once=1 mdbook_limit=$MDBOOK_TIMEOUT; fi
    local with_mdbook=0
    if [[ $WITH_MDBOOK == 1 && " $CASES " == *" clean "* ]]; then with_mdbook=1; fi
    for ((r = 1; r <= RUNS; r++)); do
        for tool in pamyatka hugo; do
            for case in $CASES; do
                run_case "$case" "$tool" "$r"
            done
        done
        if ((with_mdbook && !mdbook_once)); then
            clear_tool mdbook
            build clean mdbook "$r"
        fi
    done
    if ((with_mdbook && mdbook_once)); then
        clear_tool mdbook
        build clean mdbook 1 "$MDBOOK_TIMEOUT"
    fi
    if ((with_mdbook)); then extra mdbook_limit "$mdbook_limit"; fi
}

# record_sizes: what the last builds left (pamyatka's offline bundle and search files, du).
record_sizes() {
    local pub f
    pub=$(output_dir pamyatka)
    if [[ -d $pub ]]; then
        for f in "$pub"/offline.zip "$pub"/search*; do
            [[ -e $f ]] || continue
            if [[ -d $f ]]; then
                printf '%s/  %s files, %s bytes (du -sh: %s)\n' "${f#"$pub"/}" "$(find "$f" -type f | wc -l)" \
                    "$(du -sb "$f" | cut -f1)" "$(du -sh "$f" | cut -f1)"
            else
                printf '%s  %s bytes (%s)\n' "${f#"$pub"/}" "$(stat -c %s "$f")" "$(du -h --apparent-size "$f" | cut -f1)"
            fi
        done >"$WORK/sizes-$KEY.txt"
        extra public_du "$(du -sh "$pub" | cut -f1)"
    fi
    if [[ -d $(hugo_dest) ]]; then extra hugo_du "$(du -sh "$(hugo_dest)" | cut -f1)"; fi
    if [[ -d $(output_dir mdbook) ]]; then extra mdbook_du "$(du -sh "$(output_dir mdbook)" | cut -f1)"; fi
}

mkdir -p "$WORK/logs" "$WORK/out"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
for SHAPE in $SHAPES; do
    for N in $SIZES; do
        KEY=$SHAPE-$N
        generate
        choose_pages
        check_corpus
        measure_corpus
        if [[ $PHASES == 1 ]]; then
            clear_tool pamyatka
            "$PAMYATKA" --root "$(corpus_dir pamyatka)" --lang en --verbose build >"$WORK/logs/phases-$KEY.log" 2>&1 || true
        fi
        record_sizes
        if [[ $SERVE == 1 && $N == "${SIZES##* }" ]]; then
            # serve works on pamyatka's corpus as it is: its output cleared, its files restored after
            clear_tool pamyatka
            log "serve latency ($KEY, $SERVE_EDITS body edits)"
            node "$ROOT/benches/serve-latency.mjs" "$PAMYATKA" "$(corpus_dir pamyatka)" "$SERVE_EDITS" \
                >"$WORK/serve-$KEY.md" 2>"$WORK/logs/serve-$KEY.log" || log "serve latency failed: see $WORK/logs/serve-$KEY.log"
        fi
        if [[ $KEEP_WORK != 1 ]]; then
            # keep the logs; this corpus and its outputs are no longer needed
            rm -rf "${WORK:?}/$KEY" "$(hugo_dest)" "$(hugo_cache)"
        fi
    done
done
rm -rf "$WORK/aside"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
T_END=$(date +%s)

# --- report ----------------------------------------------------------------------------------
declare -p RUNS SEED SIZES SHAPES CASES TEMPLATE_PAGES TIMEOUT MDBOOK_TIMEOUT MDBOOK_ONCE_FROM VERBOSE \
    LOAD_START LOAD_END T_START T_END PAMYATKA_SRC git_rev git_dirty HUGO_VERSION MDBOOK_VERSION CPU_MODEL \
    MEM_TOTAL NPROC KERNEL SET_ASIDE SERVE >"$WORK/meta.env"
report
log "wrote $RESULTS ($((T_END - T_START)) s)"
