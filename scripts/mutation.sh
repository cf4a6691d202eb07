#!/usr/bin/env bash
# Mutation score of the tests: gremlins changes the code one operator at a
# time (< into <=, && into ||, * into /, - into +, == into !=, *= into /=,
# i++ into i--), runs the package's tests on each change (a "mutant") and
# counts the mutants the tests catch (a test fails) and those that survive
# (every test passes: a bug the suite would let through). See the README's
# development section for how to read the table.
#
# usage: scripts/mutation.sh [pipeline] [rules]     (default: both)
#   MUTATION_OUT=DIR   where the raw gremlins reports go (default: a temp dir, kept)
#   MUTATION_FILES="a.go b.go"   mutate only these files of the package (iterating)
#   MUTATION_WORKERS=N   mutants tested side by side (default: one per CPU)
#
# Not part of .ci/run: some 1,900 mutants at 2 to 3 s of CPU each, over half
# an hour on the shared 2-core machine (README, "Mutation score").
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned: the output format and the mutators differ between releases. A
# `go install ...@latest` build reports its version as "dev"; this one is read
# from the binary's build info.
version=v0.6.0
gobin=$(go env GOPATH)/bin
gremlins=$gobin/gremlins
if ! go version -m "$gremlins" 2>/dev/null | grep -q "mod[[:space:]]*github.com/go-gremlins/gremlins[[:space:]]*$version"; then
  echo "installing gremlins $version"
  GOBIN=$gobin go install "github.com/go-gremlins/gremlins/cmd/gremlins@$version"
fi

# What is mutated: the code that decides what a figure says and whether
# figures agree. pipeline: the intervals, the link stage and the checks (the
# context stage's language analysis, the ids and the stage runner are
# measured by the golden and end-to-end tests in other packages, which a
# mutant here never runs). rules: the number readers of the engine.
declare -A scope=(
  [pipeline]="interval.go spanmath.go precision.go judge.go link.go check.go check_arith.go check_change.go check_conflict.go check_convert.go check_growth.go check_misquote.go check_parts.go check_product.go check_restatement.go check_size.go"
  [rules]="internal/read/digits.go internal/read/atom.go internal/read/ranges.go internal/read/qualifiers.go internal/read/units.go internal/read/scale.go internal/read/vague.go internal/read/fixed.go"
)

out=${MUTATION_OUT:-$(mktemp -d -t factsheet-mutation.XXXX)}
mkdir -p "$out"
pkgs=("$@")
[ ${#pkgs[@]} -eq 0 ] && pkgs=(pipeline rules)

# A copy of the module as it is now, in which the mutants that gremlins
# leaves untested are tested afterwards (see scripts/mutscore/rerun.go).
copy=$(mktemp -d -t factsheet-mutation-copy.XXXX)
cache=$(mktemp -d -t factsheet-mutation-cache.XXXX)
gocache=$(mktemp -d -t factsheet-mutation-gocache.XXXX)
pruner=
trap '[ -z "$pruner" ] || kill "$pruner" 2>/dev/null; rm -rf "$copy" "$cache" "$gocache"' EXIT
if git rev-parse --git-dir >/dev/null 2>&1; then
  git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$copy"
else
  tar --exclude=./.git -cf - . | tar -xf - -C "$copy"
fi

# -vet=off: vet is not a test, and it costs as much as the compile.
# -short: timing tests (linearity) say nothing of a mutant, and one runs a
#   minute; a slow test that reaches no mutated file runs shorter.
# -gcflags=all=-l: no inlining, which changes no result (Go's semantics do
#   not depend on it; no test here counts allocations) and takes a third off
#   compiling a mutant of pipeline (a tenth to a fifth for rules). The first
#   build with it compiles the standard library again, once per GOCACHE.
#   -dwarf=false: the compiler writes no DWARF, which -ldflags=-w drops at
#   the link anyway (an eighth off compiling pipeline with its tests); -c=1:
#   one backend goroutine, as the workers already fill the cores. With both,
#   a mutant took 11% less CPU in pipeline and 9% less in rules (2.75 s and
#   1.68 s, not 3.10 and 1.85; ten distinct mutants of each, interleaved,
#   load 4 to 6).
# -count=1: gremlins times each mutant out at --timeout-coefficient times its
#   first run, the coverage run; a cached result makes that run last half a
#   second, and every mutant then times out (counted as caught) after five.
# -ldflags=-w: no DWARF in the test binary (no test reads it); the link of a
#   mutant's test binary takes some 40% less CPU.
# -toolexec: scripts/mutcache, which compiles what imports the mutated
#   package inside the test binary (pipeline/ingest and the external tests;
#   rules) once, not once per mutant: a mutated body leaves the export data
#   they are compiled against as it was, and their archives come out byte
#   for byte the same (see its comment; MUTCACHE_VERIFY=1 compiles them
#   anyway and logs to MUTCACHE_LOG whether they are). It also runs the
#   compiler and the linker with GOGC=off (MUTCACHE_GOGC): a few hundred MB
#   each, and no time collecting. A quarter off a pipeline mutant's CPU, a
#   sixth off a rules one.
GOFLAGS= go build -o "$out/mutcache" ./scripts/mutcache
module=$(GOFLAGS= go list -m)
export MUTCACHE_DIR=$cache MUTCACHE_GOGC=${MUTCACHE_GOGC-off}
export MUTCACHE_SKIP="$module/pipeline $module/rules/internal/read"
goflags="-vet=off -short '-gcflags=all=-l -dwarf=false -c=1' -count=1 -ldflags=-w -toolexec=$out/mutcache"

# A private build cache, emptied as the run goes. go writes every mutant's
# archive and those of what imports it into the build cache, and none is
# ever read again: 6 MB a pipeline mutant, some 9 GB a whole run, which
# filled the shared cache (and disk) it had been writing to. The tools the
# mutants need (the standard library and the modules, built with the flags
# above: some 30 s of CPU) are built into it first, by the coverage builds
# below; what is written after that is swept once unused for a minute:
# each minute the pruner deletes the files it set to the mark time a minute
# before and that go has not used since (go sets the time of a file it uses
# to now when it is over an hour old), then marks those written since the
# stamp that are two minutes old. What the workers use all the time (the
# module's packages in each worker's copy, compiled there once) is never a
# minute unused; a mutant's files are never used again.
export GOCACHE=$gocache
prune() {
  local stamp=$1 mark
  mark=$(( $(stat -c %Y "$stamp") - 7200 ))
  while sleep 60; do
    find "$GOCACHE" -type f ! -newermt "@$((mark + 1))" -newermt "@$((mark - 1))" -delete 2>/dev/null || true
    find "$GOCACHE" -type f -newer "$stamp" -mmin +2 -exec touch -d "@$mark" {} + 2>/dev/null || true
  done
}

start=$SECONDS
# The coverage builds are made first, here, so that gremlins' coverage run
# times the tests and the link, as a mutant's does, and not a cold compile
# of the whole tree (11 s after the tests changed, 4 s with it built; the
# timeout follows, below), and so that what the mutants need is in the
# build cache before the pruner starts.
for pkg in "${pkgs[@]}"; do
  GOFLAGS=$goflags go test -cover -coverprofile "$out/$pkg.warm" -run '^$' "./$pkg/..." >/dev/null
done
touch "$out/stamp"
echo "build cache: $GOCACHE (private, pruned as the run goes)"
prune "$out/stamp" &
pruner=$!
for pkg in "${pkgs[@]}"; do
  files=${MUTATION_FILES:-${scope[$pkg]:?unknown package $pkg: pipeline or rules}}
  # gremlins mutates every file under the directory it is given that no
  # -E pattern matches; every file not in scope is excluded by name.
  keep=" $files "
  excl=()
  while IFS= read -r f; do
    f=${f#"$pkg"/}
    case "$keep" in *" $f "*) ;; *) excl+=(-E "^${f//./\\.}\$") ;; esac
  done < <(find "$pkg" -name '*.go' ! -name '*_test.go' | sort)
  echo "== $pkg: $(wc -w <<<"$files") files"
  # gremlins runs `go test -failfast PKG` per mutant, PKG the mutated file's
  # package only (rules/internal/read, pipeline), in a copy of the module per
  # worker; most of a mutant's time is compiling that package with its tests,
  # what imports it in the test binary (rules; ingest) and linking. The flags
  # are in $goflags, above.
  # The timeout is 5 times the coverage run (all the tests of the package's
  # tree, uncached), which does more than a mutant's run (2 to 6 s on the
  # shared machine); a mutant that loops holds a core for the whole timeout
  # (at 8 times, eight looping mutants were half the CPU of a rules run).
  # INVERT_NEGATIVES is off: in v0.6.0 it turns - into + exactly as
  # ARITHMETIC_BASE does, so each minus would be tested twice.
  # Never --test-cpu: v0.6.0 passes "-cpu N" as one argument, go test fails
  # on it, and every mutant counts as killed.
  GOFLAGS=$goflags "$gremlins" unleash \
    --workers "${MUTATION_WORKERS:-0}" \
    --invert-logical --invert-assignments --invert-negatives=false \
    --timeout-coefficient 5 \
    "${excl[@]}" -o "$out/$pkg.json" "./$pkg" >"$out/$pkg.log" 2>&1 ||
    { tail -20 "$out/$pkg.log"; exit 2; }
  grep -E "completed in|Killed:|Timed out:" "$out/$pkg.log" | sed 's/^/  /'
done
echo "gremlins took $(( (SECONDS - start) / 60 ))m$(( (SECONDS - start) % 60 ))s; reports in $out"

args=()
for pkg in "${pkgs[@]}"; do args+=("$pkg=$out/$pkg.json"); done
GOFLAGS= go build -o "$out/mutscore" ./scripts/mutscore
workers=${MUTATION_WORKERS:-0}
[ "$workers" -gt 0 ] || workers=$(nproc)
# A mutant's test takes 2 to 10 s on the shared machine; one that loops is
# caught at 60 s, as gremlins times out its own.
GOFLAGS=$goflags "$out/mutscore" -equivalent scripts/mutation-equivalent.txt -rerun "$copy" -workers "$workers" -timeout 60s "${args[@]}"
# times prints the shell's own CPU, then that of its children (every process
# it waited for, with theirs); in $(...) it would be a subshell's, all zero.
times >"$out/times"
echo "in all $(( (SECONDS - start) / 60 ))m$(( (SECONDS - start) % 60 ))s; CPU (user, system) of all it ran: $(tail -1 "$out/times"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
