package ingest

import (
	"strings"
	"testing"
)

// A table cell with a figure is a quote at the cell, carrying the unit of
// its column header and its row and column headers as context.
func TestMarkdownTableCells(t *testing.T) {
	data := "# Oil\n\n| Producer | 2019 output, million tonnes | Cut, b/d | Share (%) | Population, 2020 |\n" +
		"|---|---:|---:|---|---|\n" +
		"| United States | 746.7 | – | 17 | 331 million |\n" +
		"| Boeing 747 | [9](https://x.com/1) | 486,000 | n/a | 4 |\n" +
		"| 2019 | 1.5 | | | |\n"
	src := Markdown{}.Read("f.md", []byte(data), nil)
	type at struct {
		text      string
		line, col int
	}
	want := []at{
		{"746.7 million tonnes | United States | 2019 output", 5, 19},
		{"17 % | United States | Share", 5, 31},
		{"331 million | United States | Population, 2020", 5, 36},
		{"[9] million tonnes | Boeing 747 | 2019 output", 6, 16},
		{"486,000 b/d | Boeing 747 | Cut", 6, 39},
		{"4 | Boeing 747 | Population, 2020", 6, 55},
		{"1.5 million tonnes | 2019 | 2019 output", 7, 10},
	}
	if len(src) != len(want) {
		var got []string
		for _, s := range src {
			got = append(got, s.Text)
		}
		t.Fatalf("got %d sources %q, want %d", len(src), got, len(want))
	}
	for i, w := range want {
		s := src[i]
		if strings.Join(strings.Fields(s.Text), " ") != w.text || int(s.Line) != w.line || int(s.Col) != w.col || s.Role() != "quote" || *s.Title() != "Oil" {
			t.Errorf("source %d: %q at %d:%d, want %q at %d:%d", i, s.Text, s.Line, s.Col, w.text, w.line, w.col)
		}
	}
}

func TestCellText(t *testing.T) {
	cases := []struct{ cell, row, col, want string }{
		{"746.7", "United States", "2019 output, million tonnes (BP)", "746.7 million tonnes (BP) | United States | 2019 output"},
		{"1,234", "China", "GDP ($bn)", "$1,234bn | China | GDP"},
		{"790", "Thai rice", "Price, US$/t", "US$790/t | Thai rice | Price"},
		{"12", "Q3", "Revenue (€m)", "€12m | Q3 | Revenue"},
		{"$1.2bn", "Q4", "Revenue ($bn)", "$1.2bn | Q4 | Revenue"},
		{"5.2", "", "Growth (%)", "5.2 % | Growth"},
		{"10", "2028", "GW", "10 GW | 2028"},
	}
	for _, c := range cases {
		if got := cellText(c.cell, c.row, c.col); got != c.want {
			t.Errorf("cellText(%q, %q, %q) = %q, want %q", c.cell, c.row, c.col, got, c.want)
		}
	}
}

func TestHeaderUnit(t *testing.T) {
	cases := []struct{ in, label, unit string }{
		{"2019 output, million tonnes (BP)", "2019 output", "million tonnes (BP)"},
		{"Cut pledged in Dec 2016, b/d", "Cut pledged in Dec 2016", "b/d"},
		{"Output (Mt)", "Output", "Mt"},
		{"Population (million), 2020", "Population, 2020", "million"},
		{"Population, 2020", "Population, 2020", ""},
		{"Producer", "", "Producer"},
		{"Top producers", "Top producers", ""},
		{"GW", "", "GW"},
		{"", "", ""},
	}
	for _, c := range cases {
		if label, unit := headerUnit(c.in); label != c.label || unit != c.unit {
			t.Errorf("headerUnit(%q) = %q, %q; want %q, %q", c.in, label, unit, c.label, c.unit)
		}
	}
}
