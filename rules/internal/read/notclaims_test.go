package read_test

import "testing"

// TestNotClaims reads text whose numbers are names, dates, codes and
// idioms, through the default rules: only the figures named stay.
func TestNotClaims(t *testing.T) {
	runCases(t, []extractCase{
		{"the talk starts at 7:45 PM, ends 21:10 (10:00 GMT) and lunch is at 12 pm", nil},
		{"ring +44 20 7946 0958 or (212) 555-0143", nil},
		{"the office at 221 Baker Street, Suite 4.05, Boston, MA 02116", nil},
		{"arXiv:2405.01234, ISBN 978-1-4028-9462-6, doi:10.1126/science.abc1234, A/RES/77/1", nil},
		{"BA 283 and LH 400 and flight 9 left; seat 14C", nil},
		{"the iPhone 14, the S&P 500, a Boeing 737 MAX 9 and the 777-300", nil},
		{"they won 4-0, lost 98-101 and drew 2-2 on aggregate", nil},
		{"在 2023 年和 2021/22 赛季, FY2024, in the 1980s, the 2019/20 season", nil},
		{"see §3.1, fig. 4, 图 2-3, 第5章 (pp. 100–120)", nil},
		{"three days ago, 两年前, 10日後", nil},
		{"一模一样, 四舍五入, 三心二意, 同一年, one-off, second-hand", nil},
		// a decimal before a scale takes no further numeral: 一 starts 一致
		{"降到14.1175亿一致", []want{w("14.1175亿", 1.41175e9, "")}},
		// and the figures around them stay
		{"at 9:30 a.m. shares fell 3%; a year ago they rose 5%", []want{w("3%", 3, "%"), w("5%", 5, "%")}},
	})
}
