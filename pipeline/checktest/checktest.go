// Package checktest runs the examples of check rules through every stage,
// as `factsheet rules test` runs the examples of extraction rules through
// the number reader: a check's example is a small plain-text file (a line
// in another language is a note on the line before) and the status the
// check must find in it.
package checktest

import (
	"context"
	"fmt"
	"strings"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
	"github.com/factsheet-dev/factsheet/rules"
)

// Run checks every check rule's examples and returns one line per failure:
// file:line: rule "id": text: what was wanted and what was found.
func Run(rs *rules.Ruleset) ([]string, error) {
	stage, err := pipeline.NewCheck(rs)
	if err != nil {
		return nil, err
	}
	var fails []string
	for _, in := range rs.Rules() {
		for _, ex := range in.Examples {
			if ex.Finding == "" {
				continue
			}
			got, err := findings(rs, stage, ex.Text, in.ID)
			if err != nil {
				return nil, err
			}
			if msg := judge(ex.Finding, got); msg != "" {
				fails = append(fails, fmt.Sprintf("%s:%d: rule %q: %q: %s", in.File, ex.Line, in.ID, ex.Text, msg))
			}
		}
	}
	return fails, nil
}

// findings runs every stage over text and returns the findings of one rule.
func findings(rs *rules.Ruleset, check *pipeline.Check, text, rule string) ([]pipeline.Finding, error) {
	res := &pipeline.Result{Sources: read(text)}
	err := pipeline.Run(context.Background(), res, &pipeline.Extract{Rules: rs, Workers: 1},
		&pipeline.Context{Rules: rs}, &pipeline.Link{Rules: rs}, check)
	if err != nil {
		return nil, err
	}
	var out []pipeline.Finding
	for _, f := range res.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out, nil
}

// read takes the example's lines as a plain text file.
func read(text string) []pipeline.Source {
	src := ingest.Text{}.Read("example.txt", []byte(text), func(ingest.Problem) {})
	ids := pipeline.NewIDs("h-")
	for i := range src {
		src[i].SetID(ids.Source(src[i].File(), src[i].Text))
	}
	for i := range src {
		if k := int(src[i].NoteIndex); k > 0 && k <= len(src) {
			id := src[k-1].ID()
			src[i].NoteOf = &id
		}
	}
	return src
}

// judge compares what was wanted with the rule's findings: inconsistent
// wants one such finding; consistent wants one consistent finding and no
// inconsistent one; none wants no inconsistent finding at all.
func judge(want string, got []pipeline.Finding) string {
	count := map[string]int{}
	for _, f := range got {
		count[f.Status]++
	}
	ok := false
	switch want {
	case pipeline.Inconsistent:
		ok = count[pipeline.Inconsistent] > 0
	case pipeline.Consistent:
		ok = count[pipeline.Consistent] > 0 && count[pipeline.Inconsistent] == 0
	case "none":
		ok = count[pipeline.Inconsistent] == 0
	}
	if ok {
		return ""
	}
	return fmt.Sprintf("want %s, got %s", want, describe(got))
}

func describe(fs []pipeline.Finding) string {
	if len(fs) == 0 {
		return "no finding"
	}
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.Status + ": " + f.Message
	}
	return strings.Join(parts, "; ")
}
