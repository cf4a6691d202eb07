package pipeline

import "testing"

// After dropCaches, what the checks read is worked out again from the
// result as it is then, not kept from before.
func TestDropCaches(t *testing.T) {
	r := &Result{Sources: []Source{{ID: "s", Text: "1% and 2%", Line: 1}},
		Claims: []Claim{{ID: "a", Source: "s", Partner: -1}, {ID: "b", Source: "s", Start: 7, End: 9, Partner: -1}}}
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
	r.Claims = append(r.Claims, Claim{ID: "c", Source: "s", Sentence: 1, Partner: -1})
	if n := len(r.sentences()); n != 1 || len(r.sents[0].claims) != 2 || r.sents[0].claims[0] != 1 {
		t.Errorf("sentences after dropCaches: %+v, want one of claims 1 and 2", r.sents)
	}
	if n := len(r.index().of(0)); n != 3 {
		t.Errorf("the source has %d claims after dropCaches, want 3", n)
	}
}
