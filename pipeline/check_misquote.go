package pipeline

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/factsheet-dev/factsheet/rules"
)

// misquote finds a figure miscopied between sources that no lexicon links
// and no note ties together: two figures of one dated period, unit and
// kind, from different sources whose clauses share a content word, where
// one is the other with its digits swapped, its scale slipped or its
// number written in another unit (58万 against 85万, $3.94 against $3.49 a
// gallon, 45亿 against 54亿 people online in 2023). Figures that merely
// differ are not enough: without a lexicon, two figures of a period may
// well measure two things; a garble of one figure is not a coincidence.
type misquote struct {
	opposites [][]string
	// entity matches the common nouns by which a clause says whose figure
	// it is (the company's, at the startup), each in a group: two clauses
	// that each name one, and none alike, speak of two things
	entity *regexp.Regexp
}

func init() {
	registerCheck("misquote", func(d rules.CheckDef) Checker { return misquote{d.Opposites, d.Patterns["entity"]} })
}

// common is how many figures of one bucket may share a signature before
// the signature says nothing (a digit string every other figure has).
const common = 32

type bucketKey struct {
	family, kind, period string
	size                 bool
}

func (m misquote) Check(r *Result, add func(Finding)) {
	idx := r.index()
	buckets := map[bucketKey][]int{}
	var keys []bucketKey
	for k := range r.Claims {
		c := &r.Claims[k]
		if !isDated(c.PeriodKey()) || c.Value == 0 || isRange(c) || c.Role() == "rejected" || len(digits(InFamily(c, c.Value))) < 2 {
			continue
		}
		key := bucketKey{Family(c), kindClass(c), c.PeriodKey(), isSize(c)}
		if buckets[key] == nil {
			keys = append(keys, key)
		}
		buckets[key] = append(buckets[key], k)
	}
	terms := map[int][]string{} // computed once per claim that needs them
	termsOf := func(k int) []string {
		if t, ok := terms[k]; ok {
			return t
		}
		t := termsFor(r, idx, k)
		terms[k] = t
		return t
	}
	for _, key := range keys {
		for _, p := range garbledPairs(r, buckets[key]) {
			a, b := &r.Claims[p.from], &r.Claims[p.to]
			sa, sb := idx.srcOf[p.from], idx.srcOf[p.to]
			if related(r, sa, sb) {
				continue
			}
			shared := sharedList(termsOf(p.from), termsOf(p.to))
			if len(shared) == 0 || onlyNames(r, sa, sb, a, b, shared) || otherNames(r, sa, sb, a, b) || m.otherEntities(r, sa, sb, a, b) || m.opposed(r, sa, sb, a, b) {
				continue
			}
			add(misquoted(a, b, shared))
		}
	}
}

// termsFor is the terms of a claim's clause; a note's figure with few words
// of its own also has its quote's.
func termsFor(r *Result, idx *sourceIndex, k int) []string {
	i, ok := idx.sourceOf(k)
	if !ok {
		return nil
	}
	return terms(&r.Sources[i], &r.Claims[k])
}

// garbledPairs lists the pairs of a bucket, each once and in input order,
// whose figures garble each other; it looks only within figures that share
// a digit signature, so a bucket costs what its signatures hold.
func garbledPairs(r *Result, ks []int) []pair {
	bySig := map[string][]int{}
	var sigs []string
	for _, k := range ks {
		c := &r.Claims[k]
		d := digits(InFamily(c, c.Value))
		w := written(c.Text)
		sigs4 := []string{"d" + d, "p" + sorted(d), "w" + w}
		if strings.Contains(c.Unit(), "/") { // a compound's digits as written (garble)
			sigs4 = append(sigs4, "q"+sorted(w))
		}
		for _, s := range sigs4 {
			list := bySig[s]
			if list == nil {
				sigs = append(sigs, s)
			}
			if len(list) <= common { // past common it is skipped: no need to hold the rest
				bySig[s] = append(list, k)
			}
		}
	}
	seen := map[pair]bool{}
	var out []pair
	for _, s := range sigs {
		list := bySig[s]
		if len(list) < 2 || len(list) > common {
			continue
		}
		for i, a := range list {
			for _, b := range list[i+1:] {
				p := pair{min(a, b), max(a, b)}
				ca, cb := &r.Claims[p.from], &r.Claims[p.to]
				if seen[p] || ca.Source() == cb.Source() || garble(ca, cb) == "" {
					continue
				}
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].from < out[j].from || out[i].from == out[j].from && out[i].to < out[j].to
	})
	return out
}

// related reports two claims whose sources a note ties together: the
// restatement check judges those.
func related(r *Result, i, j int32) bool {
	sa, sb := srcAt(r, i), srcAt(r, j)
	return sa.NoteOf != nil && *sa.NoteOf == sb.ID() || sb.NoteOf != nil && *sb.NoteOf == sa.ID() ||
		sa.NoteOf != nil && sb.NoteOf != nil && *sa.NoteOf == *sb.NoteOf
}

// srcAt is source i (from the index's srcOf), or the first source for
// none (-1), as a look-up of an unknown id gave.
func srcAt(r *Result, i int32) *Source { return &r.Sources[max(i, 0)] }

func sharedList(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

func misquoted(a, b *Claim, shared []string) Finding {
	f := judged("conflict", []string{a.ID(), b.ID()}, b, Interval(a, 0), Interval(b, 0), 0, Family(a))
	f.Status = Inconsistent
	f.Message = fmt.Sprintf("%s and %s look like one figure miscopied (%s): both are for %s in %s",
		figure(a), figure(b), garble(a, b), strings.Join(shared, ", "), a.PeriodKey())
	return f
}

// onlyNames reports shared terms that are all a name in one clause or the
// other: China's tea harvest and China's rare earths share a country, not
// what was measured.
func onlyNames(r *Result, i, j int32, a, b *Claim, shared []string) bool {
	na, nb := names(srcAt(r, i), a), names(srcAt(r, j), b)
	for _, w := range shared {
		if !slices.Contains(na, w) && !slices.Contains(nb, w) {
			return false
		}
	}
	return true
}

// otherNames reports two English clauses that each name someone and share
// no name: Ostrava's riders and Brno's are two figures, however alike.
func otherNames(r *Result, i, j int32, a, b *Claim) bool {
	na, nb := names(srcAt(r, i), a), names(srcAt(r, j), b)
	return len(na) > 0 && len(nb) > 0 && len(sharedList(na, nb)) == 0
}

// otherEntities reports two clauses that each name whose figure it is by a
// common noun (the company's revenue, revenue at the startup) and share
// none: two coincidental figures, not one miscopied.
func (m misquote) otherEntities(r *Result, i, j int32, a, b *Claim) bool {
	if m.entity == nil {
		return false
	}
	ea := m.entities(clauseText(srcAt(r, i), a))
	eb := m.entities(clauseText(srcAt(r, j), b))
	return len(ea) > 0 && len(eb) > 0 && len(sharedList(ea, eb)) == 0
}

func (m misquote) entities(clause string) []string {
	var out []string
	for _, g := range m.entity.FindAllStringSubmatch(clause, -1) {
		for _, w := range g[1:] {
			if w != "" {
				out = append(out, strings.ToLower(w))
			}
		}
	}
	return out
}

// names are the capitalised words of a claim's clause, but for function
// words: the places, firms and people it names (and, at a sentence's
// start, some common words, which only make two figures less alike).
func names(src *Source, c *Claim) []string {
	rs := []rune(src.Text)
	lo, hi := clauseAround(rs, c.Start, c.End)
	var out []string
	for i := lo; i < hi; {
		if !isLatinLetter(rs[i]) {
			i++
			continue
		}
		j := i
		for j < hi && isLatinLetter(rs[j]) {
			j++
		}
		if unicode.IsUpper(rs[i]) && j-i > 1 { // "Texas had", "Ohio had": a name opens a sentence too
			if w := englishTerm(string(rs[i:j])); w != "" {
				out = append(out, w)
			}
		}
		i = j
	}
	return out
}

// opposed reports two clauses that each use another word of one set of
// opposites: real GDP and nominal GDP, 出生 and 死亡.
func (m misquote) opposed(r *Result, i, j int32, a, b *Claim) bool {
	if len(m.opposites) == 0 {
		return false
	}
	ta := strings.ToLower(clauseText(srcAt(r, i), a))
	tb := strings.ToLower(clauseText(srcAt(r, j), b))
	for _, set := range m.opposites {
		ia, ib := usedWords(ta, set), usedWords(tb, set)
		for _, x := range ia {
			for _, y := range ib {
				if x != y && !slices.Contains(ia, y) && !slices.Contains(ib, x) {
					return true
				}
			}
		}
	}
	return false
}

// usedWords lists the words of set that text uses: Latin words whole (a
// plural s allowed), others anywhere.
func usedWords(text string, set []string) []string {
	var out []string
	for _, w := range set {
		w = strings.ToLower(w)
		for from := 0; ; {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			i += from
			end := i + len(w)
			if end < len(text) && text[end] == 's' {
				end++
			}
			if !isLatinWord(w) || (i == 0 || !isLatinLetter(rune(text[i-1]))) && (end == len(text) || !isLatinLetter(rune(text[end]))) {
				out = append(out, w)
				break
			}
			from = i + 1
		}
	}
	return out
}

func isLatinWord(w string) bool {
	for _, c := range w {
		if !isLatinLetter(c) && c != '-' && c != ' ' {
			return false
		}
	}
	return true
}

// clauseText is the text of the clause a claim stands in.
func clauseText(src *Source, c *Claim) string {
	rs := []rune(src.Text)
	lo, hi := clauseAround(rs, c.Start, c.End)
	return string(rs[lo:hi])
}
