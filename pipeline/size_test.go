package pipeline

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// Which figure states which measure of a change, and which changes suit it.
func TestMeasures(t *testing.T) {
	states := []struct {
		m    measure
		c    Claim
		want bool
	}{
		{percentMeasure, Claim{shape: shapeOf(shapeWords{unit: "%"})}, true},
		{percentMeasure, Claim{shape: shapeOf(shapeWords{unit: "%", kind: "growth_rate"})}, false},
		{percentMeasure, Claim{shape: shapeOf(shapeWords{unit: "pp"})}, false},
		{percentMeasure, Claim{shape: shapeOf(shapeWords{kind: "share"})}, true}, // dropped by a third: relative
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{kind: "share", direction: "down"})}, false},
		{pointsMeasure, Claim{shape: shapeOf(shapeWords{unit: "pp"})}, true},
		{pointsMeasure, Claim{shape: shapeOf(shapeWords{unit: "%"})}, false},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "USD", direction: "up"})}, true},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "", direction: "down"})}, true},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "USD"})}, false},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "%", direction: "up"})}, false},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "pp", direction: "up"})}, false},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "x", direction: "up"})}, false},
		{ratioMeasure, Claim{shape: shapeOf(shapeWords{unit: "x"})}, true},
		{ratioMeasure, Claim{shape: shapeOf(shapeWords{unit: "%"})}, false},
	}
	for _, c := range states {
		if got := c.m.states(&c.c); got != c.want {
			t.Errorf("%s states %+v: %v", c.m.name, c.c, got)
		}
	}
	fits := []struct {
		m          measure
		size, from Claim
		want       bool
	}{
		{percentMeasure, Claim{shape: shapeOf(shapeWords{unit: "%"})}, Claim{shape: shapeOf(shapeWords{unit: "USD"})}, true},
		{percentMeasure, Claim{shape: shapeOf(shapeWords{unit: "%"})}, Claim{shape: shapeOf(shapeWords{unit: "%"})}, true},
		{percentMeasure, Claim{shape: shapeOf(shapeWords{unit: "%"})}, Claim{shape: shapeOf(shapeWords{kind: "share"})}, false}, // two-thirds to three-quarters: say it in points
		{pointsMeasure, Claim{shape: shapeOf(shapeWords{unit: "pp"})}, Claim{shape: shapeOf(shapeWords{unit: "%"})}, true},
		{pointsMeasure, Claim{shape: shapeOf(shapeWords{unit: "pp"})}, Claim{shape: shapeOf(shapeWords{kind: "share"})}, true},
		{pointsMeasure, Claim{shape: shapeOf(shapeWords{unit: "pp"})}, Claim{shape: shapeOf(shapeWords{unit: "USD"})}, false},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "USD"})}, Claim{shape: shapeOf(shapeWords{unit: "USD"})}, true},
		{differenceMeasure, Claim{shape: shapeOf(shapeWords{unit: "USD"})}, Claim{shape: shapeOf(shapeWords{unit: "GBP"})}, false},
		{ratioMeasure, Claim{shape: shapeOf(shapeWords{unit: "x"})}, Claim{shape: shapeOf(shapeWords{unit: "GBP"})}, true},
	}
	for _, c := range fits {
		if got := c.m.fits(&c.size, &c.from); got != c.want {
			t.Errorf("%s fits %+v from %+v: %v", c.m.name, c.size, c.from, got)
		}
	}
	s := func(lo, hi float64) Span { return Span{lo, hi} }
	computes := []struct {
		m        measure
		a, b     Span
		want     Span
		wantText string
	}{
		{percentMeasure, s(80, 80), s(100, 100), s(25, 25), ""},
		{percentMeasure, s(100, 100), s(80, 80), s(-20, -20), ""},
		{percentMeasure, s(-100, -100), s(-80, -80), s(20, 20), ""}, // a loss that shrinks is a rise
		{pointsMeasure, s(58, 58), s(61, 61), s(3, 3), ""},
		{differenceMeasure, s(940, 940), s(860, 860), s(-80, -80), ""},
	}
	for _, c := range computes {
		if got := c.m.compute(c.a, c.b); math.Abs(got.Lo-c.want.Lo) > 1e-9 || math.Abs(got.Hi-c.want.Hi) > 1e-9 {
			t.Errorf("%s of %v → %v: %v, want %v", c.m.name, c.a, c.b, got, c.want)
		}
	}
}

// A multiple in words goes one way (doubled up, halved down), and is the
// larger end over the smaller like a change's ratio; one in digits may go
// either way.
func TestMultipleAlong(t *testing.T) {
	lvl := func(v float64) *Claim { return &Claim{Value: v, shape: shapeOf(shapeWords{unit: "t"})} }
	mult := func(text string, v float64) *Claim {
		return &Claim{Text: text, Value: v, shape: shapeOf(shapeWords{unit: "x"})}
	}
	cases := []struct {
		size     *Claim
		from, to float64
		want     bool
	}{
		{mult("doubled", 2), 100, 200, true},
		{mult("doubled", 2), 200, 100, false},
		{mult("halved", 0.5), 200, 100, true},
		{mult("halved", 0.5), 100, 200, false},
		{mult("3 times", 3), 300, 100, true},
		{mult("3 times", 3), 100, 300, true},
		{mult("0.5倍", 0.5), 100, 200, true},
		{mult("one time", 1), 100, 200, true},
		{mult("doubled", 2), 100, 100, false}, // no change at all is no rise
	}
	for _, c := range cases {
		if got := multipleAlong(c.size, lvl(c.from), lvl(c.to)); got != c.want {
			t.Errorf("%q from %v to %v: %v, want %v", c.size.Text, c.from, c.to, got, c.want)
		}
	}
	for _, c := range []struct {
		v      float64
		lo, hi float64
	}{{0.5, 2, 2}, {0.25, 4, 4}, {2, 2, 2}, {1, 1, 1}} {
		got, _ := ratioStated(&Claim{Value: c.v, shape: shapeOf(shapeWords{unit: "x"})}, 0)
		if math.Abs(got.Lo-c.lo) > 1e-9 || math.Abs(got.Hi-c.hi) > 1e-9 {
			t.Errorf("ratioStated(%v) = %v, want [%v, %v]", c.v, got, c.lo, c.hi)
		}
	}
	// a span below 1 turns over; one that reaches 0 (at most a half, 半分以下)
	// turns into an open one (at least twice); one that reaches 1 stays
	for _, c := range []struct{ lo, hi, wantLo, wantHi float64 }{
		{0, 0.5, 2, math.Inf(1)}, {math.Inf(-1), 0.5, 2, math.Inf(1)}, {0.5, 1, 0.5, 1}} {
		got, _ := ratioStated(&Claim{Value: 0.5, Min: fp(c.lo), Max: fp(c.hi), shape: shapeOf(shapeWords{unit: "x"})}, 0)
		if got.Lo != c.wantLo || got.Hi != c.wantHi {
			t.Errorf("ratioStated([%v, %v]) = %v, want [%v, %v]", c.lo, c.hi, got, c.wantLo, c.wantHi)
		}
	}
}

// A figure states a change by its direction or kind, or by the check's
// words just before it (24 runes at most); a figure that is an end of a
// change states none.
func TestChangeSizeStates(t *testing.T) {
	c := changeSize{measure: percentMeasure, words: regexp.MustCompile(`(?i)\b(?:grew|rose)\b(?:\s+by)?\s*$`)}
	text := "Profit grew by 40% and the margin was 12%."
	at := func(fig string) *Claim {
		i := len([]rune(text[:strings.Index(text, fig)]))
		return &Claim{shape: shapeOf(shapeWords{unit: "%"}), Start: i, End: i + len([]rune(fig))}
	}
	src := &Source{Text: text}
	if !c.states(src, at("40%")) {
		t.Error("grew by 40%: no change stated")
	}
	if c.states(src, at("12%")) {
		t.Error("the margin was 12%: a change stated")
	}
	up := at("12%")
	up.SetDirection("up")
	if !c.states(src, up) {
		t.Error("a figure with a direction states its change")
	}
	end := at("40%")
	end.SetChange("to")
	if c.states(src, end) {
		t.Error("the end of a change states none")
	}
	far := &Source{Text: "Profit grew, as everyone expected, 40%"}
	if c.states(far, &Claim{shape: shapeOf(shapeWords{unit: "%"}), Start: 35, End: 38}) {
		t.Error("words 23 runes off count")
	}
	if (changeSize{measure: percentMeasure}).states(src, at("40%")) {
		t.Error("no words: nothing stated")
	}
	if c.states(src, &Claim{shape: shapeOf(shapeWords{unit: "USD"}), Start: 15, End: 18}) {
		t.Error("a figure of another measure")
	}
}

// A percentage change with a direction compares with its sign; one with
// none in magnitude; the finding names the two ends and the size, in
// input order, and the formula.
func TestChangeSizeFinding(t *testing.T) {
	// the ends exact, so that the expectation is a point
	r := &Result{Claims: []Claim{
		Claim{Text: "$80 million", Value: 80e6, shape: shapeOf(shapeWords{unit: "USD"}), file: intern("a.txt"), Line: 1}.WithIDs("a", ""),
		Claim{Text: "$100 million", Value: 100e6, shape: shapeOf(shapeWords{unit: "USD"}), file: intern("a.txt"), Line: 1}.WithIDs("b", ""),
		Claim{Text: "25%", Value: 25, shape: shapeOf(shapeWords{unit: "%"}), Step: 1, file: intern("a.txt"), Line: 1}.WithIDs("c", ""),
	}}
	c := changeSize{measure: percentMeasure, approx: 0.05, tol: 0.01}
	f := c.finding(r, pair{0, 1}, 2)
	if f.Status != Consistent || strings.Join(f.Claims, " ") != "a b c" || f.Expected == nil || f.Expected.Value != 25 ||
		!strings.Contains(f.Message, "((end − start) / start × 100)") {
		t.Errorf("a rise of 25%%: %+v", f)
	}
	// the same 25% stated as a fall
	r.Claims[2].SetDirection("down")
	if f := c.finding(r, pair{0, 1}, 2); f.Status != Inconsistent {
		t.Errorf("down 25%% for a rise: %s %s", f.Status, f.Message)
	}
	// without a direction, a fall of 20% told as 20%
	r.Claims[2].SetDirection("")
	r.Claims[2].Value, r.Claims[2].Text = 20, "20%"
	if f := c.finding(r, pair{1, 0}, 2); f.Status != Consistent || math.Abs(f.Expected.Value-20) > 1e-9 {
		t.Errorf("20%% for a fall of 20%%: %s %+v %s", f.Status, f.Expected, f.Message)
	}
	// a difference in the start's unit
	d := changeSize{measure: differenceMeasure, approx: 0.05}
	r.Claims[2] = Claim{Text: "$20 million", Value: 20e6, shape: shapeOf(shapeWords{unit: "USD", direction: "up"}), Step: 1e6, file: intern("a.txt"), Line: 1}.WithIDs("c", "")
	if f := d.finding(r, pair{0, 1}, 2); f.Status != Consistent || f.Expected == nil || f.Expected.Unit != "USD" {
		t.Errorf("up $20 million: %+v", f)
	}
}

// anyReading returns the first reading under which a figure holds; none
// holds: no finding.
func TestAnyReading(t *testing.T) {
	ps := []pair{{0, 1}, {2, 3}, {4, 5}, {6, 7}}
	fit := func(p pair) bool { return p.from != 2 }
	var judged []int
	judge := func(p pair) Finding {
		judged = append(judged, p.from)
		if p.from >= 4 {
			return Finding{Status: Consistent, Message: string(rune('0' + p.from))}
		}
		return Finding{Status: Inconsistent}
	}
	f, ok := anyReading(ps, fit, judge)
	if !ok || f.Message != "4" || len(judged) != 2 || judged[0] != 0 || judged[1] != 4 {
		t.Errorf("reading %v %q after %v", ok, f.Message, judged)
	}
	if _, ok := anyReading(ps[:2], fit, judge); ok {
		t.Error("no reading holds, yet one is returned")
	}
}
