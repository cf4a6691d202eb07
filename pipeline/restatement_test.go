package pipeline

import (
	"math"
	"strings"
	"testing"
)

// rc is a claim for the restatement tests: text, value and unit in one
// source, written to the unit.
func rc(id, src, text string, v float64, unit string) Claim {
	return Claim{Text: text, Value: v, shape: shapeOf(shapeWords{unit: unit, kind: "amount"}), Step: 1, file: intern("a.txt"), Partner: -1}.WithIDs(id, src)
}

// noted is a quote "q" and a note "n" on it, with their claims.
func noted(claims ...Claim) *Result {
	q := "q"
	r := &Result{Sources: []Source{Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("q"), Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 2, NoteOf: &q}.WithID("n")}}
	for _, c := range claims {
		if c.Source() == "n" {
			c.Line = 2
		} else {
			c.Line = 1
		}
		r.Claims = append(r.Claims, c)
	}
	return r
}

// A note figure that agrees with a figure of its quote restates it; one
// that garbles one is inconsistent, with the quote's figure as the value
// expected; any other near one is unverifiable (a figure of the note's own).
func TestRestatementCheck(t *testing.T) {
	rs := restatement{0.05}
	over := func(c Claim) Claim { c.Min, c.Text = fp(c.Value), "over "+c.Text; c.SetBound("min"); return c }
	upTo := func(c Claim) Claim { c.Max, c.Text = fp(c.Value), "nearly "+c.Text; c.SetBound("max"); return c }
	tenth := func(c Claim) Claim { c.Step = 0.1; return c }
	cases := []struct {
		name     string
		r        *Result
		want     []string
		expected float64 // of the inconsistent finding; NaN: none
		message  string  // held by the first finding's message
	}{
		{"the same figure", noted(rc("a", "q", "415 TWh", 415, "TWh"), rc("b", "n", "415太瓦时", 415, "TWh")),
			[]string{"consistent a b"}, math.NaN(), `the note (a.txt:2) restates its quote: "415 TWh" as "415太瓦时"`},
		{"within its rounding", noted(rc("a", "q", "415 TWh", 415, "TWh"), rc("b", "n", "416 TWh", 416, "TWh")),
			[]string{"consistent a b"}, math.NaN(), ""},
		{"digits swapped", noted(rc("a", "q", "415 TWh", 415, "TWh"), rc("b", "n", "451 TWh", 451, "TWh")),
			[]string{"inconsistent a b"}, 415, `the note gives "451 TWh" (a.txt:2) where its quote says "415 TWh" (a.txt:1): the same digits in another order`},
		{"a scale slipped", noted(rc("a", "q", "5 GW", 5e9, "W"), rc("b", "n", "5 MW", 5e6, "W")),
			[]string{"inconsistent a b"}, 5e9, "the same digits at a scale 1000 times smaller"},
		{"one digit miscopied", noted(rc("a", "q", "875 kWh", 875, "kWh"), rc("b", "n", "975千瓦时", 975, "kWh")),
			[]string{"inconsistent a b"}, 875, `the note gives "975千瓦时" (a.txt:2) where its quote says "875 kWh" (a.txt:1): one digit miscopied`},
		{"a figure it garbles before one it miscopies, though that one is nearer", noted(rc("a", "q", "514 TWh", 514, "TWh"), rc("c", "q", "485 TWh", 485, "TWh"),
			rc("b", "n", "415 TWh", 415, "TWh")), []string{"inconsistent a b"}, 514, "the same digits in another order"},
		{"the start worked out from the quote's change is no miscopy of its end", noted(rc("a", "q", "69.2 years", 69.2, "year"), rc("c", "q", "3 years", 3, "year"),
			rc("b", "n", "66.2 years", 66.2, "year")), []string{"unverifiable a b"}, math.NaN(), ""},
		{"nor one its percentage works out", noted(rc("a", "q", "1,250 t", 1250, "t"), rc("c", "q", "8%", 8, "%"),
			rc("b", "n", "1,150 t", 1150, "t")), []string{"unverifiable a b"}, math.NaN(), ""},
		{"a change of another figure does not excuse a miscopy", noted(rc("a", "q", "69.2 years", 69.2, "year"), rc("c", "q", "5 years", 5, "year"),
			rc("b", "n", "66.2 years", 66.2, "year")), []string{"inconsistent a b"}, 69.2, "one digit miscopied"},
		{"without the percentage it is one", noted(rc("a", "q", "1,250 t", 1250, "t"), rc("b", "n", "1,150 t", 1150, "t")),
			[]string{"inconsistent a b"}, 1250, "one digit miscopied"},
		{"a note's one length in miles for its quote's one in km is held to the conversion", noted(rc("a", "q", "5,570 kilometres", 5.57e6, "m"),
			rc("b", "n", "4,460 miles", 4460*1609.344, "m")), []string{"inconsistent a b"}, 5.57e6, "5,570 kilometres is 3461 miles, which it does not allow"},
		{"and agrees with it to a conversion by hand", noted(rc("a", "q", "5,570 kilometres", 5.57e6, "m"),
			rc("b", "n", "3,480 miles", 3480*1609.344, "m")), []string{"consistent a b"}, math.NaN(), ""},
		{"but not past the slack of one", noted(rc("a", "q", "5,570 kilometres", 5.57e6, "m"),
			rc("b", "n", "3,600 miles", 3600*1609.344, "m")), []string{"inconsistent a b"}, 5.57e6, ""},
		{"a note with two lengths may give another one", noted(rc("a", "q", "5,570 kilometres", 5.57e6, "m"),
			rc("b", "n", "4,460 miles", 4460*1609.344, "m"), rc("c", "n", "40 miles", 40*1609.344, "m")), []string{"unverifiable a b", "unverifiable a c"}, math.NaN(), ""},
		{"the same system at another scale may be another figure", noted(rc("a", "q", "5.6 km", 5600, "m"),
			rc("b", "n", "4,400 m", 4400, "m")), []string{"unverifiable a b"}, math.NaN(), ""},
		{"nor one its points change works out", noted(tenth(rc("a", "q", "60.8%", 60.8, "%")), tenth(rc("c", "q", "0.6 percentage points", 0.6, "pp")),
			tenth(rc("b", "n", "60.2%", 60.2, "%"))), []string{"unverifiable a b"}, math.NaN(), ""},
		{"a word is not digits to slip", noted(rc("a", "q", "ten-year", 10, "year"), rc("b", "n", "一年", 1, "year")),
			[]string{"unverifiable a b"}, math.NaN(), ""},
		{"a change's size is no miscopy of a level", noted(rc("a", "q", "about 152,000", 152000, ""), rc("c", "q", "264,000", 264000, ""),
			func() Claim { c := rc("b", "n", "about 112,000", 112000, ""); c.SetDirection("down"); return c }()), []string{"unverifiable a b"}, math.NaN(), ""},
		{"two digits are too few to call a miscopy", noted(rc("a", "q", "45 kWh", 45, "kWh"), rc("b", "n", "55 kWh", 55, "kWh")),
			[]string{"unverifiable a b"}, math.NaN(), ""},
		{"two digits changed is another figure", noted(rc("a", "q", "875 kWh", 875, "kWh"), rc("b", "n", "965 kWh", 965, "kWh")),
			[]string{"unverifiable a b"}, math.NaN(), ""},
		{"three times off is another figure, not a slip", noted(rc("a", "q", "10 TWh", 10, "TWh"), rc("b", "n", "30 TWh", 30, "TWh")),
			[]string{"unverifiable a b"}, math.NaN(), `the note gives "30 TWh" (a.txt:2) where its quote says "10 TWh" (a.txt:1); it may be another figure`},
		{"a third is not a slip either", noted(rc("a", "q", "30 TWh", 30, "TWh"), rc("b", "n", "10 TWh", 10, "TWh")),
			[]string{"unverifiable a b"}, math.NaN(), ""},
		{"a bound allows a far figure but does not restate it", noted(upTo(rc("a", "q", "42%", 42, "%")), rc("b", "n", "5%", 5, "%")),
			[]string{"unverifiable a b"}, math.NaN(), ""},
		{"a bound restates a figure of its size", noted(over(rc("a", "q", "40%", 40, "%")), rc("b", "n", "42%", 42, "%")),
			[]string{"consistent a b"}, math.NaN(), ""},
		{"the nearest quote figure is the one named", noted(rc("a", "q", "10 TWh", 10, "TWh"), rc("c", "q", "190 TWh", 190, "TWh"),
			rc("b", "n", "35 TWh", 35, "TWh")), []string{"unverifiable a b"}, math.NaN(), ""},
		{"of two as near, the first", noted(rc("a", "q", "10 TWh", 10, "TWh"), rc("c", "q", "40 TWh", 40, "TWh"),
			rc("b", "n", "20 TWh", 20, "TWh")), []string{"unverifiable a b"}, math.NaN(), ""},
		{"the nearest, when it comes second", noted(rc("c", "q", "90 TWh", 90, "TWh"), rc("a", "q", "10 TWh", 10, "TWh"),
			rc("b", "n", "25 TWh", 25, "TWh")), []string{"unverifiable a b"}, math.NaN(), ""},
		{"the first quote figure it agrees with", noted(rc("a", "q", "415 TWh", 415, "TWh"), rc("c", "q", "415.2 TWh", 415.2, "TWh"),
			rc("b", "n", "415 TWh", 415, "TWh")), []string{"consistent a b"}, math.NaN(), ""},
		{"a match beats a garble", noted(rc("c", "q", "451 TWh", 451, "TWh"), rc("a", "q", "415 TWh", 415, "TWh"),
			rc("b", "n", "415 TWh", 415, "TWh")), []string{"consistent a b"}, math.NaN(), ""},
		{"the first garble", noted(rc("a", "q", "415 TWh", 415, "TWh"), rc("c", "q", "145 TWh", 145, "TWh"),
			rc("b", "n", "451 TWh", 451, "TWh")), []string{"inconsistent a b"}, 415, ""},
		{"a note that drops the unit restates the figure of its value", noted(rc("a", "q", "1320.7亿件", 1.3207e11, ""),
			rc("c", "q", "1.2万亿元", 1.2e12, "CNY"), rc("b", "n", "1.2万亿", 1.2e12, "")),
			[]string{"consistent c b"}, math.NaN(), `restates its quote: "1.2万亿元" as "1.2万亿"`},
		{"a bare note figure restates a figure with a unit only to its rounding", noted(func() Claim { c := rc("c", "q", "3.2%", 3.2, "%"); c.Step = 0.1; return c }(),
			func() Claim { c := rc("b", "n", "3.3", 3.3, ""); c.Step = 0.1; return c }()), nil, math.NaN(), ""},
		{"a bare note figure far from the figure with a unit is not its restatement", noted(rc("c", "q", "1.2万亿元", 1.2e12, "CNY"),
			rc("b", "n", "2万亿", 2e12, "")), nil, math.NaN(), ""},
		{"a change's start restated as a base", noted(func() Claim { c := rc("a", "q", "from 41%", 41, "%"); c.SetChange("from"); c.SetRole("base"); return c }(),
			rc("c", "q", "62%", 62, "%"), func() Claim { c := rc("b", "n", "一年前为41%", 41, "%"); c.SetRole("base"); return c }()),
			[]string{"consistent a b"}, math.NaN(), ""},
		{"another unit family is not compared", noted(rc("a", "q", "415 TWh", 415, "TWh"), rc("b", "n", "451 GW", 451, "GW")),
			nil, math.NaN(), ""},
		{"a rejected figure is not a restatement", noted(rc("a", "q", "415 TWh", 415, "TWh"),
			func() Claim { c := rc("b", "n", "不是451", 451, "TWh"); c.SetRole("rejected"); return c }()), nil, math.NaN(), ""},
		{"zero is no figure to restate", noted(rc("a", "q", "0 TWh", 0, "TWh"), rc("b", "n", "0 TWh", 0, "TWh")), nil, math.NaN(), ""},
		{"a range is no figure to garble", noted(func() Claim { c := rc("a", "q", "410-420 TWh", 415, "TWh"); c.Min, c.Max = fp(410), fp(420); return c }(),
			rc("b", "n", "451 TWh", 451, "TWh")), []string{"unverifiable a b"}, math.NaN(), ""},
		{"a figure inside a range restates it, far from its middle though",
			noted(func() Claim { c := rc("a", "q", "10-100 TWh", 55, "TWh"); c.Min, c.Max = fp(10), fp(100); return c }(),
				rc("b", "n", "90 TWh", 90, "TWh")), []string{"consistent a b"}, math.NaN(), ""},
		{"a range restates a figure inside it", noted(rc("a", "q", "90 TWh", 90, "TWh"),
			func() Claim { c := rc("b", "n", "10-100 TWh", 55, "TWh"); c.Min, c.Max = fp(10), fp(100); return c }()),
			[]string{"consistent a b"}, math.NaN(), ""},
		{"two figures restated, one finding", noted(rc("a", "q", "415 TWh", 415, "TWh"), rc("c", "q", "62%", 62, "%"),
			rc("b", "n", "62%", 62, "%"), rc("d", "n", "415 TWh", 415, "TWh")),
			[]string{"consistent c b a d"}, math.NaN(), `restates its quote: "62%" as "62%", "415 TWh" as "415 TWh"`},
	}
	for _, c := range cases {
		got, fs := findingsOf(rs, c.r)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
			continue
		}
		for _, f := range fs {
			if f.Kind != "restatement" {
				t.Errorf("%s: kind %q", c.name, f.Kind)
			}
			if f.Status != Inconsistent {
				continue
			}
			if f.Expected == nil || math.Abs(f.Expected.Value-c.expected) > 1e-9*c.expected || f.Expected.Claim != "b" {
				t.Errorf("%s: expected %+v, want %g for b", c.name, f.Expected, c.expected)
			}
		}
		if c.message != "" && (len(fs) == 0 || !strings.Contains(fs[0].Message, c.message)) {
			t.Errorf("%s: message in %+v, want it to hold %q", c.name, fs, c.message)
		}
	}
}

// A note is held against its own quote and the other quotes of the same
// document nearby (same file, and URL or title); a figure it gives that is
// near only another quote's is not called unverifiable.
func TestRestatementSiblings(t *testing.T) {
	url, other := "https://example.org/a", "https://example.org/b"
	build := func(siblingURL *string, siblingFile string, noteAt int) *Result {
		q := "q"
		r := &Result{}
		for i := 0; i < 30; i++ {
			r.Sources = append(r.Sources, Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: int32(100 + i)}.WithID("x"+string(rune('A'+i))))
		}
		r.Sources[2] = Source{shape: sourceShapeOf(sourceWords{file: siblingFile}), Line: 3}.WithID("s")
		r.Sources[2].SetURL(siblingURL)
		r.Sources[3] = Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 4}.WithID("q")
		r.Sources[3].SetURL(&url)
		r.Sources[noteAt] = Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), NoteOf: &q, Line: 5}.WithID("n")
		r.Claims = []Claim{rc("s1", "s", "451 TWh", 451, "TWh"), rc("q1", "q", "62%", 62, "%"), rc("n1", "n", "451 TWh", 451, "TWh")}
		return r
	}
	// byTitle: the quote and its sibling name their document by a title, not a URL.
	byTitle := func(quote, sibling string) *Result {
		r := build(nil, "a.txt", 4)
		r.Sources[3].SetURL(nil)
		r.Sources[3].SetTitle(&quote)
		r.Sources[2].SetTitle(&sibling)
		return r
	}
	cases := []struct {
		name string
		r    *Result
		want []string
	}{
		{"a sibling quote of the document", build(&url, "a.txt", 4), []string{"consistent s1 n1"}},
		{"another document", build(&other, "a.txt", 4), nil},
		{"another file", build(&url, "b.txt", 4), nil},
		{"a quote without a document", build(nil, "a.txt", 4), nil},
		{"a sibling by the document's title", byTitle("Annual report", "Annual report"), []string{"consistent s1 n1"}},
		{"another title", byTitle("Annual report", "Quarterly report"), nil},
	}
	for _, c := range cases {
		if got, _ := findingsOf(restatement{0.05}, c.r); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// The quote's own figure comes first, and siblings reach 24 sources
	// around the quote, no further.
	r := build(&url, "a.txt", 4)
	r.Sources[2].SetURL(nil)
	r.Sources[27] = Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 28}.WithID("s") // 24 after the quote
	r.Sources[27].SetURL(&url)
	r.Sources[28] = Source{shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 29}.WithID("t") // 25 after
	r.Sources[28].SetURL(&url)
	r.Claims = append(r.Claims, rc("t1", "t", "62 TWh", 62, "TWh"), rc("n2", "n", "62 TWh", 62, "TWh"))
	sortClaims(r)
	if got, _ := findingsOf(restatement{0.05}, r); strings.Join(got, "|") != "consistent s1 n1" {
		t.Errorf("reach: %q", got)
	}
	// A note figure worked out from its own quote (1,220 up 6.4% from
	// 1,147) is no miscopy of a sibling's 1,174, though its digits are.
	for _, c := range []struct {
		name string
		own  []Claim
		want string
	}{
		{"worked out from its own quote", []Claim{rc("q1", "q", "1,220 t", 1220, "t"), rc("q2", "q", "6.4%", 6.4, "%")}, ""},
		{"not worked out", []Claim{rc("q1", "q", "1,220 t", 1220, "t"), rc("q2", "q", "9.1%", 9.1, "%")}, "inconsistent s1 n1"},
	} {
		r := build(&url, "a.txt", 4)
		r.Claims = append([]Claim{rc("s1", "s", "1,174 t", 1174, "t")}, c.own...)
		r.Claims = append(r.Claims, rc("n1", "n", "1,147 t", 1147, "t"))
		if got, _ := findingsOf(restatement{0.05}, r); strings.Join(got, "|") != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// Same digits at another scale as a sibling's figure are no miscopy
	// where the note works its figure out from its own quote (35,000 of
	// 500,000 works: 7%), or where a quote gives the note's value in
	// another role (up from about 1 million: "roughly 1 million").
	from := func(c Claim) Claim { c.SetChange("from"); return c }
	for _, c := range []struct {
		name         string
		sibling, own []Claim
		note         Claim
		want         string
	}{
		{"a share of two of its own quote's figures", []Claim{rc("s1", "s", "about 70%", 70, "%")},
			[]Claim{rc("q1", "q", "500,000", 500000, ""), rc("q2", "q", "35,000", 35000, "")}, rc("n1", "n", "約7%", 7, "%"), ""},
		{"a share its quote does not give", []Claim{rc("s1", "s", "about 70%", 70, "%")},
			[]Claim{rc("q1", "q", "500,000", 500000, ""), rc("q2", "q", "55,000", 55000, "")}, rc("n1", "n", "約7%", 7, "%"), "inconsistent s1 n1"},
		{"a value a quote gives as a start", []Claim{rc("s1", "s", "10 million", 1e7, ""), from(rc("s2", "s", "1 million", 1e6, ""))},
			nil, rc("n1", "n", "1 million", 1e6, ""), "unverifiable s1 n1"},
		{"a value no quote gives", []Claim{rc("s1", "s", "10 million", 1e7, "")},
			nil, rc("n1", "n", "1 million", 1e6, ""), "inconsistent s1 n1"},
	} {
		r := build(&url, "a.txt", 4)
		r.Claims = append(append(append([]Claim{}, c.sibling...), c.own...), c.note)
		if got, _ := findingsOf(restatement{0.05}, r); strings.Join(got, "|") != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// A note whose quote is not among the sources, a duplicate note and a
	// quote without figures give nothing.
	for name, edit := range map[string]func(r *Result){
		"unknown quote":        func(r *Result) { gone := "gone"; r.Sources[4].NoteOf = &gone },
		"duplicate note":       func(r *Result) { d := "q"; r.Sources[4].DuplicateOf = &d },
		"quote without claims": func(r *Result) { r.Sources[2].SetURL(nil); r.Claims = r.Claims[1:] },
	} {
		r := build(&url, "a.txt", 4)
		edit(r)
		if got, _ := findingsOf(restatement{0.05}, r); len(got) != 0 {
			t.Errorf("%s: %q", name, got)
		}
	}
}

// sortClaims puts claims in source order, as the extraction gives them.
func sortClaims(r *Result) {
	at := map[string]int{}
	for i, s := range r.Sources {
		at[s.ID()] = i
	}
	cs := r.Claims
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && at[cs[j].Source()] < at[cs[j-1].Source()]; j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// A note's change that shares one end with its quote's change but not the
// other is the same change miscopied; the finding names the four figures
// and expects the quote's figure for the wrong end.
func TestRestatementChanges(t *testing.T) {
	pair := func(r *Result, from, to int) {
		r.Claims[from].SetChange("from")
		r.Claims[from].Partner = int32(to)
		r.Claims[to].SetChange("to")
		r.Claims[to].Partner = int32(from)
	}
	build := func(qFrom, qTo, nFrom, nTo float64) *Result {
		r := noted(rc("qf", "q", num(qFrom)+"%", qFrom, "%"), rc("qt", "q", num(qTo)+"%", qTo, "%"),
			rc("nf", "n", num(nFrom)+"%", nFrom, "%"), rc("nt", "n", num(nTo)+"%", nTo, "%"))
		for i := range r.Claims {
			r.Claims[i].Step = 0.01
		}
		pair(r, 0, 1)
		pair(r, 2, 3)
		return r
	}
	// first moves claim k to the front, keeping the partners.
	first := func(r *Result, k int) *Result {
		n := len(r.Claims)
		perm := append([]int{k}, func() []int {
			var o []int
			for i := range n {
				if i != k {
					o = append(o, i)
				}
			}
			return o
		}()...)
		at := make([]int32, n) // old index -> new
		for i, old := range perm {
			at[old] = int32(i)
		}
		cs := make([]Claim, n)
		for i, old := range perm {
			cs[i] = r.Claims[old]
			if cs[i].Partner >= 0 {
				cs[i].Partner = at[cs[i].Partner]
			}
		}
		r.Claims = cs
		return r
	}
	cases := []struct {
		name          string
		r             *Result
		change        string // "status claims" of the change finding, "" for none
		expectedClaim string
		expected      float64
		message       string
	}{
		{"another start", build(0.75, 1, 0.5, 1), "inconsistent qf qt nf nt", "nf", 0.75,
			"the note tells the change 0.75% → 1% as 0.5% → 1%: the same change with another start"},
		{"another end", build(0.5, 1, 0.5, 1.25), "inconsistent qf qt nf nt", "nt", 1,
			"the note tells the change 0.5% → 1% as 0.5% → 1.25%: the same change with another end"},
		{"told alike", build(0.5, 1, 0.5, 1), "", "", 0, ""},
		{"another change", build(0.5, 1, 2, 3), "", "", 0, ""},
		{"a later change, from where the quote's ends", build(0.5, 1, 1, 2), "", "", 0, ""},
		// the end of a change may be the first claim of all (Partner 0)
		{"another start, the quote's end first", first(build(0.75, 1, 0.5, 1), 1), "inconsistent qf qt nf nt", "nf", 0.75,
			"the note tells the change 0.75% → 1% as 0.5% → 1%: the same change with another start"},
		{"another start, the note's end first", first(build(0.75, 1, 0.5, 1), 3), "inconsistent qf qt nf nt", "nf", 0.75,
			"the note tells the change 0.75% → 1% as 0.5% → 1%: the same change with another start"},
	}
	for _, c := range cases {
		_, fs := findingsOf(restatement{0.05}, c.r)
		var ch []Finding
		for _, f := range fs {
			if strings.HasPrefix(f.Message, "the note tells the change") {
				ch = append(ch, f)
			}
		}
		if c.change == "" {
			if len(ch) != 0 {
				t.Errorf("%s: change findings %+v", c.name, ch)
			}
			continue
		}
		if len(ch) != 1 {
			t.Errorf("%s: %d change findings in %+v", c.name, len(ch), fs)
			continue
		}
		f := ch[0]
		if got := f.Status + " " + strings.Join(f.Claims, " "); got != c.change || f.Message != c.message {
			t.Errorf("%s: %s %q, want %s %q", c.name, got, f.Message, c.change, c.message)
		}
		if f.Expected == nil || f.Expected.Claim != c.expectedClaim || math.Abs(f.Expected.Value-c.expected) > 1e-9 {
			t.Errorf("%s: expected %+v, want %g for %s", c.name, f.Expected, c.expected, c.expectedClaim)
		}
	}
	// A quote's change in another family, or a start without its end, is no match.
	r := build(0.75, 1, 0.5, 1)
	r.Claims[0].SetUnit("GW")
	r.Claims[1].SetUnit("GW")
	r.Claims[2].Partner = -1
	for _, f := range func() []Finding { _, fs := findingsOf(restatement{0.05}, r); return fs }() {
		if strings.HasPrefix(f.Message, "the note tells the change") {
			t.Errorf("a change compared across families or without its end: %+v", f)
		}
	}
}

// nearValue: one sign, within half again of each other.
func TestNearValue(t *testing.T) {
	cases := []struct {
		a, b float64
		want bool
	}{{2, 2, true}, {2.9, 2, true}, {3, 2, false}, {2, 2.9, true}, {2, 3, false}, {-2, -2.5, true}, {-2, 2, false},
		{0, 0, true}, {0, 1, false}, {1, 0, false}}
	for _, c := range cases {
		if got := nearValue(c.a, c.b); got != c.want {
			t.Errorf("nearValue(%g, %g) = %v", c.a, c.b, got)
		}
	}
}

// The digits a figure's text gives, full-width ones too, without the
// zeros at either end.
func TestWrittenAndDigits(t *testing.T) {
	for in, want := range map[string]string{"16,700 km": "167", "１６，７００英里": "167", "0.0305": "305", "five": "", "x9y": "9"} {
		if got := written(in); got != want {
			t.Errorf("written(%q) = %q, want %q", in, got, want)
		}
	}
	for v, want := range map[float64]string{415: "415", 0.0451: "451", -1.5e25: "15", 1e-30: "1", 100: "1"} {
		if got := digits(v); got != want {
			t.Errorf("digits(%g) = %q, want %q", v, got, want)
		}
	}
}

// A whole number's digits keep their zeros; a fraction or a number past
// what a float holds exactly has none to compare.
func TestWholeDigits(t *testing.T) {
	for _, c := range []struct {
		v    float64
		want string
	}{{14080, "14080"}, {-14800, "14800"}, {14080.5, ""}, {1e15, ""}, {999999999999999, "999999999999999"}, {0, "0"}} {
		if got := wholeDigits(c.v); got != c.want {
			t.Errorf("wholeDigits(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	a := Claim{Value: 14080, shape: shapeOf(shapeWords{kind: "count"})}
	for _, c := range []struct {
		v    float64
		want string
	}{{14800, "the same digits in another order"}, {10480, "the same digits in another order"}, {41800, ""}, {148000, ""}} {
		b := Claim{Value: c.v, shape: shapeOf(shapeWords{kind: "count"})}
		if got := garble(&a, &b); got != c.want {
			t.Errorf("garble(14080, %v) = %q, want %q", c.v, got, c.want)
		}
	}
}

// A figure that differs from another only in its sign is no miscopy in
// another unit (the quote says "shrank 2.1%", the note "-2.1%"); the same
// digits in another unit are.
func TestGarbleSign(t *testing.T) {
	pct := func(text string, v float64) *Claim {
		return &Claim{Text: text, Value: v, shape: shapeOf(shapeWords{unit: "%", kind: "share"})}
	}
	if got := garble(pct("2.1%", 2.1), pct("-2.1%", -2.1)); got != "" {
		t.Errorf("2.1%% and -2.1%%: %q, want no garble", got)
	}
	km := &Claim{Text: "55 kilometres", Value: 55000, shape: shapeOf(shapeWords{unit: "m", kind: "length"})}
	mi := &Claim{Text: "55英里", Value: 88513.92, shape: shapeOf(shapeWords{unit: "m", kind: "length"})}
	if got := garble(km, mi); got != "the same number in another unit" {
		t.Errorf("55 km and 55 miles: %q", got)
	}
}

// oneDigit: one written digit changed, three digits or more, one size, no
// bound or range.
func TestOneDigit(t *testing.T) {
	over := func(c Claim) Claim { c.Min = fp(c.Value); return c }
	cases := []struct {
		a, b Claim
		want bool
	}{
		{rc("a", "q", "875", 875, ""), rc("b", "n", "975", 975, ""), true},
		{rc("a", "q", "12,345", 12345, ""), rc("b", "n", "12,348", 12348, ""), true},
		{rc("a", "q", "12,345", 12345, ""), rc("b", "n", "12,346", 12346, ""), false}, // the last digit one off: rounded another way
		{rc("a", "q", "875", 875, ""), rc("b", "n", "874", 874, ""), false},
		{rc("a", "q", "875", 875, ""), rc("b", "n", "885", 885, ""), true},
		{rc("a", "q", "875", 875, ""), rc("b", "n", "875", 875, ""), false},
		{rc("a", "q", "875", 875, ""), rc("b", "n", "8,750", 8750, ""), false},
		{rc("a", "q", "875", 875, ""), rc("b", "n", "965", 965, ""), false},
		{rc("a", "q", "45", 45, ""), rc("b", "n", "55", 55, ""), false},
		{rc("a", "q", "150", 150, ""), rc("b", "n", "950", 950, ""), false}, // not of one size
		{rc("a", "q", "950", 950, ""), rc("b", "n", "150", 150, ""), false},
		{over(rc("a", "q", "over 875", 875, "")), rc("b", "n", "975", 975, ""), false},
		{rc("a", "q", "875", 875, ""), over(rc("b", "n", "over 975", 975, "")), false},
	}
	for _, c := range cases {
		if got := oneDigit(&c.a, &c.b); got != c.want {
			t.Errorf("oneDigit(%q, %q) = %v", c.a.Text, c.b.Text, got)
		}
	}
}
