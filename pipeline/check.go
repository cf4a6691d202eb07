package pipeline

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// Finding statuses.
const (
	Inconsistent = "inconsistent"
	Consistent   = "consistent"
	Unverifiable = "unverifiable"
)

// Checker is one check: it reads the linked claims and says what holds.
type Checker interface {
	Check(r *Result, add func(Finding))
}

// checkers maps a check name (the `check:` of a rule) to its constructor:
// a new check registers here rather than growing a switch.
var checkers = map[string]func(d rules.CheckDef) Checker{}

func registerCheck(name string, c func(d rules.CheckDef) Checker) { checkers[name] = c }

// Check is the stage that runs the configured checks and records findings.
type Check struct {
	checks []namedCheck
	// Collect, if set, is called when the checks are done and what they
	// read is let go, before their findings are gathered into the result:
	// a collection there lets the findings' array reuse that memory. On
	// the 100 MB corpus the array (18 MB) and the blocks it is gathered
	// from, on top of the checks' index, scopes and garbage, were the
	// run's peak.
	Collect func()
	// Packed, if set, leaves the findings packed in the result (Findings
	// nil) for the reports to unpack one at a time: see Result.Finding and
	// UnpackFindings. Only when the result holds no findings before.
	Packed bool
}

type namedCheck struct {
	def rules.CheckDef
	Checker
}

var _ Stage = (*Check)(nil)

// NewCheck builds the checks the rules configure; an unknown check name is
// an error that names its rule.
func NewCheck(rs *rules.Ruleset) (*Check, error) {
	c := &Check{}
	for _, d := range rs.Checks() {
		mk, ok := checkers[d.Check]
		if !ok {
			names := make([]string, 0, len(checkers))
			for n := range checkers {
				names = append(names, n)
			}
			sort.Strings(names)
			return nil, d.Error("check", fmt.Sprintf("unknown check %q (valid: %s)", d.Check, strings.Join(names, ", ")))
		}
		c.checks = append(c.checks, namedCheck{d, mk(d)})
	}
	return c, nil
}

// Name implements Stage.
func (c *Check) Name() string { return "check" }

// Run implements Stage.
func (c *Check) Run(ctx context.Context, r *Result) error {
	dup := duplicates(r)
	// Checks only read the claims: they run side by side, and their
	// findings are listed in the order the checks are configured.
	// Each check's findings go into blocks of a fixed size: a slice grown by
	// doubling left a large run's findings behind twice over as garbage,
	// which the collector scans the whole heap for.
	// They are held packed (see packedFinding) until the checks are done.
	found := make([]blocks[packedFinding], len(c.checks))
	at := newClaimAt(r.Claims)
	r.packAt.Store(&at)
	defer r.packAt.Store(nil)
	onCores(len(c.checks), func(i int) {
		ch := c.checks[i]
		ch.Check(r, func(f Finding) {
			f.Rule = ch.def.ID
			f.Claims = withoutDuplicates(f.Claims, dup)
			found[i].add(pack(&f, ch.def.ID, &at, r.Claims))
		})
	})
	r.dropCaches() // before the findings are copied: what the checks read is garbage then
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.Collect != nil {
		c.Collect()
	}
	ids := NewIDs("f-")
	for _, f := range r.Findings {
		ids.Take(f.ID)
	}
	if c.Packed && len(r.Findings) == 0 {
		rules := make([]string, len(c.checks))
		for i := range c.checks {
			rules[i] = c.checks[i].def.ID
		}
		r.held = holdFindings(r, found, rules, ids)
		return nil
	}
	n := 0
	for _, bs := range found {
		n += bs.n
	}
	r.Findings = slices.Grow(r.Findings, n)
	for i, bs := range found {
		for _, fs := range bs.full {
			for j := range fs {
				f := fs[j].unpack(c.checks[i].def.ID, r.Claims)
				f.ID = ids.Finding(f.Rule, f.Kind, f.Claims)
				r.Findings = append(r.Findings, f)
			}
		}
	}
	fillValues(r, r.Findings)
	return nil
}

// duplicates names the claims of sources that repeat an earlier source:
// they are listed, but a figure is not counted twice.
func duplicates(r *Result) map[string]bool {
	idx := r.index()
	out := map[string]bool{}
	for i := range r.Sources {
		if r.Sources[i].DuplicateOf != nil {
			for _, k := range idx.of(i) {
				out[r.Claims[k].ID()] = true
			}
		}
	}
	return out
}

func withoutDuplicates(ids []string, dup map[string]bool) []string {
	if !slices.ContainsFunc(ids, func(id string) bool { return dup[id] }) {
		return ids // most findings: no copy
	}
	out := ids[:0:0]
	for _, id := range ids {
		if !dup[id] {
			out = append(out, id)
		}
	}
	return out
}

// ids lists the claims' ids in input order, each once.
func ids(r *Result, ks []int) []string {
	ks = append([]int(nil), ks...)
	sort.Ints(ks)
	out := make([]string, 0, len(ks))
	for i, k := range ks {
		if i == 0 || ks[i-1] != k {
			out = append(out, r.Claims[k].ID())
		}
	}
	return out
}

// figure is "67% (ai-compute.txt:10)" for a message.
func figure(c *Claim) string {
	return strconv.Quote(c.Text) + " (" + place(c) + ")" // fmt's %q, without fmt: every finding names its figures
}

// figures lists up to five claims for a message, then how many more.
func figures(r *Result, ks []int) string {
	var parts []string
	for i, k := range ks {
		if i == 5 {
			parts = append(parts, fmt.Sprintf("and %d more", len(ks)-5))
			break
		}
		parts = append(parts, figure(&r.Claims[k]))
	}
	return strings.Join(parts, ", ")
}

// about names what a group speaks of: "five hyperscalers, share of global AI compute, Q4 2025".
func about(c *Claim) string {
	var parts []string
	for _, p := range []string{c.Subject(), strings.TrimPrefix(c.Metric(), "~"), c.PeriodKey()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// blocks collects items in blocks that never move: a slice grown by
// doubling leaves every earlier array behind as garbage. The first blocks
// are small, for the many checks that find a few things.
type blocks[T any] struct {
	full [][]T
	n    int
}

func (b *blocks[T]) add(x T) {
	last := len(b.full) - 1
	if last < 0 || len(b.full[last]) == cap(b.full[last]) {
		size := 256
		if len(b.full) < 4 {
			size = 16 << len(b.full)
		}
		b.full = append(b.full, make([]T, 0, size))
		last++
	}
	b.full[last] = append(b.full[last], x)
	b.n++
}
