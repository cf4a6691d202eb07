package read

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// PeriodKey normalises a period so that two spellings of one time compare
// equal ("Q4 2025", "end of 2025", "2025年第四季度" → "2025-Q4"), and ranks
// it in time (0 where it cannot). Words for the present become "now".
func (rs *Engine) PeriodKey(p string) (string, int) {
	p = strings.TrimSpace(p)
	if p == "" {
		return "", 0
	}
	if rs.periods.now[strings.ToLower(p)] {
		return "now", 0
	}
	if k, ok := rs.periods.relative[strings.ToLower(p)]; ok {
		return k, 0
	}
	if m := fiscalYear.FindStringSubmatch(p); m != nil {
		return "FY" + m[1] + m[2], 0
	}
	if year, month, ok := monthOf(p); ok {
		return fmt.Sprintf("%d-%02d", year, month), year*100 + month
	}
	for _, f := range periodForms {
		if m := f.re.FindStringSubmatch(p); m != nil {
			year, _ := strconv.Atoi(m[f.year])
			q := f.quarter
			if f.q > 0 {
				q = quarterOf(m[f.q])
			}
			key := strconv.Itoa(year)
			if q > 0 {
				key += "-Q" + strconv.Itoa(q)
			}
			return key, year*10 + q
		}
	}
	return strings.ToLower(p), 0
}

type periodForm struct {
	re      *regexp.Regexp
	year, q int // submatch indexes
	quarter int // a fixed quarter when q is 0
}

// fiscalYear is a fiscal year, in words or in Chinese and Japanese (2023年度,
// 2023财年): one key for all its spellings, apart from the calendar year's.
var fiscalYear = regexp.MustCompile(`(?i)^(?:(?:fiscal\s+(?:year\s+)?|FY\s?)((?:19|20|21)\d\d)|((?:19|20|21)\d\d)\s*(?:年度|财年|財年|会计年度))$`)

var periodForms = []periodForm{
	{re: regexp.MustCompile(`(?i)^Q([1-4])\s*((?:19|20|21)\d\d)$`), year: 2, q: 1},
	{re: regexp.MustCompile(`(?i)^(?:the\s+)?(?:end|close|fourth quarter) of\s+((?:19|20|21)\d\d)$`), year: 1, quarter: 4},
	{re: regexp.MustCompile(`(?i)^(?:the\s+)?(?:start|beginning|first quarter) of\s+((?:19|20|21)\d\d)$`), year: 1, quarter: 1},
	{re: regexp.MustCompile(`^((?:19|20|21)\d\d)年第?([一二三四1-4])季度$`), year: 1, q: 2},
	{re: regexp.MustCompile(`^((?:19|20|21)\d\d)年(?:底|末)$`), year: 1, quarter: 4},
	{re: regexp.MustCompile(`^((?:19|20|21)\d\d)年?(?:初)$`), year: 1, quarter: 1},
	{re: regexp.MustCompile(`(?i)^(?:mid-?\s*|(?:the\s+)?middle of\s+)((?:19|20|21)\d\d)$`), year: 1, quarter: 2},
	{re: regexp.MustCompile(`^((?:19|20|21)\d\d)年年?中$`), year: 1, quarter: 2},
	{re: regexp.MustCompile(`^((?:19|20|21)\d\d)年?$`), year: 1},
}

func quarterOf(s string) int {
	switch s {
	case "1", "一":
		return 1
	case "2", "二":
		return 2
	case "3", "三":
		return 3
	}
	return 4
}

var (
	monthEn = regexp.MustCompile(`(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?((?:19|20|21)\d\d)$`)
	monthZh = regexp.MustCompile(`^((?:19|20|21)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?$`)
	months  = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
)

// monthOf reads a month of a year: "September 2022", "Sept. 18, 2022",
// "2022年9月" all give 2022 and 9.
func monthOf(p string) (year, month int, ok bool) {
	if m := monthEn.FindStringSubmatch(p); m != nil {
		year, _ = strconv.Atoi(m[2])
		return year, months[strings.ToLower(m[1])], true
	}
	if m := monthZh.FindStringSubmatch(p); m != nil {
		year, _ = strconv.Atoi(m[1])
		month, _ = strconv.Atoi(m[2])
		return year, month, month >= 1 && month <= 12
	}
	return 0, 0, false
}
