package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// Text written like outside news, science and finance (testdata/outside,
// our own sentences in three languages, none from the eval sets): the
// files that state nothing wrong raise no inconsistent finding, and the
// ones with planted errors raise exactly the findings listed, by rule and
// the line of their first claim. A false alarm found on such text becomes
// a line here, as does a planted error the checks learn to see.
func TestOutsideText(t *testing.T) {
	want := map[string][]string{
		"bad.txt":  {"compound-growth@11", "conversion@15", "conversion@7", "percent-change@1", "percent-change@13", "points-change@9"},
		"bad2.txt": {"compound-growth@1", "compound-growth@3", "compound-growth@5", "conversion@7", "conversion@9", "share-sum@11"},
		"prod.txt": {"product@13", "product@3"},
	}
	files, err := filepath.Glob("testdata/outside/*.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("outside texts: %v (%d files)", err, len(files))
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			res := runAll(t, string(data))
			line := map[string]int32{}
			for _, c := range res.Claims {
				line[c.ID()] = c.Line
			}
			var got []string
			for _, f := range res.Findings {
				if f.Status != pipeline.Inconsistent {
					continue
				}
				first := int32(-1)
				for _, id := range f.Claims {
					if l := line[id]; first < 0 || l < first {
						first = l
					}
				}
				got = append(got, fmt.Sprintf("%s@%d", f.Rule, first))
			}
			slices.Sort(got)
			w := want[filepath.Base(file)]
			if strings.Join(got, " ") != strings.Join(w, " ") {
				for _, f := range res.Findings {
					if f.Status == pipeline.Inconsistent {
						t.Log(f.Message)
					}
				}
				t.Errorf("inconsistent findings %q, want %q", got, w)
			}
		})
	}
}
