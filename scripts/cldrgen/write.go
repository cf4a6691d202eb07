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
