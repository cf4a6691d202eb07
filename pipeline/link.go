package pipeline

import (
	"context"
	"sort"
	"strings"

	"github.com/factsheet-dev/factsheet/rules"
)

// Link is the stage that groups the claims that speak of one thing: the
// same subject, metric and period, in a compatible unit. It also settles
// the periods that only make sense across sources: "now" is the latest
// period stated for that subject and metric, and the start of a change
// with no date of its own takes the date another statement of the same
// change gives.
type Link struct {
	Rules *rules.Ruleset
}

var _ Stage = (*Link)(nil)

// Name implements Stage.
func (l *Link) Name() string { return "link" }

// Run implements Stage.
func (l *Link) Run(_ context.Context, r *Result) error {
	l.periodKeys(r)
	resolveNow(r)
	resolveStarts(r)
	r.Groups = groups(r)
	for g, members := range r.Groups {
		for _, k := range members {
			r.Claims[k].Group = int32(g)
		}
	}
	return nil
}

// periodKeys normalises each claim's period. A run's claims name few
// periods, each many times, and the normal form costs a dozen regexps
// (a twentieth of a 10 MB run): each part of the claims keeps the forms
// it has made.
func (l *Link) periodKeys(r *Result) {
	inParts(len(r.Claims), partsFor(len(r.Claims)), func(_, lo, hi int) {
		made := map[string]string{}
		for i := lo; i < hi; i++ {
			p := r.Claims[i].Period()
			key, ok := made[p]
			if !ok {
				key, _ = l.Rules.PeriodKey(p)
				made[p] = key
			}
			r.Claims[i].SetPeriodKey(key)
		}
	})
}

// topic is what a claim speaks of, as a map key that costs no allocation.
type topicKey struct{ subject, metric string }

func topic(c *Claim) topicKey { return topicKey{c.Subject(), c.Metric()} }

// resolveNow replaces "now" with the latest period stated for the same
// subject and metric: highlights read together speak of one present.
func resolveNow(r *Result) {
	latest := map[topicKey]string{}
	rank := map[topicKey]string{}
	for _, c := range r.Claims {
		k := c.PeriodKey()
		if k == "" || k == "now" || !isDated(k) {
			continue
		}
		t := topic(&c)
		if k > rank[t] { // keys are YYYY or YYYY-Qn: they sort in time
			rank[t], latest[t] = k, k
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		if c.PeriodKey() == "now" && latest[topic(c)] != "" {
			c.SetPeriodKey(latest[topic(c)])
		}
	}
}

func isDated(k string) bool {
	return len(k) >= 4 && k[0] >= '1' && k[0] <= '2' && k[1] >= '0' && k[1] <= '9'
}

// resolveStarts dates the start of a change from another statement of the
// same change: same topic and family, ending in the same period.
func resolveStarts(r *Result) {
	type changeKey struct {
		topic       topicKey
		family, end string
	}
	dated := map[changeKey]string{}
	key := func(c *Claim) changeKey {
		end := ""
		if c.Partner >= 0 {
			end = r.Claims[c.Partner].PeriodKey()
		}
		return changeKey{topic(c), Family(c), end}
	}
	for _, c := range r.Claims {
		if c.Change() == "from" && c.Partner >= 0 && c.PeriodKey() != "" {
			dated[key(&c)] = c.PeriodKey()
		}
	}
	for i := range r.Claims {
		c := &r.Claims[i]
		if c.Change() == "from" && c.PeriodKey() == "" && c.Partner >= 0 {
			c.SetPeriodKey(dated[key(c)])
		}
	}
}

// groups links claims by subject, metric, period and family. A claim needs
// a metric and a period to be linked; a metric found only by key words also
// needs a subject, since "~revenue" alone may be any firm's.
func groups(r *Result) [][]int {
	type groupKey struct {
		topic                     topicKey
		period, family, kindClass string
	}
	byKey := map[groupKey][]int{}
	var keys []groupKey
	for i := range r.Claims {
		c := &r.Claims[i]
		if c.Metric() == "" || c.PeriodKey() == "" || c.PeriodKey() == "now" ||
			c.Subject() == "" && strings.HasPrefix(c.Metric(), "~") {
			continue
		}
		k := groupKey{topic(c), c.PeriodKey(), Family(c), kindClass(c)}
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], i)
	}
	var out [][]int
	for _, k := range keys {
		if len(byKey[k]) > 1 {
			out = append(out, byKey[k])
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// kindClass keeps apart what shares a unit but not a meaning: a doubling
// time is no duration, a growth rate no share, and a change in percent
// (down 3%) no share of a whole (52% of the revenue). A change of an amount
// stays with the amounts: a note restates a cut of 2 million barrels a day
// as 20万桶, with no word of the cut.
func kindClass(c *Claim) string {
	switch c.Kind() {
	case "doubling_time", "growth_rate":
		return c.Kind()
	}
	if c.Unit() == "%" && isSize(c) {
		return "change"
	}
	return ""
}
