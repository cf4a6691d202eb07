package pipeline

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// between is the text from rune i to rune j, clipped to the text.
func TestBetween(t *testing.T) {
	src := &Source{Text: "约合563公里"}
	cases := []struct {
		i, j int
		want string
	}{
		{0, 2, "约合"}, {2, 5, "563"}, {0, 7, "约合563公里"}, {0, 99, "约合563公里"}, {-3, 2, "约合"},
		{5, 99, "公里"}, {3, 3, ""}, {4, 3, ""}, {7, 9, ""}, {9, 12, ""},
	}
	for _, c := range cases {
		if got := between(src, c.i, c.j); got != c.want {
			t.Errorf("between(%d, %d) = %q, want %q", c.i, c.j, got, c.want)
		}
	}
}

// verdict: the stated span must hold all of the computed one, or share a
// value with it, as the check asks; an edge counts.
func TestVerdict(t *testing.T) {
	cases := []struct {
		computed, stated Span
		contain          bool
		want             string
	}{
		{Span{1, 2}, Span{0, 3}, true, Consistent},
		{Span{0, 3}, Span{0, 3}, true, Consistent},
		{Span{1, 4}, Span{0, 3}, true, Inconsistent},
		{Span{1, 4}, Span{0, 3}, false, Consistent},
		{Span{3, 4}, Span{0, 3}, false, Consistent},
		{Span{4, 5}, Span{0, 3}, false, Inconsistent},
		{Span{4, 5}, Span{0, 3}, true, Inconsistent},
	}
	for _, c := range cases {
		if got := verdict(c.computed, c.stated, c.contain); got != c.want {
			t.Errorf("verdict(%v, %v, %v) = %s", c.computed, c.stated, c.contain, got)
		}
	}
}

// The ratio of two durations puts the shorter first in the finding and
// says when it holds for part of a range only; hours and minutes convert.
func TestDurationRatioFinding(t *testing.T) {
	d := durationRatio{approx: 0.1}
	dur := func(id, text string, v float64, unit string, rng ...float64) *Claim {
		c := &Claim{id: refOf(id), Text: text, Value: v, shape: shapeOf(shapeWords{unit: unit}), Step: 1, file: intern("a.txt"), Line: 1}
		if len(rng) == 2 {
			c.Min, c.Max = fp(rng[0]), fp(rng[1])
		}
		return c
	}
	times := func(text string, v, step float64, bound string) *Claim {
		c := &Claim{id: refOf("x"), Text: text, Value: v, shape: shapeOf(shapeWords{unit: "x", bound: bound}), Step: step, file: intern("a.txt"), Line: 1}
		if bound == "min" {
			c.Min = fp(v)
		}
		return c
	}
	cases := []struct {
		name   string
		a, b   *Claim
		x      *Claim
		status string
		claims string
		msg    string
	}{
		{"the longer first", dur("l", "18 weeks", 18, "week"), dur("s", "6 weeks", 6, "week"), times("3 times", 3, 1, ""),
			Consistent, "s l x", `"18 weeks" (a.txt:1) against "6 weeks" (a.txt:1) is 3 times, and "3 times" (a.txt:1) says [2.5, 3.5]`},
		{"the shorter first", dur("s", "6 weeks", 6, "week"), dur("l", "18 weeks", 18, "week"), times("5 times", 5, 1, ""),
			Inconsistent, "s l x", `"18 weeks" (a.txt:1) against "6 weeks" (a.txt:1) is 3 times, and "5 times" (a.txt:1) says [4.5, 5.5]`},
		{"a range against a figure at its low end", dur("r", "18-24 months", 21, "month", 18, 24), dur("s", "18 months", 18, "month"),
			times("1.2 times", 1.2, 0.1, ""), Inconsistent, "s r x", "is 1 to 1.333 times, and \"1.2 times\" (a.txt:1) says [1.15, 1.25]: it holds for part of the range only"},
		{"part of the range", dur("s", "7 months", 7, "month"), dur("r", "18-24 months", 21, "month", 18, 24), times("over 3 times", 3, 1, "min"),
			Inconsistent, "s r x", "is 2.571 to 3.429 times, and \"over 3 times\" (a.txt:1) says [3, ∞]: it holds for part of the range only"},
		{"none of the range", dur("s", "7 months", 7, "month"), dur("r", "18-24 months", 21, "month", 18, 24), times("5 times", 5, 1, ""),
			Inconsistent, "s r x", "is 2.571 to 3.429 times, and \"5 times\" (a.txt:1) says [4.5, 5.5]"},
		{"minutes against hours", dur("s", "30 minutes", 30, "minute"), dur("l", "2 hours", 2, "hour"), times("4 times", 4, 1, ""),
			Consistent, "s l x", "is 4 times"},
		{"days against a year", dur("s", "73 days", 73, "day"), dur("l", "a year", 1, "year"), times("5 times", 5, 1, ""),
			Consistent, "s l x", "is 5.003 times"},
	}
	for _, c := range cases {
		f := d.finding(&Result{}, c.a, c.b, c.x)
		if f.Status != c.status || strings.Join(f.Claims, " ") != c.claims || !strings.Contains(f.Message, c.msg) ||
			strings.HasSuffix(c.msg, "only") != strings.HasSuffix(f.Message, "only") {
			t.Errorf("%s: %s %v %q\nwant %s %s %q", c.name, f.Status, f.Claims, f.Message, c.status, c.claims, c.msg)
		}
	}
	if ratioText(Span{3, 3}) != "3" || ratioText(Span{2.5, 3}) != "2.5 to 3" {
		t.Errorf("ratio text %q %q", ratioText(Span{3, 3}), ratioText(Span{2.5, 3}))
	}
}

// changeRatio: the larger end over the smaller, whichever way the change
// goes; an open low end stops at zero.
func TestChangeRatio(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		a, b, want Span
	}{
		{Span{10, 10}, Span{40, 40}, Span{4, 4}},          // a rise
		{Span{40, 40}, Span{10, 10}, Span{4, 4}},          // a fall
		{Span{10, 10}, Span{10, 10}, Span{1, 1}},          // no change
		{Span{1e8, 1e8}, Span{-inf, 1e3}, Span{1e5, inf}}, // to under 1,000: at least 100,000 times
		{Span{9, 11}, Span{10, 30}, Span{10.0 / 11, 30.0 / 9}},
		{Span{10, 30}, Span{9, 11}, Span{0.3, 1.1}},    // ends that overlap: read as a rise
		{Span{10, 12}, Span{8, 10}, Span{8.0 / 12, 1}}, // ends that touch: a rise too
	}
	for _, c := range cases {
		got := changeRatio(c.a, c.b)
		if math.Abs(got.Lo-c.want.Lo) > 1e-9 || !(got.Hi == c.want.Hi || math.Abs(got.Hi-c.want.Hi) < 1e-9) {
			t.Errorf("changeRatio(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// The sentences the arithmetic checks read hold two claims or more, of
// one source and sentence, and never those of a duplicate source.
func TestSentences(t *testing.T) {
	dup := "a"
	r := &Result{
		Sources: []Source{Source{}.WithID("a"), Source{DuplicateOf: &dup}.WithID("b"), Source{}.WithID("c")},
		Claims: []Claim{
			Claim{Sentence: 0}.WithIDs("", "a"), Claim{Sentence: 0}.WithIDs("", "a"), Claim{Sentence: 1}.WithIDs("", "a"),
			Claim{Sentence: 0}.WithIDs("", "b"), Claim{Sentence: 0}.WithIDs("", "b"),
			Claim{Sentence: 0}.WithIDs("", "c"), Claim{Sentence: 1}.WithIDs("", "c"), Claim{Sentence: 1}.WithIDs("", "c"), Claim{Sentence: 1}.WithIDs("", "c"),
		},
	}
	var got []string
	for _, s := range r.sentences() {
		var ks []string
		for _, k := range s.claims {
			ks = append(ks, string(rune('0'+k)))
		}
		got = append(got, r.Sources[s.src].ID()+":"+strings.Join(ks, ","))
	}
	if strings.Join(got, " ") != "a:0,1 c:6,7,8" {
		t.Errorf("sentences %q", got)
	}
}

// A conversion holds only between figures of one measurable family,
// neither a currency nor part of a change, next to each other.
func TestConvertRestates(t *testing.T) {
	c := convert{approx: 0.05, tol: 0.03, equal: regexp.MustCompile(`(?i)\bor\b|约合`)}
	m := func(text string, start int, unit string) *Claim {
		return &Claim{Text: text, Start: start, End: start + len([]rune(text)), shape: shapeOf(shapeWords{unit: unit, kind: "length"})}
	}
	about := func(c *Claim) *Claim { c.SetBound("approx"); return c }
	cases := []struct {
		text string
		a, b *Claim
		want bool
	}{
		{"350 miles (563 km)", m("350 miles", 0, "m"), m("563 km", 11, "m"), true},
		{"350 miles/563 km", m("350 miles", 0, "m"), m("563 km", 10, "m"), true},
		{"350 miles, 563 km", m("350 miles", 0, "m"), m("563 km", 11, "m"), false},                         // a list, not a restatement
		{"350 miles, about 563 km", m("350 miles", 0, "m"), about(m("about 563 km", 11, "m")), true},       // approximate, in apposition
		{"350 miles, about 563 km", about(m("350 miles", 0, "m")), m("about 563 km", 11, "m"), false},      // the first approximate: a list
		{"350 miles, then about 563 km", m("350 miles", 0, "m"), about(m("about 563 km", 16, "m")), false}, // a word beside the comma: a list
		{"350 miles and about 563 km", m("350 miles", 0, "m"), about(m("about 563 km", 14, "m")), false},
		{"350 miles and 563 km", m("350 miles", 0, "m"), m("563 km", 14, "m"), false},
		{"350 miles (563 kg)", m("350 miles", 0, "m"), m("563 kg", 11, "kg"), false},
		{"350 miles (563 km)", m("350 miles", 0, ""), m("563 km", 11, ""), false},
		{"35% (0.35 x)", m("35%", 0, "%"), m("0.35", 5, "%"), false},
		{"3 x (3 x)", m("3 x", 0, "x"), m("3 x", 5, "x"), false},
		{"two-thirds (67%)", func() *Claim { c := m("two-thirds", 0, ""); c.SetKind("share"); return c }(), m("67%", 12, "%"), false}, // a share in words
		{"67% (two-thirds)", m("67%", 0, "%"), func() *Claim { c := m("two-thirds", 5, ""); c.SetKind("share"); return c }(), false},
		{"3 pp (3 pp)", m("3 pp", 0, "pp"), m("3 pp", 6, "pp"), false},
		{"$350 (€300)", m("$350", 0, "USD"), m("€300", 6, "USD"), false},
		{"350 miles (a long way, some 563 km)", m("350 miles", 0, "m"), m("563 km", 29, "m"), false}, // more than 16 runes apart
		{"350 miles (or 5 to 563 km)", m("350 miles", 0, "m"), m("563 km", 20, "m"), false},          // a digit between
		{"350 miles, or, in short, 563 km", m("350 miles", 0, "m"), m("563 km", 25, "m"), true},      // an equality word, 16 runes between
		{"350 miles, or, in short,  563 km", m("350 miles", 0, "m"), m("563 km", 26, "m"), false},    // 17: too far
		{"350 miles1 or 563 km", m("350 miles", 0, "m"), m("563 km", 14, "m"), false},                // a digit right after
	}
	for _, k := range cases {
		src := &Source{Text: k.text}
		if got := c.restates(src, k.a, k.b); got != k.want {
			t.Errorf("%q: restates %v", k.text, got)
		}
	}
	for _, edit := range []func(a, b *Claim){
		func(a, _ *Claim) { a.SetChange("from") }, func(_, b *Claim) { b.SetChange("to") },
		func(a, _ *Claim) { a.SetDirection("up") }, func(_, b *Claim) { b.SetDirection("down") },
		func(a, _ *Claim) { a.Min, a.Max = fp(1), fp(2) },
	} {
		a, b := m("350 miles", 0, "m"), m("563 km", 11, "m")
		edit(a, b)
		if c.restates(&Source{Text: "350 miles (563 km)"}, a, b) {
			t.Errorf("a change, a direction or a range beside a figure is no conversion: %+v %+v", a, b)
		}
	}
	for u, want := range map[string]bool{"USD": true, "EUR": true, "ZAR": true, "AUD": true, "USd": false, "US": false, "USDX": false, "m": false, "@AB": false, "AB[": false} {
		if isCurrency(u) != want {
			t.Errorf("isCurrency(%q) = %v", u, !want)
		}
	}
}

// A figure just after an operator is an operand: what follows the equals
// sign is the product's, not the figure restated; the operator counts only
// within 16 runes before the figure.
func TestConvertOperand(t *testing.T) {
	c := convert{approx: 0.05, tol: 0.03, equal: regexp.MustCompile(`^\s*=\s*$`), operand: regexp.MustCompile(`(?:×|\btimes)\s*$`)}
	m := func(text string, start int) *Claim {
		return &Claim{Text: text, Start: start, End: start + len([]rune(text)), shape: shapeOf(shapeWords{unit: "W", kind: "power"})}
	}
	cases := []struct {
		text string
		a, b *Claim
		want bool
	}{
		{"80 turbines × 15 MW = 1.2 GW", m("15 MW", 14), m("1.2 GW", 22), false},
		{"80 times 15 MW = 1.2 GW", m("15 MW", 9), m("1.2 GW", 17), false},
		{"one unit of 15 MW = 15,000 kW", m("15 MW", 12), m("15,000 kW", 20), true},
		{"× sixteen runes:: 15 MW = 15,000 kW", m("15 MW", 18), m("15,000 kW", 26), true}, // the × is 18 runes before
	}
	for _, k := range cases {
		if got := c.restates(&Source{Text: k.text}, k.a, k.b); got != k.want {
			t.Errorf("%q: restates %v, want %v", k.text, got, k.want)
		}
	}
}

// A converted temperature's slack is a degree, not a share of its size.
func TestConvertTemperature(t *testing.T) {
	r := &Result{Claims: []Claim{
		Claim{Text: "0 °C", Value: 0, shape: shapeOf(shapeWords{unit: "°C"}), Step: 1, file: intern("a.txt"), Line: 1}.WithIDs("a", ""),
		Claim{Text: "1.4 °C", Value: 1.4, shape: shapeOf(shapeWords{unit: "°C"}), Step: 0.1, file: intern("a.txt"), Line: 1}.WithIDs("b", ""),
		Claim{Text: "2 °C", Value: 2, shape: shapeOf(shapeWords{unit: "°C"}), Step: 0.1, file: intern("a.txt"), Line: 1}.WithIDs("c", ""),
	}}
	c := convert{approx: 0.05, tol: 0.03}
	if f := c.finding(r, 0, 1); f.Status != Consistent {
		t.Errorf("0 °C as 1.4 °C: %s %s", f.Status, f.Message)
	}
	if f := c.finding(r, 0, 2); f.Status != Inconsistent || !strings.Contains(f.Message, `"0 °C" (a.txt:1) is -1.5 to 1.5 °C`) {
		t.Errorf("0 °C as 2 °C: %s %s", f.Status, f.Message)
	}
}

// A multiple is read against the rise before it when the words between
// them say they are one; with a pattern that allows no words, a multiple
// that starts where the rise ends counts, one before it never does.
func TestGrowthMultipleAdjacent(t *testing.T) {
	g := growthMultiple{approx: 0.05, tol: 0.02, equal: regexp.MustCompile(`^\s*(?:or)?\s*$`)}
	build := func(text string) *Result {
		r := &Result{Sources: []Source{Source{Text: text, shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("s")}}
		for _, f := range []struct {
			text, unit string
			v          float64
		}{{"200%", "%", 200}, {"3x", "x", 3}} {
			start := strings.Index(text, f.text)
			start = len([]rune(text[:start]))
			c := Claim{Text: f.text, Value: f.v, shape: shapeOf(shapeWords{unit: f.unit, kind: "count"}), Step: 1,
				Start: start, End: start + len([]rune(f.text)), file: intern("a.txt"), Line: 1, Partner: -1}.WithIDs(f.unit, "s")
			if f.unit == "%" {
				c.SetDirection("up")
			}
			r.Claims = append(r.Claims, c)
		}
		return r
	}
	for text, want := range map[string]string{
		"Fees rose 200%3x.":     "consistent % x",
		"Fees rose 200% or 3x.": "consistent % x",
		"Fees were 3x, up 200%": "",
	} {
		got, _ := findingsOf(g, build(text))
		if strings.Join(got, "|") != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
