package reports

import (
	"math"
	"sort"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// index says where each record's row is and what each claim is part of,
// as slices of int32 beside two maps: a million claims cost a few MB.
type index struct {
	claimAt  map[string]int32 // claim id to its index in Claims
	sourceAt map[string]int32
	claimSrc []int32 // claim to its source's index (-1: none)

	order []int32 // findings in the Findings sheet's order
	pos   []int32 // a finding's place in order
	// fcFirst[p] is where the finding at place p starts among fcList, its
	// distinct claims in their order: the rows of the Finding claims sheet.
	fcFirst []int32
	fcList  []int32
	// rowFirst[p] is the first row on the Finding claims sheet of the
	// finding at place p: only a finding of more than the two claims the
	// Findings sheet shows has rows there, one for each of its claims.
	rowFirst []int32
	pairs    [][2]int32 // a finding's two claims shown side by side (-1: none)

	status  []uint8 // a claim's worst finding, as a rank (see rank)
	cfStart []int32 // claim k's findings are cfList[cfStart[k]:cfStart[k+1]]
	cfList  []int32

	srcClaims []int32 // a source's claims
	srcBad    []int32 // a source's inconsistent findings
}

// rank orders statuses from least to most worrying; 0 is no finding.
func rank(status string) uint8 {
	switch status {
	case pipeline.Consistent:
		return 1
	case pipeline.Unverifiable:
		return 2
	case pipeline.Inconsistent:
		return 3
	}
	return 0
}

var statusName = [...]string{"", pipeline.Consistent, pipeline.Unverifiable, pipeline.Inconsistent}

func newIndex(r *pipeline.Result) *index {
	ix := &index{claimAt: make(map[string]int32, len(r.Claims)), sourceAt: make(map[string]int32, len(r.Sources))}
	for i := range r.Sources {
		ix.sourceAt[r.Sources[i].ID()] = int32(i)
	}
	ix.claimSrc = make([]int32, len(r.Claims))
	ix.srcClaims = make([]int32, len(r.Sources))
	for k := range r.Claims {
		ix.claimAt[r.Claims[k].ID()] = int32(k)
		s, ok := ix.sourceAt[r.Claims[k].Source()]
		if !ok {
			s = -1
		} else {
			ix.srcClaims[s]++
		}
		ix.claimSrc[k] = s
	}
	ix.sortFindings(r)
	ix.findingClaims(r)
	ix.claimFindings(r)
	return ix
}

// sortFindings puts inconsistent findings first, then unverifiable, then
// consistent, each in the order the checks gave them.
func (ix *index) sortFindings(r *pipeline.Result) {
	ix.order = make([]int32, len(r.Findings))
	for i := range ix.order {
		ix.order[i] = int32(i)
	}
	sort.SliceStable(ix.order, func(a, b int) bool {
		return rank(r.Findings[ix.order[a]].Status) > rank(r.Findings[ix.order[b]].Status)
	})
	ix.pos = make([]int32, len(r.Findings))
	for p, i := range ix.order {
		ix.pos[i] = int32(p)
	}
}

// findingClaims lists each finding's distinct claims, chooses the two shown
// side by side, and counts the inconsistent findings of each source.
func (ix *index) findingClaims(r *pipeline.Result) {
	ix.fcFirst = make([]int32, len(r.Findings)+1)
	ix.pairs = make([][2]int32, len(r.Findings))
	ix.srcBad = make([]int32, len(r.Sources))
	var vals []float64
	var units []string
	for p, i := range ix.order {
		f := &r.Findings[i]
		ix.fcFirst[p] = int32(len(ix.fcList))
		start := len(ix.fcList)
		vals, units = vals[:0], units[:0]
		seen := newSeen(len(f.Claims))
		for n, id := range f.Claims {
			k, ok := ix.claimAt[id]
			if !ok || seen.has(ix.fcList[start:], k) {
				continue
			}
			ix.fcList = append(ix.fcList, k)
			v, u := comparable(&r.Claims[k])
			if len(f.Values) == len(f.Claims) {
				v = f.Values[n]
			}
			vals, units = append(vals, v), append(units, u)
		}
		ks := ix.fcList[start:]
		tested := int32(-1)
		if f.Expected != nil {
			if k, ok := ix.claimAt[f.Expected.Claim]; ok {
				tested = k
			}
		}
		ix.pairs[i] = pickPair(ks, vals, units, tested)
		if f.Status == pipeline.Inconsistent {
			ix.countBad(ks)
		}
	}
	ix.fcFirst[len(r.Findings)] = int32(len(ix.fcList))
	ix.rowFirst = make([]int32, len(r.Findings)+1)
	for p := range ix.order {
		n := ix.fcFirst[p+1] - ix.fcFirst[p]
		if n <= 2 {
			n = 0
		}
		ix.rowFirst[p+1] = ix.rowFirst[p] + n
	}
}

// rows is the number of rows on the Finding claims sheet.
func (ix *index) rows() int { return int(ix.rowFirst[len(ix.order)]) }

// row returns the place of the finding on row j of Finding claims and the
// claim of that row.
func (ix *index) row(j int) (p int, k int32) {
	p = sort.Search(len(ix.order), func(p int) bool { return int(ix.rowFirst[p+1]) > j })
	return p, ix.fcList[int(ix.fcFirst[p])+j-int(ix.rowFirst[p])]
}

// seen tells whether a finding lists a claim (or source) twice: by
// looking through the handful listed so far, or, for a large conflict
// group, in a map.
type seen map[int32]bool

func newSeen(n int) seen {
	if n > 32 {
		return seen{}
	}
	return nil
}

// has reports k among so far and, with a map, remembers it.
func (s seen) has(so []int32, k int32) bool {
	if s == nil {
		for _, x := range so {
			if x == k {
				return true
			}
		}
		return false
	}
	if s[k] {
		return true
	}
	s[k] = true
	return false
}

func (ix *index) countBad(ks []int32) {
	var srcs []int32
	seen := newSeen(len(ks))
	for _, k := range ks {
		if s := ix.claimSrc[k]; s >= 0 && !seen.has(srcs, s) {
			srcs = append(srcs, s)
			ix.srcBad[s]++
		}
	}
}

// comparable is a claim's value and unit in terms that compare: a share
// written as a fraction is a percentage.
func comparable(c *pipeline.Claim) (float64, string) {
	if c.Unit() == "" && c.Kind() == "share" && math.Abs(c.Value) <= 1 {
		return c.Value * 100, "%"
	}
	return c.Value, c.Unit()
}

// pickPair chooses the two claims that disagree most: the claim the check
// tested and the claim of its unit furthest from it, or else the lowest and
// the highest of the unit whose figures lie furthest apart. Either way they
// come in the order the finding lists them.
func pickPair(ks []int32, vals []float64, units []string, tested int32) [2]int32 {
	pair := [2]int32{-1, -1}
	if len(ks) == 0 {
		return pair
	}
	a, b := 0, -1
	if t := indexOf(ks, tested); t >= 0 {
		a = t
		best := -1.0
		for j := range ks {
			if j != t && units[j] == units[t] && spread(vals[j], vals[t]) > best {
				b, best = j, spread(vals[j], vals[t])
			}
		}
		if b < 0 && len(ks) > 1 {
			b = (t + 1) % len(ks)
		}
	} else {
		lo, hi := extremes(vals, units)
		if lo >= 0 && hi >= 0 {
			a, b = lo, hi
		} else if len(ks) > 1 {
			b = 1
		}
	}
	if b >= 0 && b < a {
		a, b = b, a
	}
	pair[0] = ks[a]
	if b >= 0 {
		pair[1] = ks[b]
	}
	return pair
}

func indexOf(ks []int32, k int32) int {
	if k < 0 {
		return -1
	}
	for j, x := range ks {
		if x == k {
			return j
		}
	}
	return -1
}

// extremes returns the lowest and highest value of the unit whose values
// spread furthest (-1, -1 when no unit has two values).
func extremes(vals []float64, units []string) (int, int) {
	type span struct{ lo, hi int }
	by := map[string]*span{}
	var order []string
	for j, u := range units {
		s, ok := by[u]
		if !ok {
			by[u] = &span{j, j}
			order = append(order, u)
			continue
		}
		if vals[j] < vals[s.lo] {
			s.lo = j
		}
		if vals[j] > vals[s.hi] {
			s.hi = j
		}
	}
	lo, hi, best := -1, -1, -1.0
	for _, u := range order {
		s := by[u]
		if s.lo != s.hi && spread(vals[s.lo], vals[s.hi]) > best {
			lo, hi, best = s.lo, s.hi, spread(vals[s.lo], vals[s.hi])
		}
	}
	return lo, hi
}

// spread is how far apart two values are, relative to the larger.
func spread(a, b float64) float64 {
	d := math.Max(math.Abs(a), math.Abs(b))
	if d == 0 {
		return 0
	}
	return math.Abs(a-b) / d
}

// claimFindings lists each claim's findings in sheet order and its worst status.
func (ix *index) claimFindings(r *pipeline.Result) {
	ix.status = make([]uint8, len(r.Claims))
	ix.cfStart = make([]int32, len(r.Claims)+1)
	for p := range ix.order {
		for _, k := range ix.fcList[ix.fcFirst[p]:ix.fcFirst[p+1]] {
			ix.cfStart[k+1]++
		}
	}
	for k := range r.Claims {
		ix.cfStart[k+1] += ix.cfStart[k]
	}
	ix.cfList = make([]int32, ix.cfStart[len(r.Claims)])
	next := append([]int32(nil), ix.cfStart[:len(r.Claims)]...)
	for p, i := range ix.order {
		st := rank(r.Findings[i].Status)
		for _, k := range ix.fcList[ix.fcFirst[p]:ix.fcFirst[p+1]] {
			ix.cfList[next[k]] = i
			next[k]++
			ix.status[k] = max(ix.status[k], st)
		}
	}
}

// findingsOf returns claim k's findings.
func (ix *index) findingsOf(k int) []int32 { return ix.cfList[ix.cfStart[k]:ix.cfStart[k+1]] }
