package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// The CLDR release the generated rules come from. Regenerating from another
// release is a deliberate change: bump it here and in fetch.sh together.
const cldrVersion = "48.2.0"

// The npm packages the generator reads, unpacked side by side in one folder.
var cldrPackages = []string{"cldr-core", "cldr-units-full", "cldr-numbers-full", "cldr-localenames-full"}

// The locales read: English (US and British spellings), Chinese (simplified,
// traditional, Hong Kong) and Japanese, the languages factsheet reads.
var locales = []string{"en", "en-GB", "zh", "zh-Hant", "zh-Hant-HK", "ja"}

// widths are CLDR's three unit name lengths, longest first: the long names
// are words, the short and narrow ones abbreviations.
var widths = []string{"long", "short", "narrow"}

// cldrData is what the generator reads from the npm packages.
type cldrData struct {
	version string
	dir     string
	supp    supplemental
	// units[locale][width][unit key] holds the display name and patterns
	units map[string]map[string]map[string]map[string]string
	// currencies[locale][code] holds the display names and symbols
	currencies map[string]map[string]map[string]string
	// tender holds the codes that some region uses today
	tender map[string]bool
	// territories[locale][code] is a territory's name (US, US-alt-short)
	territories map[string]map[string]string
}

func readCLDR(dir string) (*cldrData, error) {
	d := &cldrData{dir: dir, units: map[string]map[string]map[string]map[string]string{},
		currencies: map[string]map[string]map[string]string{}, tender: map[string]bool{},
		territories: map[string]map[string]string{}}
	for _, p := range cldrPackages {
		var pkg struct {
			Version string `json:"version"`
		}
		if err := readJSON(filepath.Join(dir, p, "package.json"), &pkg); err != nil {
			return nil, err
		}
		if pkg.Version != cldrVersion {
			return nil, fmt.Errorf("%s is version %s, the generator is pinned to %s (see fetch.sh)", p, pkg.Version, cldrVersion)
		}
		d.version = pkg.Version
	}
	var supp struct {
		Supplemental supplemental `json:"supplemental"`
	}
	if err := readJSON(filepath.Join(dir, "cldr-core", "supplemental", "units.json"), &supp); err != nil {
		return nil, err
	}
	d.supp = supp.Supplemental
	var cur struct {
		Supplemental struct {
			CurrencyData struct {
				Region map[string][]map[string]struct {
					To     string `json:"_to"`
					Tender string `json:"_tender"`
				} `json:"region"`
			} `json:"currencyData"`
		} `json:"supplemental"`
	}
	if err := readJSON(filepath.Join(dir, "cldr-core", "supplemental", "currencyData.json"), &cur); err != nil {
		return nil, err
	}
	for _, list := range cur.Supplemental.CurrencyData.Region {
		for _, m := range list {
			for code, v := range m {
				if v.To == "" && v.Tender != "false" {
					d.tender[code] = true
				}
			}
		}
	}
	for _, loc := range locales {
		var u struct {
			Main map[string]struct {
				Units map[string]json.RawMessage `json:"units"`
			} `json:"main"`
		}
		if err := readJSON(filepath.Join(dir, "cldr-units-full", "main", loc, "units.json"), &u); err != nil {
			return nil, err
		}
		d.units[loc] = map[string]map[string]map[string]string{}
		for _, w := range widths {
			var m map[string]map[string]string
			raw, ok := u.Main[loc].Units[w]
			if !ok {
				return nil, fmt.Errorf("%s units: no %s names", loc, w)
			}
			if err := json.Unmarshal(raw, &m); err != nil {
				// a few entries (coordinateUnit) are nested deeper: read
				// entry by entry and keep the flat ones
				var any map[string]json.RawMessage
				if err := json.Unmarshal(raw, &any); err != nil {
					return nil, fmt.Errorf("%s units %s: %w", loc, w, err)
				}
				m = map[string]map[string]string{}
				for k, v := range any {
					var flat map[string]string
					if json.Unmarshal(v, &flat) == nil {
						m[k] = flat
					}
				}
			}
			d.units[loc][w] = m
		}
		var c struct {
			Main map[string]struct {
				Numbers struct {
					Currencies map[string]map[string]string `json:"currencies"`
				} `json:"numbers"`
			} `json:"main"`
		}
		if err := readJSON(filepath.Join(dir, "cldr-numbers-full", "main", loc, "currencies.json"), &c); err != nil {
			return nil, err
		}
		d.currencies[loc] = c.Main[loc].Numbers.Currencies
		var tr struct {
			Main map[string]struct {
				Names struct {
					Territories map[string]string `json:"territories"`
				} `json:"localeDisplayNames"`
			} `json:"main"`
		}
		if err := readJSON(filepath.Join(dir, "cldr-localenames-full", "main", loc, "territories.json"), &tr); err != nil {
			return nil, err
		}
		d.territories[loc] = tr.Main[loc].Names.Territories
	}
	return d, nil
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
