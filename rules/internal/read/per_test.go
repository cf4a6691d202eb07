package read_test

import "testing"

// Compound units: a price or a rate per unit of something physical or of
// time, in the canonical units A/B; and what stays a plain figure.

const gallon, barrel, sqft = 3.785411784, 158.987294928, 0.09290304

func TestPerAfterTheFigure(t *testing.T) {
	runCases(t, []extractCase{
		{"petrol cost $4.10 a gallon", []want{w("$4.10 a gallon", 4.10/gallon, "USD/L")}},
		{"diesel at €1.74 per litre", []want{w("€1.74 per litre", 1.74, "EUR/L")}},
		{"coal traded at US$135/t", []want{w("US$135/t", 135, "USD/t")}},
		{"a flat at HK$14,200 per square foot", []want{w("HK$14,200 per square foot", 14200/sqft, "HKD/m2")}},
		{"wheat at 2,275 rupees a quintal", []want{w("2,275 rupees a quintal", 22750, "INR/t")}},
		{"maize yields of 6,100 kg/ha", []want{w("6,100 kg/ha", 6.1/1e4, "t/m2")}},
		{"power at 9 cents per kWh", []want{w("9 cents per kWh", 0.09/1000, "USD/Wh")}},
		{"exports of 1.4 million barrels of crude oil a day", []want{w("1.4 million barrels of crude oil a day", 1.4e6*barrel, "L/day")}},
		{"4.2 billion cubic feet per day of gas", []want{w("4.2 billion cubic feet per day", 4.2e9*28.316846592, "L/day")}},
		{"output of 850,000 t a year", []want{w("850,000 t a year", 850000, "t/year")}},
		{"a plan of 60 GB a month", []want{w("60 GB a month", 6e10, "B/month")}},
		{"downloads at 40 MB/s", []want{w("40 MB/s", 4e7, "B/s")}},
		{"a lorry doing 90 km per hour", []want{w("90 km per hour", 25, "m/s")}},
		{"a nurse earning RM3,900 a month", []want{w("RM3,900 a month", 3900, "MYR/month")}},
		// a range and a list share the compound
		{"between $3 and $4 a gallon", []want{wb("$3 and $4 a gallon", 3.5/gallon, "USD/L", 3/gallon, 4/gallon)}},
		{"harvests of 12.1, 11.4 and 10.9 million tonnes a year", []want{
			w("12.1", 12.1e6, "t/year"), w("11.4", 11.4e6, "t/year"), w("10.9 million tonnes a year", 10.9e6, "t/year")}},
		// an alternative after a slash states the denominator for both
		{"at 40 kilometres/25 miles per hour", []want{w("40 kilometres", 40/3.6, "m/s"), w("25 miles per hour", 25*0.44704, "m/s")}},
	})
}

func TestPerStaysPlain(t *testing.T) {
	runCases(t, []extractCase{
		{"eggs at $3.80 a dozen", []want{w("$3.80", 3.80, "USD")}},
		{"tickets at £60 per person", []want{w("£60", 60, "GBP")}},
		{"he was paid $700 a week ago", []want{w("$700", 700, "USD")}},
		{"data centres used 460 TWh a year", []want{w("460 TWh", 4.6e14, "Wh")}},
		{"inflation of 4% a year", []want{w("4%", 4, "%")}},
		{"she works 9 hours a day", []want{w("9 hours", 9, "hour")}},
		{"17 deaths per 1,000 births", []want{w("17", 17, ""), w("1,000", 1000, "")}},
		{"dividends of $1.20 per share", []want{w("$1.20", 1.2, "USD")}},
	})
}

func TestPerBeforeTheFigure(t *testing.T) {
	runCases(t, []extractCase{
		{"柴油每升约8.1元", []want{w("每升约8.1元", 8.1, "CNY/L")}},
		{"出口价每吨约520美元", []want{w("每吨约520美元", 520, "USD/t")}},
		{"收购价每公担2,275卢比", []want{w("每公担2,275卢比", 22750, "INR/t")}},
		{"高铁时速约350公里", []want{w("时速约350公里", 350/3.6, "m/s")}},
		{"每小时约900公里", []want{w("每小时约900公里", 250, "m/s")}},
		{"每天增产30万桶", []want{w("每天增产30万桶", 3e5*barrel, "L/day")}},
		{"下载速度每秒12MB", []want{w("每秒12MB", 1.2e7, "B/s")}},
		{"日量約5000万立方メートル", []want{w("日量約5000万立方メートル", 5e10, "L/day")}},
		{"1日約120万バレル", []want{w("約120万バレル", 1.2e6*barrel, "L/day")}},
		{"1ガロン4.10ドル", []want{w("4.10ドル", 4.10/gallon, "USD/L")}},
		{"リットル当たり175円", []want{w("リットル当たり175円", 175, "JPY/L")}},
		{"電気代は1kWhあたり31円", []want{w("31円", 0.031, "JPY/Wh")}},
		{"地価は1平方メートル当たり約400万円", []want{w("約400万円", 4e6, "JPY/m2")}},
		// a range whose first end has no unit of its own
		{"燃料電池は1kWh当たり80〜90ドルに下がる", []want{wb("80〜90ドル", 0.085, "USD/Wh", 0.08, 0.09)}},
		// a date, a bag of 5 kg, January and a year ago are no denominators
		{"21日200万バレル", []want{w("200万バレル", 2e6*barrel, "L")}},
		{"５キロあたり4000円", []want{w("５", 5, ""), w("4000円", 4000, "JPY")}},
		{"1月300万桶", []want{w("300万桶", 3e6*barrel, "L")}},
		{"一年前约6美元", []want{w("约6美元", 6, "USD")}},
		{"前一周约为3,900日元", []want{w("一周", 1, "week"), w("约为3,900日元", 3900, "JPY")}},
	})
}

func TestPerSpreadsInItsSentence(t *testing.T) {
	runCases(t, []extractCase{
		// the earlier price and the change take the price's unit
		{"1ガロン4.10ドル、前年の3.20ドルから上昇", []want{w("4.10ドル", 4.10/gallon, "USD/L"), w("3.20ドル", 3.20/gallon, "USD/L")}},
		{"gasoline rose from $3.12 to $3.49 a gallon", []want{w("$3.12", 3.12/gallon, "USD/L"), w("$3.49 a gallon", 3.49/gallon, "USD/L")}},
		{"diesel fell to $3.80 from $4.10 a gallon", []want{w("$3.80", 3.80/gallon, "USD/L"), w("$4.10 a gallon", 4.10/gallon, "USD/L")}},
		{"汽油从3.12美元涨到每加仑3.49美元", []want{w("3.12美元", 3.12/gallon, "USD/L"), w("每加仑3.49美元", 3.49/gallon, "USD/L")}},
		// a total before its cost per unit keeps its unit
		{"the tunnel's $4bn works out at $200m a km", []want{w("$4bn", 4e9, "USD"), w("$200m a km", 2e5, "USD/m")}},
		{"the bridge cost $6bn at $300m a km", []want{w("$6bn", 6e9, "USD"), w("$300m a km", 3e5, "USD/m")}},
		// a price times a quantity its sentence states is a sum
		{"a 40 kWh pack at $120 per kWh costs some $4,800", []want{w("40 kWh", 4e4, "Wh"), w("$120 per kWh", 0.12, "USD/Wh"), w("some $4,800", 4800, "USD")}},
		{"a 40 kWh pack at $120 per kWh, down from $160", []want{w("40 kWh", 4e4, "Wh"), w("$120 per kWh", 0.12, "USD/Wh"), w("$160", 0.16, "USD/Wh")}},
		// a phrase with no figure of its own names the unit
		{"The price per barrel fell to $80 from $84, a drop of $4.", []want{
			w("$80", 80/barrel, "USD/L"), w("$84", 84/barrel, "USD/L"), w("$4", 4/barrel, "USD/L")}},
		// another size, another clause before the price, another currency keep their unit
		{"The price per barrel fell to $80 while revenue reached $2 billion.", []want{w("$80", 80/barrel, "USD/L"), w("$2 billion", 2e9, "USD")}},
		{"the fee was $30, and fuel $4.10 a gallon", []want{w("$30", 30, "USD"), w("$4.10 a gallon", 4.10/gallon, "USD/L")}},
		{"fuel at $4.10 a gallon cost them €3.90", []want{w("$4.10 a gallon", 4.10/gallon, "USD/L"), w("€3.90", 3.90, "EUR")}},
		// a change's size is no measure of the price's: the level after it takes the unit too
		{"copper rose $150 a tonne to $9,400, and the miner earned $3 billion", []want{
			w("$150 a tonne", 150, "USD/t"), w("$9,400", 9400, "USD/t"), w("$3 billion", 3e9, "USD")}},
		// an annual amount of money stays an amount; of a volume it is a flow
		{"年間売上高は約3兆円、年間生産量は約2億リットル", []want{w("約3兆円", 3e12, "JPY"), w("年間生産量は約2億リットル", 2e8, "L/year")}},
	})
}

func TestPerListsAndRateWords(t *testing.T) {
	runCases(t, []extractCase{
		// the next item of a Chinese or Japanese list shares the denominator
		{"時速約90km、約56マイル", []want{w("時速約90km", 25, "m/s"), w("約56マイル", 56*1609.344/3600, "m/s")}},
		{"每吨600美元、650美元和700美元", []want{w("每吨600美元", 600, "USD/t"), w("650美元", 650, "USD/t"), w("700美元", 700, "USD/t")}},
		// a rate word in the clause makes a flow of volume or data a rate
		{"its daily output of 600,000 barrels", []want{w("600,000 barrels", 6e5*barrel, "L/day")}},
		{"monthly use per phone is set to pass 25 GB", []want{w("25 GB", 2.5e10, "B/month")}},
		{"annual revenue of $3 billion", []want{w("$3 billion", 3e9, "USD")}},
		{"annual output, which fell, was 600,000 barrels", []want{w("600,000 barrels", 6e5*barrel, "L")}},
	})
}
