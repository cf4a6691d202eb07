package pipeline_test

import (
	"testing"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// What only looks alike must stay apart: no inconsistent finding may come
// from a level beside its change, a figure per head beside a total, two
// places, entities, periods or spans, gross beside net, two intervals, or
// figures compared side by side in one sentence. Each case is a text a
// reader could well highlight; a line in another language is a note.
func TestKeepApart(t *testing.T) {
	cases := []struct{ name, text string }{
		{"a level, its change and its base", "Exports rose 5% to $164 billion, compared with $156 billion a year earlier."},
		{"a change and a level in Chinese", "出口增长5%,达到164亿美元,上年为156亿美元。"},
		{"a base of another span", "Rents rose 4% this year to $1,900, up from $1,200 a decade ago."},
		{"a price per unit and a total", "Each ticket costs $4.50, and the club sold tickets worth $4.5 million."},
		{"per capita and total", "GDP per capita is $12,000 while total GDP is $1.2 trillion."},
		{"two places in one sentence", "Unemployment was 4.5% in Texas and 5.4% in Ohio in 2024."},
		{"two places in two sources", "Texas had 4.5% unemployment in 2024.\n\nOhio had 5.4% unemployment in 2024."},
		{"two entities", "In 2023 Acme's revenue reached $4.61 billion.\n\nIn 2023 Globex's revenue reached $4.16 billion."},
		{"two periods", "Sales were $4.6 million in 2022 and $6.4 million in 2023."},
		{"two periods in two sources", "Sales were $4.6 million in 2022.\n\nSales were $6.4 million in 2023."},
		{"two spans", "Output grew 12% over five years and 21% in 2023 alone."},
		{"nominal and real", "Nominal GDP grew 7.8% in 2023 while real GDP grew 2.9%."},
		{"nominal and real in two sources", "In 2023 real GDP grew 2.8%.\n\nIn 2023 nominal GDP grew 8.2%."},
		{"gross and net", "In 2024 gross debt was 112% of GDP.\n\nIn 2024 net debt was 121% of GDP."},
		{"births and deaths", "2022年出生人口956万。\n\n2022年死亡人口965万。"},
		{"two intervals", "The 95% interval runs from 2.1 to 3.4 and the 90% interval from 2.3 to 3.2."},
		{"compared side by side", "Google holds 45% of compute, against 54% for Microsoft."},
		{"a range holding a point", "Temperatures ranged from 12 to 18 °C, averaging 15 °C."},
		{"about within its slack", "Revenue grew from $80 million to $100 million, about 24%."},
		{"a restatement in another unit", "The trail is 26 miles long.\n这条小路全长约42公里。"},
		{"a figure the quote's multiple works out", "A new stadium costs about $30 billion, some ten times what one cost in the 1990s.\n三十年前一座体育场约30亿美元。"},
		{"a note that restates the figure and gives another", "The plague killed an estimated 50 million people over a century.\n一个世纪约5000万人，平均每年约50万人。"},
		{"a note's own product", "A course of the drug costs $2,000.\n每剂约4美元，为50万人接种约需200万美元。"},
		{"sizes that name things", "A 12-inch pizza has four times the area of a 6-inch one."},
		{"a figure after N倍 is no side of it", "Starting pay at the plant is 300,000 yen a month.\n月薪30万日元，是全县平均的约1.5倍，年收入约360万日元。"},
		{"a half after the unit", "The tunnel took three and a half years to dig.\n隧道挖了3年半。"},
		{"a half between counter and unit", "The strike lasted 3.5 months.\n罢工持续了三个半月。"},
		{"shares of two wholes", "55% of men and 51% of women voted."},
		{"shares adding to exactly 100%", "Firm A holds 60% of the market and firm B 40%."},
		{"one share at two times", "The retailer holds 38% of the grocery market in 2021 and 67% in 2025."},
		{"a multiple restates the rise just before it", "Costs fell 90% in a decade, while output rose 150%, or 2.5 times."},
		{"two choices in one unit", "Runners choose between 5 km or 10 km, and riders 40 km or 80 km."},
		{"one share of two wholes", "Services generated 62% of output and 80% of jobs."},
		{"a share at two times, in other words", "Exports represented 30% of GDP in 2000 and 45% of it in 2020."},
		{"one share in two places", "The retailer holds 38% of the grocery market in Norway and 67% in Iceland."},
		{"a rejected figure in a note", "Prices rose 120% in 2023.\n涨幅是120%,不是220%。"},
		{"a doubling and its rate", "Traffic doubles every 5 years, about 15% a year."},
		{"a change with its own end beside another change", "The gross margin improved to 41.2% from 38.9%, while sales rose 9% to $8.3 billion."},
		{"a change with its own end, in Chinese", "毛利率从38.9%升至41.2%,销售额增长9%至83亿美元。"},
		{"a change reaching its own level", "The margin rose to 41.2% from 38.9%, and sales grew 9%, reaching $8.3 billion."},
		{"a change and its level after 为", "毛利率从38.9%升至41.2%,销售额同比增长9%为83亿美元。"},
		{"a Japanese change and its level", "利益率は前年の38.9%から41.2%に上昇し、売上高は9%増の83億ドルだった。"},
		{"a count, a price and a total that fits", "At 1,200 seats for $45 each, the evening comes to $54,000, and the hall seats 2,000."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, f := range runAll(t, c.text).Findings {
				if f.Status == pipeline.Inconsistent {
					t.Errorf("%q: %s flags: %s", c.text, f.Rule, f.Message)
				}
			}
		})
	}
}
