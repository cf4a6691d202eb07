package reports

import (
	"math"
	"strings"
	"sync"
)

// A value is stored in its canonical unit (5e9 W, 0.6667 for a share written
// as a fraction), which sorts and compares; a reader wants 5 GW and 66.7%.
// unitShow is how one value is shown: divided by div, between a prefix
// and a suffix ("$" and " bn"), or in scientific notation.
type unitShow struct {
	div            float64
	prefix, suffix string
	sci            bool
}

// showFor chooses how to show v, a value in unit, of a claim of kind.
func showFor(v float64, unit, kind string) unitShow {
	a := math.Abs(v)
	switch {
	case unit == "%":
		return unitShow{div: 1, suffix: "%"}
	case unit == "pp":
		return unitShow{div: 1, suffix: " pp"}
	case unit == "x":
		return words(a, "", "×", false)
	case unit == "" && kind == "share" && a <= 1:
		return unitShow{div: 0.01, suffix: "%"}
	case unit == "":
		return words(a, "", "", false)
	case isCurrency(unit):
		return money(a, unit)
	}
	if t, ok := timeUnits[unit]; ok {
		if v == 1 {
			return unitShow{div: 1, suffix: t[0]}
		}
		return unitShow{div: 1, suffix: t[1]}
	}
	if unit == "g" && a >= 1e6 { // a mass of tonnes and more: 490 Mt
		return si(a/1e6, "t", siUnits["t"]).times(1e6)
	}
	if base, ok := siUnits[unit]; ok {
		return si(a, unit, base)
	}
	switch unit {
	case "m2":
		if a >= 1e6 {
			return unitShow{div: 1e6, suffix: " km²"}
		}
		return unitShow{div: 1, suffix: " m²"}
	case "L":
		return words(a, "", " L", false)
	}
	s := unitShow{div: 1, suffix: spaced(unit)}
	s.sci = a != 0 && (a >= 1e15 || a < 1e-4)
	return s
}

// spaced is " " + unit, made once per unit: rows are written on all
// cores, each value shown without an allocation.
func spaced(unit string) string {
	if s, ok := spacedUnits.Load(unit); ok {
		return s.(string)
	}
	s, _ := spacedUnits.LoadOrStore(unit, " "+unit)
	return s.(string)
}

var spacedUnits sync.Map

// siUnits are the units shown with SI prefixes, and the powers of 1000
// (as exponents of ten) that they take; beyond them a value is shown in
// scientific notation (1E+26 FLOP, as people write it).
var siUnits = map[string][]int{
	"W": {-3, 0, 3, 6, 9, 12, 15}, "Wh": {0, 3, 6, 9, 12, 15}, "J": {0, 3, 6, 9, 12, 15, 18},
	"FLOP": {0, 3, 6, 9, 12, 15}, "FLOP/s": {0, 3, 6, 9, 12, 15, 18}, "B": {0, 3, 6, 9, 12, 15},
	"t": {0, 3, 6, 9}, "m": {-3, 0, 3}, "g": {-6, -3, 0, 3},
}

var siPrefix = map[int]string{-9: "n", -6: "µ", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"}

// siSuffix holds " kW", " MW", … for each unit and power, made once.
var siSuffix = func() map[string]map[int]string {
	out := map[string]map[int]string{}
	for u, exps := range siUnits {
		out[u] = map[int]string{}
		for _, e := range exps {
			out[u][e] = " " + siPrefix[e] + u
		}
	}
	return out
}()

func si(a float64, unit string, exps []int) unitShow {
	plain := siSuffix[unit][0]
	if a == 0 {
		return unitShow{div: 1, suffix: plain}
	}
	e := int(math.Floor(math.Log10(a)/3)) * 3
	if e < exps[0] && a < 1e-4 || e > exps[len(exps)-1]+2 {
		return unitShow{div: 1, suffix: plain, sci: true}
	}
	e = min(max(e, exps[0]), exps[len(exps)-1])
	return unitShow{div: math.Pow10(e), suffix: siSuffix[unit][e]}
}

// times scales a show made for a value divided by f.
func (s unitShow) times(f float64) unitShow {
	s.div *= f
	return s
}

// words shows a large count as people write it: 1.5 million, 3 billion
// (short: 1.5 m, 3 bn); suffix is one of wordSuffix's.
func words(a float64, prefix, suffix string, short bool) unitShow {
	if a >= 1e15 || a != 0 && a < 1e-4 {
		return unitShow{div: 1, prefix: prefix, suffix: suffix, sci: true}
	}
	for k, at := range []float64{1e12, 1e9, 1e6} {
		if a >= at {
			n := k
			if short {
				n += 3
			}
			return unitShow{div: at, prefix: prefix, suffix: wordSuffix[suffix][n]}
		}
	}
	return unitShow{div: 1, prefix: prefix, suffix: suffix}
}

// wordSuffix holds " trillion×" and the like for each suffix words takes.
var wordSuffix = func() map[string][6]string {
	out := map[string][6]string{}
	for _, s := range []string{"", "×", " L"} {
		var t [6]string
		for k, w := range []string{" trillion", " billion", " million", " tn", " bn", " m"} {
			t[k] = w + s
		}
		out[s] = t
	}
	return out
}()

var currencySymbols = map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

func money(a float64, code string) unitShow {
	if sym, ok := currencySymbols[code]; ok {
		return words(a, sym, "", true)
	}
	return words(a, strings.TrimPrefix(spaced(code), " ")+" ", "", true)
}

// isCurrency reports an ISO 4217 code: three capital letters.
func isCurrency(u string) bool {
	if len(u) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if u[i] < 'A' || u[i] > 'Z' {
			return false
		}
	}
	return true
}

// timeUnits holds each unit of time's suffix, for one and for more.
var timeUnits = func() map[string][2]string {
	out := map[string][2]string{}
	for _, u := range []string{"year", "month", "week", "day", "hour", "minute", "second"} {
		out[u] = [2]string{" " + u, " " + u + "s"}
	}
	return out
}()

// decimals is how many decimals show three significant digits of x (and
// all of its integer digits), at most six, without trailing zeros.
func decimals(x float64) int {
	a := math.Abs(x)
	if a == 0 || a >= 100 && a == math.Trunc(a) {
		return 0
	}
	d := min(max(2-int(math.Floor(math.Log10(a))), 0), 6)
	r := math.Round(a*math.Pow10(d)) / math.Pow10(d)
	for d > 0 {
		p := math.Pow10(d - 1)
		if math.Abs(r*p-math.Round(r*p)) > 1e-9*math.Max(1, r*p) {
			break
		}
		d--
	}
	return d
}

// numFmt is one number format: how a value is shown and with how many decimals.
type numFmt struct {
	show unitShow
	dec  int
}

// readable returns v divided for reading and its number format.
func readable(v float64, s unitShow) (float64, numFmt) {
	x := v / s.div
	if s.sci {
		m := x
		if m != 0 {
			m = x / math.Pow10(int(math.Floor(math.Log10(math.Abs(x)))))
		}
		return x, numFmt{show: s, dec: decimals(m)}
	}
	d := decimals(x)
	if s.prefix != "" && s.div == 1 && d > 0 {
		d = max(d, 2) // money below a million: $0.10, $4.50
	}
	return x, numFmt{show: s, dec: d}
}

// code is the number format's code for a spreadsheet: `"$"#,##0.0" bn"`.
func (f numFmt) code() string {
	var b strings.Builder
	quote := func(s string) {
		if s != "" {
			b.WriteString(`"` + strings.ReplaceAll(s, `"`, "") + `"`)
		}
	}
	quote(f.show.prefix)
	if f.show.sci {
		b.WriteString("0")
	} else {
		b.WriteString("#,##0")
	}
	if f.dec > 0 {
		b.WriteString("." + strings.Repeat("0", f.dec))
	}
	if f.show.sci {
		b.WriteString("E+00")
	}
	quote(f.show.suffix)
	return b.String()
}
