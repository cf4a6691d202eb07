package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// archive makes a Go archive whose export data is export, with the build
// ID id in its header, and whose object code is obj.
func archive(id, export, obj string) []byte {
	member := func(name, data string) string {
		s := fmt.Sprintf("%-16s%-12s%-6s%-6s%-8s%-10d`\n", name, "0", "0", "0", "644", len(data)) + data
		if len(data)%2 == 1 {
			s += "\n"
		}
		return s
	}
	return []byte("!<arch>\n" +
		member("__.PKGDEF", "go object linux amd64 go1\nbuild id \""+id+"\"\n\n$$B\n"+export) +
		member("_go_.o", "go object linux amd64 go1\nbuild id \""+id+"\"\n"+obj))
}

func TestExportData(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, a []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, a, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	read := func(p string) string {
		t.Helper()
		b, err := exportData(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	a := read(write("a.a", archive("AAAA/AAAA", "types", "code one")))
	b := read(write("b.a", archive("BBBB/BBBB", "types", "code two")))
	c := read(write("c.a", archive("AAAA/AAAA", "other types", "code one")))
	if a != b {
		t.Errorf("archives with the same export data, other build IDs and code read apart:\n%q\n%q", a, b)
	}
	if a == c {
		t.Errorf("archives with different export data read alike: %q", a)
	}
	if strings.Contains(a, "AAAA") || strings.Contains(a, "code") {
		t.Errorf("export data holds the build ID or the code: %q", a)
	}
	if _, err := exportData(write("bad.a", []byte("!<arch>\nnot a header"))); err == nil {
		t.Error("a truncated archive read without error")
	}
}

func TestNewCompile(t *testing.T) {
	base := []string{"-o", "/w/b001/_pkg_.a", "-p", "x/y", "-buildid", "I/I", "-importcfg", "/w/b001/importcfg", "a.go"}
	c, ok := newCompile("compile", base)
	if !ok || c.pkg != "x/y" || c.out != "/w/b001/_pkg_.a" || c.buildID != "I/I" || c.work != "/w" {
		t.Errorf("newCompile(%q) = %+v, %v", base, c, ok)
	}
	for _, extra := range [][]string{{"-V=full"}, {"-embedcfg", "e"}, {"-symabis", "s"}, {"-asmhdr", "h"}, {"-coveragecfg", "c"}, {"-pgoprofile", "p"}} {
		if _, ok := newCompile("compile", append(extra, base...)); ok {
			t.Errorf("compile with %q is cached", extra)
		}
	}
	if _, ok := newCompile("compile", []string{"-p", "x/y", "a.go"}); ok {
		t.Error("compile without -o, -buildid and -importcfg is cached")
	}
}

// A fake compiler writes an archive holding its build ID, its source and
// the export data of its one import, and counts its runs.
const fakeCompile = `#!/bin/sh
while [ $# -gt 0 ]; do
  case $1 in -o) o=$2; shift;; -buildid) id=$2; shift;; -importcfg) cfg=$2; shift;; *.go) src=$1;; esac
  shift
done
echo run >>"$COUNT"
printf 'build id "%s" %s %s' "$id" "$(cat "$src")" "$(cat "$cfg")" >"$o"
`

func TestCached(t *testing.T) {
	dir := t.TempDir()
	tool := filepath.Join(dir, "compile")
	if err := os.WriteFile(tool, []byte(fakeCompile), 0o755); err != nil {
		t.Fatal(err)
	}
	count := filepath.Join(dir, "count")
	t.Setenv("COUNT", count)
	cache := filepath.Join(dir, "cache")
	src := filepath.Join(dir, "a.go")
	dep := filepath.Join(dir, "dep.a")
	cfg := filepath.Join(dir, "importcfg")
	if err := os.WriteFile(cfg, []byte("packagefile dep="+dep+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runs := func() int {
		b, _ := os.ReadFile(count)
		return strings.Count(string(b), "run")
	}
	// compile runs one compile as go would: its own work directory and
	// build ID; it returns the archive it got.
	n := 0
	compile := func(source, export, obj string) string {
		t.Helper()
		n++
		if err := os.WriteFile(src, []byte(source), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dep, archive(fmt.Sprintf("D%03d/D%03d", n, n), export, obj), 0o644); err != nil {
			t.Fatal(err)
		}
		work := filepath.Join(dir, fmt.Sprintf("work%d", n))
		if err := os.MkdirAll(filepath.Join(work, "b001"), 0o755); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(work, "b001", "_pkg_.a")
		id := fmt.Sprintf("B%03d/B%03d", n, n)
		c, ok := newCompile(tool, []string{"-o", out, "-p", "x", "-buildid", id, "-importcfg", cfg, "-trimpath", work + "/b001=>", src})
		if !ok {
			t.Fatal("not a cacheable compile")
		}
		key, err := c.key()
		if err != nil {
			t.Fatal(err)
		}
		if status := c.cached(cache, key); status != 0 {
			t.Fatalf("status %d", status)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `build id "`+id+`"`) {
			t.Errorf("archive without its build ID %s: %q", id, b)
		}
		return string(b)
	}
	first := compile("package x", "types", "code one")
	if runs() != 1 {
		t.Fatalf("%d runs for the first compile", runs())
	}
	// The import's code changed, not its export data: served from the cache.
	if got := compile("package x", "types", "code two"); runs() != 1 {
		t.Errorf("compile ran again when only the import's code changed")
	} else if want := strings.ReplaceAll(first, "B001/B001", "B002/B002"); got != want {
		t.Errorf("cached archive\n%q, want\n%q", got, want)
	}
	// Its export data changed: compiled.
	if compile("package x", "other types", "code two"); runs() != 2 {
		t.Errorf("%d runs, want 2: the import's export data changed", runs())
	}
	// The source changed: compiled.
	if compile("package x // changed", "other types", "code two"); runs() != 3 {
		t.Errorf("%d runs, want 3: the source changed", runs())
	}
}
