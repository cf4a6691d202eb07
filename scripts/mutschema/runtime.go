package main

import (
	"fmt"
	"strings"
)

// runtimeSource is the package the rewritten code calls (written into the
// copy of the module at runtimeDir). The active mutant is read once, from
// FACTSHEET_MUTANT; every switch that runs marks its mutants as reached,
// and the test binary writes what was reached to FACTSHEET_MUTANT_HITS at
// its end (testMainSource): the coverage of each test.
func runtimeSource(n int) string {
	return strings.ReplaceAll(runtimeTemplate, "NMUTANTS", fmt.Sprint(n))
}

const runtimeTemplate = `// Package zzmutant switches the mutants of a mutation run (scripts/mutschema).
package zzmutant

import (
	"os"
	"strconv"
	"strings"
)

var active = func() int {
	k, err := strconv.Atoi(os.Getenv("FACTSHEET_MUTANT"))
	if err != nil {
		return -1
	}
	return k
}()

// reached marks the switches that ran; a race between tests that run in
// parallel writes the same 1.
var reached [NMUTANTS]uint8

// atInit holds what was reached before the tests started (package
// variables, the test package's included).
var atInit []int

// Is reports whether mutant k is the active one.
func Is(k int) bool {
	if k < 0 {
		return false
	}
	reached[k] = 1
	return k == active
}

func list() []int {
	var out []int
	for k, r := range reached {
		if r != 0 {
			out = append(out, k)
		}
	}
	return out
}

// Start is called by TestMain before the tests run.
func Start() {
	atInit = list()
	reached = [NMUTANTS]uint8{}
}

// Done writes the mutants reached, at init and by the tests.
func Done() {
	path := os.Getenv("FACTSHEET_MUTANT_HITS")
	if path == "" {
		return
	}
	var b strings.Builder
	for _, k := range atInit {
		b.WriteString("init " + strconv.Itoa(k) + "\n")
	}
	for _, k := range list() {
		b.WriteString("run " + strconv.Itoa(k) + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		panic(err)
	}
}

type number interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64
}

type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

type ordered interface {
	number | ~string
}

// Pick is a mutated constant when k is active, the constant otherwise.
func Pick[T any](k int, mutated, orig T) T {
	if Is(k) {
		return mutated
	}
	return orig
}

func And(k int, x bool, y func() bool) bool {
	if Is(k) {
		return x || y()
	}
	return x && y()
}

func Or(k int, x bool, y func() bool) bool {
	if Is(k) {
		return x && y()
	}
	return x || y()
}

// Not is == into != and != into ==: each is the other's negation for
// every type, NaN included.
func Not(k int, b bool) bool { return b != Is(k) }

// Lss and the others switch two mutants: b the boundary (< into <=), n the
// negation (< into >=; not !(x < y), which differs on NaN).
func Lss[T ordered](b, n int, x, y T) bool {
	switch {
	case Is(b):
		return x <= y
	case Is(n):
		return x >= y
	}
	return x < y
}

func Leq[T ordered](b, n int, x, y T) bool {
	switch {
	case Is(b):
		return x < y
	case Is(n):
		return x > y
	}
	return x <= y
}

func Gtr[T ordered](b, n int, x, y T) bool {
	switch {
	case Is(b):
		return x >= y
	case Is(n):
		return x <= y
	}
	return x > y
}

func Geq[T ordered](b, n int, x, y T) bool {
	switch {
	case Is(b):
		return x > y
	case Is(n):
		return x < y
	}
	return x >= y
}

func Add[T number](k int, x, y T) T {
	if Is(k) {
		return x - y
	}
	return x + y
}

func Sub[T number](k int, x, y T) T {
	if Is(k) {
		return x + y
	}
	return x - y
}

func Mul[T number](k int, x, y T) T {
	if Is(k) {
		return x / y
	}
	return x * y
}

func Quo[T number](k int, x, y T) T {
	if Is(k) {
		return x * y
	}
	return x / y
}

func Rem[T integer](k int, x, y T) T {
	if Is(k) {
		return x * y
	}
	return x % y
}

func Neg[T number](k int, x T) T {
	if Is(k) {
		return +x
	}
	return -x
}

func Plus[T number](k int, x T) T {
	if Is(k) {
		return -x
	}
	return +x
}

func Inc[T number](k int, p *T) {
	if Is(k) {
		*p--
	} else {
		*p++
	}
}

func Dec[T number](k int, p *T) {
	if Is(k) {
		*p++
	} else {
		*p--
	}
}

func AddAssign[T number](k int, p *T, y T) {
	if Is(k) {
		*p -= y
	} else {
		*p += y
	}
}

func SubAssign[T number](k int, p *T, y T) {
	if Is(k) {
		*p += y
	} else {
		*p -= y
	}
}

func MulAssign[T number](k int, p *T, y T) {
	if Is(k) {
		*p /= y
	} else {
		*p *= y
	}
}

func QuoAssign[T number](k int, p *T, y T) {
	if Is(k) {
		*p *= y
	} else {
		*p /= y
	}
}

// RemAssign: gremlins v0.6.0 "inverts" %= into %= itself.
func RemAssign[T integer](k int, p *T, y T) {
	Is(k)
	*p %= y
}
`

// testMainSource is the TestMain added to each instrumented package's
// tests: the packages mutated here have none of their own.
func testMainSource(pkgName, runtimePath string) string {
	return fmt.Sprintf(`package %s

import (
	"os"
	"testing"

	%s %q
)

func TestMain(m *testing.M) {
	%s.Start()
	code := m.Run()
	%s.Done()
	os.Exit(code)
}
`, pkgName, runtimeName, runtimePath, runtimeName, runtimeName)
}
