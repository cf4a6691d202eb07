package pipeline

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/factsheet-dev/factsheet/rules"
)

// Extract is the stage that runs the rule stages over every source and
// records the claims, in input order, with stable ids.
type Extract struct {
	Rules   *rules.Ruleset
	Workers int // 0: one per CPU
	// Done, if set, counts the sources extracted so far, for a progress line.
	Done *atomic.Int64
}

var _ Stage = (*Extract)(nil)

// Name implements Stage.
func (e *Extract) Name() string { return "extract" }

// chunk is how many sources a worker takes at once: large enough to keep
// the channel cheap, small enough to balance two cores on a short input.
const chunk = 256

// Run implements Stage.
func (e *Extract) Run(ctx context.Context, r *Result) error {
	per := make([][]rules.Match, len(r.Sources))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < e.workers(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for start := range jobs {
				end := min(start+chunk, len(r.Sources))
				for i := start; i < end; i++ {
					per[i] = e.matches(&r.Sources[i])
				}
				if e.Done != nil {
					e.Done.Add(int64(end - start))
				}
			}
		}()
	}
	for start := 0; start < len(r.Sources); start += chunk {
		select {
		case jobs <- start:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	r.Claims = collect(r.Claims, r.Sources, per)
	r.Rules = e.usage(r.Claims)
	return nil
}

func (e *Extract) workers() int {
	if e.Workers > 0 {
		return e.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// matches extracts one source's claims; the source keeps its mentions.
func (e *Extract) matches(s *Source) []rules.Match {
	ms, mentions := e.Rules.AnalyzeLang(s.Text, s.Lang)
	s.Mentions = mentions
	if cap(ms) > len(ms) {
		// The reader starts a text's matches at room for four; every
		// source's are held until all are read, and a million one-line
		// highlights would keep 600 MB of that room.
		ms = append([]rules.Match(nil), ms...)
	}
	return ms
}

// collect appends the claims of every source to dst, in input order, with
// their ids and positions in the file, straight into one slice, in parts
// on all cores. Ids are hashed in parts and made unique in input order.
func collect(dst []Claim, srcs []Source, per [][]rules.Match) []Claim {
	at := make([]int, len(per)+1) // source i's claims go to out[at[i]:]
	at[0] = len(dst)
	for i, p := range per {
		at[i+1] = at[i] + len(p)
	}
	out := slices.Grow(dst, at[len(per)]-len(dst))[:at[len(per)]]
	hashes := make([]uint64, len(out))
	inParts(len(per), partsFor(len(per)), func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			s := &srcs[i]
			for j, m := range per[i] {
				k := at[i] + j
				line, col := s.Position(m.Start)
				hashes[k] = hashOf(s.ID, m.Text)
				out[k] = Claim{Source: s.ID, File: s.File, Line: line, Col: col,
					Text: m.Text, Value: m.Value, Unit: m.Unit, Min: m.Min, Max: m.Max, Qualifier: m.Qualifier,
					Kind: m.Kind, Change: m.Change, Direction: m.Direction, Role: m.Role, Period: m.Period, Rule: m.Rule,
					Start: m.Start, End: m.End, Sentence: m.Sentence, Step: m.Step, Bound: m.Bound, Group: -1, Partner: -1}
			}
		}
	})
	ids := NewIDs("c-")
	ids.Reserve(len(out))
	for k := range out {
		if k < at[0] {
			ids.Take(out[k].ID)
		} else {
			out[k].ID = ids.unique(hashes[k])
		}
	}
	return out
}

// usage counts the claims of every rule, in the order the rules were read.
func (e *Extract) usage(claims []Claim) []RuleUse {
	count := map[string]int{}
	for _, c := range claims {
		count[c.Rule]++
	}
	info := e.Rules.Rules()
	out := make([]RuleUse, len(info))
	for i, in := range info {
		out[i] = RuleUse{ID: in.ID, Type: in.Type, Description: in.Description, Claims: count[in.ID]}
	}
	return out
}
