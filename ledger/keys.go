package ledger

import (
	"github.com/factsheet-dev/factsheet/pipeline"
)

// The ledger keys sources, claims and findings by the ids the pipeline
// gives them, which come from content (pipeline.IDs): reading the same
// highlight again, in any run and from any directory, gives the same ids,
// and an edited highlight new ones. Sources recalled from the ledger keep
// the ids they have there.

// recalledSources names the result's sources that came from the ledger.
func recalledSources(r *pipeline.Result) map[string]bool {
	out := map[string]bool{}
	for i := range r.Sources {
		if r.Sources[i].Seen() != "" {
			out[r.Sources[i].ID()] = true
		}
	}
	return out
}

// textHash is the content hash of a source's text.
func textHash(s string) string { return hash(s) }
