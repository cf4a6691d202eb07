package main

import (
	"path/filepath"
	"reflect"
	"testing"
)

// findTesters picks, for each mutated package, its own tests first, then
// those of every package that imports it (from its code, its tests or its
// external tests), and says why it leaves an importer out.
func TestFindTesters(t *testing.T) {
	const mod = "example.com/m"
	pkgs := []goPkg{
		{ImportPath: mod + "/pipeline", Imports: []string{mod + "/rules"}, TestGoFiles: []string{"a_test.go"}, XTestImports: []string{mod + "/pipeline"}},
		{ImportPath: mod + "/pipeline/checktest", Imports: []string{mod + "/pipeline"}, XTestGoFiles: []string{"c_test.go"}},
		{ImportPath: mod + "/reports", Imports: []string{mod + "/pipeline"}, TestGoFiles: []string{"r_test.go"}},
		{ImportPath: mod + "/ledger", TestImports: []string{mod + "/pipeline"}, TestGoFiles: []string{"l_test.go"}, testMain: true},
		{ImportPath: mod + "/cmd/m", Imports: []string{mod + "/pipeline", mod + "/rules"}, TestGoFiles: []string{"m_test.go"}},
		{ImportPath: mod + "/pipeline/ingest", Imports: []string{mod + "/pipeline"}},
		{ImportPath: mod + "/rules", Imports: []string{mod + "/rules/internal/read"}, TestGoFiles: []string{"r_test.go"}, XTestImports: []string{mod + "/pipeline"}},
		{ImportPath: mod + "/rules/internal/read", XTestImports: []string{mod + "/rules"}, TestGoFiles: []string{"x_test.go"}},
		{ImportPath: mod + "/other", Imports: []string{mod + "/rules"}, TestGoFiles: []string{"o_test.go"}},
	}
	cases := []struct {
		mutated, skip []string
		want          map[string][]string
		skipped       []string
		all           []string
	}{
		{
			mutated: []string{"pipeline"}, skip: []string{"cmd/m"},
			want:    map[string][]string{"pipeline": {"pipeline", "pipeline/checktest", "reports", "rules"}},
			skipped: []string{"cmd/m: skipped (-skip)", "ledger: its tests have a TestMain of their own", "pipeline/ingest: no tests"},
			all:     []string{"pipeline", "pipeline/checktest", "reports", "rules"},
		},
		{
			// an internal package: only what imports it directly, not
			// what imports its importer
			mutated: []string{"rules/internal/read"},
			want:    map[string][]string{"rules/internal/read": {"rules/internal/read", "rules"}},
			all:     []string{"rules/internal/read", "rules"},
		},
		{
			// a tester of both is listed once, after both
			mutated: []string{"pipeline", "rules/internal/read"}, skip: []string{"cmd/m", "reports"},
			want: map[string][]string{
				"pipeline":            {"pipeline", "pipeline/checktest", "rules"},
				"rules/internal/read": {"rules/internal/read", "rules"},
			},
			skipped: []string{"cmd/m: skipped (-skip)", "ledger: its tests have a TestMain of their own", "pipeline/ingest: no tests", "reports: skipped (-skip)"},
			all:     []string{"pipeline", "rules/internal/read", "pipeline/checktest", "rules"},
		},
	}
	for _, c := range cases {
		got := findTesters(mod, pkgs, c.mutated, c.skip)
		if !reflect.DeepEqual(got.of, c.want) {
			t.Errorf("%v: testers %v, want %v", c.mutated, got.of, c.want)
		}
		if !reflect.DeepEqual(got.skipped, c.skipped) {
			t.Errorf("%v: left out %q, want %q", c.mutated, got.skipped, c.skipped)
		}
		if all := got.all(c.mutated); !reflect.DeepEqual(all, c.all) {
			t.Errorf("%v: all %v, want %v", c.mutated, all, c.all)
		}
	}
}

// runArgs runs every test of a binary for a mutant reached at init, only
// the tests that reach it otherwise, and nothing when none does.
func TestRunArgs(t *testing.T) {
	b := &binary{atInit: map[int]bool{1: true}, reachedBy: map[int][]string{1: {"TestA"}, 2: {"TestA", "TestB"}}}
	cases := []struct {
		k     int
		args  []string
		tests string
	}{
		{1, []string{}, "all (reached at init)"},
		{2, []string{"-test.run", "^(TestA|TestB)$"}, "TestA TestB"},
		{3, nil, ""},
	}
	for _, c := range cases {
		args, tests := b.runArgs(c.k)
		if !reflect.DeepEqual(args, c.args) || (args == nil) != (c.args == nil) || tests != c.tests {
			t.Errorf("mutant %d: %q %q, want %q %q", c.k, args, tests, c.args, c.tests)
		}
	}
}

// listModule marks a package whose tests have a TestMain of their own (in
// either test package) and no other.
func TestListModule(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":      "module example.com/m\n\ngo 1.21\n",
		"a/a.go":      "package a\n",
		"a/a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestMain(m *testing.M) { m.Run() }\n",
		"b/b.go":      "package b\n\nimport _ \"example.com/m/a\"\n",
		"b/b_test.go": "package b_test\n\nimport \"testing\"\n\n// func TestMain(m *testing.M) is not here\nfunc TestB(t *testing.T) {}\n",
		"c/c.go":      "package c\n",
		"c/c_test.go": "package c_test\n\nimport \"testing\"\n\nfunc TestMain(m *testing.M) { m.Run() }\n",
	}
	for name, text := range files {
		if err := writeFile(filepath.Join(dir, name), text); err != nil {
			t.Fatal(err)
		}
	}
	mod, pkgs, err := listModule(dir)
	if err != nil {
		t.Fatal(err)
	}
	if mod != "example.com/m" {
		t.Errorf("module %q", mod)
	}
	got := map[string]bool{}
	for _, p := range pkgs {
		got[p.ImportPath] = p.testMain
	}
	want := map[string]bool{"example.com/m/a": true, "example.com/m/b": false, "example.com/m/c": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TestMain: %v, want %v", got, want)
	}
}
