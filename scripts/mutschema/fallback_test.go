package main

import (
	"strings"
	"testing"
)

// mutate changes the operator at a line and column as the mutator does,
// the longer operator first.
func TestMutate(t *testing.T) {
	src := []byte("package a\n\nfunc f(x, y int) bool {\n\treturn x >= y && x+1 != y && x > 0\n}\n")
	cases := []struct {
		line, col int
		typ, want string
	}{
		{4, 11, "CONDITIONALS_BOUNDARY", "\treturn x > y && x+1 != y && x > 0"},
		{4, 11, "CONDITIONALS_NEGATION", "\treturn x < y && x+1 != y && x > 0"},
		{4, 16, "INVERT_LOGICAL", "\treturn (x >= y || x+1 != y) && x > 0"}, // the tree's grouping kept
		{4, 28, "INVERT_LOGICAL", "\treturn x >= y && x+1 != y || x > 0"},
		{4, 20, "ARITHMETIC_BASE", "\treturn x >= y && x-1 != y && x > 0"},
		{4, 23, "CONDITIONALS_NEGATION", "\treturn x >= y && x+1 == y && x > 0"},
	}
	for _, c := range cases {
		got, err := mutate(src, c.line, c.col, c.typ)
		if err != nil {
			t.Errorf("%s at %d:%d: %v", c.typ, c.line, c.col, err)
			continue
		}
		if line := strings.Split(string(got), "\n")[c.line-1]; line != c.want {
			t.Errorf("%s at %d:%d: %q, want %q", c.typ, c.line, c.col, line, c.want)
		}
	}
	for _, bad := range []struct {
		line, col int
		typ       string
	}{{4, 9, "ARITHMETIC_BASE"}, {9, 1, "INVERT_LOGICAL"}, {4, 11, "REMOVE_SELF_ASSIGNMENTS"}} {
		if _, err := mutate(src, bad.line, bad.col, bad.typ); err == nil {
			t.Errorf("%s at %d:%d: no error", bad.typ, bad.line, bad.col)
		}
	}
}
