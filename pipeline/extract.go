package pipeline

import (
	"context"
	"fmt"
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

// Run implements Stage. Sources go in batches, each read on all cores and
// its matches made claims before the next batch is read: a match is larger
// than the claim made of it, and holding every source's matches until all
// were read, beside the claims, set the peak memory of a large run.
func (e *Extract) Run(ctx context.Context, r *Result) error {
	r.mentions, r.mentionAt = nil, make([]int32, 1, len(r.Sources)+1)
	ids := NewIDs("c-")
	ids.Reserve(len(r.Claims))
	for k := range r.Claims {
		ids.Take(r.Claims[k].ID())
	}
	// The next batch is read while this one's matches become claims: the
	// cores do not wait at each batch's end for the serial part of it.
	type read struct {
		per [][]rules.Match
		ms  [][]mention
		err error
	}
	start := func(lo int) chan read {
		c := make(chan read, 1)
		go func() {
			per, ms, err := e.batch(ctx, r, lo, min(lo+batch, len(r.Sources)))
			c <- read{per, ms, err}
		}()
		return c
	}
	var next chan read
	if len(r.Sources) > 0 {
		next = start(0)
	}
	for lo := 0; lo < len(r.Sources); lo += batch {
		hi := min(lo+batch, len(r.Sources))
		got := <-next
		per, ms := got.per, got.ms
		if got.err != nil {
			return got.err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if hi < len(r.Sources) {
			next = start(hi)
		}
		if lo == 0 && hi < len(r.Sources) {
			// Room for all claims, their ids and the mentions at the first
			// batch's rate (and a little more), so that they rarely grow:
			// each growth is a copy, and grown by a quarter at a time the
			// mentions of the 100 MB corpus left four times their size
			// behind as garbage.
			n, nm := 0, 0
			for _, p := range per {
				n += len(p)
			}
			for _, m := range ms {
				nm += len(m)
			}
			r.Claims = slices.Grow(r.Claims, n*len(r.Sources)/hi+n/16)
			ids.Reserve(n*len(r.Sources)/hi + n/16)
			r.mentions = slices.Grow(r.mentions, nm*len(r.Sources)/hi+nm/16)
		}
		for _, m := range ms {
			r.mentions = append(r.mentions, m...)
			r.mentionAt = append(r.mentionAt, int32(len(r.mentions)))
		}
		r.Claims = collect(r.Claims, r.Sources[lo:hi], per, ids)
	}
	r.Rules = e.usage(r.Claims)
	return nil
}

// batch is how many sources are read before their matches become claims.
const batch = 1 << 14

// batch reads sources lo to hi on all cores and returns their matches and
// mentions, or the error of the first source whose reading failed.
func (e *Extract) batch(ctx context.Context, r *Result, lo, hi int) ([][]rules.Match, [][]mention, error) {
	per, ms := make([][]rules.Match, hi-lo), make([][]mention, hi-lo)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var failed atomic.Pointer[error]
	for w := 0; w < e.workers(); w++ {
		wg.Go(func() {
			for start := range jobs {
				end := min(start+chunk, hi)
				for i := start; i < end; i++ {
					s := &r.Sources[i]
					m, err := e.analyze(s, &per[i-lo])
					if err != nil {
						failed.CompareAndSwap(nil, &err)
					}
					if len(m) > 0 {
						ms[i-lo] = mentionsOf(m)
					}
				}
				if e.Done != nil {
					e.Done.Add(int64(end - start))
				}
			}
		})
	}
	for start := lo; start < hi; start += chunk {
		select {
		case jobs <- start:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if err := failed.Load(); err != nil {
		return nil, nil, *err
	}
	return per, ms, nil
}

// analyze reads one source's claims into *out. A reader that panics is a
// bug in factsheet, but the text that set it off is the user's: the run
// stops with an error that names the highlight, not a stack trace.
func (e *Extract) analyze(s *Source, out *[]rules.Match) (m []rules.Mention, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s:%d: reading this highlight failed, a bug in factsheet (please report it with the highlight): %v", s.File(), s.Line, p)
		}
	}()
	*out, m = e.Rules.AnalyzeLang(s.Text, s.Lang())
	return m, nil
}

func (e *Extract) workers() int {
	if e.Workers > 0 {
		return e.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// collect appends the claims of srcs, whose matches per holds, to dst, in
// input order, with their ids and positions in the file, in parts on all
// cores. Ids are hashed in parts and made unique in input order.
func collect(dst []Claim, srcs []Source, per [][]rules.Match, ids *IDs) []Claim {
	at := make([]int, len(per)+1) // source i's claims go to out[at[i]:]
	at[0] = len(dst)
	for i, p := range per {
		at[i+1] = at[i] + len(p)
	}
	out := slices.Grow(dst, at[len(per)]-len(dst))[:at[len(per)]]
	hashes := make([]uint64, len(out)-at[0])
	inParts(len(per), partsFor(len(per)), func(_, lo, hi int) {
		var file sym // the file of the sources of shape last
		last := sourceShape(0)
		for i := lo; i < hi; i++ {
			s := &srcs[i]
			if i == lo || s.shape != last {
				file, last = intern(s.File()), s.shape
			}
			for j := range per[i] {
				m := &per[i][j]
				k := at[i] + j
				line, col := s.Position(m.Start)
				hashes[k-at[0]] = hashOf(s.ID(), m.Text)
				c := &out[k]
				*c = Claim{source: s.id, file: file, Line: int32(line), Col: int32(col), Text: m.Text, Value: m.Value,
					Min: m.Min, Max: m.Max, Start: m.Start, End: m.End, Sentence: int32(m.Sentence), Step: m.Step,
					Group: -1, Partner: -1}
				c.shape = shapeOf(shapeWords{unit: m.Unit, qualifier: m.Qualifier, kind: m.Kind, change: m.Change,
					direction: m.Direction, role: m.Role, rule: m.Rule, bound: m.Bound})
				c.SetPeriod(m.Period)
			}
		}
	})
	ids.Reserve(len(hashes))
	for k, h := range hashes {
		out[at[0]+k].id = ids.uniqueRef(h)
	}
	return out
}

// usage counts the claims of every rule, in the order the rules were read.
func (e *Extract) usage(claims []Claim) []RuleUse {
	count := map[string]int{}
	for _, c := range claims {
		count[c.Rule()]++
	}
	info := e.Rules.Rules()
	out := make([]RuleUse, len(info))
	for i, in := range info {
		out[i] = RuleUse{ID: in.ID, Type: in.Type, Description: in.Description, Claims: count[in.ID]}
	}
	return out
}
