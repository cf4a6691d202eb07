package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
	"github.com/factsheet-dev/factsheet/rules"
)

func checkNames(rs *rules.Ruleset) error {
	_, err := pipeline.NewCheck(rs)
	return err
}

var builtinLine = regexp.MustCompile(`config\.yaml(?: \(built in\))?:\d+`)

// TestInvalidConfig checks that each broken rule file fails with the error
// written on its first line: file, line, column, rule and field.
func TestInvalidConfig(t *testing.T) {
	files, _ := filepath.Glob("testdata/config/invalid/*.yaml")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(data), "\n")
			want := strings.TrimPrefix(first, "# want: ")
			rs, err := rules.Default(f)
			if err == nil {
				err = checkNames(rs) // check names are known to the pipeline's registry
			}
			if err == nil {
				t.Fatalf("no error, want %s", want)
			}
			got := strings.TrimPrefix(err.Error(), "testdata/config/invalid/")
			got = builtinLine.ReplaceAllString(got, "config.yaml:LINE") // the defaults' lines move as they are edited
			if got != want {
				t.Errorf("error\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

// TestGeneratedYields loads generated unit rules beside hand-written ones:
// the hand-written alias wins, whichever file comes first, and the
// generated rule keeps its other aliases.
func TestGeneratedYields(t *testing.T) {
	for _, order := range [][]string{
		{"testdata/config/valid/generated.yaml", "testdata/config/valid/hand-widgets.yaml"},
		{"testdata/config/valid/hand-widgets.yaml", "testdata/config/valid/generated.yaml"},
	} {
		rs, err := rules.Default(order...)
		if err != nil {
			t.Fatal(err)
		}
		want := []struct {
			text, unit string
		}{{"5 W", "W"}, {"5 wdg", "wdg"}, {"5 widget", "widget"}, {"5 widgets", "wdg"}, {"5 gizmos", "wdg"}}
		for _, w := range want {
			got := rs.Extract(w.text)
			if len(got) != 1 || got[0].Unit != w.unit {
				t.Errorf("%v: %q: got %v, want unit %s", order, w.text, texts(got), w.unit)
			}
		}
	}
}

func TestValidConfigExtends(t *testing.T) {
	rs, err := rules.Default("testdata/config/valid/extend.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rs.TestExamples() {
		t.Error(f)
	}
	got := rs.Extract("3 litres and Llama 4")
	if len(got) != 2 || got[0].Unit != "L" || got[1].Value != 4 {
		t.Errorf("got %v", texts(got))
	}
}

// A rule that says replace: true replaces the default of its id.
func TestValidConfigReplaces(t *testing.T) {
	rs, err := rules.Default("testdata/config/valid/replace.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fails := rs.TestExamplesOf(func(file string) bool { return file != rules.BuiltinConfig && file != rules.BuiltinUnits })
	if len(fails) != 0 {
		t.Error(fails)
	}
}

// TestGeneratedSubjectsYield loads generated subject rules beside a
// hand-written one: the hand-written alias wins, whichever file comes
// first; the generated aliases match only as proper names, the name of a
// generated rule is no alias, and a not phrase names nothing.
func TestGeneratedSubjectsYield(t *testing.T) {
	for _, order := range [][]string{
		{"testdata/config/valid/generated-places.yaml", "testdata/config/valid/hand-places.yaml"},
		{"testdata/config/valid/hand-places.yaml", "testdata/config/valid/generated-places.yaml"},
	} {
		rs, err := rules.Default(order...)
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct{ text, want string }{
			{"Ruritania grew 5%.", "Kingdom of Ruritania"}, // the hand-written rule's
			{"鲁国增长5%。", "Kingdom of Ruritania"},
			{"RU grew 5%.", "Ruritania"},
			{"鲁里塔尼亚增长5%。", "Ruritania"},
			{"ルリタニアの成長率は5%。", "Ruritania"},
			{"Elsewhere it grew 5%.", "Nameonly"},
			{"ru grew 5%.", ""},                 // capitals are capitals
			{"Ru grew 5%.", ""},                 // all of them
			{"ルリタニアン5%。", ""},                   // a katakana name is a whole word
			{"Nameonly grew 5%.", ""},           // the name is no alias
			{"It cost 5 Ruritania crowns.", ""}, // a not phrase
			{"It cost RU$5.", ""},
		}
		for _, c := range cases {
			got := ""
			for _, m := range rs.Mentions(c.text) {
				if m.Kind == "subject" {
					got = m.Name
				}
			}
			if got != c.want {
				t.Errorf("%v: %q: subject %q, want %q", order, c.text, got, c.want)
			}
		}
	}
}
