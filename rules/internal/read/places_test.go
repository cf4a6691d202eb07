package read_test

import (
	"strings"
	"testing"

	"github.com/factsheet-dev/factsheet/rules"
)

// subjects lists the subjects a text names, in order.
func subjects(rs *rules.Ruleset, s string) []string {
	var out []string
	for _, m := range rs.Mentions(s) {
		if m.Kind == "subject" {
			out = append(out, m.Name)
		}
	}
	return out
}

// TestPlaces: a country named in Chinese or Japanese is the subject its
// English name is (places.cldr.yaml), and the hand-written subjects of
// config.yaml keep theirs; a word that merely holds a name names nothing.
func TestPlaces(t *testing.T) {
	cases := []struct{ text, want string }{
		// the same country in three languages
		{"Kenya's inflation rate eased to 6.8% in December 2023.", "Kenya"},
		{"注：肯尼亚2023年12月通胀率降至8.6%。", "Kenya"},
		{"ケニアのインフレ率は6.8%に低下した。", "Kenya"},
		{"越南2023年GDP增长5.05%。", "Vietnam"},
		{"ベトナムの成長率は5.05%だった。", "Vietnam"},
		{"Vietnam's GDP grew 5.05%.", "Vietnam"},
		{"Poland's GDP grew 0.2% in 2023.", "Poland"},
		{"波兰2023年GDP增长0.2%。", "Poland"},
		{"土耳其通胀率为64.8%。", "Türkiye"},
		{"Turkey's inflation hit 64.8%.", "Türkiye"},
		{"トルコのインフレ率は64.8%。", "Türkiye"},
		{"Côte d'Ivoire grows 45% of the world's cocoa.", "Côte d’Ivoire"},
		{"Antigua and Barbuda had 94,000 people.", "Antigua & Barbuda"},
		// short and variant names, and the hand-written subject's name
		{"The US grew 2.5%.", "United States"},
		{"アメリカの成長率は2.5%。", "United States"},
		{"アメリカ合衆国の人口は3億人。", "United States"},
		{"美国GDP增长2.5%。", "United States"},
		{"UK inflation was 4%.", "United Kingdom"},
		{"英国的通胀率为4%。", "United Kingdom"},
		{"中国GDP增长5.2%。", "China"}, // config.yaml's subject-china
		{"中國GDP增長5.2%。", "China"}, // the generated rule's, of the same name
		{"日本の出生数は72万人。", "Japan"},
		{"香港2023年GDP增长3.2%。", "Hong Kong"},
		{"Myanmar's output fell 4%.", "Myanmar"},
		{"Burma's output fell 4%.", "Myanmar"},
		{"タイの成長率は1.9%。", "Thailand"},
		// a longer name wins over the one it holds
		{"Nigeria's inflation was 28%.", "Nigeria"},
		{"尼日利亚通胀率为28%。", "Nigeria"},
		{"Papua New Guinea exported 5%.", "Papua New Guinea"},
		{"印度尼西亚增长5%。", "Indonesia"},
		{"インドネシアは5%成長した。", "Indonesia"},
		{"South Sudan's output fell 5%.", "South Sudan"},
		{"East Asia grew 4%.", "Asia"}, // CLDR names Eastern Asia, not East Asia: the continent
		// the short names CLDR lacks, written in config.yaml
		{"A month's supply lists at $1,349 in America.", "United States"},
		{"Britain's deficit was 4.4% of GDP.", "United Kingdom"},
		{"Korea exported $630 billion of goods.", "South Korea"},
	}
	rs := defaultRules(t)
	for _, c := range cases {
		got := subjects(rs, c.text)
		if c.want == "" {
			continue
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%q: subjects %q, want %q first", c.text, got, c.want)
		}
	}
}

// TestPlacesNotNamed: words that hold a place's name, and names that are
// something else, name no place.
func TestPlacesNotNamed(t *testing.T) {
	cases := []struct{ text, not string }{
		{"Sales in Chinatown rose 5%.", "China"},
		{"Sales in North America rose 5%.", "United States"},
		{"Latin America's output grew 2%.", "United States"},
		{"North Korea fired 3 missiles.", "South Korea"},
		{"Turkish exports rose 5%.", "Türkiye"},
		{"turkey prices rose 5% before Thanksgiving.", "Türkiye"},
		{"Let us say 5% of them.", "United States"},
		{"Revenue was US$5 billion.", "United States"},
		{"Revenue was 5 billion Hong Kong dollars.", "Hong Kong"},
		{"收入为50亿新加坡元。", "Singapore"},
		{"売上は50億香港ドル。", "Hong Kong"},
		{"New Jersey's budget rose 5%.", "Jersey"},
		{"Georgia's unemployment rate was 3%.", "Georgia"},
		{"Chad Smith said 5% of users left.", "Chad"},
		{"Oil output in the Niger Delta fell 5%.", "Niger"},
		{"Northern Ireland's output rose 1%.", "Ireland"},
		{"中国银行净利润增长5%。", "China"},   // Bank of China: a bank's figures are not the country's
		{"中国地方の人口は700万人。", "China"}, // Japan's Chūgoku region
		{"内蒙古GDP增长7%。", "Mongolia"},
		{"印度洋海温上升1度。", "India"},
		{"沿海地区GDP增长5%。", "Haiti"},
		{"增加纳税人数5%。", "Ghana"},
		{"タイヤの販売は5%増えた。", "Thailand"},
		{"ネクタイの売上は5%増。", "Thailand"},
		{"マリオの販売本数は500万本。", "Mali"},
		{"ニューギニアの面積は5%。", "Guinea"},
		{"中美贸易额增长5%。", "Central America"},
		{"很多哥伦比亚人增加了5%。", "Togo"},
	}
	rs := defaultRules(t)
	for _, c := range cases {
		for _, s := range subjects(rs, c.text) {
			if s == c.not || strings.HasPrefix(s, c.not+" ") {
				t.Errorf("%q names %q", c.text, s)
			}
		}
	}
}
