package pipeline_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/pipeline/ingest"
)

// TestPlacesAcrossLanguages reads English quotes and, in files of their
// own, Chinese and Japanese notes that restate them (testdata/places, our
// own sentences): the countries named in each language are one subject,
// so the notes link with the quotes, the one wrong figure (Poland's
// population as 3970万 for 36.7 million) is flagged, and figures about
// different countries (Kenya, Uganda) are never compared.
func TestPlacesAcrossLanguages(t *testing.T) {
	var src []pipeline.Source
	for _, name := range []string{"quotes-en.txt", "notes-zh.txt", "notes-ja.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata/places", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range (ingest.Text{}).Read(name, data, nil) {
			s.SetID("h" + string(rune('a'+len(src))))
			src = append(src, s)
		}
	}
	res := runStages(t, defaultRules(t), src)
	subject := map[string]string{}
	for _, c := range res.Claims {
		subject[c.ID()] = c.Subject()
	}
	got := map[string][]string{} // subject of the finding's claims -> statuses
	for _, f := range res.Findings {
		var subs []string
		for _, id := range f.Claims {
			if s := subject[id]; !slices.Contains(subs, s) {
				subs = append(subs, s)
			}
		}
		slices.Sort(subs)
		k := strings.Join(subs, "+")
		got[k] = append(got[k], f.Status)
	}
	want := map[string]string{
		"Kenya":   pipeline.Consistent,
		"Uganda":  pipeline.Consistent,
		"Vietnam": pipeline.Consistent, // population and electricity use
		"Poland":  pipeline.Inconsistent,
	}
	for k, statuses := range got {
		w, ok := want[k]
		if !ok {
			t.Errorf("a finding about %q: %v", k, statuses)
			continue
		}
		for _, s := range statuses {
			if s != w {
				t.Errorf("%s: a finding %s, want %s", k, s, w)
			}
		}
	}
	for k := range want {
		if len(got[k]) == 0 {
			t.Errorf("no finding about %s: the notes do not link with their quotes", k)
		}
	}
}

// A figure's country stands before it in its clause; the next clause's
// name is the next figure's (in Chinese and Japanese it stood nearer).
func TestPlaceBeforeFigure(t *testing.T) {
	for _, text := range []string{
		"泰国2023年GDP增长1.9%，马来西亚增长3.7%。",
		"タイの2023年のGDP成長率は1.9%、マレーシアは3.7%。",
		"Thailand's GDP grew 1.9% in 2023, while Malaysia's grew 3.7%.",
	} {
		res := runAll(t, text)
		got := map[string]string{}
		for _, c := range res.Claims {
			got[c.Text] = c.Subject()
		}
		if got["1.9%"] != "Thailand" || got["3.7%"] != "Malaysia" {
			t.Errorf("%s: subjects %v", text, got)
		}
	}
}
