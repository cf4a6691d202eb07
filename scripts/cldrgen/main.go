// Command cldrgen writes units.cldr.yaml, factsheet's unit and currency
// rules generated from Unicode CLDR, places.cldr.yaml, its subject rules
// for countries, territories and regions, and the CLDR licence. It is
// run by hand when CLDR is updated, never at build time:
//
//	scripts/cldrgen/fetch.sh /tmp/cldr     # npm pack of the pinned packages
//	go run ./scripts/cldrgen -cldr /tmp/cldr
//
// It reads the en, en-GB, zh, zh-Hant, zh-Hant-HK and ja unit names (long,
// short and narrow, singular and plural), the currency names and symbols,
// and the supplemental unit conversions, and maps every unit to the
// canonical unit of its dimension. Aliases that CLDR gives to two units or
// currencies, and those listed in curate.go as ambiguous in highlights, are
// left out for the hand-written rules of config.yaml to decide; a summary
// of what was left out, and why, is printed.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	dir := flag.String("cldr", "", "folder holding the unpacked npm packages "+fmt.Sprint(cldrPackages)+" (see fetch.sh)")
	out := flag.String("out", "units.cldr.yaml", "generated unit rules file")
	placesOut := flag.String("places", "places.cldr.yaml", "generated place (subject) rules file")
	lic := flag.String("license", "third_party/cldr/LICENSE", "where to copy the Unicode licence")
	verbose := flag.Bool("v", false, "list every alias left out, not only the counts")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "cldrgen: -cldr is required (run scripts/cldrgen/fetch.sh first)")
		os.Exit(2)
	}
	if err := run(*dir, *out, *placesOut, *lic, *verbose, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cldrgen:", err)
		os.Exit(1)
	}
}

func run(dir, out, placesOut, lic string, verbose bool, w io.Writer) error {
	d, err := readCLDR(dir)
	if err != nil {
		return err
	}
	g := newGenerator(d)
	rules, err := g.generate()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := writeRules(&buf, d.version, rules); err != nil {
		return err
	}
	if err := checkRoundTrip(buf.Bytes(), rules); err != nil {
		return fmt.Errorf("the generated file does not read back: %w", err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	places := g.places(rules)
	buf.Reset()
	if err := writePlaces(&buf, d.version, places); err != nil {
		return err
	}
	if err := checkPlacesRoundTrip(buf.Bytes(), places); err != nil {
		return fmt.Errorf("the generated places do not read back: %w", err)
	}
	if err := os.WriteFile(placesOut, buf.Bytes(), 0o644); err != nil {
		return err
	}
	licence, err := os.ReadFile(filepath.Join(dir, "cldr-core", "LICENSE"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(lic), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(lic, licence, 0o644); err != nil {
		return err
	}
	g.summary(w, rules, out, places, placesOut, verbose)
	return nil
}

// generate builds the rules, aliases resolved, empty rules dropped.
func (g *generator) generate() ([]rule, error) {
	if err := g.units(); err != nil {
		return nil, err
	}
	g.currencies()
	g.resolve()
	var out []rule
	for _, r := range g.rules {
		if len(r.symbols)+len(r.words)+len(r.before) == 0 {
			g.skip("no alias left", r.source)
			continue
		}
		out = append(out, r)
	}
	sortRules(out)
	return out, nil
}

func (g *generator) summary(w io.Writer, rules []rule, out string, places []place, placesOut string, verbose bool) {
	n := 0
	for _, r := range rules {
		n += len(r.symbols) + len(r.words) + len(r.before)
	}
	fmt.Fprintf(w, "cldrgen: wrote %s: %d rules, %d aliases, from CLDR %s\n", out, len(rules), n, g.cldr.version)
	n, not := 0, 0
	for _, p := range places {
		n, not = n+len(p.aliases), not+len(p.not)
	}
	fmt.Fprintf(w, "cldrgen: wrote %s: %d rules, %d aliases, %d phrases that name no place\n", placesOut, len(places), n, not)
	reasons := sortedKeys(g.skipped)
	sort.SliceStable(reasons, func(a, b int) bool { return len(g.skipped[reasons[a]]) > len(g.skipped[reasons[b]]) })
	fmt.Fprintln(w, "left out:")
	for _, why := range reasons {
		list := g.skipped[why]
		fmt.Fprintf(w, "  %4d  %s\n", len(list), why)
		if verbose || len(list) <= 6 {
			for _, x := range list {
				fmt.Fprintf(w, "          %s\n", x)
			}
		}
	}
}
