package ledger

import (
	"strconv"

	"github.com/factsheet-dev/factsheet/pipeline"
)

// keys names a run's sources and claims by their content, so that reading
// the same highlight again, in any run, gives the same ids: a source by
// its file, role and text; a claim by its source, its text and which
// occurrence of that text it is. A source recalled from the ledger keeps
// the id it has there.
type keys struct {
	source map[string]string // run source id → ledger id
	claim  map[string]string // run claim id → ledger id
}

func keysOf(r *pipeline.Result) keys {
	k := keys{source: make(map[string]string, len(r.Sources)), claim: make(map[string]string, len(r.Claims))}
	for i := range r.Sources {
		s := &r.Sources[i]
		if s.Seen != "" {
			k.source[s.ID] = s.ID
			continue
		}
		k.source[s.ID] = sourceKey(s)
	}
	seen := map[[2]string]int{} // (source, text) → occurrences so far
	for i := range r.Claims {
		c := &r.Claims[i]
		src, ok := k.source[c.Source]
		if !ok {
			continue
		}
		if src == c.Source { // recalled: already a ledger id
			k.claim[c.ID] = c.ID
			continue
		}
		n := seen[[2]string{src, c.Text}]
		seen[[2]string{src, c.Text}] = n + 1
		k.claim[c.ID] = "k" + hash(src, c.Text, strconv.Itoa(n))
	}
	return k
}

func sourceKey(s *pipeline.Source) string { return "s" + hash(s.File, s.Role, s.Text) }

// textHash is the content hash of a source's text.
func textHash(s string) string { return hash(s) }
