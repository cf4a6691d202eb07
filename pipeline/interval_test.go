package pipeline

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

func fp(v float64) *float64 { return &v }

// Points are the stated values without rounding: a range's two ends, a
// bound's value (its open side is no stated value), a share as a percentage.
func TestPoints(t *testing.T) {
	cases := []struct {
		name string
		c    Claim
		want Span
	}{
		{"a figure", Claim{Value: 71, shape: shapeOf(shapeWords{unit: "%"}), Step: 1}, Span{71, 71}},
		{"a range", Claim{Value: 21, shape: shapeOf(shapeWords{unit: "month"}), Step: 1, Min: fp(18), Max: fp(24)}, Span{18, 24}},
		{"over 60%", Claim{Value: 60, shape: shapeOf(shapeWords{unit: "%", bound: "min"}), Step: 1, Min: fp(60)}, Span{60, 60}},
		{"up to 5", Claim{Value: 5, Step: 1, Max: fp(5), shape: shapeOf(shapeWords{bound: "max"})}, Span{5, 5}},
		{"two-thirds", Claim{Value: 2.0 / 3, shape: shapeOf(shapeWords{kind: "share"})}, Span{200.0 / 3, 200.0 / 3}},
		{"a third to a half", Claim{Value: 0.4, shape: shapeOf(shapeWords{kind: "share"}), Min: fp(1.0 / 3), Max: fp(0.5)}, Span{100.0 / 3, 50}},
	}
	for _, c := range cases {
		if got := Points(&c.c); math.Abs(got.Lo-c.want.Lo) > 1e-9 || math.Abs(got.Hi-c.want.Hi) > 1e-9 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// Interval, at its edges: a bound is not rounded on its stated side but is
// on the other, a negative figure's slack is its magnitude's.
func TestIntervalEdges(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		name   string
		c      Claim
		approx float64
		want   Span
	}{
		{"at least 60, rounded above? no: open", Claim{Value: 60, Step: 1, Min: fp(60), shape: shapeOf(shapeWords{bound: "min"})}, 0.05, Span{60, inf}},
		{"a vague range rounds both ends", Claim{Value: 300, Step: 100, Min: fp(200), Max: fp(900)}, 0.05, Span{150, 950}},
		{"a min from a range, not a qualifier, rounds", Claim{Value: 5, Step: 1, Min: fp(5)}, 0.05, Span{4.5, inf}},
		{"a max from a range, not a qualifier, rounds", Claim{Value: 5, Step: 1, Max: fp(5)}, 0.05, Span{-inf, 5.5}},
		{"about −20%", Claim{Value: -20, shape: shapeOf(shapeWords{unit: "%", bound: "approx"}), Step: 1}, 0.1, Span{-22, -18}},
		{"about a share", Claim{Value: 0.25, shape: shapeOf(shapeWords{kind: "share", bound: "approx"})}, 0.04, Span{24, 26}},
		{"about over 60: the bound stays", Claim{Value: 60, Step: 1, Min: fp(60), shape: shapeOf(shapeWords{bound: "approx"})}, 0.05, Span{57, inf}},
		{"about 3,785: ten steps of its last digit, not 5%", Claim{Value: 3785, Step: 1, shape: shapeOf(shapeWords{bound: "approx"})}, 0.05, Span{3775, 3795}},
		{"about 5,400: its zeros are rounding, so 5% is the slack", Claim{Value: 5400, Step: 1, Text: "about 5,400 kg", shape: shapeOf(shapeWords{bound: "approx"})}, 0.05, Span{5130, 5670}},
		{"about 40.0: a written zero after the point is a digit", Claim{Value: 40, Step: 0.1, Text: "about 40.0", shape: shapeOf(shapeWords{bound: "approx"})}, 0.05, Span{39, 41}},
		{"about 3,785 written out", Claim{Value: 3785, Step: 1, Text: "about 3,785", shape: shapeOf(shapeWords{bound: "approx"})}, 0.05, Span{3775, 3795}},
		{"5,400 with no about keeps its unit step", Claim{Value: 5400, Step: 1, Text: "5,400"}, 0.05, Span{5399.5, 5400.5}},
		{"about 38: 5% is narrower than ten steps", Claim{Value: 38, Step: 1, shape: shapeOf(shapeWords{bound: "approx"})}, 0.05, Span{36.1, 39.9}},
		{"an exact count", Claim{Value: 3, Step: 0}, 0.05, Span{3, 3}},
	}
	for _, c := range cases {
		got := Interval(&c.c, c.approx)
		if !(math.Abs(got.Lo-c.want.Lo) < 1e-9 || got.Lo == c.want.Lo) || !(math.Abs(got.Hi-c.want.Hi) < 1e-9 || got.Hi == c.want.Hi) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// roundZeros counts the zeros that end a figure's whole number, not those
// after its point or of a later number.
func TestRoundZeros(t *testing.T) {
	cases := []struct {
		text string
		want float64
	}{
		{"about 5,400 kg", 100},
		{"roughly 12,000 lb of fuel an hour", 1000},
		{"约3000万", 1000},
		{"about 3,785", 1},
		{"about 40.0", 1},
		{"1.50 billion", 1},
		{"around 1 200 000", 100000},
		{"about 5,402 of 20,000", 1},
		{"about half", 1},
		{"100", 100},
	}
	for _, c := range cases {
		if got := roundZeros(c.text); got != c.want {
			t.Errorf("roundZeros(%q) = %g, want %g", c.text, got, c.want)
		}
	}
}

// num prints briefly: three significant digits in exponent form for the
// very large and very small, else up to three decimals.
func TestNum(t *testing.T) {
	cases := []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{70.5, "70.5"},
		{2.5714, "2.571"},
		{1234.5, "1234.5"},
		{9999999, "9999999"},
		{1e7, "1e+07"},
		{-1e7, "-1e+07"},
		{1e26, "1e+26"},
		{0.002, "0.002"},
		{0.0004, "0.0004"},
		{-0.0004, "-0.0004"},
		{-12.25, "-12.25"},
	}
	for _, c := range cases {
		if got := num(c.v); got != c.want {
			t.Errorf("num(%g) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestSpanString(t *testing.T) {
	inf := math.Inf(1)
	cases := map[Span]string{
		{70.5, 71.5}:  "[70.5, 71.5]",
		{60, inf}:     "[60, ∞]",
		{-inf, 5}:     "[−∞, 5]",
		{-inf, inf}:   "[−∞, ∞]",
		{1e25, 1e26}:  "[1e+25, 1e+26]",
		{-2.5, -1.25}: "[-2.5, -1.25]",
	}
	for s, want := range cases {
		if got := s.String(); got != want {
			t.Errorf("%v: %q, want %q", [2]float64{s.Lo, s.Hi}, got, want)
		}
	}
}

// spanText says a span the way a message reads it: a value where it is
// nearly a point, an open side in words, the unit once, % with no space.
func TestSpanText(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		s          Span
		unit, want string
	}{
		{Span{5, 5}, "GW", "5 GW"},
		{Span{0, 0}, "", "0"},
		{Span{1000, 1001}, "USD", "1000.5 USD"}, // within a thousandth
		{Span{1000, 1002}, "USD", "1000 to 1002 USD"},
		{Span{20, 25}, "%", "20 to 25%"},
		{Span{20, 20}, "%", "20%"},
		{Span{2, inf}, "%", "at least 2%"},
		{Span{-inf, 5}, "GW", "at most 5 GW"},
		{Span{-inf, inf}, "GW", "any value"},
		{Span{-3, -2}, "", "-3 to -2"},
	}
	for _, c := range cases {
		if got := spanText(c.s, c.unit); got != c.want {
			t.Errorf("spanText(%v, %q) = %q, want %q", c.s, c.unit, got, c.want)
		}
	}
}

// judged: consistent when the computed span, widened by the tolerance,
// meets the stated one; the expectation is the computed span's middle and
// the deviation the stated middle's distance from it, relative.
func TestJudged(t *testing.T) {
	inf := math.Inf(1)
	tested := &Claim{id: refOf("c-2")}
	cases := []struct {
		name             string
		computed, stated Span
		tol              float64
		status           string
		value            float64 // NaN: no expectation
		min, max         *float64
		deviation        float64 // NaN: none
	}{
		{"within the tolerance", Span{10, 10}, Span{11, 11}, 0.1, Consistent, 10, fp(10), fp(10), 0.1},
		{"past the tolerance", Span{10, 10}, Span{11, 11}, 0.05, Inconsistent, 10, fp(10), fp(10), 0.1},
		{"touching the widened span", Span{9, 11}, Span{12.1, 13}, 0.1, Consistent, 10, fp(9), fp(11), 0.255},
		{"below, negative", Span{-10, -10}, Span{-12, -12}, 0.05, Inconsistent, -10, fp(-10), fp(-10), -0.2},
		{"an open computed span has its finite end", Span{5, inf}, Span{4, 4}, 0, Inconsistent, 5, fp(5), nil, -0.2},
		{"the whole line is no expectation", Span{-inf, inf}, Span{4, 4}, 0, Consistent, math.NaN(), nil, nil, math.NaN()},
		{"zero expected: no deviation", Span{0, 0}, Span{1, 1}, 0, Inconsistent, 0, fp(0), fp(0), math.NaN()},
		{"an open stated span: no deviation", Span{2, 2}, Span{-inf, inf}, 0, Consistent, 2, fp(2), fp(2), math.NaN()},
	}
	for _, c := range cases {
		f := judged("arithmetic", []string{"c-1", "c-2"}, tested, c.computed, c.stated, c.tol, "%")
		if f.Status != c.status || f.Kind != "arithmetic" || strings.Join(f.Claims, " ") != "c-1 c-2" {
			t.Errorf("%s: %s %s %v, want %s", c.name, f.Kind, f.Status, f.Claims, c.status)
		}
		switch e := f.Expected; {
		case math.IsNaN(c.value):
			if e != nil {
				t.Errorf("%s: expected %+v, want none", c.name, *e)
			}
		case e == nil:
			t.Errorf("%s: no expectation, want %g", c.name, c.value)
		case e.Claim != "c-2" || e.Unit != "%" || math.Abs(e.Value-c.value) > 1e-9 || !sameBound(e.Min, c.min) || !sameBound(e.Max, c.max):
			t.Errorf("%s: expected %+v [%v, %v], want %g [%v, %v]", c.name, *e, deref(e.Min), deref(e.Max), c.value, deref(c.min), deref(c.max))
		}
		switch d := f.Deviation; {
		case math.IsNaN(c.deviation):
			if d != nil {
				t.Errorf("%s: deviation %g, want none", c.name, *d)
			}
		case d == nil || math.Abs(*d-c.deviation) > 1e-9:
			t.Errorf("%s: deviation %v, want %g", c.name, deref(d), c.deviation)
		}
	}
	if verdictWord(Finding{Status: Consistent}) != "which it allows" || verdictWord(Finding{Status: Inconsistent}) != "which it does not allow" {
		t.Error("verdict words")
	}
}

func sameBound(a, b *float64) bool {
	return a == nil && b == nil || a != nil && b != nil && math.Abs(*a-*b) < 1e-9
}

func deref(p *float64) any {
	if p == nil {
		return "nil"
	}
	return *p
}

// fillValues gives each finding its claims' values in the finding's order,
// leaves values a check set alone and skips an id it does not know.
func TestFillValues(t *testing.T) {
	r := &Result{Claims: []Claim{Claim{Value: 1}.WithIDs("a", ""), Claim{Value: 2}.WithIDs("b", ""), Claim{Value: 3}.WithIDs("c", "")}}
	fs := []Finding{{Claims: []string{"c", "a"}}, {Claims: []string{"b", "gone"}}, {Claims: []string{"a"}, Values: []float64{9}}}
	fillValues(r, fs)
	want := [][]float64{{3, 1}, {2}, {9}}
	for i, f := range fs {
		if len(f.Values) != len(want[i]) {
			t.Errorf("finding %d: values %v, want %v", i, f.Values, want[i])
			continue
		}
		for j := range f.Values {
			if f.Values[j] != want[i][j] {
				t.Errorf("finding %d: values %v, want %v", i, f.Values, want[i])
			}
		}
	}
}

// More interval arithmetic at its edges: a divisor that touches zero
// holds it, a NaN (0 × ∞) gives the whole line.
func TestSpanMathEdges(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		name      string
		got, want Span
	}{
		{"div by a span that starts at zero", Span{1, 2}.div(Span{0, 1}), Span{-inf, inf}},
		{"div by a span that ends at zero", Span{1, 2}.div(Span{-1, 0}), Span{-inf, inf}},
		{"div by a negative span", Span{1, 2}.div(Span{-4, -1}), Span{-2, -0.25}},
		{"mul of zero by an open span", Span{0, 1}.mul(Span{2, inf}), Span{-inf, inf}},
		{"widen by nothing", Span{-4, 2}.widen(0), Span{-4, 2}},
		{"widen an open low end", Span{-inf, 2}.widen(0.5), Span{-inf, 2}},
		{"abs from zero", Span{0, 2}.abs(), Span{0, 2}},
		{"abs to zero", Span{-2, 0}.abs(), Span{0, 2}},
		{"scale a span by a fraction", Span{2, 4}.scale(0.5), Span{1, 2}},
		{"sub a span from itself", Span{1, 2}.sub(Span{1, 2}), Span{-1, 1}},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	for _, c := range []struct {
		s    Span
		want bool
	}{{Span{1, 2}, true}, {Span{1, inf}, false}, {Span{-inf, 1}, false}, {Span{math.NaN(), 1}, false}, {Span{1, math.NaN()}, false}} {
		if c.s.finite() != c.want {
			t.Errorf("%v finite: %v", c.s, !c.want)
		}
	}
}

// A small whole number in words is exact; a figure beside a finer one of
// its unit and scale, in its sentence, shares the finer step.
func TestPrecisionEdges(t *testing.T) {
	cases := []struct {
		name   string
		claims []Claim
		want   []float64
	}{
		{"twelve is a count, thirteen a measure, zero a count",
			[]Claim{{Text: "twelve", Value: 12, Step: 1}, {Text: "thirteen", Value: 13, Step: 1}, {Text: "zero", Value: 0, Step: 1}},
			[]float64{0, 1, 0}},
		{"minus one and two and a half in words stay measures",
			[]Claim{{Text: "minus one", Value: -1, Step: 1}, {Text: "two and a half", Value: 2.5, Step: 0.5}},
			[]float64{1, 0.5}},
		{"a figure in digits keeps its step", []Claim{{Text: "12", Value: 12, Step: 1}}, []float64{1}},
		{"a whole range keeps its step", []Claim{{Text: "5-6%", Value: 5.5, shape: shapeOf(shapeWords{unit: "%"}), Min: fp(5), Max: fp(6), Step: 1}}, []float64{1}},
		{"a range written to six decimals",
			[]Claim{{Text: "1.000001-2", Value: 1.5, Min: fp(1.000001), Max: fp(2), Step: 1, shape: shapeOf(shapeWords{unit: "x"})}}, []float64{1e-6}},
		{"a range written to seven decimals says nothing finer",
			[]Claim{{Text: "1.0000001-2", Value: 1.5, Min: fp(1.0000001), Max: fp(2), Step: 1, shape: shapeOf(shapeWords{unit: "x"})}}, []float64{1}},
		{"another sentence does not refine",
			[]Claim{{Text: "5%", Value: 5, shape: shapeOf(shapeWords{unit: "%"}), Step: 1}, {Text: "5.25%", Value: 5.25, shape: shapeOf(shapeWords{unit: "%"}), Step: 0.01, Sentence: 1}}, []float64{1, 0.01}},
		{"another unit does not refine",
			[]Claim{{Text: "5%", Value: 5, shape: shapeOf(shapeWords{unit: "%"}), Step: 1}, {Text: "5.25 GW", Value: 5.25, shape: shapeOf(shapeWords{unit: "GW"}), Step: 0.01}}, []float64{1, 0.01}},
		{"a bare number does not refine nor is refined",
			[]Claim{{Text: "5", Value: 5, Step: 1}, {Text: "5.25", Value: 5.25, Step: 0.01}}, []float64{1, 0.01}},
		{"a step of exactly one is refined",
			[]Claim{{Text: "7 GW", Value: 7, shape: shapeOf(shapeWords{unit: "GW"}), Step: 1}, {Text: "7.5 GW", Value: 7.5, shape: shapeOf(shapeWords{unit: "GW"}), Step: 0.1}}, []float64{0.1, 0.1}},
		{"a figure written with a decimal point is no whole number, whatever its step",
			[]Claim{{Text: "£1.9 billion", Value: 1.9e9, shape: shapeOf(shapeWords{unit: "GBP"}), Step: 1e8}, {Text: "£2.36 billion", Value: 2.36e9, shape: shapeOf(shapeWords{unit: "GBP"}), Step: 1e7}}, []float64{1e8, 1e7}},
		{"a step under one is not",
			[]Claim{{Text: "7.5 GW", Value: 7.5, shape: shapeOf(shapeWords{unit: "GW"}), Step: 0.5}, {Text: "7.25 GW", Value: 7.25, shape: shapeOf(shapeWords{unit: "GW"}), Step: 0.01}}, []float64{0.5, 0.01}},
		{"a hundred times larger is another scale",
			[]Claim{{Text: "600 GW", Value: 600, shape: shapeOf(shapeWords{unit: "GW"}), Step: 1}, {Text: "6.0 GW", Value: 6, shape: shapeOf(shapeWords{unit: "GW"}), Step: 0.1},
				{Text: "599 GW", Value: 599, shape: shapeOf(shapeWords{unit: "GW"}), Step: 1}}, []float64{1, 0.1, 0.1}},
		{"eight claims back is in reach", reach(true, 7), append(append([]float64{0.01}, ones(7)...), 0.01)},
		{"nine claims back is not", reach(true, 8), append(append([]float64{0.01}, ones(8)...), 1)},
		{"eight claims ahead is in reach", reach(false, 7), append(append([]float64{0.01}, ones(7)...), 0.01)},
		{"nine claims ahead is not", reach(false, 8), append(append([]float64{1}, ones(8)...), 0.01)},
	}
	for _, c := range cases {
		r := &Result{Claims: c.claims}
		ks := make([]int, len(c.claims))
		for i := range ks {
			ks[i] = i
		}
		precision(r, &Source{}, ks)
		for i, w := range c.want {
			if math.Abs(r.Claims[i].Step-w) > 1e-12 {
				t.Errorf("%s: %q step %g, want %g", c.name, r.Claims[i].Text, r.Claims[i].Step, w)
			}
		}
	}
	for _, c := range []struct {
		a, b float64
		want bool
	}{{599, 6, true}, {600, 6, false}, {6, 600, false}, {6, 599, true}, {-5, 5, true}, {5, -5, true}, {0, 5, false}, {5, 0, false}} {
		if got := sameScale(c.a, c.b); got != c.want {
			t.Errorf("sameScale(%g, %g) = %v", c.a, c.b, got)
		}
	}
}

// reach is a 5.25 GW and a 5 GW with n figures in km between them, the
// finer first or last.
func reach(finerFirst bool, n int) []Claim {
	fine, whole := Claim{Text: "5.25 GW", Value: 5.25, shape: shapeOf(shapeWords{unit: "GW"}), Step: 0.01}, Claim{Text: "5 GW", Value: 5, shape: shapeOf(shapeWords{unit: "GW"}), Step: 1}
	if !finerFirst {
		fine, whole = whole, fine
	}
	out := []Claim{fine}
	for range n {
		out = append(out, Claim{Text: "5 km", Value: 5, shape: shapeOf(shapeWords{unit: "km"}), Step: 1})
	}
	return append(out, whole)
}

func ones(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = 1
	}
	return out
}

// The check stage names each finding by its rule, drops the claims of
// duplicate sources from it, gives it an id and its claims' values.
func TestCheckStage(t *testing.T) {
	dup := "s1"
	r := &Result{
		Sources: []Source{Source{Text: "a"}.WithID("s1"), Source{Text: "a", DuplicateOf: &dup}.WithID("s2")},
		Claims:  []Claim{Claim{Value: 5}.WithIDs("c1", "s1"), Claim{Value: 5}.WithIDs("c2", "s2"), Claim{Value: 7}.WithIDs("c3", "s1")},
	}
	one := checkFunc(func(r *Result, add func(Finding)) {
		add(Finding{Kind: "conflict", Status: Inconsistent, Claims: []string{"c1", "c2", "c3"}})
		add(Finding{Kind: "conflict", Status: Consistent, Claims: []string{"c3", "c1"}})
	})
	c := &Check{checks: []namedCheck{{rules.CheckDef{ID: "rule-a"}, one}, {rules.CheckDef{ID: "rule-b"}, one}}}
	if err := c.Run(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Findings {
		vals := make([]string, len(f.Values))
		for i, v := range f.Values {
			vals[i] = num(v)
		}
		got = append(got, f.Rule+" "+f.Status+" "+strings.Join(f.Claims, ",")+" "+strings.Join(vals, " "))
		if f.ID == "" {
			t.Errorf("finding without id: %+v", f)
		}
	}
	want := []string{"rule-a inconsistent c1,c3 5 7", "rule-a consistent c3,c1 7 5", "rule-b inconsistent c1,c3 5 7", "rule-b consistent c3,c1 7 5"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("findings\n %q\nwant\n %q", got, want)
	}
}

type checkFunc func(r *Result, add func(Finding))

func (f checkFunc) Check(r *Result, add func(Finding)) { f(r, add) }

// ids lists claims once each, in input order; figures names five and
// counts the rest; about leaves out what a claim lacks.
func TestCheckHelpers(t *testing.T) {
	r := &Result{}
	for i := range 7 {
		r.Claims = append(r.Claims, Claim{Text: string(rune('1' + i)), file: intern("f.txt"), Line: int32(i + 1)}.WithIDs(string(rune('a'+i)), ""))
	}
	if got := strings.Join(ids(r, []int{3, 1, 3, 0, 1}), " "); got != "a b d" {
		t.Errorf("ids %q", got)
	}
	if got := figures(r, []int{0, 1, 2, 3, 4, 5, 6}); got != `"1" (f.txt:1), "2" (f.txt:2), "3" (f.txt:3), "4" (f.txt:4), "5" (f.txt:5), and 2 more` {
		t.Errorf("figures %q", got)
	}
	if got := figures(r, []int{0, 1, 2, 3, 4}); got != `"1" (f.txt:1), "2" (f.txt:2), "3" (f.txt:3), "4" (f.txt:4), "5" (f.txt:5)` {
		t.Errorf("five figures %q", got)
	}
	if got := about(&Claim{subject: intern("Google"), metric: intern("~revenue"), periodKey: intern("2024")}); got != "Google, revenue, 2024" {
		t.Errorf("about %q", got)
	}
	if got := about(&Claim{metric: intern("share")}); got != "share" {
		t.Errorf("about %q", got)
	}
}

// A multiple in words (doubled, 翻两番) is approximate unless a qualifier
// already bounds it; one in digits stays as written.
func TestPrecisionWordMultiples(t *testing.T) {
	cases := []struct {
		text, bound, want string
	}{
		{"doubled", "", "approx"},
		{"nearly doubled", "max", "max"},
		{"2 times", "", ""},
	}
	for _, c := range cases {
		r := &Result{Claims: []Claim{{Text: c.text, Value: 2, shape: shapeOf(shapeWords{unit: "x"}), Step: 1}}}
		r.Claims[0].SetBound(c.bound)
		precision(r, &Source{}, []int{0})
		if got := r.Claims[0].Bound(); got != c.want {
			t.Errorf("%q bound %q: %q, want %q", c.text, c.bound, got, c.want)
		}
	}
}
