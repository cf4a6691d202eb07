package pipeline

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// shareOf holds a share stated between its part and its whole against the
// two: "15,000 jobs, some 15% of its workforce of 125,000" (12%), "2.2
// billion people, about 27% of the world's 8.1 billion". The part stands
// just before the share, the whole just after its "of", with no comma
// between: "$5bn, 20% of which came from ads, beat the $4bn forecast" names
// no whole.
type shareOf struct {
	approx, tol float64
	// total, just before a later figure of the part's family in the
	// sentence, names it the whole: "约占全球电力的9%，全球发电总量约2.9万亿千瓦时"
	total *regexp.Regexp
}

func init() {
	registerCheck("share-of", func(d rules.CheckDef) Checker { return shareOf{d.Approx, d.Tolerance, d.Patterns["total"]} })
}

// Gaps, in characters, between a share and its part and whole.
const (
	shareOfPart  = 30
	shareOfWhole = 30
)

func (s shareOf) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		for i := 1; i+1 < len(ks); i++ {
			part, share, whole := &r.Claims[ks[i-1]], &r.Claims[ks[i]], &r.Claims[ks[i+1]]
			if share.Unit() != "%" || share.Kind() != "share" || share.Direction() != "" || share.Change() != "" ||
				!isPartOf(part) || !isLevel(whole) || part.Change() != "" || whole.Change() != "" ||
				Family(part) != Family(whole) || Family(part) == "%" || whole.Value <= math.Abs(part.Value) {
				continue
			}
			// offsets count runes: the gaps' lengths need no text
			if share.Start-part.End > shareOfPart || whole.Start-share.End > shareOfWhole {
				continue
			}
			if after := between(src, share.End, whole.Start); !strings.HasPrefix(strings.ToLower(strings.TrimSpace(after)), "of ") ||
				strings.ContainsAny(after, ",;:，；") {
				if s.namedTotal(src, ks, i, part, whole) {
					add(s.finding(r, ks[i-1], ks[i], ks[i+1]))
				}
				continue
			}
			add(s.finding(r, ks[i-1], ks[i], ks[i+1]))
		}
	})
}

// isPartOf reports a figure that may be a part of a whole: a level, or an
// amount cut or added ("cut 15,000 jobs"), not a rate, multiple or span.
func isPartOf(c *Claim) bool {
	return c.Value != 0 && c.Unit() != "x" && c.Unit() != "pp" && c.Kind() != "growth_rate" && c.Kind() != "duration" &&
		c.Kind() != "doubling_time"
}

func (s shareOf) finding(r *Result, p, k, w int) Finding {
	part, share, whole := &r.Claims[p], &r.Claims[k], &r.Claims[w]
	got := Interval(part, s.approx).abs().div(Interval(whole, s.approx)).scale(100)
	stated := Interval(share, s.approx)
	f := judged("arithmetic", ids(r, []int{p, k, w}), share, got, stated, s.tol, "%")
	f.Message = fmt.Sprintf("%s of %s is %s (part / whole × 100); %s states %s, %s",
		figure(part), figure(whole), spanText(got, "%"), figure(share), spanText(stated, "%"), verdictWord(f))
	return f
}

// namedTotal reports a whole that the check's total words name, in a
// later clause of the share's sentence: the share's next figure, the only
// one of the part's family after it.
func (s shareOf) namedTotal(src *Source, ks []int, i int, part, whole *Claim) bool {
	if s.total == nil || !s.total.MatchString(between(src, whole.Start-12, whole.Start)) {
		return false
	}
	// another figure after the whole: which is the whole is not said
	return len(ks) == i+2 && part.Source() == whole.Source()
}
