package main

import (
	"bytes"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixtureSupplemental(t *testing.T) *supplemental {
	t.Helper()
	d, err := readCLDR("testdata/cldr")
	if err != nil {
		t.Fatal(err)
	}
	return &d.supp
}

func TestEval(t *testing.T) {
	s := fixtureSupplemental(t)
	tests := []struct {
		expr, want string
	}{
		{"1852/3600", "463/900"},
		{"ft_to_m*5280", "1609.344"},
		{"ft3_to_m3/12*12*12", "0.000016387064"}, // everything after '/' divides
		{"231*in3_to_m3", "0.003785411784"},
		{"2298.35/9", "45967/180"},
		{"1.98847E+30", "1988470000000000000000000000000"},
	}
	for _, tt := range tests {
		got, err := s.eval(tt.expr)
		want, _ := new(big.Rat).SetString(tt.want)
		if err != nil || got.Cmp(want) != 0 {
			t.Errorf("eval(%q) = %v, %v; want %s", tt.expr, got, err, tt.want)
		}
	}
	for _, bad := range []string{"1/2/3", "nope*2", "3*", "1/0"} {
		if _, err := s.eval(bad); err == nil {
			t.Errorf("eval(%q): no error", bad)
		}
	}
}

func TestUnitConversion(t *testing.T) {
	s := fixtureSupplemental(t)
	tests := []struct {
		unit, canon    string
		factor, offset float64
	}{
		{"kilometer", "meter", 1000, 0},
		{"mile-per-hour", "meter-per-second", 0.44704, 0},
		{"gigawatt", "watt", 1e9, 0},
		{"kilowatt-hour", "watt-hour", 1000, 0}, // a product of a prefixed unit and another
		{"cubic-meter", "liter", 1000, 0},
		{"gallon", "liter", 3.785411784, 0},
		{"fahrenheit", "celsius", 5.0 / 9, -160.0 / 9},
		{"millisecond", "second", 1e-3, 0},
	}
	for _, tt := range tests {
		u, err := s.unit(tt.unit)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.unit(tt.canon)
		if err != nil {
			t.Fatal(err)
		}
		f, o, err := u.to(c)
		if err != nil || !near(f, tt.factor) || !near(o, tt.offset) {
			t.Errorf("%s in %s: x*%g%+g, %v; want x*%g%+g", tt.unit, tt.canon, f, o, err, tt.factor, tt.offset)
		}
	}
	bq, _ := s.unit("becquerel")
	w, _ := s.unit("watt")
	if _, _, err := bq.to(w); err == nil {
		t.Error("becquerels convert to watts")
	}
	for _, bad := range []string{"square-fahrenheit", "fahrenheit-per-second", "furlong", "kilofahrenheit"} {
		if _, err := s.unit(bad); err == nil {
			t.Errorf("unit(%q): no error", bad)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"マレーシア リンギット", "マレーシアリンギット"}, // the reader skips spaces between CJK letters
		{"中央アフリカ CFA フラン", "中央アフリカ CFA フラン"},
		{"\u00a0km\u202f/h ", "km /h"},
		{"US  dollars", "US dollars"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAliasShapes(t *testing.T) {
	for s, want := range map[string]bool{"kilowatt-hours": true, "US gallons": true, "Gb": false, "kWh": false, "mph": true} {
		if wordLike(s) != want {
			t.Errorf("wordLike(%q) = %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"₹": true, "HK$": false, "€": true, "RM": false} {
		if isSign(s) != want {
			t.Errorf("isSign(%q) = %v", s, !want)
		}
	}
	for s, want := range map[string]bool{"Ft": true, "kr": true, "Cg.": true, "HK$": false, "FCFA": false, "レイ": true} {
		if letterSymbol(s) != want {
			t.Errorf("letterSymbol(%q) = %v", s, !want)
		}
	}
}

// TestGenerateFixture runs the generator on a small CLDR tree that holds
// each kind of case: an alias of two units, a symbol of two currencies at
// the same rank, a narrow symbol that yields, skipped aliases and codes,
// a composed prefixed unit, a locale whose prefix pattern is no prefix.
func TestGenerateFixture(t *testing.T) {
	dir := t.TempDir()
	out, lic := filepath.Join(dir, "units.cldr.yaml"), filepath.Join(dir, "third_party", "LICENSE")
	var summary bytes.Buffer
	if err := run("testdata/cldr", out, filepath.Join(dir, "places.cldr.yaml"), lic, true, &summary); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(lic); err != nil || !strings.Contains(string(b), "UNICODE LICENSE V3") {
		t.Errorf("licence not copied: %v", err)
	}
	_, _, ix := readGenerated(t, out)
	has := []struct {
		alias  string
		before bool
		rule   string
	}{
		{"miles", false, "cldr-length-mile"},
		{"英里", false, "cldr-length-mile"},
		{"metres", false, "cldr-length-meter"},
		{"公尺", false, "cldr-length-meter"},
		{"Imp. gallons", false, "cldr-volume-gallon-imperial"},
		{"min", false, "cldr-duration-minute"},
		{"分钟", false, "cldr-duration-minute"},
		{"°F", false, "cldr-temperature-fahrenheit"},
		{"華氏", false, "cldr-temperature-fahrenheit"},
		{"TW", false, "cldr-power-terawatt"},        // composed from watt
		{"terawatts", false, "cldr-power-terawatt"}, // with CLDR's prefix patterns
		{"太瓦特", false, "cldr-power-terawatt"},
		{"テラワット", false, "cldr-power-terawatt"},
		{"watts", false, "cldr-power-watt"},
		{"₩", true, "cldr-krw"}, // KRW's symbol, only KPW's narrow one
		{"￦", true, "cldr-krw"},
		{"韓国ウォン", false, "cldr-krw"},
		{"NT$", true, "cldr-twd"},
		{"T$", true, "cldr-top"}, // the symbol stays when the code goes
		{"マレーシアリンギット", false, "cldr-myr"},
		{"RM", true, "cldr-myr"},
		{"German marks", false, "cldr-dem"},
		{"€", false, "cldr-eur"},
		{"USD", true, "cldr-usd"},
	}
	for _, tt := range has {
		r, ok := ix.after(tt.alias)
		if tt.before {
			r, ok = ix.before[strings.ToLower(tt.alias)]
		}
		if !ok || r.ID != tt.rule {
			t.Errorf("%q: rule %q, want %s", tt.alias, r.ID, tt.rule)
		}
	}
	for _, a := range []string{"m", "°", "gallons", "gal", "分", "degrees", "becquerels", "DEM", "XAU", "Gold"} {
		if r, ok := ix.after(a); ok {
			t.Errorf("%q after a number: generated (%s)", a, r.ID)
		}
	}
	for _, a := range []string{"$", "TOP", "DEM"} {
		if r, ok := ix.before[strings.ToLower(a)]; ok {
			t.Errorf("%q before a number: generated (%s)", a, r.ID)
		}
	}
	for _, want := range []string{
		"ambiguous: CLDR gives it to volume-gallon, volume-gallon-imperial",
		"ambiguous: CLDR gives it to TWD, USD",
		"₩: KRW over KPW",
		"a single Latin letter",
		"text on both sides of the number",
		"ISO code: English word (top 10)",
		"CLDR has no prefix pattern for the locale, or one that is no prefix",
		"not of its category's dimension",
		"gold, a commodity",
	} {
		if !strings.Contains(summary.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, summary.String())
		}
	}
}

// TestGeneratePlacesFixture runs the generator on the fixture's territories:
// a name of two territories, a single character, a capital city, a common
// word in brackets, & and St., a name dropped with its translations kept,
// curated and currency phrases that name no place.
func TestGeneratePlacesFixture(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "places.cldr.yaml")
	var summary bytes.Buffer
	if err := run("testdata/cldr", filepath.Join(dir, "units.cldr.yaml"), out, filepath.Join(dir, "LICENSE"), true, &summary); err != nil {
		t.Fatal(err)
	}
	rules := readPlaces(t, out)
	want := map[string]struct {
		name         string
		aliases, not []string
	}{
		"cldr-place-us": {"United States", []string{"US", "United States", "アメリカ", "アメリカ合衆国", "美国", "美國"},
			[]string{"US Dollar", "US dollars", "US$"}},
		"cldr-place-cd":  {"Congo - Kinshasa", []string{"DRC", "刚果民主共和国"}, nil},
		"cldr-place-cg":  {"Congo - Brazzaville", nil, nil}, // Congo is two territories', Republic a word, 布 a character
		"cldr-place-td":  {"Chad", []string{"チャド", "乍得"}, nil},
		"cldr-place-mm":  {"Myanmar", []string{"Burma", "Myanmar", "ビルマ", "ミャンマー"}, nil},
		"cldr-place-kn":  {"St. Kitts & Nevis", []string{"Saint Kitts & Nevis", "Saint Kitts and Nevis", "St Kitts & Nevis", "St Kitts and Nevis", "St. Kitts & Nevis", "St. Kitts and Nevis"}, nil},
		"cldr-place-ci":  {"Côte d’Ivoire", []string{"Côte d'Ivoire", "Côte d’Ivoire", "Ivory Coast"}, nil},
		"cldr-place-kr":  {"South Korea", []string{"South Korea", "南韓", "韓国", "韩国"}, []string{"韓国ウォン"}}, // not South Korean Won: Korean is another word
		"cldr-place-tw":  {"Taiwan", []string{"Taiwan", "台湾", "台灣"}, []string{"New Taiwan Dollar", "New Taiwan dollars"}},
		"cldr-place-my":  {"Malaysia", []string{"Malaysia", "マレーシア", "马来西亚"}, nil}, // マレーシアリンギット: a longer katakana word
		"cldr-place-ne":  {"Niger", []string{"Niger", "尼日"}, []string{"Niger Delta", "Niger River", "River Niger"}},
		"cldr-place-ng":  {"Nigeria", []string{"Nigeria", "奈及利亞", "尼日利亞"}, nil},
		"cldr-place-tg":  {"Togo", []string{"Togo", "多哥"}, []string{"多哥伦", "多哥倫"}},
		"cldr-place-150": {"Europe", []string{"Europe", "欧洲"}, nil},
	}
	got := map[string]genPlace{}
	for _, r := range rules {
		got[r.ID] = r
	}
	for id, w := range want {
		r, ok := got[id]
		if w.aliases == nil {
			if ok {
				t.Errorf("%s: generated with %q, want none", id, r.Aliases)
			}
			continue
		}
		if !ok || r.Name != w.name || !equal(r.Aliases, w.aliases) || !equal(r.Not, w.not) {
			t.Errorf("%s: %+v\nwant name %q aliases %q not %q", id, r, w.name, w.aliases, w.not)
		}
	}
	if _, ok := got["cldr-place-001"]; ok {
		t.Error("the world is generated")
	}
	for _, w := range []string{
		"ambiguous: CLDR gives it to CD, CG",
		"a given name as well as the country",
		"a capital city, not its country",
		"a common word (Congo (Republic))",
		"a single character",
		"001 world",
	} {
		if !strings.Contains(summary.String(), w) {
			t.Errorf("summary lacks %q:\n%s", w, summary.String())
		}
	}
}

func TestExpandPlace(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Kenya", []string{"Kenya"}},
		{"Myanmar (Burma)", []string{"Myanmar", "Burma"}},
		{"Cocos (Keeling) Islands", []string{"Cocos Islands"}}, // a bracket inside is no name alone
		{"Congo - Kinshasa", []string{"Congo"}},
		{"刚果（金）", []string{"刚果", "金"}},
		{"Bosnia & Herzegovina", []string{"Bosnia & Herzegovina", "Bosnia and Herzegovina"}},
		{"St. Lucia", []string{"St. Lucia", "Saint Lucia", "St Lucia"}},
		{"Côte d’Ivoire", []string{"Côte d’Ivoire", "Côte d'Ivoire"}},
	}
	for _, tt := range tests {
		if got := expandPlace(tt.in); !equal(got, tt.want) {
			t.Errorf("expandPlace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
