package main

import (
	"math"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// genRule is a rule of the generated file as the rule language reads it.
type genRule struct {
	ID          string   `yaml:"id"`
	Type        string   `yaml:"type"`
	Description string   `yaml:"description"`
	Canonical   string   `yaml:"canonical"`
	Kind        string   `yaml:"kind"`
	Factor      *float64 `yaml:"factor"`
	Offset      float64  `yaml:"offset"`
	Symbols     []string `yaml:"symbols"`
	Words       []string `yaml:"words"`
	Before      []string `yaml:"before"`
}

func (r genRule) factor() float64 {
	if r.Factor == nil {
		return 1
	}
	return *r.Factor
}

// aliasIndex finds the rule of an alias the way the reader does: symbols
// with their case, words and before-aliases in any case.
type aliasIndex struct {
	sym, word, before map[string]genRule
}

func readGenerated(t *testing.T, path string) ([]byte, []genRule, aliasIndex) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Rules []genRule `yaml:"rules"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	ix := aliasIndex{map[string]genRule{}, map[string]genRule{}, map[string]genRule{}}
	for _, r := range doc.Rules {
		for _, s := range r.Symbols {
			ix.sym[s] = r
		}
		for _, s := range r.Words {
			ix.word[strings.ToLower(s)] = r
		}
		for _, s := range r.Before {
			ix.before[strings.ToLower(s)] = r
		}
	}
	return data, doc.Rules, ix
}

func (ix aliasIndex) after(alias string) (genRule, bool) {
	if r, ok := ix.sym[alias]; ok {
		return r, true
	}
	r, ok := ix.word[strings.ToLower(alias)]
	return r, ok
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// TestGeneratedUnits holds the generated rules to a dozen units and
// currencies in three languages, with the conversion factors of the gold.
func TestGeneratedUnits(t *testing.T) {
	_, _, ix := readGenerated(t, "../../units.cldr.yaml")
	tests := []struct {
		aliases   []string
		before    bool
		canonical string
		factor    float64
	}{
		{[]string{"kilometers", "kilometres", "km", "公里", "キロメートル"}, false, "m", 1000},
		{[]string{"miles", "mile", "mi", "英里", "マイル"}, false, "m", 1609.344},
		{[]string{"nautical miles", "nmi", "海里"}, false, "m", 1852},
		{[]string{"feet", "ft", "英尺", "フィート"}, false, "m", 0.3048},
		{[]string{"acres", "英亩", "エーカー"}, false, "m2", 4046.8564224},
		{[]string{"hectares", "ha", "公顷", "ヘクタール"}, false, "m2", 1e4},
		{[]string{"square feet", "sq ft", "平方英尺"}, false, "m2", 0.09290304},
		{[]string{"km/h", "kilometres per hour", "公里/小时"}, false, "m/s", 1 / 3.6},
		{[]string{"mph", "miles per hour"}, false, "m/s", 0.44704},
		{[]string{"knots", "kn", "ノット"}, false, "m/s", 1852.0 / 3600},
		{[]string{"lb", "磅"}, false, "t", 4.5359237e-4},
		{[]string{"kilograms", "kg", "公斤", "千克", "キログラム"}, false, "t", 1e-3},
		{[]string{"millimetres", "毫米"}, false, "m", 1e-3},
		{[]string{"tonnes", "metric tons", "公吨", "トン"}, false, "t", 1},
		{[]string{"Mt", "megatonnes"}, false, "t", 1e6},
		{[]string{"litres", "liters", "升", "リットル"}, false, "L", 1},
		{[]string{"cubic metres", "m³", "立方米"}, false, "L", 1000},
		{[]string{"US gallons", "加仑", "ガロン"}, false, "L", 3.785411784},
		{[]string{"barrels", "bbl", "桶", "バレル"}, false, "L", 158.987294928},
		{[]string{"cubic feet", "ft³"}, false, "L", 28.316846592},
		{[]string{"kWh", "kilowatt-hours", "千瓦时", "キロワット時"}, false, "Wh", 1e3},
		{[]string{"TWh", "terawatt-hours", "太瓦时", "テラワット時"}, false, "Wh", 1e12},
		{[]string{"kJ", "kilojoules"}, false, "Wh", 1.0 / 3.6},
		{[]string{"GW", "gigawatts", "吉瓦", "ギガワット"}, false, "W", 1e9},
		{[]string{"GB", "gigabytes", "吉字节", "ギガバイト"}, false, "B", 1e9},
		{[]string{"ZB", "zettabytes"}, false, "B", 1e21},
		{[]string{"Mb", "megabits"}, false, "B", 1.25e5},
		{[]string{"hours", "hrs", "小时", "時間"}, false, "hour", 1},
		{[]string{"decades"}, false, "year", 10},
		{[]string{"months", "个月", "か月"}, false, "month", 1},
		{[]string{"Hong Kong dollars", "港元", "港幣", "香港ドル", "HKD"}, false, "HKD", 1},
		{[]string{"HK$", "HKD"}, true, "HKD", 1},
		{[]string{"RM", "MYR"}, true, "MYR", 1},
		{[]string{"Malaysian ringgits", "马来西亚林吉特", "マレーシアリンギット"}, false, "MYR", 1},
		{[]string{"₩", "KRW"}, true, "KRW", 1},
		{[]string{"₩", "韩元", "韓元", "韓国ウォン", "South Korean won"}, false, "KRW", 1},
		{[]string{"₹", "INR"}, true, "INR", 1},
		{[]string{"₹", "Indian rupees", "印度卢比", "インドルピー"}, false, "INR", 1},
		{[]string{"R$"}, true, "BRL", 1},
		{[]string{"€", "EUR"}, true, "EUR", 1},
		{[]string{"US$"}, true, "USD", 1},
		{[]string{"美元", "米ドル", "US dollars"}, false, "USD", 1},
		// the last word of a name, which no other currency in use shares
		{[]string{"baht", "バーツ"}, false, "THB", 1},
		{[]string{"zloty", "zlotys"}, false, "PLN", 1},
		{[]string{"rand"}, false, "ZAR", 1},
		{[]string{"naira", "ナイラ"}, false, "NGN", 1},
		{[]string{"ringgit", "リンギット"}, false, "MYR", 1},
		{[]string{"rupiah", "ルピア"}, false, "IDR", 1},
		{[]string{"shekels"}, false, "ILS", 1},
	}
	for _, tt := range tests {
		for _, a := range tt.aliases {
			r, ok := ix.after(a)
			where := "after"
			if tt.before {
				r, ok, where = ix.before[strings.ToLower(a)], ix.before[strings.ToLower(a)].ID != "", "before"
			}
			if !ok {
				t.Errorf("%q (%s a number): no generated rule", a, where)
				continue
			}
			if r.Canonical != tt.canonical || !near(r.factor(), tt.factor) || r.Offset != 0 {
				t.Errorf("%q: rule %s reads %g%+g %s, want %g %s", a, r.ID, r.factor(), r.Offset, r.Canonical, tt.factor, tt.canonical)
			}
		}
	}
}

// TestGeneratedTemperature converts with the factor and the offset.
func TestGeneratedTemperature(t *testing.T) {
	_, _, ix := readGenerated(t, "../../units.cldr.yaml")
	tests := []struct {
		alias     string
		value, in float64
	}{
		{"°F", 59, 15}, {"degrees Fahrenheit", -40, -40}, {"华氏度", 212, 100},
		{"°C", -55, -55}, {"摄氏度", 20, 20}, {"kelvin", 0, -273.15},
	}
	for _, tt := range tests {
		r, ok := ix.after(tt.alias)
		if !ok {
			t.Errorf("%q: no generated rule", tt.alias)
			continue
		}
		if got := tt.value*r.factor() + r.Offset; r.Canonical != "°C" || !near(got, tt.in) {
			t.Errorf("%g %s = %g %s, want %g °C", tt.value, tt.alias, got, r.Canonical, tt.in)
		}
	}
}

// TestGeneratedLeavesOut checks that the aliases the hand-written rules
// decide by context are not in the generated file.
func TestGeneratedLeavesOut(t *testing.T) {
	_, _, ix := readGenerated(t, "../../units.cldr.yaml")
	for _, a := range []string{"m", "t", "g", "L", "B", "W", "h", "s", "in", "pound", "pounds", "ポンド",
		"ton", "tons", "tn", "吨", "pc", "pm", "nm", "mm", "kt", "gallon", "gallons", "gal", "日", "分", "月",
		"bit", "比特", "cal", "calories", "″", "#", "¥", "$", "kr", "Rs", "元", "dec",
		// last words of names that other currencies share, or that are words
		"dollars", "pesos", "rupees", "francs", "dinars", "riyals", "shillings", "rubles", "krone",
		"real", "marks", "gold", "drams", "ドラム", "チャット", "ルーブル"} {
		if r, ok := ix.after(a); ok {
			t.Errorf("%q after a number is generated (rule %s); hand-written rules decide it", a, r.ID)
		}
	}
	for _, a := range []string{"$", "¥", "kr", "Rs", "元", "R", "TOP", "ALL", "CVE", "PHP", "BSD", "ft", "km", "Lt"} {
		if r, ok := ix.before[strings.ToLower(a)]; ok {
			t.Errorf("%q before a number is generated (rule %s)", a, r.ID)
		}
	}
}

var (
	isoCode    = regexp.MustCompile(`^[A-Z]{3}$`)
	canonicals = map[string]string{"m": "length", "m2": "area", "L": "volume", "m/s": "speed", "°C": "temperature",
		"t": "mass", "Wh": "energy", "W": "power", "B": "data", "year": "duration", "month": "duration",
		"week": "duration", "day": "duration", "hour": "duration", "minute": "duration", "second": "duration"}
)

// TestGeneratedShape holds every rule to the rule language and the
// schema's canonical units, and every alias to one rule: two generated
// rules claiming one alias would be an error when the file loads.
func TestGeneratedShape(t *testing.T) {
	data, rules, _ := readGenerated(t, "../../units.cldr.yaml")
	head := string(data[:min(len(data), 2000)])
	for _, want := range []string{"GENERATED from Unicode CLDR " + cldrVersion, "DO NOT EDIT", "scripts/cldrgen", "third_party/cldr/LICENSE", "\ngenerated: true\n"} {
		if !strings.Contains(head, want) {
			t.Errorf("header lacks %q", want)
		}
	}
	if lic, err := os.ReadFile("../../third_party/cldr/LICENSE"); err != nil || !strings.Contains(string(lic), "UNICODE LICENSE V3") {
		t.Errorf("third_party/cldr/LICENSE: %v, want the Unicode License v3", err)
	}
	owner := map[string]string{}
	claim := func(r genRule, key string) {
		if o, ok := owner[key]; ok && o != r.ID {
			t.Errorf("%q is claimed by %s and %s", key, o, r.ID)
		}
		owner[key] = r.ID
	}
	ids := map[string]bool{}
	for _, r := range rules {
		if ids[r.ID] || !strings.HasPrefix(r.ID, "cldr-") || r.Type != "unit" {
			t.Errorf("rule %s: duplicate id, or not a unit rule", r.ID)
		}
		ids[r.ID] = true
		kind, ok := canonicals[r.Canonical]
		if !ok && isoCode.MatchString(r.Canonical) {
			kind, ok = "money", true
		}
		if !ok || kind != r.Kind {
			t.Errorf("rule %s: canonical %q kind %q is not a schema unit", r.ID, r.Canonical, r.Kind)
		}
		if r.factor() <= 0 || math.IsInf(r.factor(), 0) || r.Offset != 0 && r.Canonical != "°C" {
			t.Errorf("rule %s: factor %g offset %g", r.ID, r.factor(), r.Offset)
		}
		if len(r.Symbols)+len(r.Words)+len(r.Before) == 0 {
			t.Errorf("rule %s has no alias", r.ID)
		}
		for _, s := range r.Symbols {
			claim(r, "s\x00"+s)
		}
		for _, s := range r.Words {
			claim(r, "w\x00"+strings.ToLower(s))
		}
		for _, s := range r.Before {
			claim(r, "b\x00"+strings.ToLower(s))
		}
	}
	// a word may not read what another rule's symbol reads
	for k, id := range owner {
		if w, ok := strings.CutPrefix(k, "w\x00"); ok {
			for k2, id2 := range owner {
				if s, ok := strings.CutPrefix(k2, "s\x00"); ok && strings.ToLower(s) == w && id2 != id {
					t.Errorf("%q is a word of %s and a symbol of %s", w, id, id2)
				}
			}
		}
	}
}

// genPlace is a place rule of the generated file.
type genPlace struct {
	ID      string   `yaml:"id"`
	Type    string   `yaml:"type"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Not     []string `yaml:"not"`
}

func readPlaces(t *testing.T, path string) []genPlace {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Generated bool       `yaml:"generated"`
		Rules     []genPlace `yaml:"rules"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Generated {
		t.Errorf("%s is not marked generated: true", path)
	}
	return doc.Rules
}

// TestGeneratedPlaces holds the committed places.cldr.yaml to countries in
// three languages, to the names it leaves out, and to its shape: sorted
// rules and aliases (the file is byte-stable), one rule per alias.
func TestGeneratedPlaces(t *testing.T) {
	rules := readPlaces(t, "../../places.cldr.yaml")
	byAlias := map[string]genPlace{}
	not := map[string]string{}
	for i, r := range rules {
		if r.Type != "subject" || !strings.HasPrefix(r.ID, "cldr-place-") || r.Name == "" || len(r.Aliases) == 0 {
			t.Errorf("rule %+v: not a generated place", r)
		}
		if i > 0 && rules[i-1].ID >= r.ID || !sort.StringsAreSorted(r.Aliases) || !sort.StringsAreSorted(r.Not) {
			t.Errorf("rule %s: not sorted", r.ID)
		}
		for _, a := range r.Aliases {
			k := strings.ToLower(a)
			if o, ok := byAlias[k]; ok {
				t.Errorf("%q is an alias of %s and %s", a, o.ID, r.ID)
			}
			byAlias[k] = r
		}
		for _, n := range r.Not {
			not[n] = r.ID
		}
	}
	has := map[string][]string{
		"Kenya":          {"Kenya", "肯尼亚", "肯亞", "ケニア"},
		"Vietnam":        {"Vietnam", "越南", "ベトナム"},
		"United States":  {"United States", "US", "美国", "アメリカ", "アメリカ合衆国"},
		"United Kingdom": {"United Kingdom", "UK", "英国", "イギリス"},
		"Türkiye":        {"Türkiye", "Turkey", "土耳其", "トルコ"},
		"Poland":         {"Poland", "波兰", "波蘭", "ポーランド"},
		"Hong Kong":      {"Hong Kong", "香港"},
		"Myanmar":        {"Myanmar", "Burma", "缅甸", "ミャンマー"},
		"Côte d’Ivoire":  {"Côte d'Ivoire", "Ivory Coast", "科特迪瓦", "コートジボワール"},
		"Georgia":        {"格鲁吉亚"},
		"Europe":         {"Europe", "欧洲", "ヨーロッパ"},
		"European Union": {"European Union", "欧盟", "欧州連合"},
	}
	for name, aliases := range has {
		for _, a := range aliases {
			if r, ok := byAlias[strings.ToLower(a)]; !ok || r.Name != name {
				t.Errorf("%q: rule %q, want %s", a, r.Name, name)
			}
		}
	}
	for _, a := range []string{"Chad", "Georgia", "Jersey", "Congo", "刚果", "world", "世界", "United Nations", "UN",
		"中美", "中非", "黑山", "獅子山", "ジョージア", "Republic", "Keeling", "金", "布"} {
		if r, ok := byAlias[strings.ToLower(a)]; ok {
			t.Errorf("%q is an alias of %s; it names something else too", a, r.ID)
		}
	}
	for _, n := range []string{"Hong Kong dollars", "US$", "新加坡元", "香港ドル", "Niger Delta", "内蒙古", "Northern Ireland"} {
		if not[n] == "" {
			t.Errorf("%q is in no rule's not list", n)
		}
	}
	if data, err := os.ReadFile("../../places.cldr.yaml"); err != nil || !strings.Contains(string(data), "GENERATED from Unicode CLDR "+cldrVersion) {
		t.Errorf("places.cldr.yaml header: %v", err)
	}
}
