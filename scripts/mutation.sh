#!/usr/bin/env bash
# Mutation score of the tests: a mutant is the code with one operator
# changed (< into <= or >=, == into !=, && into ||, * into /, - into +,
# *= into /=, i++ into i--); the package's tests run on each, and the
# script counts the mutants they catch (a test fails) and those that
# survive (every test passes: a bug the suite would let through). See the
# README's development section for how to read the table.
#
# usage: scripts/mutation.sh [pipeline] [rules]     (default: both)
#   MUTATION_OUT=DIR   where the reports and the logs go (default: a temp dir, kept)
#   MUTATION_FILES="a.go b.go"   mutate only these files of the package (iterating)
#   MUTATION_WORKERS=N   mutants tested side by side (default: one per CPU)
#   MUTATION_VALIDATE=N  then test N mutants picked at random again by a
#                        compile of their own each, and compare (MUTATION_SEED)
#   MUTATION_SKIP="a b"  importers whose tests are not run on the mutants
#                        (default: cmd/factsheet, see below)
#
# Not part of .ci/run: some 2,000 mutants, a few minutes of both cores.
set -euo pipefail
cd "$(dirname "$0")/.."

# gremlins decides which mutants exist (its dry run lists them: file, line,
# column, mutator); scripts/mutschema tests them. Pinned: the output format
# and the mutators differ between releases. A `go install ...@latest` build
# reports its version as "dev"; this one is read from the binary's build info.
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
  [pipeline]="interval.go spanmath.go precision.go judge.go link.go check.go check_arith.go check_change.go check_conflict.go check_convert.go check_expr.go check_growth.go check_misquote.go check_parts.go check_product.go check_restatement.go check_size.go check_notebase.go check_ratio.go check_shareof.go check_whole.go statements.go"
  [rules]="internal/read/digits.go internal/read/atom.go internal/read/ranges.go internal/read/qualifiers.go internal/read/units.go internal/read/scale.go internal/read/vague.go internal/read/fixed.go internal/read/lists.go internal/read/per.go internal/read/attach.go internal/read/unitctx.go"
)

out=${MUTATION_OUT:-$(mktemp -d -t factsheet-mutation.XXXX)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
pkgs=("$@")
[ ${#pkgs[@]} -eq 0 ] && pkgs=(pipeline rules)

# A copy of the module as it is now: the mutants are found and tested in
# it (and in copies made from it), never in the tree, which may change
# while the script runs.
copy=$(mktemp -d -t factsheet-mutation-copy.XXXX)
trap 'rm -rf "$copy" "$copy".*' EXIT
if git rev-parse --git-dir >/dev/null 2>&1; then
  git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$copy"
else
  tar --exclude=./.git -cf - . | tar -xf - -C "$copy"
fi

start=$SECONDS
args=()
for pkg in "${pkgs[@]}"; do
  files=${MUTATION_FILES:-${scope[$pkg]:?unknown package $pkg: pipeline or rules}}
  # gremlins mutates every file under the directory it is given that no
  # -E pattern matches; every file not in scope is excluded by name.
  keep=" $files "
  excl=()
  while IFS= read -r f; do
    f=${f#"$pkg"/}
    case "$keep" in *" $f "*) ;; *) excl+=(-E "^${f//./\\.}\$") ;; esac
  done < <(cd "$copy" && find "$pkg" -name '*.go' ! -name '*_test.go' | sort)
  # INVERT_NEGATIVES is off: in v0.6.0 it turns - into + exactly as
  # ARITHMETIC_BASE does, so each minus would be tested twice. The dry run
  # also runs the package's tests once with -cover (its "not covered",
  # which misses case expressions and package variables, is not used).
  (cd "$copy" && GOFLAGS="-vet=off -short" "$gremlins" unleash --dry-run \
    --invert-logical --invert-assignments --invert-negatives=false \
    "${excl[@]}" -o "$out/$pkg.mutants.json" "./$pkg" >"$out/$pkg.gremlins.log" 2>&1) ||
    { tail -20 "$out/$pkg.gremlins.log"; exit 2; }
  args+=("$pkg=$out/$pkg.mutants.json")
done
echo "gremlins listed the mutants in $((SECONDS - start))s"

# mutschema: one instrumented build of each package with every mutant a
# switch, the tests that reach each mutant found once, then one run of the
# test binary per mutant, limited to those tests (see its comment).
GOFLAGS= go build -o "$out/mutschema" ./scripts/mutschema
GOFLAGS= go build -o "$out/mutscore" ./scripts/mutscore
validate=()
[ -z "${MUTATION_VALIDATE:-}" ] || validate=(-validate "$MUTATION_VALIDATE" -seed "${MUTATION_SEED:-1}")
# A mutant runs its own package's tests, then those of every package of the
# module that imports it (pipeline/checktest runs each check's examples
# through pipeline, rules each rule's examples through its readers), but
# for cmd/factsheet's end-to-end tests: they take 15 s a run, most of it
# building and running the command (and their TestMain leaves them out
# anyway), where a mutant's run takes well under a second.
skip=${MUTATION_SKIP-cmd/factsheet}
GOFLAGS=-vet=off "$out/mutschema" -module "$copy" -out "$out" -workers "${MUTATION_WORKERS:-$(nproc)}" \
  -skip "${skip// /,}" "${validate[@]}" "${args[@]}"

reports=()
for pkg in "${pkgs[@]}"; do reports+=("$pkg=$out/$pkg.json"); done
# Read in the copy: the lines it quotes are those that were mutated.
equivalent=$PWD/scripts/mutation-equivalent.txt
(cd "$copy" && "$out/mutscore" -equivalent "$equivalent" "${reports[@]}")
# times prints the shell's own CPU, then that of its children (every process
# it waited for, with theirs); in $(...) it would be a subshell's, all zero.
times >"$out/times"
echo "in all $(( (SECONDS - start) / 60 ))m$(( (SECONDS - start) % 60 ))s; CPU (user, system) of all it ran: $(tail -1 "$out/times"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); reports and logs in $out"
