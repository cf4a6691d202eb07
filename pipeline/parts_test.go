package pipeline

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// sentenceOf is a source of one sentence and its claims, found by their
// text in it (each text once), in text order.
func sentenceOf(text string, figs ...string) *Result {
	r := &Result{Sources: []Source{Source{Text: text, shape: sourceShapeOf(sourceWords{file: "a.txt"}), Line: 1}.WithID("s")}}
	from := 0
	for i, f := range figs {
		b := strings.Index(text[from:], f) + from
		start := len([]rune(text[:b]))
		var v float64
		fmt.Sscan(strings.TrimFunc(f, func(r rune) bool { return r < '0' || r > '9' }), &v)
		r.Claims = append(r.Claims, Claim{Text: f, Value: v, shape: shapeOf(shapeWords{unit: "%", kind: "share"}),
			Step: 1, Start: start, End: start + len([]rune(f)), file: intern("a.txt"), Line: 1, Partner: -1}.WithIDs(fmt.Sprint("c", i), "s"))
		from = b + len(f)
	}
	return r
}

// Shares of one whole in one sentence past 100% are inconsistent; a
// sentence names the whole's words before one of them; shares of two
// wholes ("of men", "of women") and clauses past a semicolon are apart.
func TestShareSum(t *testing.T) {
	s := shareSum{approx: 0.05, share: regexp.MustCompile(`(?i)(?:\b(?:holds?|accounts? for)|占了?)\s*$`)}
	cases := []struct {
		name string
		r    *Result
		want []string
	}{
		{"past the whole", sentenceOf("Google holds 45%, Microsoft 40% and Amazon 30%.", "45%", "40%", "30%"),
			[]string{"inconsistent c0 c1 c2"}},
		{"within it", sentenceOf("Google holds 45% and Microsoft 40%.", "45%", "40%"), []string{"consistent c0 c1"}},
		{"exactly the whole: 60% and 40%", sentenceOf("Google holds 60% and Microsoft 40%.", "60%", "40%"), []string{"consistent c0 c1"}},
		{"60% and 41% may round to the whole (100 to 102)", sentenceOf("Google holds 60% and Microsoft 41%.", "60%", "41%"), []string{"consistent c0 c1"}},
		{"60% and 42% cannot (101 to 103)", sentenceOf("Google holds 60% and Microsoft 42%.", "60%", "42%"), []string{"inconsistent c0 c1"}},
		{"the verb before the second share", sentenceOf("Of the market, Google 45% and Microsoft holds 70%.", "45%", "70%"),
			[]string{"inconsistent c0 c1"}},
		{"no verb of a share", sentenceOf("Google rose 45% and Microsoft 70%.", "45%", "70%"), nil},
		{"the verb too far before", sentenceOf("Google holds, as of the latest count, 45% and 70%.", "45%", "70%"), nil},
		{"two wholes", sentenceOf("Google holds 55% of men and 51% of women.", "55%", "51%"), nil},
		{"one whole named once: the others are of it", sentenceOf("Google holds 55% of the market and Microsoft 51%.", "55%", "51%"),
			[]string{"inconsistent c0 c1"}},
		{"two clauses", sentenceOf("In 2018 TV holds 75% and digital 25%; now TV holds 55% and digital 60%.", "75%", "25%", "55%", "60%"),
			[]string{"consistent c0 c1", "inconsistent c2 c3"}},
		{"one share is no sum", sentenceOf("Google holds 45% of it.", "45%"), nil},
		{"the verb before a figure that is no part", func() *Result {
			r := sentenceOf("Google 45%, Microsoft 70%, and its rate holds 3%.", "45%", "70%", "3%")
			r.Claims[2].SetKind("growth_rate")
			return r
		}(), nil},
	}
	for _, c := range cases {
		got, _ := findingsOf(s, c.r)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// A part is a share that is no change, rate, size or total; its whole is
// the noun of its "of" phrase, past articles.
func TestPartsAndWholes(t *testing.T) {
	parts := []struct {
		c    Claim
		want bool
	}{
		{Claim{shape: shapeOf(shapeWords{unit: "%", kind: "share"})}, true},
		{Claim{shape: shapeOf(shapeWords{kind: "share"})}, true},
		{Claim{shape: shapeOf(shapeWords{unit: "%", kind: "growth_rate"})}, false},
		{Claim{shape: shapeOf(shapeWords{unit: "%", kind: "share", change: "from"})}, false},
		{Claim{shape: shapeOf(shapeWords{unit: "%", kind: "share", direction: "up"})}, false},
		{Claim{shape: shapeOf(shapeWords{unit: "%", kind: "share", role: "total"})}, false},
		{Claim{shape: shapeOf(shapeWords{unit: "USD", kind: "share"})}, false},
	}
	for _, p := range parts {
		if isPart(&p.c) != p.want {
			t.Errorf("isPart(%+v) = %v", p.c, !p.want)
		}
	}
	wholes := map[string]string{
		"55% of men":                  "men",
		"55% of the market":           "market",
		"55% Of All the Voters":       "voters",
		"55% of an hour":              "hour",
		"55%   of a (large) group":    "large",
		"55% of, say, everyone":       "",
		"55%":                         "",
		"55% or more":                 "",
		"55% offered":                 "",
		"55% of the":                  "",
		"55% of 'the' \"people\"":     "people",
		"55% of all":                  "",
		"55% of the world’s compute.": "world’s",
	}
	for text, want := range wholes {
		src := &Source{Text: text}
		if got := wholeOf(src, &Claim{Start: 0, End: 3}); got != want {
			t.Errorf("wholeOf(%q) = %q, want %q", text, got, want)
		}
	}
}

// Parts add up past their total only when even their least sum exceeds
// what the total states; the parts are the levels before the total.
func TestPartsTotal(t *testing.T) {
	p := partsTotal{approx: 0.05}
	total := func(r *Result, i int, max bool) *Result {
		c := &r.Claims[i]
		c.SetRole("total")
		if max {
			c.Max = fp(c.Value)
			c.SetBound("max")
		}
		return r
	}
	cases := []struct {
		name string
		r    *Result
		want []string
		msg  string
	}{
		{"past at most 60%", total(sentenceOf("北方占35%,南方占30%,两地合计不到60%。", "35%", "30%", "60%"), 2, true),
			[]string{"inconsistent c0 c1 c2"}, "the total \"60%\" (a.txt:1) states at most 60%, and parts cannot exceed their total"},
		{"may reach at most 64%", total(sentenceOf("北方占35%,南方占30%,两地合计不到64%。", "35%", "30%", "64%"), 2, true),
			[]string{"consistent c0 c1 c2"}, "add up to 64 to 66%, within the total"},
		{"less than the total: parts may be left out", total(sentenceOf("北方占35%,南方占30%,合计90%。", "35%", "30%", "90%"), 2, false),
			[]string{"consistent c0 c1 c2"}, ""},
		{"one part is no sum", total(sentenceOf("北方占35%,合计30%。", "35%", "30%"), 1, false), nil, ""},
		{"parts after the total are not its parts", total(sentenceOf("合计30%:北方占35%,南方占30%。", "30%", "35%", "30%"), 0, false), nil, ""},
	}
	for _, c := range cases {
		got, fs := findingsOf(p, c.r)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
			continue
		}
		if c.msg != "" && !strings.Contains(fs[0].Message, c.msg) {
			t.Errorf("%s: message %q, want it to hold %q", c.name, fs[0].Message, c.msg)
		}
	}
	// A part that is a change, a base or of another family is left out.
	r := total(sentenceOf("北方占35%,南方占30%,东部占20%,合计不到60%。", "35%", "30%", "20%", "60%"), 3, true)
	r.Claims[0].SetChange("from")
	r.Claims[1].SetRole("base")
	if got, _ := findingsOf(p, r); len(got) != 0 {
		t.Errorf("one part left: %q", got)
	}
	r = total(sentenceOf("北方占35%,南方占30%,东部占20%,合计不到60%。", "35%", "30%", "20%", "60%"), 3, true)
	r.Claims[0].SetUnit("GW")
	r.Claims[0].SetKind("power")
	if got, _ := findingsOf(p, r); strings.Join(got, "|") != "consistent c1 c2 c3" {
		t.Errorf("a part of another family: %q", got)
	}
}
