package main

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

const header = `# units.cldr.yaml: unit and currency rules GENERATED from Unicode CLDR %s
# (npm packages cldr-core, cldr-units-full, cldr-numbers-full) by
# scripts/cldrgen. DO NOT EDIT: change scripts/cldrgen/curate.go and run
#
#     scripts/cldrgen/fetch.sh /tmp/cldr && go run ./scripts/cldrgen -cldr /tmp/cldr
#
# Names are from the en, en-GB, zh, zh-Hant, zh-Hant-HK and ja locales;
# factors from CLDR's supplemental unit conversions, to the canonical units of
# the report (m, m2, L, m/s, °C, t, Wh, W, B, durations, ISO 4217 codes).
# Aliases CLDR gives to two units or currencies, and those curate.go lists as
# ambiguous in highlights ($, ¥, £, m, t, in, pound, ton...), are left out:
# the hand-written rules of config.yaml decide them, and win over these.
#
# Data from Unicode CLDR, Copyright © 2004-2026 Unicode, Inc. Unicode and the
# Unicode Logo are registered trademarks of Unicode, Inc. in the United States
# and other countries. Used under the Unicode License v3, whose text is in
# third_party/cldr/LICENSE.

# The rules of a generated file yield: an alias that a hand-written rule
# claims is dropped from them (two generated rules claiming one is an error).
# Rule ids are cldr- and the CLDR unit (cldr-length-mile) or currency code.
generated: true

rules:
`

// writeRules writes the rules in the rule language of config.yaml.
func writeRules(w io.Writer, version string, rules []rule) error {
	var b strings.Builder
	fmt.Fprintf(&b, header, version)
	for _, r := range rules {
		// no description: the id names the CLDR unit, and every scalar
		// costs startup time (a description each is 30M instructions)
		fmt.Fprintf(&b, "  - id: %s\n    type: unit\n", r.id)
		fmt.Fprintf(&b, "    canonical: %s\n    kind: %s\n", scalar(r.canonical), r.kind)
		if r.factor != 1 {
			fmt.Fprintf(&b, "    factor: %s\n", number(r.factor))
		}
		if r.offset != 0 {
			fmt.Fprintf(&b, "    offset: %s\n", number(r.offset))
		}
		for _, l := range []struct {
			name string
			list []string
		}{{"symbols", r.symbols}, {"words", r.words}, {"before", r.before}} {
			if len(l.list) == 0 {
				continue
			}
			items := make([]string, len(l.list))
			for i, s := range l.list {
				items[i] = scalar(s)
			}
			fmt.Fprintf(&b, "    %s: [%s]\n", l.name, strings.Join(items, ", "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func number(f float64) string {
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// plain is what YAML reads as a string as written, in a flow list too.
var plain = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}\p{M} ./²³°-]*$`)

// scalar writes s plain where YAML reads it back as the same string, and
// double-quoted otherwise.
func scalar(s string) string {
	if plain.MatchString(s) && !strings.HasSuffix(s, " ") && !reserved[strings.ToLower(s)] {
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return s
		}
	}
	return strconv.Quote(s)
}

var reserved = map[string]bool{"true": true, "false": true, "yes": true, "no": true, "on": true,
	"off": true, "null": true, "y": true, "n": true, "~": true}

// checkRoundTrip reads the written file back and compares every rule.
func checkRoundTrip(data []byte, rules []rule) error {
	var doc struct {
		Rules []struct {
			ID        string   `yaml:"id"`
			Canonical string   `yaml:"canonical"`
			Factor    *float64 `yaml:"factor"`
			Offset    float64  `yaml:"offset"`
			Symbols   []string `yaml:"symbols"`
			Words     []string `yaml:"words"`
			Before    []string `yaml:"before"`
		} `yaml:"rules"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	if len(doc.Rules) != len(rules) {
		return fmt.Errorf("%d rules read, %d written", len(doc.Rules), len(rules))
	}
	for i, got := range doc.Rules {
		want := rules[i]
		f := 1.0
		if got.Factor != nil {
			f = *got.Factor
		}
		if got.ID != want.id || got.Canonical != want.canonical || f != want.factor || got.Offset != want.offset ||
			!equal(got.Symbols, want.symbols) || !equal(got.Words, want.words) || !equal(got.Before, want.before) {
			return fmt.Errorf("rule %s reads back as %+v", want.id, got)
		}
	}
	return nil
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const placesHeader = `# places.cldr.yaml: subject rules for countries, territories and regions,
# GENERATED from Unicode CLDR %s (npm package cldr-localenames-full) by
# scripts/cldrgen. DO NOT EDIT: change scripts/cldrgen/curate.go and run
#
#     scripts/cldrgen/fetch.sh /tmp/cldr && go run ./scripts/cldrgen -cldr /tmp/cldr
#
# One rule per territory, named by its English name; its aliases are the
# names of the en, en-GB, zh, zh-Hant, zh-Hant-HK and ja locales (with the
# short and variant names: US, アメリカ, Türkiye and Turkey). Names that
# name something else as often (Chad, Georgia, 中美), single characters,
# names CLDR gives to two territories (Congo) and names a unit or currency
# reads are left out; not lists phrases that hold a name without naming
# the place (Niger Delta, 内蒙古, and currency names: Hong Kong dollars).
#
# Data from Unicode CLDR, Copyright © 2004-2026 Unicode, Inc. Unicode and the
# Unicode Logo are registered trademarks of Unicode, Inc. in the United States
# and other countries. Used under the Unicode License v3, whose text is in
# third_party/cldr/LICENSE.

# The rules of a generated file yield: an alias that a hand-written subject
# (config.yaml) has is dropped from them. A generated subject's aliases are
# proper names: they match where their capitals are capitals (Turkey, not
# turkey; US, not us), and one in katakana only as a whole katakana word
# (タイ, not タイヤ). Its name is its display name, not an alias.
generated: true

rules:
`

// writePlaces writes the place rules, one flow mapping a line.
func writePlaces(w io.Writer, version string, places []place) error {
	var b strings.Builder
	fmt.Fprintf(&b, placesHeader, version)
	list := func(l []string) string {
		items := make([]string, len(l))
		for i, s := range l {
			items[i] = scalar(s)
		}
		return "[" + strings.Join(items, ", ") + "]"
	}
	for _, p := range places {
		fmt.Fprintf(&b, "  - {id: %s, type: subject, name: %s, aliases: %s", p.id, scalar(p.name), list(p.aliases))
		if len(p.not) > 0 {
			fmt.Fprintf(&b, ", not: %s", list(p.not))
		}
		b.WriteString("}\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// checkPlacesRoundTrip reads the written places back and compares them.
func checkPlacesRoundTrip(data []byte, places []place) error {
	var doc struct {
		Generated bool `yaml:"generated"`
		Rules     []struct {
			ID      string   `yaml:"id"`
			Type    string   `yaml:"type"`
			Name    string   `yaml:"name"`
			Aliases []string `yaml:"aliases"`
			Not     []string `yaml:"not"`
		} `yaml:"rules"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return err
	}
	if !doc.Generated || len(doc.Rules) != len(places) {
		return fmt.Errorf("%d rules read, %d written (generated: %v)", len(doc.Rules), len(places), doc.Generated)
	}
	for i, got := range doc.Rules {
		want := places[i]
		if got.ID != want.id || got.Type != "subject" || got.Name != want.name || !equal(got.Aliases, want.aliases) || !equal(got.Not, want.not) {
			return fmt.Errorf("rule %s reads back as %+v", want.id, got)
		}
	}
	return nil
}
