package pipeline_test

import (
	"testing"
	"unicode/utf8"
)

// FuzzStages runs every stage, the checks included, on a plain-text file
// of quotes and notes: no text makes them panic, and every finding names
// claims that exist.
func FuzzStages(f *testing.F) {
	for _, s := range []string{
		"Brazil's soybean harvest is forecast at 169 million tonnes, up 9% from 155 million tonnes.\nNote: up 9%, from 155 to 169 million tonnes.",
		"The lake holds 3.9 billion cubic metres, down 12% from 4.2 billion a year ago.\nNote: down 7%.",
		"Household use averaged 10,500 kWh a year, or about 875 kWh a month.\n注：每月约975千瓦时。",
		"Traffic grew 2.5x in four years, a rise of 250%.",
		"The jobless rate fell 0.6 points to 3.7% from 4.1%.\nNote: a 50 bp fall.",
		"The port handled 45 million tonnes, 8% more than the 40 million of a year earlier.",
		"全年国内生产总值1260582亿元，比上年增长5.2%。\n注：GDP约126万亿元，增长了52%。",
		"東京の平均気温は17.6度で、平年を1.7度上回った。\nメモ：平年値は15.9度。",
		"The trail is 100 km, about 80 miles, long.",
		"Apple holds 58%, Samsung 23% and Google 25% of the market.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || len(s) > 2000 {
			return
		}
		r := runAll(t, s)
		ids := map[string]bool{}
		for _, c := range r.Claims {
			ids[c.ID()] = true
		}
		for _, fd := range r.Findings {
			for _, id := range fd.Claims {
				if !ids[id] {
					t.Fatalf("finding %q names claim %s, which does not exist", fd.Message, id)
				}
			}
		}
	})
}
