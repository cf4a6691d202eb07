package main

// What the generator takes from CLDR and what it leaves to the hand-written
// rules of config.yaml. Every entry says why: a rule that is left out here
// is one that the context of a highlight has to decide.

// canon is the canonical unit of ../shared/eval/SCHEMA.md that a CLDR
// category is reported in, and the CLDR unit it is.
type canon struct {
	cldr   string // the CLDR unit id of the canonical unit
	symbol string // the canonical as factsheet reports it
	kind   string // the claim kind (rules' unit kinds)
}

// categories are the CLDR unit categories read, one canonical unit each so
// that linking compares like with like. The rest (angle, pressure, force,
// frequency, graphics, concentration...) has no canonical in the schema.
//
// Energy is Wh, not J: highlights quote energy as kWh, MWh and TWh of
// electricity far more often than as joules, so the values stay as stated
// and the seed's TWh claims keep their unit; joules convert (1 J = 1/3600 Wh).
var categories = map[string]canon{
	"length":      {"meter", "m", "length"},
	"area":        {"square-meter", "m2", "area"},
	"volume":      {"liter", "L", "volume"},
	"speed":       {"meter-per-second", "m/s", "speed"},
	"temperature": {"celsius", "°C", "temperature"},
	"mass":        {"tonne", "t", "mass"},
	"energy":      {"watt-hour", "Wh", "energy"},
	"power":       {"watt", "W", "power"},
	"digital":     {"byte", "B", "data"},
}

// durations are each their own canonical (the schema's year, month, week,
// day, hour, minute and second); the other durations map to one of them.
var durations = map[string]canon{
	"year":        {"year", "year", "duration"},
	"decade":      {"year", "year", "duration"},
	"month":       {"month", "month", "duration"},
	"week":        {"week", "week", "duration"},
	"fortnight":   {"week", "week", "duration"},
	"day":         {"day", "day", "duration"},
	"hour":        {"hour", "hour", "duration"},
	"minute":      {"minute", "minute", "duration"},
	"second":      {"second", "second", "duration"},
	"millisecond": {"second", "second", "duration"},
	"microsecond": {"second", "second", "duration"},
	"nanosecond":  {"second", "second", "duration"},
}

// skipUnits are CLDR units of the categories above that are left out whole.
var skipUnits = map[string]string{
	"duration-century":               "centuries are named by ordinals (21st century, 21世紀), not counted",
	"duration-quarter":               "a quarter is a period (Q3, 四半期) or the fraction three quarters",
	"duration-night":                 "nights are a count of stays, not a duration",
	"length-point":                   "typographic points; 'points' in highlights are index or percentage points",
	"length-mile-scandinavian":       "its symbol mil is the million suffix of the digits rule",
	"length-rod":                     "rare, and rods and chains are ordinary words",
	"length-chain":                   "rare, and rods and chains are ordinary words",
	"length-rin":                     "Japanese traditional units whose kanji are Chinese units of other sizes or words (厘, 寸, 尺, 間, 丈, 里)",
	"length-sun":                     "Japanese traditional units whose kanji are Chinese units of other sizes or words (厘, 寸, 尺, 間, 丈, 里)",
	"length-shaku-length":            "Japanese traditional units whose kanji are Chinese units of other sizes or words (厘, 寸, 尺, 間, 丈, 里)",
	"length-shaku-cloth":             "Japanese traditional units whose kanji are Chinese units of other sizes or words (厘, 寸, 尺, 間, 丈, 里)",
	"length-ken":                     "Japanese traditional units whose kanji are Chinese units of other sizes or words (厘, 寸, 尺, 間, 丈, 里)",
	"length-jo-jp":                   "Japanese traditional units whose kanji are Chinese units of other sizes or words (厘, 寸, 尺, 間, 丈, 里)",
	"length-ri-jp":                   "Japanese traditional units whose kanji are Chinese units of other sizes or words (厘, 寸, 尺, 間, 丈, 里)",
	"area-bu-jp":                     "Japanese traditional areas: 歩 is a step, 畝 the Chinese mu (667 m²), 町 a town",
	"area-se-jp":                     "Japanese traditional areas: 歩 is a step, 畝 the Chinese mu (667 m²), 町 a town",
	"area-cho":                       "Japanese traditional areas: 歩 is a step, 畝 the Chinese mu (667 m²), 町 a town",
	"mass-stone":                     "stone and st are ordinary words (stone, street, saint)",
	"mass-carat":                     "carats state gold purity (18 carat) as often as gem mass, and its symbol CD is a compact disc",
	"mass-grain":                     "grain is an ordinary word in food and farming highlights",
	"mass-slug":                      "slug is an ordinary word",
	"mass-fun":                       "Japanese traditional mass written 分, the CJK tenth and minute",
	"energy-calorie-it":              "a variant of the calorie known only to specialists",
	"energy-british-thermal-unit-it": "a variant of the BTU known only to specialists",
	"speed-beaufort":                 "a wind force scale, not a speed proportional to a number",
	"speed-light-speed":              "its names are the words light and 光",
	"temperature-generic":            "a bare degree is an angle, a temperature or a university degree",
	"temperature-rankine":            "rare, and its symbol °R is the rand in some texts",
	"volume-cup":                     "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-cup-metric":              "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-cup-imperial":            "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-cup-jp":                  "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-pint-metric":             "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-fluid-ounce-metric":      "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-tablespoon":              "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-teaspoon":                "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-dessert-spoon":           "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-dessert-spoon-imperial":  "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-drop":                    "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-dram":                    "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-jigger":                  "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-pinch":                   "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-kosaji":                  "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-osaji":                   "kitchen measures: in highlights cups, spoons, drops and pinches are not volumes",
	"volume-shaku":                   "Japanese traditional volumes whose kanji are Chinese words or units of other sizes (勺, 才, 斗, 石)",
	"volume-sai":                     "Japanese traditional volumes whose kanji are Chinese words or units of other sizes (勺, 才, 斗, 石)",
	"volume-to-jp":                   "Japanese traditional volumes whose kanji are Chinese words or units of other sizes (勺, 才, 斗, 石)",
	"volume-koku":                    "Japanese traditional volumes whose kanji are Chinese words or units of other sizes (勺, 才, 斗, 石)",
}

// extraUnits are prefixed units that CLDR has no names for but composes
// from its prefix patterns (10p9: giga{0}, 吉{0}, ギガ{0}): from names the
// template unit's names, its own prefix stripped, others put in its place.
var extraUnits = []struct {
	template string // a CLDR unit with names
	prefix   string // the template's prefix ("" for none)
	prefixes []string
}{
	{"energy-kilowatt-hour", "kilo", []string{"", "mega", "giga", "tera", "peta"}},
	{"power-watt", "", []string{"tera", "peta"}},
	{"energy-joule", "", []string{"mega", "giga", "tera", "peta", "exa"}},
	{"digital-byte", "", []string{"exa", "zetta"}},
	{"digital-bit", "", []string{"peta"}},
	{"mass-tonne", "", []string{"kilo", "mega", "giga"}},
}

// skipAliases are aliases that CLDR gives a single unit but that are
// ambiguous in highlights: the hand-written rules decide them by context
// or leave them alone. Keys are lower-case.
var skipAliases = map[string]string{
	"in":     "the preposition (in 2020, 1 in 5); inches only with a length context",
	"pound":  "pound sterling or pound weight: the context decides",
	"pounds": "pound sterling or pound weight: the context decides",
	"ポンド":    "pound sterling or pound weight: the context decides",
	"ton":    "metric unless the text says short ton (CLDR's ton is the US short ton)",
	"tons":   "metric unless the text says short ton (CLDR's ton is the US short ton)",
	"tn":     "the trillion suffix of the digits rule (5tn)",
	"吨":      "CLDR's zh 吨 is the US short ton; in Chinese text it is the metric tonne",
	"英噸":     "CLDR zh-Hant narrow name of the short ton, but 英噸 is the long ton",
	"pc":     "percent in British highlights (2.4pc); parsecs are written out",
	"pm":     "a clock time (5 pm), not picometres",
	"nm":     "nautical miles in aviation, nanometres in chips: the context decides",
	"mm":     "millions in finance ($5mm), millimetres in science: the context decides",
	"kt":     "kilotonnes or knots: the context decides",
	"fur":    "an ordinary word (fur), not furlongs",
	"dec":    "December (15 dec), not decades",
	"bit":    "64-bit and 8-bit name architectures; 'a bit' is a phrase",
	"bits":   "64-bit and 8-bit name architectures; 'a bit' is a phrase",
	"比特":     "the start of 比特币 (bitcoin)",
	"ビット":    "the start of ビットコイン (bitcoin)",
	"位元":     "64位元 names an architecture (64-bit)",
	"個位元":    "64位元 names an architecture (64-bit)",
	"日":      "a day of the month in Japanese dates (12日); durations are 日間",
	"分":      "minutes in Japanese, but the CJK tenth (3分), the fraction 分之 and the Chinese cent",
	"月":      "a month of the year (5月 is May); durations are 个月, か月",
	"世紀":     "21世紀 is the 21st century, not 21 centuries",
	"十年":     "the numeral 十 and 年 (ten years): as a unit it would split 三十年",
	"码":      "a clothing or shoe size (39码), not only yards",
	"碼":      "a clothing or shoe size (39碼), not only yards",
	"节":      "a class period, festival or section (5节课), not only knots",
	"節":      "a class period, festival or section, not only knots",
	"匹":      "the classifier of horses and cloth (3匹马), not horsepower",
	"卡":      "a card (3张卡), and calories or kilocalories by context",
	"元":      "ja symbol of the yuan; before a number in Chinese 元 is 公元 (AD)",
	"ly":     "an English suffix, and light years are written out",
	// the last word of a currency's name that is a word of its own
	"real":  "an English adjective (3 real problems), not only the Brazilian real",
	"reals": "the Brazilian real's plural, kept out with its singular",
	"mark":  "an English word (marks out of ten), not only the Bosnian convertible mark",
	"marks": "an English word (marks out of ten), not only the Bosnian convertible mark",
	"dram":  "a measure of drink, not only the Armenian dram",
	"drams": "a measure of drink, not only the Armenian dram",
	"kip":   "an English word (a nap), not only the Laotian kip",
	"kips":  "an English word, not only the Laotian kip",
	"sol":   "a word (the sun, a Martian day), not only the Peruvian sol",
	"soles": "an English word (shoe soles), not only the Peruvian sol",
	"ランド":   "land (ディズニーランド), not only the South African rand",
	"ドン":    "a word (don, ドン・キホーテ), not only the Vietnamese dong",
	"ルーブル":  "the Louvre, not only the Russian ruble",
	"gold":  "a metal (3 gold medals), not only the Zimbabwean gold",
	"ゴールド":  "gold, not only the Zimbabwean gold",
	"ドラム":   "a drum, not only the Armenian dram",
	"コロン":   "a colon (and Cologne), not only the colón",
	"チャット":  "a chat, not only the Myanmar kyat",
	"キープ":   "keep, not only the Laotian kip",
	"レオン":   "a name (Leon), not only the Sierra Leonean leone",
	"レアル":   "Real (Madrid), not only the Brazilian real",
}

// skipCodes are ISO 4217 codes, of currencies in use today, that are
// English words or well-known acronyms: before a number (TOP 10, ALL 3,
// AMD 7950X, CVE-2024) they are not money. Their names and symbols stay.
var skipCodes = map[string]string{
	"ALL": "English word (all 3)",
	"AMD": "the chip maker (AMD 7950X)",
	"BAM": "English word",
	"BOB": "a name",
	"BSD": "the BSD licence (BSD 3-Clause)",
	"COP": "English word (cop)",
	"CRC": "checksum (CRC 32)",
	"CUP": "English word (cup 2)",
	"CVE": "vulnerability ids (CVE-2024-1234)",
	"GEL": "English word (gel)",
	"IRR": "the internal rate of return in finance highlights",
	"MAD": "English word (mad)",
	"MOP": "English word (mop)",
	"PEN": "English word (pen)",
	"PHP": "the programming language (PHP 8)",
	"RON": "a name",
	"SOS": "the distress call",
	"SVC": "service; the Salvadoran colón is no longer used",
	"TOP": "English word (top 10)",
	"TRY": "English word (try 3)",
}

// skipCurrencies are currency codes CLDR lists that are not money.
var skipCurrencies = map[string]string{
	"XAG": "silver, a commodity priced per troy ounce",
	"XAU": "gold, a commodity priced per troy ounce",
	"XPD": "palladium, a commodity priced per troy ounce",
	"XPT": "platinum, a commodity priced per troy ounce",
	"XTS": "a code reserved for testing",
	"XXX": "the code for no currency",
	"XBA": "a European bond-market unit of account",
	"XBB": "a European bond-market unit of account",
	"XBC": "a European bond-market unit of account",
	"XBD": "a European bond-market unit of account",
	"XSU": "the Sucre of ALBA, an accounting unit named like the old Ecuadorian sucre",
	"XUA": "an accounting unit of the African Development Bank",
	"XRE": "a withdrawn accounting unit",
	"XFO": "a withdrawn gold franc",
	"XFU": "a withdrawn UIC franc",
}

// letterSymbols are the letter symbols that highlights do write before
// amounts, kept although a short word (RM12.90, Rp 5.000).
var letterSymbols = map[string]bool{
	"RM": true, // Malaysian ringgit
	"Rp": true, // Indonesian rupiah
}

// skipPlaces are CLDR territories that are no place a figure is about.
var skipPlaces = map[string]string{
	"001": "the world: 'world' is a common word, and world figures are told apart by their metric",
	"QO":  "a statistical remainder (Outlying Oceania), no place a text names",
	"ZZ":  "no place (Unknown Region)",
	"XA":  "a pseudo-locale's test region",
	"XB":  "a pseudo-locale's test region",
	"UN":  "an organisation that publishes figures: it is their source, not what they are about",
}

// dropPlaceAliases are territory names that name something else as often
// as the place, or more: a figure near them would take the wrong subject.
var dropPlaceAliases = map[string]string{
	"Chad":     "a given name as well as the country",
	"Georgia":  "the US state as well as the country (格鲁吉亚 is only the country)",
	"ジョージア":    "the US state as well as the country, and a given name",
	"喬治亞":      "the US state as well as the country",
	"Jersey":   "New Jersey, and a garment",
	"ジャージー":    "a garment (jersey) as well as the island",
	"Republic": "a common word (Congo (Republic))",
	"Keeling":  "the Keeling Curve of CO₂ as well as the islands",
	"キンシャサ":    "a capital city, not its country",
	"ブラザビル":    "a capital city, not its country",
	"金夏沙":      "a capital city, not its country",
	"布拉薩":      "a capital city, not its country",
	"中美":       "China and the US (中美贸易) as often as Central America",
	"中非":       "China and Africa (中非合作) as often as Middle Africa",
	"獅子山":      "Lion Rock in Hong Kong as well as Sierra Leone",
	"黑山":       "a common place name in China (黑山县) as well as Montenegro",
}

// placeNot are phrases that hold a place's name without naming the place:
// a part of another country, a sea, a word across which the characters of
// a Chinese name fall (增加纳税 holds 加纳, Ghana), a company or bank.
var placeNot = map[string][]string{
	"CN": {"中国银行", "中國銀行", "中国地方", "中国銀行"}, // Bank of China; Japan's Chūgoku region and bank
	"GH": {"增加纳", "参加纳", "加纳入", "加纳税"},
	"GN": {"New Guinea", "新几内亚", "新幾內亞"},
	"HT": {"海地区", "海地區"}, // 沿海地区, coastal areas
	"IE": {"Northern Ireland", "北爱尔兰", "北愛爾蘭", "北アイルランド"},
	"IN": {"印度洋", "インド洋"}, // the Indian Ocean
	"KP": {"朝鲜半岛", "朝鲜族", "朝鮮半島"},
	"ML": {"马里兰", "马里亚纳", "马里奥", "馬里蘭"}, // Maryland, the Marianas, Mario
	"MN": {"内蒙古", "內蒙古"},
	"NE": {"Niger Delta", "Niger River", "River Niger"},
	"TG": {"多哥伦", "多哥倫"}, // 很多哥伦比亚人: Colombia
}
