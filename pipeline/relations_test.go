package pipeline

import (
	"math"
	"strings"
	"testing"
)

func TestSpanMath(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		name string
		got  Span
		want Span
	}{
		{"add", Span{1, 2}.add(Span{10, 20}), Span{11, 22}},
		{"sub", Span{10, 20}.sub(Span{1, 2}), Span{8, 19}},
		{"mul of signs", Span{-2, 3}.mul(Span{4, 5}), Span{-10, 15}},
		{"div", Span{10, 20}.div(Span{2, 5}), Span{2, 10}},
		{"div by a span holding zero", Span{1, 2}.div(Span{-1, 1}), Span{-inf, inf}},
		{"scale by a negative", Span{1, 2}.scale(-3), Span{-6, -3}},
		{"shift", Span{1, 2}.shift(0.5), Span{1.5, 2.5}},
		{"widen by the larger end", Span{-4, 2}.widen(0.5), Span{-6, 4}},
		{"widen leaves an open span", Span{1, inf}.widen(0.5), Span{1, inf}},
		{"abs across zero", Span{-3, 2}.abs(), Span{0, 3}},
		{"abs below zero", Span{-3, -2}.abs(), Span{2, 3}},
		{"neg", Span{1, 2}.neg(), Span{-2, -1}},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	if m := (Span{2, 4}).mid(); m != 3 {
		t.Errorf("mid of [2, 4] is %g", m)
	}
	if m := (Span{2, inf}).mid(); m != 2 {
		t.Errorf("mid of [2, ∞] is %g, want its finite end", m)
	}
	if m := (Span{-inf, inf}).mid(); !math.IsNaN(m) {
		t.Errorf("mid of the whole line is %g, want NaN", m)
	}
}

// Touching spans overlap; a span contains itself and a point at its end.
func TestOverlapAndContainsAtTheirBounds(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		a, b              Span
		overlap, contains bool
	}{
		{Span{70, 70.5}, Span{70.5, 71}, true, false},     // 70% and 71% touch at 70.5
		{Span{60, inf}, Span{-inf, 60}, true, false},      // over 60% and up to 60%
		{Span{1, 2}, Span{2.0000001, 3}, false, false},    // just apart
		{Span{1, 3}, Span{1, 3}, true, true},              // the same span
		{Span{1, 3}, Span{3, 3}, true, true},              // a point at the end
		{Span{1, 3}, Span{0.999, 3}, true, false},         // past the low end
		{Span{-inf, inf}, Span{-5, 7}, true, true},        // the whole line
		{Span{5, 5}, Span{5, 5}, true, true},              // two equal points
		{Span{5, 5}, Span{4.9999, 4.99999}, false, false}, // a point beside a point
	}
	for _, c := range cases {
		if got := Overlap(c.a, c.b); got != c.overlap {
			t.Errorf("Overlap(%v, %v) = %v", c.a, c.b, got)
		}
		if got := Overlap(c.b, c.a); got != c.overlap {
			t.Errorf("Overlap(%v, %v) = %v (reversed)", c.b, c.a, got)
		}
		if got := c.a.Contains(c.b); got != c.contains {
			t.Errorf("%v.Contains(%v) = %v", c.a, c.b, got)
		}
	}
}

func TestGarble(t *testing.T) {
	const gal = 3.785411784
	cl := func(text string, v float64, unit string) *Claim {
		c := &Claim{Text: text, Value: v}
		c.SetUnit(unit)
		c.SetKind(map[bool]string{true: "count", false: "x"}[unit == ""])
		return c
	}
	cases := []struct {
		a, b *Claim
		want string
	}{
		{cl("574 billion", 574e9, "USD"), cl("5470亿", 547e9, "USD"), "the same digits in another order"},
		{cl("32 Tbps", 4e12, "B/s"), cl("32 Gbps", 4e9, "B/s"), "scale 1000 times smaller"},
		{cl("2 million", 2e6, "L/day"), cl("20万", 2e5, "L/day"), "scale 10 times smaller"},
		{cl("$5", 5, "USD"), cl("$50,000", 5e4, "USD"), "scale 10000 times larger"}, // four places: a slip
		{cl("$5", 5, "USD"), cl("$500,000", 5e5, "USD"), ""},                        // five: another figure
		{cl("100", 100, ""), cl("1,000", 1000, ""), "scale 10 times larger"},        // a count of 100 is no small count
		{cl("99", 99, ""), cl("990", 990, ""), ""},                                  // a count under 100 is
		{cl("16 km", 16e3, "m"), cl("16 miles", 25749.5, "m"), "in another unit"},   // two digits suffice
		{cl("5 km", 5e3, "m"), cl("5 miles", 8046.7, "m"), ""},                      // one does not
		{cl("10 km", 10e3, "m"), cl("10.5 km", 10.5e3, "m"), ""},                    // the same digits, near: no unit slip
		{cl("0", 0, "m"), cl("0 km", 0, "m"), ""},                                   // nothing to garble
		{cl("16,700 kilometres", 16.7e6, "m"), cl("16,700英里", 26.876e6, "m"), "the same number in another unit"},
		{cl("71%", 71, "%"), cl("67%", 67, "%"), ""},                   // merely different
		{cl("10", 10, ""), cl("1亿", 1e8, ""), ""},                      // a scale of 10^7 is no slip
		{cl("12", 12, ""), cl("21", 21, ""), ""},                       // small counts are too often other things
		{cl("4.95", 4.95, "USD"), cl("4.95 a dozen", 5.07, "USD"), ""}, // close: not another unit
		{cl("8.3", 8.3, "USD"), cl("8.3", 8.3, "USD"), ""},
		// a price per gallon is read per litre: its digits as written swap, or stay and the unit changes
		{cl("$3.94 a gallon", 3.94/gal, "USD/L"), cl("$3.49 a gallon", 3.49/gal, "USD/L"), "the same digits in another order"},
		{cl("$3.94 a gallon", 3.94/gal, "USD/L"), cl("$3.94 a litre", 3.94, "USD/L"), "the same number in another unit"},
		{cl("$3.94", 3.94, "USD"), cl("$3.49", 3.49, "USD"), "the same digits in another order"},
		{cl("150", 150, ""), cl("15 million", 15e6, ""), ""},        // five places apart: another figure, whatever its digits
		{cl("12 km", 12e3, "m"), cl("12 leagues", 13.2e3, "m"), ""}, // the same number 10% apart: near, no unit slip
		{cl("12 km", 12e3, "m"), cl("12 leagues", 10.8e3, "m"), ""},
		{cl("12 km", 12e3, "m"), cl("12 leagues", 13.21e3, "m"), "the same number in another unit"},
	}
	for _, c := range cases {
		got := garble(c.a, c.b)
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("garble(%q, %q) = %q, want %q", c.a.Text, c.b.Text, got, c.want)
		}
	}
}

func TestPrecision(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	r := &Result{Claims: []Claim{
		{Text: "5%–5.25%", Value: 5.125, Min: f(5), Max: f(5.25), Step: 1},
		{Text: "5%", Value: 5, Step: 1},
		{Text: "两年", Value: 2, Step: 1},
		{Text: "2 years", Value: 2, Step: 1},
		{Text: "600%", Value: 600, Step: 100}, // another scale: not refined by 5.25
	}}
	for i, unit := range []string{"%", "%", "year", "year", "%"} {
		r.Claims[i].SetUnit(unit)
	}
	precision(r, &Source{}, []int{0, 1, 2, 3, 4})
	want := []float64{0.01, 0.01, 0, 1, 100}
	for i, w := range want {
		if math.Abs(r.Claims[i].Step-w) > 1e-12 {
			t.Errorf("%q: step %g, want %g", r.Claims[i].Text, r.Claims[i].Step, w)
		}
	}
}

func TestYears(t *testing.T) {
	cases := []struct {
		a, b string
		want float64
		ok   bool
	}{
		{"1991", "2020", 29, true},
		{"2024-Q1", "2025-Q4", 1.75, true},
		{"2020", "2020", 0, false},
		{"now", "2020", 0, false},
		{"2022-09", "2023-09", 1, true},
		{"2022-03", "2022-09", 0.5, true},
	}
	for _, c := range cases {
		got, ok := yearsBetween(c.a, c.b)
		if ok != c.ok || ok && math.Abs(got-c.want) > 1e-9 {
			t.Errorf("yearsBetween(%q, %q) = %g, %v; want %g, %v", c.a, c.b, got, ok, c.want, c.ok)
		}
	}
}

func TestPhrases(t *testing.T) {
	cases := []struct {
		text, figure, lang string
		metric, subject    string
	}{
		{"There were 9.56 million births last year.", "9.56 million", "en", "births", ""},
		{"Mills took 161 lakh tonnes of wheat in the season.", "161 lakh tonnes", "en", "wheat", ""},
		{"The 2024 trade surplus was $992 billion.", "$992 billion", "en", "trade surplus", ""},
		{"Officials said mainland China had 1.4 billion people.", "1.4 billion", "en", "people", "China"},
		{"China's global surplus rose 20% last year.", "20%", "en", "global surplus", "China"},
		{"国际电信联盟说2023年全球上网人数约45亿。", "约45亿", "zh", "全球上网人数", ""},
		{"2022年末人口比上年减少约58万人。", "约58万人", "zh", "人口", ""},
		{"日本の出生数は91万人だった。", "91万人", "ja", "出生数", ""},
	}
	for _, c := range cases {
		rs := []rune(c.text)
		i := strings.Index(c.text, c.figure)
		start := len([]rune(c.text[:i]))
		cl := &Claim{Start: start, End: start + len([]rune(c.figure))}
		cl.SetKind("count")
		if strings.Contains(c.figure, "%") || strings.Contains(c.figure, "$") {
			cl.SetUnit("%")
			cl.SetKind("share")
		}
		if got := phraseMetric(rs, c.lang, cl); got != c.metric {
			t.Errorf("%q: metric %q, want %q", c.text, got, c.metric)
		}
		if got := phraseSubject(rs, cl); got != c.subject {
			t.Errorf("%q: subject %q, want %q", c.text, got, c.subject)
		}
	}
}

func TestTermsAndOpposites(t *testing.T) {
	src := &Source{Text: "In 2023 nominal GDP grew 8.2%, and exports rose."}
	c := &Claim{Start: 25, End: 29}
	got := strings.Join(terms(src, c), " ")
	if got != "nominal gdp grew" && !strings.Contains(got, "gdp") || strings.Contains(got, "exports") {
		t.Errorf("terms %q: want the clause's words only", got)
	}
	m := misquote{opposites: [][]string{{"real", "nominal"}, {"出生", "死亡"}}}
	r := &Result{Sources: []Source{Source{Text: "real GDP grew 2.8%"}.WithID("a"), Source{Text: "nominal GDP grew 8.2%"}.WithID("b"),
		Source{Text: "real and nominal GDP grew 2.8%"}.WithID("c")}}
	r.Claims = []Claim{Claim{Start: 14, End: 18}.WithIDs("", "a"), Claim{Start: 17, End: 21}.WithIDs("", "b"), Claim{Start: 26, End: 30}.WithIDs("", "c")}
	if !m.opposed(r, 0, 1, &r.Claims[0], &r.Claims[1]) {
		t.Error("real and nominal are not opposed")
	}
	if m.opposed(r, 0, 2, &r.Claims[0], &r.Claims[2]) {
		t.Error("a clause that uses both words opposes the one that uses one")
	}
	if m.opposed(r, 2, 1, &r.Claims[2], &r.Claims[1]) {
		t.Error("a clause that uses both words opposes the one that uses the other")
	}
	if words := usedWords("the reality is", []string{"real"}); len(words) != 0 {
		t.Errorf("real found in reality: %q", words)
	}
}
