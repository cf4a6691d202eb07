package read

import "testing"

// A trie's starts must visit every offset where one of its aliases begins,
// whatever it passes over.
func TestTrieStarts(t *testing.T) {
	var tr trie
	for i, a := range []string{"AI compute", "H100", "café", "今天", "now", "GPT-4"} {
		tr.add(a, i)
	}
	text := newText("4AI compute, nowhere H100 Now 今天 Café GPT-4o and more")
	defer text.release()
	visited := map[int]bool{}
	tr.starts(text, func(i, next int) int {
		visited[i] = true
		return next
	})
	for i := range text.f {
		if v, _ := tr.match(text, i, func(_, e int) bool { return boundaryAfter(text, e) }); v >= 0 && boundaryBefore(text, i) && !visited[i] {
			t.Errorf("alias at %d (%q) not visited", i, string(text.r[i:]))
		}
	}
	if visited[len([]rune("4AI compute, no"))] {
		t.Error("visited the middle of a word")
	}
}
