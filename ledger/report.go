package ledger

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/rules"
)

// FromReport builds a ledger in memory from a factsheet.json report, for
// checking a draft against one report rather than a ledger file. The
// report's sources are read again with these rules (a report keeps no
// rounding steps or change pairs, which the checks need), and each claim
// takes the place the report gives it.
func FromReport(ctx context.Context, path string, rs *rules.Ruleset) (*Ledger, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rep struct {
		Sources []pipeline.Source `json:"sources"`
		Claims  []pipeline.Claim  `json:"claims"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, fmt.Errorf("%s: not a factsheet.json report: %w", path, err)
	}
	r := &pipeline.Result{Sources: rep.Sources}
	for i := range r.Sources {
		r.Sources[i].SetSeen("")
	}
	check, err := pipeline.NewCheck(rs)
	if err != nil {
		return nil, err
	}
	stages := []pipeline.Stage{&pipeline.Extract{Rules: rs}, &pipeline.Context{Rules: rs}, &pipeline.Link{Rules: rs}, check}
	if err := pipeline.Run(ctx, r, stages...); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	placeLike(r, rep.Claims)
	l, err := Open(":memory:")
	if err != nil {
		return nil, err
	}
	if _, err := l.Record(ctx, r, Run{Started: reportTime(path), Version: "report", Inputs: []string{path}}); err != nil {
		l.Close()
		return nil, err
	}
	l.path = path
	return l, nil
}

// placeLike gives each claim the line and column of the report's claim
// with the same source and text, in order.
func placeLike(r *pipeline.Result, claims []pipeline.Claim) {
	type at struct{ line, col int }
	places := map[[2]string][]at{}
	for _, c := range claims {
		k := [2]string{c.Source(), c.Text}
		places[k] = append(places[k], at{int(c.Line), int(c.Col)})
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		k := [2]string{c.Source(), c.Text}
		if p := places[k]; len(p) > 0 {
			c.Line, c.Col = int32(p[0].line), int32(p[0].col)
			places[k] = p[1:]
		}
	}
}

// reportTime is when the report was written: its sources were read then.
func reportTime(path string) time.Time {
	if st, err := os.Stat(path); err == nil {
		return st.ModTime()
	}
	return time.Now()
}
