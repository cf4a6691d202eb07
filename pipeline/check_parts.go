package pipeline

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/factsheet-dev/factsheet/rules"
)

// Parts of one whole cannot add up past it: shares of one whole past
// 100%, parts past the total the sentence states for them (两国合计不到
// 60%). Parts that add up to less than their total are not flagged: a
// sentence may leave parts out.

func init() {
	registerCheck("share-sum", func(d rules.CheckDef) Checker {
		return shareSum{d.Approx, d.Patterns["share"], d.Patterns["place"]}
	})
	registerCheck("parts-total", func(d rules.CheckDef) Checker { return partsTotal{d.Approx} })
}

// ---- shares of one whole past 100%

type shareSum struct {
	approx float64
	share  *regexp.Regexp // the words of a share (占, account for, hold)
	// place matches after a share and gives, as its first group, the
	// place or group the share is of (45% in Japan)
	place *regexp.Regexp
}

func (s shareSum) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(src *Source, ks []int) {
		parts := 0
		for _, k := range ks {
			if isPart(&r.Claims[k]) {
				parts++
			}
		}
		if parts < 2 {
			return // most sentences: no text is read
		}
		for _, part := range clauseRuns(r, src, ks) {
			if !s.named(src, r, part) {
				continue
			}
			byWhole := map[string][]int{}
			var wholes []string
			for _, k := range part {
				c := &r.Claims[k]
				if !isPart(c) {
					continue
				}
				w := wholeOf(src, c)
				if byWhole[w] == nil {
					wholes = append(wholes, w)
				}
				byWhole[w] = append(byWhole[w], k)
			}
			if len(wholes) == 2 && byWhole[""] != nil { // one whole named once: the list's other shares are of it
				w := wholes[0] + wholes[1]
				byWhole[w] = append(byWhole[""], byWhole[w]...)
				sort.Ints(byWhole[w])
				wholes, byWhole[""] = []string{w}, nil
			}
			for _, w := range wholes {
				for _, inTime := range byKey(byWhole[w], func(k int) string { return r.Claims[k].PeriodKey() }) {
					for _, parts := range byKey(inTime, func(k int) string { return s.placeOf(src, &r.Claims[k]) }) {
						if len(parts) >= 2 {
							add(s.finding(r, parts))
						}
					}
				}
			}
		}
	})
}

// byKey splits the shares of one whole by a key, a period or a place:
// "45% of the market in 2024 and 60% in 2025", "45% in Japan and 60% in
// Korea" are two wholes each. A share of no key joins the one key the
// others have; beside two or more it belongs to none.
func byKey(parts []int, key func(k int) string) [][]int {
	by := map[string][]int{}
	var keys []string
	for _, k := range parts {
		p := key(k)
		if by[p] == nil && p != "" {
			keys = append(keys, p)
		}
		by[p] = append(by[p], k)
	}
	switch len(keys) {
	case 0:
		return [][]int{by[""]}
	case 1:
		all := append(by[""], by[keys[0]]...)
		sort.Ints(all)
		return [][]int{all}
	}
	out := make([][]int, 0, len(keys))
	for _, p := range keys {
		out = append(out, by[p])
	}
	return out
}

// placeOf is the place a share is of where the words after it name one.
func (s shareSum) placeOf(src *Source, c *Claim) string {
	if s.place == nil {
		return ""
	}
	m := s.place.FindStringSubmatch(between(src, c.End, c.End+60))
	if len(m) < 2 {
		return ""
	}
	return m[1]
}

// isPart: a figure that may be a part of a whole in percent, not a
// change, a rate or a total.
func isPart(c *Claim) bool {
	return Family(c) == "%" && c.Kind() == "share" && c.Change() == "" && c.Direction() == "" && c.Role() == ""
}

// named reports whether the words of a share stand before one of the
// run's parts: "Google holds 45%, Microsoft 40% and Amazon 30%" lists
// three shares under one verb.
func (s shareSum) named(src *Source, r *Result, run []int) bool {
	for _, k := range run {
		if c := &r.Claims[k]; isPart(c) && s.share != nil && s.share.MatchString(between(src, c.Start-16, c.Start)) {
			return true
		}
	}
	return false
}

func (s shareSum) finding(r *Result, parts []int) Finding {
	sum := Span{}
	for _, k := range parts {
		sp := Interval(&r.Claims[k], s.approx)
		sum = sum.add(Span{math.Max(sp.Lo, 0), sp.Hi})
	}
	f := judged("arithmetic", ids(r, parts), &r.Claims[parts[len(parts)-1]], sum, Span{0, 100}, 0, "%")
	f.Expected = nil // the sum is tested against the whole, not a stated figure
	f.Deviation = nil
	f.Message = fmt.Sprintf("shares of one whole add up to %s (the sum of the parts); the whole is 100%%, %s: %s",
		spanText(sum, "%"), verdictWord(f), figures(r, parts))
	return f
}

// clauseRuns cuts a sentence's claims where a semicolon stands between
// them: "2018年电视占75%、数字占25%;这次电视约占55%" tells of two times.
func clauseRuns(r *Result, src *Source, ks []int) [][]int {
	var out [][]int
	lo := 0
	for i := 1; i < len(ks); i++ {
		if strings.ContainsAny(between(src, r.Claims[ks[i-1]].End, r.Claims[ks[i]].Start), ";；") {
			out = append(out, ks[lo:i])
			lo = i
		}
	}
	return append(out, ks[lo:])
}

// wholeOf is the noun a share is "of" where the text names it (55% of
// men, 51% of women are two wholes), else "".
func wholeOf(src *Source, c *Claim) string {
	after := strings.TrimLeftFunc(between(src, c.End, c.End+40), unicode.IsSpace)
	low := strings.ToLower(after)
	if !strings.HasPrefix(low, "of ") {
		return ""
	}
	words := strings.Fields(low[3:])
	for _, w := range words {
		w = strings.Trim(w, ".,;:()'\"’")
		if w != "" && w != "the" && w != "all" && w != "a" && w != "an" {
			return w
		}
	}
	return ""
}

// ---- parts past the total stated for them

// partsTotal reads a total from its role (合计, together, a total of: the
// role-total form rule).
type partsTotal struct{ approx float64 }

func (p partsTotal) Check(r *Result, add func(Finding)) {
	eachSentence(r, func(_ *Source, ks []int) {
		for i, t := range ks {
			total := &r.Claims[t]
			if total.Role() != "total" {
				continue
			}
			var parts []int
			for _, k := range ks[:i] {
				c := &r.Claims[k]
				if Family(c) == Family(total) && isLevel(c) && c.Change() == "" && c.Role() == "" {
					parts = append(parts, k)
				}
			}
			if len(parts) >= 2 {
				add(p.finding(r, parts, t))
			}
		}
	})
}

func (p partsTotal) finding(r *Result, parts []int, t int) Finding {
	total := &r.Claims[t]
	sum := Span{}
	for _, k := range parts {
		sum = sum.add(Interval(&r.Claims[k], p.approx))
	}
	stated := Interval(total, p.approx)
	f := Finding{Kind: "arithmetic", Claims: ids(r, append(append([]int(nil), parts...), t)), Status: Consistent}
	if sum.Lo > stated.Hi {
		f.Status = Inconsistent
	}
	f.Expected, f.Deviation = expectation(total, Span{sum.Lo, math.Inf(1)}, stated, Family(total))
	f.Message = fmt.Sprintf("the parts %s add up to %s; the total %s states %s, and parts cannot exceed their total",
		figures(r, parts), spanText(sum, Family(total)), figure(total), spanText(stated, Family(total)))
	if f.Status == Consistent {
		f.Message = fmt.Sprintf("the parts %s add up to %s, within the total %s", figures(r, parts),
			spanText(sum, Family(total)), figure(total))
	}
	return f
}
