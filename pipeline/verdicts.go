package pipeline

// Verdict is what a reviewer wrote about a claim or a finding. It follows
// its record by id, and ids come from content (see IDs): a verdict stays
// with its claim when lines are added around it, and is lost, never moved
// to another record, when the claim's line changes.
type Verdict struct {
	ID        string `json:"id"`
	Of        string `json:"of"` // "claim" or "finding"
	Verdict   string `json:"verdict,omitempty"`
	Reviewer  string `json:"reviewer,omitempty"`
	Note      string `json:"note,omitempty"`
	CheckedOn string `json:"checked_on,omitempty"` // 2025-03-01, or as the reviewer wrote it
	// Where and Text say what the verdict was about where it was written
	// ("a.txt:8" and the figure, or the finding's message), for a verdict
	// that could not be carried; Why says why it could not.
	Where string `json:"where,omitempty"`
	Text  string `json:"text,omitempty"`
	Why   string `json:"why,omitempty"`
}

// Verdicts are an earlier review's verdicts as this run carries them.
type Verdicts struct {
	// Carried holds the verdicts whose claim or finding is in this run, by id.
	Carried map[string]Verdict
	// Lost lists the others, in the order they were read, with why.
	Lost []Verdict
	// Read counts the verdicts read; Repeated those that repeated one
	// already carried word for word (a claim listed twice, say).
	// Read = len(Carried) + len(Lost) + Repeated.
	Read, Repeated int
}

// Verdict kinds.
const (
	OfClaim   = "claim"
	OfFinding = "finding"
)

// CarryVerdicts matches the verdicts of an earlier review to this run's
// claims and findings by id and sets r.Verdicts.
func CarryVerdicts(r *Result, old []Verdict) *Verdicts {
	ids := make(map[string]string, len(r.Claims)+len(r.Findings))
	for i := range r.Claims {
		ids[r.Claims[i].ID()] = OfClaim
	}
	for i := range r.Findings {
		ids[r.Findings[i].ID] = OfFinding
	}
	v := &Verdicts{Carried: map[string]Verdict{}, Read: len(old)}
	for _, o := range old {
		prev, seen := v.Carried[o.ID]
		switch {
		case ids[o.ID] != o.Of:
			o.Why = "no " + o.Of + " with this id in this run: its text or its file changed, or it is gone"
			v.Lost = append(v.Lost, o)
		case seen && sameVerdict(prev, o):
			v.Repeated++
		case seen:
			o.Why = "another verdict for this " + o.Of + " was carried (the first one read)"
			v.Lost = append(v.Lost, o)
		default:
			o.Where, o.Text, o.Why = "", "", ""
			v.Carried[o.ID] = o
		}
	}
	r.Verdicts = v
	return v
}

func sameVerdict(a, b Verdict) bool {
	return a.Verdict == b.Verdict && a.Reviewer == b.Reviewer && a.Note == b.Note && a.CheckedOn == b.CheckedOn
}
