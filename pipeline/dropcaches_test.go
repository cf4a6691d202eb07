package pipeline

import "testing"

// After dropCaches, what the checks read is worked out again from the
// result as it is then, not kept from before.
func TestDropCaches(t *testing.T) {
	r := &Result{Sources: []Source{Source{Text: "1% and 2%", Line: 1}.WithID("s")},
		Claims: []Claim{Claim{Partner: -1}.WithIDs("a", "s"), Claim{Start: 7, End: 9, Partner: -1}.WithIDs("b", "s")}}
	if n := len(r.sentences()); n != 1 {
		t.Fatalf("%d sentences of two claims, want 1", n)
	}
	if n := len(r.index().of(0)); n != 2 {
		t.Fatalf("the source has %d claims, want 2", n)
	}
	r.scopes(r.index())
	r.dropCaches()
	if r.idx != nil || r.sents != nil || r.scopeList != nil || r.pairAt != nil {
		t.Fatalf("caches kept: index %v, sentences %v, scopes %v, changes %v", r.idx != nil, r.sents != nil, r.scopeList != nil, r.pairAt != nil)
	}
	r.Claims[1].Sentence = 1 // two sentences of one claim each now
	r.Claims = append(r.Claims, Claim{Sentence: 1, Partner: -1}.WithIDs("c", "s"))
	if n := len(r.sentences()); n != 1 || len(r.sents[0].claims) != 2 || r.sents[0].claims[0] != 1 {
		t.Errorf("sentences after dropCaches: %+v, want one of claims 1 and 2", r.sents)
	}
	if n := len(r.index().of(0)); n != 3 {
		t.Errorf("the source has %d claims after dropCaches, want 3", n)
	}
}

// The check stage calls Collect once its checks are done and what they
// read is let go, before it gathers their findings into the result.
func TestCheckCollectsBeforeGathering(t *testing.T) {
	r := &Result{Sources: []Source{Source{Text: "71% of AI compute", Line: 1}.WithID("s"), Source{Text: "67% of AI compute", Line: 2}.WithID("t")},
		Claims: []Claim{Claim{Value: 71, End: 3, Partner: -1, Named: true}.WithIDs("a", "s"), Claim{Value: 67, End: 3, Partner: -1, Named: true}.WithIDs("b", "t")},
		Groups: [][]int{{0, 1}}}
	r.Claims[0].SetUnit("%")
	r.Claims[1].SetUnit("%")
	c := &Check{checks: []namedCheck{{Checker: checkFunc(func(r *Result, add func(Finding)) {
		r.index()
		add(Finding{Kind: "conflict", Status: Inconsistent, Claims: []string{"a", "b"}, Message: "71% against 67%"})
	})}}}
	calls := 0
	c.Collect = func() {
		calls++
		if r.idx != nil {
			t.Error("Collect called while the checks' index is kept")
		}
		if len(r.Findings) != 0 {
			t.Errorf("Collect called after the findings were gathered: %v", r.Findings)
		}
	}
	if err := c.Run(t.Context(), r); err != nil {
		t.Fatal(err)
	}
	if calls != 1 || len(r.Findings) != 1 || r.Findings[0].Message != "71% against 67%" {
		t.Errorf("Collect called %d times, findings %+v; want once, and the one finding", calls, r.Findings)
	}
}

// The scopes are listed in an array of their number, and the sentences
// share the index's list of claims when it is every claim in order.
func TestCachesHoldWhatTheyList(t *testing.T) {
	dup := "s"
	r := &Result{Sources: []Source{Source{Text: "1% and 2%. 3%", Line: 1}.WithID("s"), Source{Text: "4%", Line: 2}.WithID("t"), Source{Text: "1% and 2%. 3%", Line: 3, DuplicateOf: &dup}.WithID("u")},
		Claims: []Claim{Claim{Partner: -1}.WithIDs("a", "s"), Claim{Partner: -1}.WithIDs("b", "s"), Claim{Sentence: 1, Partner: -1}.WithIDs("c", "s"),
			Claim{Partner: -1}.WithIDs("d", "t"), Claim{Partner: -1}.WithIDs("e", "u"), Claim{Partner: -1}.WithIDs("f", "u")}}
	idx := r.index()
	sc := r.scopes(idx)
	if len(sc) != 3 || cap(sc) != len(sc) {
		t.Errorf("%d scopes in an array of %d, want 3 in 3: %+v", len(sc), cap(sc), sc)
	}
	ss := r.sentences()
	if len(ss) != 1 || len(ss[0].claims) != 2 || &ss[0].claims[0] != &idx.claims[0] {
		t.Errorf("sentences %+v, want one of claims 0 and 1, sharing the index's list", ss)
	}
	r.dropCaches()
	r.Claims[0], r.Claims[3] = r.Claims[3], r.Claims[0] // out of source order: a list of its own
	if all := r.index().every(len(r.Claims)); len(all) != 6 || all[0] != 0 || all[5] != 5 || &all[0] == &r.idx.claims[0] {
		t.Errorf("every claim out of order: %v (the index's %v)", all, r.idx.claims)
	}
}
