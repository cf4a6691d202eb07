// Command mutschema tests the mutants gremlins finds (its `unleash
// --dry-run` report) with mutant schemata: every mutant of a package is
// compiled into one copy of it as a switch (see rewrite.go), the package's
// test binary is built once, the tests that reach each mutant are found
// once, and each mutant is then one run of that binary with the mutant
// switched on, limited to the tests that reach it. It writes, per package,
// a report in gremlins' -o format with each mutant's status, for mutscore.
//
//	mutschema -module COPY -out DIR pipeline=pipeline.dry.json rules=rules.dry.json
//
// COPY is a copy of the module (never the working tree: a second copy is
// made from it and rewritten). Mutants the rewriter cannot switch are
// tested as gremlins does, by a compile of their own (fallback.go).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/factsheet-dev/factsheet/scripts/internal/gremlins"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

// report and mutation are gremlins' report format, shared with the other
// mutation script.
type (
	report   = gremlins.Report
	mutation = gremlins.Mutation
)

// mutant is one mutation with what is needed to test it.
type mutant struct {
	*mutation
	id       int
	pkg      string // as named on the command line: pipeline, rules
	file     string // relative to pkg, as in the report
	dir      string // the Go package's directory in the module: rules/internal/read
	fallback string // why it is not switched (then tested by a compile of its own)
	how      string // "schemata", "fallback", "not viable", "not covered"
	ran      string // the tests it ran with, for the log
}

func (m *mutant) String() string {
	return fmt.Sprintf("%s:%d:%d %s", filepath.Join(m.pkg, m.file), m.Line, m.Column, m.Type)
}

func main() {
	module := flag.String("module", "", "a copy of the module (read only here; a rewritten copy is made beside it)")
	outDir := flag.String("out", "", "where the reports, the test binaries and the logs go")
	workers := flag.Int("workers", runtime.NumCPU(), "mutants tested side by side")
	timeout := flag.Duration("timeout", 0, "the longest a mutant's test run may take (0: ten times the package's whole unmutated run, at least 5 s)")
	validate := flag.Int("validate", 0, "then test this many mutants picked at random again by a compile of their own, and compare")
	seed := flag.Int64("seed", 1, "the seed of -validate's pick")
	only := flag.String("only", "", "test only these mutant ids (comma-separated; for checking by hand)")
	skip := flag.String("skip", "", "packages (directories, comma-separated) whose tests are not run on the mutants of the packages they import")
	flag.Parse()
	if *module == "" || *outDir == "" || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: mutschema -module COPY -out DIR PACKAGE=DRYRUN.json...")
		flag.PrintDefaults()
		os.Exit(2)
	}
	start := time.Now()
	r := &run{module: *module, out: *outDir, workers: max(1, *workers), timeout: *timeout, reports: map[string]*report{}}
	if *skip != "" {
		r.skip = strings.Split(*skip, ",")
	}
	if err := r.main(flag.Args(), *validate, *seed, *only); err != nil {
		fmt.Fprintln(os.Stderr, "mutschema:", err)
		os.Exit(2)
	}
	fmt.Printf("mutschema took %s\n", time.Since(start).Round(time.Second))
}

type run struct {
	module, out, instr string
	workers            int
	timeout            time.Duration
	pkgs               []string
	reports            map[string]*report
	muts               []*mutant
	dirs               []string           // the mutated Go package directories, in order
	skip               []string           // directories whose tests are not run (-skip)
	testers            testers            // whose tests run on each mutated package's mutants
	names              map[string]string  // Go package directory → package name
	bins               map[string]*binary // by the directory of the tests
}

// binary is a package's test binary, built in the instrumented copy, and
// what its tests reach.
type binary struct {
	dir, path string
	tests     []string
	whole     time.Duration    // the unmutated run of all its tests
	reachedBy map[int][]string // mutant → the tests that reach it
	atInit    map[int]bool     // mutants reached before any test runs
	timeout   time.Duration
}

func (r *run) main(args []string, validate int, seed int64, only string) error {
	if err := os.MkdirAll(filepath.Join(r.out, "logs"), 0o755); err != nil {
		return err
	}
	for _, arg := range args {
		pkg, file, ok := strings.Cut(arg, "=")
		if !ok {
			return fmt.Errorf("%q is not PACKAGE=REPORT.json", arg)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		rep := &report{}
		if err := json.Unmarshal(data, rep); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		r.pkgs = append(r.pkgs, pkg)
		r.reports[pkg] = rep
		for _, f := range rep.Files {
			for _, m := range f.Mutations {
				dir := filepath.ToSlash(filepath.Dir(filepath.Join(pkg, f.Name)))
				r.muts = append(r.muts, &mutant{mutation: m, id: len(r.muts), pkg: pkg, file: f.Name, dir: dir})
				if !contains(r.dirs, dir) {
					r.dirs = append(r.dirs, dir)
				}
			}
		}
	}
	modPath, pkgs, err := listModule(r.module)
	if err != nil {
		return err
	}
	r.testers = findTesters(modPath, pkgs, r.dirs, r.skip)
	r.names = map[string]string{}
	for _, p := range pkgs {
		r.names[strings.TrimPrefix(p.ImportPath, modPath+"/")] = p.Name
	}
	for _, dir := range r.dirs {
		fmt.Printf("the mutants of %s run the tests of %s\n", dir, strings.Join(r.testers.of[dir], ", "))
	}
	for _, s := range r.testers.skipped {
		fmt.Printf("  not run: %s\n", s)
	}
	if err := r.instrument(); err != nil {
		return err
	}
	if err := r.build(); err != nil {
		return err
	}
	var todo []*mutant
	for _, m := range r.muts {
		if only == "" || contains(strings.Split(only, ","), fmt.Sprint(m.id)) {
			todo = append(todo, m)
		}
	}
	t0 := time.Now()
	r.testAll(todo)
	fmt.Printf("mutants tested in %s\n", time.Since(t0).Round(time.Second))
	if err := r.writeReports(); err != nil {
		return err
	}
	r.summary()
	if validate > 0 {
		return r.validate(validate, seed)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// instrument makes the rewritten copy of the module.
func (r *run) instrument() error {
	r.instr = strings.TrimRight(r.module, "/") + ".schemata"
	os.RemoveAll(r.instr)
	if out, err := exec.Command("cp", "-a", r.module, r.instr).CombinedOutput(); err != nil {
		return fmt.Errorf("copying %s: %v: %s", r.module, err, out)
	}
	modPath, err := goList(r.instr, "-m")
	if err != nil {
		return err
	}
	rtPath := modPath + "/" + runtimeDir
	if err := writeFile(filepath.Join(r.instr, runtimeDir, "zzmutant.go"), runtimeSource(len(r.muts))); err != nil {
		return err
	}
	// The source importer finds packages through the go command, from the
	// working directory.
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	if err := os.Chdir(r.instr); err != nil {
		return err
	}
	defer os.Chdir(wd)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for _, dir := range r.dirs {
		abs := filepath.Join(r.instr, dir)
		files, srcs, err := parsePackage(fset, abs)
		if err != nil {
			return err
		}
		info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
		conf := types.Config{Importer: imp}
		pkg, err := conf.Check(dir, fset, files, info)
		if err != nil {
			return fmt.Errorf("type-checking %s: %w", dir, err)
		}
		// viable type-checks the package again with one operator changed.
		viable := func(pos token.Pos, tok token.Token) bool {
			var op *token.Token
			for _, f := range files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.BinaryExpr:
						if n.OpPos == pos {
							op = &n.Op
						}
					case *ast.UnaryExpr:
						if n.OpPos == pos {
							op = &n.Op
						}
					}
					return op == nil
				})
			}
			if op == nil {
				return false
			}
			was := *op
			*op = tok
			defer func() { *op = was }()
			conf := types.Config{Importer: imp, Error: func(error) {}}
			_, err := conf.Check(dir, fset, files, &types.Info{})
			return err == nil
		}
		sitesOf := map[string][]site{}
		byID := map[int]*mutant{}
		for _, m := range r.muts {
			if m.dir == dir {
				name := filepath.Join(abs, filepath.Base(m.file))
				sitesOf[name] = append(sitesOf[name], site{m.id, m.Line, m.Column, m.Type})
				byID[m.id] = m
			}
		}
		for i, f := range files {
			name := fset.File(f.Pos()).Name()
			if sitesOf[name] == nil {
				continue
			}
			out, fallback, notViable, err := rewrite(fset, f, srcs[i], info, pkg, rtPath, sitesOf[name], viable)
			if err != nil {
				return err
			}
			for id, why := range fallback {
				byID[id].fallback = why
			}
			for id := range notViable {
				byID[id].Status, byID[id].how = "NOT VIABLE", "not viable"
			}
			if err := os.WriteFile(name, out, 0o644); err != nil {
				return err
			}
		}
		if err := writeFile(filepath.Join(abs, "zz_mutant_main_test.go"), testMainSource(pkg.Name(), rtPath)); err != nil {
			return err
		}
	}
	// The importers' tests are not rewritten: they only get the TestMain
	// that writes what they reach.
	for _, dir := range r.testers.all(r.dirs)[len(r.dirs):] {
		if err := writeFile(filepath.Join(r.instr, dir, "zz_mutant_main_test.go"), testMainSource(r.names[dir], rtPath)); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(name, text string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(text), 0o644)
}

func goList(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", append([]string{"list"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go list %s: %w", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out)), nil
}

// parsePackage parses the non-test Go files of a directory that build here.
func parsePackage(fset *token.FileSet, dir string) ([]*ast.File, [][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var files []*ast.File
	var srcs [][]byte
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, nil, err
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f)
		srcs = append(srcs, src)
	}
	return files, srcs, nil
}

// build compiles the test binary of each instrumented package and of each
// package whose tests run on its mutants once, runs it whole (it must
// pass), then each of its tests alone to see which mutants each reaches.
func (r *run) build() error {
	r.bins = map[string]*binary{}
	for _, dir := range r.testers.all(r.dirs) {
		b := &binary{dir: dir, path: filepath.Join(r.out, strings.ReplaceAll(dir, "/", "_")+".test"),
			reachedBy: map[int][]string{}, atInit: map[int]bool{}}
		abs, _ := filepath.Abs(b.path)
		b.path = abs
		r.bins[dir] = b
		t0 := time.Now()
		cmd := exec.Command("go", "test", "-c", "-vet=off", "-o", b.path, "./"+dir)
		cmd.Dir = r.instr
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("the instrumented %s does not build (a bug of the rewriter): %v\n%s", dir, err, out)
		}
		if contains(r.dirs, dir) {
			fmt.Printf("built %s with its %d switches in %s\n", dir, r.count(dir), time.Since(t0).Round(100*time.Millisecond))
		} else {
			fmt.Printf("built the tests of %s in %s\n", dir, time.Since(t0).Round(100*time.Millisecond))
		}
		out, err := r.exec(b, -1, "", "-test.list", ".*")
		if err != nil {
			return fmt.Errorf("listing the tests of %s: %v\n%s", dir, err, out)
		}
		for _, name := range strings.Fields(string(out)) {
			if !strings.HasPrefix(name, "Benchmark") && !strings.HasPrefix(name, "ok") {
				b.tests = append(b.tests, name)
			}
		}
		t0 = time.Now()
		if out, err := r.exec(b, -1, ""); err != nil {
			return fmt.Errorf("the tests of the instrumented %s fail with no mutant active: %v\n%s", dir, err, out)
		}
		b.whole = time.Since(t0)
		b.timeout = r.timeout
		if b.timeout == 0 {
			b.timeout = max(5*time.Second, 10*b.whole)
		}
		t0 = time.Now()
		var mu sync.Mutex
		var firstErr error
		r.pool(len(b.tests), func(i int) {
			name := b.tests[i]
			hits := filepath.Join(r.out, "logs", fmt.Sprintf("hits.%s.%s", filepath.Base(b.path), name))
			out, err := r.exec(b, -1, hits, "-test.run", "^"+name+"$")
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = fmt.Errorf("%s %s fails alone with no mutant active: %v\n%s", dir, name, err, out)
			}
			if err := b.readHits(hits, name); err != nil && firstErr == nil {
				firstErr = err
			}
			os.Remove(hits)
		})
		if firstErr != nil {
			return firstErr
		}
		fmt.Printf("  %d tests (all of them %s), each run alone to see what it reaches: %s; they reach %d mutants\n",
			len(b.tests), b.whole.Round(10*time.Millisecond), time.Since(t0).Round(100*time.Millisecond), b.reached())
	}
	// A mutant's own package's tests run first, then the others' from the
	// quickest: the first that fails settles it.
	for _, dir := range r.dirs {
		others := r.testers.of[dir][1:]
		sort.SliceStable(others, func(i, j int) bool { return r.bins[others[i]].whole < r.bins[others[j]].whole })
	}
	return nil
}

func (r *run) count(dir string) int {
	n := 0
	for _, m := range r.muts {
		if m.dir == dir && m.fallback == "" && m.how == "" {
			n++
		}
	}
	return n
}

// reached counts the mutants some test of b reaches, or its init.
func (b *binary) reached() int {
	n := len(b.atInit)
	for k := range b.reachedBy {
		if !b.atInit[k] {
			n++
		}
	}
	return n
}

func (b *binary) readHits(path, test string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s: the test binary wrote no hits: %w", test, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var kind string
		var k int
		if _, err := fmt.Sscan(sc.Text(), &kind, &k); err != nil {
			return fmt.Errorf("%s: %q: %w", path, sc.Text(), err)
		}
		if kind == "init" {
			b.atInit[k] = true
		} else if !contains(b.reachedBy[k], test) {
			b.reachedBy[k] = append(b.reachedBy[k], test)
		}
	}
	return sc.Err()
}

// exec runs a test binary in the package's directory of the unrewritten
// copy (the tests read their testdata from there), with mutant k active
// (-1: none) and the hits written to hits ("" none).
func (r *run) exec(b *binary, k int, hits string, args ...string) ([]byte, error) {
	return r.execCtx(context.Background(), b, k, hits, args...)
}

func (r *run) execCtx(ctx context.Context, b *binary, k int, hits string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, b.path, append([]string{"-test.short", "-test.count=1", "-test.paniconexit0"}, args...)...)
	cmd.Dir = filepath.Join(r.module, b.dir)
	env := []string{}
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "FACTSHEET_MUTANT") {
			env = append(env, e)
		}
	}
	if k >= 0 {
		env = append(env, fmt.Sprintf("FACTSHEET_MUTANT=%d", k))
	}
	if hits != "" {
		env = append(env, "FACTSHEET_MUTANT_HITS="+hits)
	}
	cmd.Env = env
	cmd.WaitDelay = 5 * time.Second
	return cmd.CombinedOutput()
}

// pool runs f(0..n-1) on r.workers goroutines.
func (r *run) pool(n int, f func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(r.workers, max(n, 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// testAll sets the status of each mutant: switched ones by a run of their
// package's binary, the others by a compile of their own.
func (r *run) testAll(todo []*mutant) {
	var switched, fallback []*mutant
	for _, m := range todo {
		switch {
		case m.how != "": // not viable
		case m.fallback != "":
			fallback = append(fallback, m)
		default:
			switched = append(switched, m)
		}
	}
	r.pool(len(switched), func(i int) { r.testSwitched(switched[i]) })
	if len(fallback) > 0 {
		t0 := time.Now()
		if err := r.compileEach(fallback, "fallback"); err != nil {
			fmt.Fprintln(os.Stderr, "mutschema:", err)
			os.Exit(2)
		}
		fmt.Printf("%d fallback mutants compiled one by one in %s\n", len(fallback), time.Since(t0).Round(time.Second))
	}
}

// testSwitched runs the tests that reach m with m active, in each test
// binary of its testers in turn: caught if one fails or they time out (a
// loop), survived if they all pass, not covered if no test reaches it.
func (r *run) testSwitched(m *mutant) {
	m.how = "schemata"
	var ran []string
	var logs []byte
	for _, dir := range r.testers.of[m.dir] {
		b := r.bins[dir]
		args, tests := b.runArgs(m.id)
		if args == nil {
			continue
		}
		ran = append(ran, dir+": "+tests)
		args = append(args, "-test.failfast", "-test.timeout", b.timeout.String())
		ctx, cancel := context.WithTimeout(context.Background(), b.timeout+10*time.Second)
		out, err := r.execCtx(ctx, b, m.id, "", args...)
		m.Status = verdict(ctx, out, err)
		cancel()
		if strings.Contains(string(out), "no tests to run") {
			m.Status = "HARNESS ERROR"
		}
		logs = append(append(logs, "== "+dir+"\n"...), out...)
		if m.Status != "LIVED" {
			break
		}
	}
	if len(ran) == 0 {
		m.Status, m.how = "NOT COVERED", "not covered"
		return
	}
	m.ran = strings.Join(ran, "; ")
	r.log(m, logs)
}

// runArgs are the arguments that run the tests of b that reach mutant k
// (nil: none does), and those tests, for the log.
func (b *binary) runArgs(k int) ([]string, string) {
	switch {
	case b.atInit[k]:
		return []string{}, "all (reached at init)"
	case len(b.reachedBy[k]) > 0:
		tests := b.reachedBy[k]
		return []string{"-test.run", "^(" + strings.Join(tests, "|") + ")$"}, strings.Join(tests, " ")
	}
	return nil, ""
}

func verdict(ctx context.Context, out []byte, err error) string {
	switch {
	case ctx.Err() != nil || strings.Contains(string(out), "panic: test timed out after"):
		return "TIMED OUT"
	case err == nil:
		return "LIVED"
	}
	return "KILLED"
}

// log keeps the head and tail of a mutant's run, to check a verdict by hand.
func (r *run) log(m *mutant, out []byte) {
	s := string(out)
	if len(s) > 6000 {
		s = s[:3000] + "\n[...]\n" + s[len(s)-3000:]
	}
	text := fmt.Sprintf("%s id %d: %s by %s\ntests: %s\n\n%s", m, m.id, m.Status, m.how, m.ran, s)
	os.WriteFile(filepath.Join(r.out, "logs", fmt.Sprintf("%d.txt", m.id)), []byte(text), 0o644)
}

func (r *run) writeReports() error {
	for _, pkg := range r.pkgs {
		for _, m := range r.muts {
			if m.pkg == pkg && m.Status == "HARNESS ERROR" {
				return fmt.Errorf("%s: the test run found no test to run (see %s)", m, filepath.Join(r.out, "logs", fmt.Sprintf("%d.txt", m.id)))
			}
		}
		rep := r.reports[pkg]
		data, err := json.MarshalIndent(rep, "", " ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(r.out, pkg+".json"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// summary says how each package's mutants were tested.
func (r *run) summary() {
	for _, pkg := range r.pkgs {
		count := map[string]int{}
		why := map[string]int{}
		for _, m := range r.muts {
			if m.pkg != pkg {
				continue
			}
			count[m.how]++
			if m.fallback != "" {
				why[m.fallback]++
			}
		}
		fmt.Printf("%s: %d mutants: %d run switched in one build, %d reached by no test, %d compiled one by one, %d do not compile (+ on strings)\n",
			pkg, count["schemata"]+count["not covered"]+count["fallback"]+count["not viable"], count["schemata"], count["not covered"], count["fallback"], count["not viable"])
		reasons := make([]string, 0, len(why))
		for w := range why {
			reasons = append(reasons, w)
		}
		sort.Strings(reasons)
		for _, w := range reasons {
			fmt.Printf("  compiled one by one: %d: %s\n", why[w], w)
		}
	}
}

// validate tests n mutants picked at random (as many caught as survived,
// where there are enough) again by a compile of their own, as gremlins
// does, and compares the verdicts.
func (r *run) validate(n int, seed int64) error {
	rng := rand.New(rand.NewSource(seed))
	var caught, survived []*mutant
	for _, m := range r.muts {
		if m.how != "schemata" && m.how != "not covered" {
			continue
		}
		if caughtStatus(m.Status) {
			caught = append(caught, m)
		} else {
			survived = append(survived, m)
		}
	}
	rng.Shuffle(len(caught), func(i, j int) { caught[i], caught[j] = caught[j], caught[i] })
	rng.Shuffle(len(survived), func(i, j int) { survived[i], survived[j] = survived[j], survived[i] })
	half := min(n/2, len(survived))
	pick := append(append([]*mutant{}, survived[:half]...), caught[:min(n-half, len(caught))]...)
	was := map[*mutant]string{}
	copies := make([]*mutant, len(pick))
	for i, m := range pick {
		was[m] = m.Status
		c := *m
		mm := *m.mutation
		c.mutation = &mm
		copies[i] = &c
	}
	t0 := time.Now()
	if err := r.compileEach(copies, "validate"); err != nil {
		return err
	}
	fmt.Printf("\nvalidation: %d mutants picked at random (seed %d), each tested again by a compile of its own (%s):\n", len(pick), seed, time.Since(t0).Round(time.Second))
	differ := 0
	for i, m := range pick {
		c := copies[i]
		mark := "same"
		if caughtStatus(was[m]) != caughtStatus(c.Status) || (was[m] == "NOT VIABLE") != (c.Status == "NOT VIABLE") {
			mark = "DIFFERENT"
			differ++
		}
		fmt.Printf("  %-4d %-52s schemata %-11s compiled %-11s %s\n", m.id, m.String(), was[m], c.Status, mark)
	}
	if differ > 0 {
		return fmt.Errorf("validation: %d of %d verdicts differ", differ, len(pick))
	}
	fmt.Printf("validation: all %d verdicts agree\n", len(pick))
	return nil
}

func caughtStatus(s string) bool { return s == "KILLED" || s == "TIMED OUT" }
