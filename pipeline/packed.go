package pipeline

import (
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// packedFinding is a finding as the check stage holds it until every
// check is done: its kind and status as syms, its claims as their indexes
// and its message packed (see packMessage), 72 bytes and a message of
// about a third, where a Finding is 144 and its claims' ids 16 bytes each.
// The stage's peak is while the checks run, their index, sentences and
// scopes beside the findings: on the 100 MB corpus the findings were 50 MB
// of it. They are unpacked once the checks let go of what they read.
type packedFinding struct {
	claims       []int32 // indexes in Result.Claims
	message      string
	kind, status sym
	expected     *Expected
	deviation    *float64
	// whole is a finding the packed form cannot hold (an id or values set,
	// a claim id that is not its claim's own string): it is kept as it is.
	whole *Finding
}

// pack packs f, whose claims at finds by their own ids, for unpack to
// give it the rule again.
func pack(f *Finding, rule string, at *claimAt, claims []Claim) packedFinding {
	ks := make([]int32, len(f.Claims))
	ok := f.ID == "" && f.Values == nil && f.Rule == rule && at != nil
	hint := 0
	for j := 0; ok && j < len(f.Claims); j++ {
		var k int
		k, ok = at.ownNear(f.Claims[j], &hint)
		ks[j] = int32(k)
	}
	if !ok {
		w := *f // a copy: f itself stays on the caller's stack
		return packedFinding{whole: &w}
	}
	return packedFinding{claims: ks, message: packMessage(f.Message, ks, claims, at.messages), kind: intern(f.Kind),
		status: intern(f.Status), expected: f.Expected, deviation: f.Deviation}
}

// unpack is the finding p packs, its rule set to rule.
func (p *packedFinding) unpack(rule string, claims []Claim) Finding {
	if p.whole != nil {
		return *p.whole
	}
	ids := make([]string, len(p.claims))
	for j, k := range p.claims {
		ids[j] = claims[k].ID() // the claim's own string, as the check gave it
	}
	return Finding{Kind: p.kind.String(), Status: p.status.String(), Claims: ids, Rule: rule,
		Message: unpackMessage(p.message, p.claims, claims), Expected: p.expected, Deviation: p.deviation}
}

// partFindings are the findings of one part of a check that works in
// parts, packed as the check stage holds them, for the check to add in
// order once every part is done: the restatement check's were most of the
// 100 MB run's findings, all of them unpacked until its last part was done.
type partFindings struct {
	r *Result
	blocks[packedFinding]
}

// newPartFindings returns the findings of n parts over r.
func newPartFindings(r *Result, n int) []partFindings {
	ps := make([]partFindings, n)
	for i := range ps {
		ps[i].r = r
	}
	return ps
}

// add holds f.
func (p *partFindings) add(f Finding) {
	p.blocks.add(pack(&f, "", p.r.packAt.Load(), p.r.Claims))
}

// each calls add with each finding held, in order.
func (p *partFindings) each(add func(Finding)) {
	for _, fs := range p.full {
		for i := range fs {
			add(fs[i].unpack("", p.r.Claims))
		}
	}
}

// A packed message is the message with each figure of its claims, as
// figure and place write it, replaced by a mark: the byte 0xff (which UTF-8
// never holds), what is replaced ('q': the claim's text in double quotes,
// as strconv.Quote writes most; 'p': its file and line) and
// which of the finding's claims. A 0xff of the message itself is 0xff 'x'.
// Most messages name their figures, and the quoted texts and the file's
// name were most of their bytes.
const (
	markByte   = 0xff
	markQuote  = 'q'
	markPlace  = 'p'
	markLetter = 'x'
	// marked is how many of a finding's claims can be marked: messages
	// name five figures at most, and the first claims are most of them.
	marked = 16
)

type markHit struct {
	start, end int
	kind       byte
	j          int
}

// packMessage packs msg, a message over the claims ks; m, if not nil,
// keeps one copy of a packed message that repeats.
func packMessage(msg string, ks []int32, claims []Claim, m *messages) string {
	n := min(len(ks), marked)
	if n == 0 && strings.IndexByte(msg, markByte) < 0 {
		return msg
	}
	var hitsAt [16]markHit // on the stack: most messages have a few
	hits := hitsAt[:0]
	// A claim's text in quotes, the longest where several fit.
	for from := 0; ; {
		i := strings.IndexByte(msg[from:], '"')
		if i < 0 {
			break
		}
		i += from
		best := markHit{start: -1}
		for j := range n {
			t := claims[ks[j]].Text
			if e := i + 1 + len(t); e < len(msg) && msg[e] == '"' && msg[i+1:e] == t && e+1 > best.end {
				best = markHit{i, e + 1, markQuote, j}
			}
		}
		if best.start < 0 {
			from = i + 1
			continue
		}
		hits = append(hits, best)
		from = best.end
	}
	// A claim's file and line, for each file the claims are in.
	for j := range n {
		file := claims[ks[j]].file
		if file == 0 || slices.ContainsFunc(ks[:j], func(k int32) bool { return claims[k].file == file }) {
			continue
		}
		name := file.String()
		for from := 0; ; {
			i := strings.Index(msg[from:], name)
			if i < 0 {
				break
			}
			i += from
			from = i + 1
			e := i + len(name)
			if e >= len(msg) || msg[e] != ':' || e+1 == len(msg) || msg[e+1] < '0' || msg[e+1] > '9' {
				continue
			}
			// The line: all the digits after the colon, as strconv writes a number.
			v, d := 0, e+1
			for ; d < len(msg) && d-e <= 9 && msg[d] >= '0' && msg[d] <= '9'; d++ {
				v = 10*v + int(msg[d]-'0')
			}
			best := markHit{start: -1}
			if msg[e+1] != '0' || d == e+2 {
				for j2 := range n {
					if c := &claims[ks[j2]]; c.file == file && int(c.Line) == v {
						best = markHit{i, d, markPlace, j2}
						break
					}
				}
			}
			if best.start >= 0 {
				hits = append(hits, best)
			}
		}
	}
	for from := 0; ; {
		i := strings.IndexByte(msg[from:], markByte)
		if i < 0 {
			break
		}
		hits = append(hits, markHit{from + i, from + i + 1, markLetter, 0})
		from += i + 1
	}
	if len(hits) == 0 {
		return msg
	}
	// By place, the longest first; none overlaps another. There are few.
	for a := 1; a < len(hits); a++ {
		for b := a; b > 0 && (hits[b].start < hits[b-1].start || hits[b].start == hits[b-1].start && hits[b].end > hits[b-1].end); b-- {
			hits[b], hits[b-1] = hits[b-1], hits[b]
		}
	}
	var outAt [256]byte
	out, last := outAt[:0], 0
	for _, h := range hits {
		if h.start < last {
			continue
		}
		out = append(out, msg[last:h.start]...)
		out = append(out, markByte, h.kind)
		if h.kind != markLetter {
			out = append(out, byte(h.j))
		}
		last = h.end
	}
	out = append(out, msg[last:]...)
	return m.keep(out)
}

// messages keeps one copy of each packed message it was given lately.
// With its figures and places marked, a message is mostly one of a few
// that its check writes ("the note (P) restates its quote: Q as Q"): the
// 125k findings of the 100 MB corpus packed into 13 distinct messages,
// 11 MB of copies at the check stage's peak. It is a direct-mapped table
// of recent messages rather than a set of all, so that messages that are
// all distinct cost no more than their own copies and a table of 16 KB.
type messages struct {
	mu   sync.Mutex
	seed maphash.Seed
	slot [1 << 10]string
}

func newMessages() *messages { return &messages{seed: maphash.MakeSeed()} }

// keep returns b as a string: the copy kept from before if b repeats it,
// else a new one, which is kept in its stead.
func (m *messages) keep(b []byte) string {
	if m == nil {
		return string(b)
	}
	i := maphash.Bytes(m.seed, b) & (uint64(len(m.slot)) - 1)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.slot[i] != string(b) {
		m.slot[i] = string(b)
	}
	return m.slot[i]
}

// unpackMessage is the message packMessage packed.
func unpackMessage(packed string, ks []int32, claims []Claim) string {
	i := strings.IndexByte(packed, markByte)
	if i < 0 {
		return packed
	}
	var bAt [512]byte
	b := bAt[:0]
	for ; i >= 0; i = strings.IndexByte(packed, markByte) {
		b = append(b, packed[:i]...)
		switch packed[i+1] {
		case markLetter:
			b = append(b, markByte)
			packed = packed[i+2:]
			continue
		case markQuote:
			b = append(append(append(b, '"'), claims[ks[packed[i+2]]].Text...), '"')
		case markPlace:
			c := &claims[ks[packed[i+2]]]
			b = append(append(b, c.File()...), ':')
			b = strconv.AppendInt(b, int64(c.Line), 10)
		}
		packed = packed[i+3:]
	}
	b = append(b, packed...)
	return string(b) // at its length: a message is kept for the run
}

// heldFindings are a run's findings as the check stage leaves them when
// asked to (Check.Packed): packed as the checks made them, each with its
// id, and unpacked one at a time by Result.Finding as a report writes it.
// Unpacked, the 100 MB corpus's 125k findings held 51 MB from the check
// stage to the end of the run (their messages 17, the structs 17, their
// lists of claim ids 9, their values 4): a fifth of a JSON run's live
// heap while the reports were written; packed, 14.
type heldFindings struct {
	parts []heldPart
	ids   []idRef // the findings' ids, in order
}

// heldPart is one block of a check's findings.
type heldPart struct {
	first int // the index of items[0] among all findings
	rule  string
	items []packedFinding
}

// holdFindings holds the checks' findings, found[i] those of the check
// of rule rules[i], in order, with ids from ids as the check stage gives
// them; a finding kept whole gets its id and values here.
func holdFindings(r *Result, found []blocks[packedFinding], rules []string, ids *IDs) *heldFindings {
	h := &heldFindings{}
	var claims []string // the finding's claim ids, for its id
	var whole []*Finding
	for i, bs := range found {
		for _, fs := range bs.full {
			h.parts = append(h.parts, heldPart{first: len(h.ids), rule: rules[i], items: fs})
			for j := range fs {
				p := &fs[j]
				if p.whole != nil {
					p.whole.ID = ids.Finding(p.whole.Rule, p.whole.Kind, p.whole.Claims)
					h.ids = append(h.ids, refOf(p.whole.ID))
					whole = append(whole, p.whole)
					continue
				}
				claims = claims[:0]
				for _, k := range p.claims {
					claims = append(claims, r.Claims[k].ID())
				}
				h.ids = append(h.ids, ids.findingRef(rules[i], p.kind.String(), claims))
			}
		}
	}
	if len(whole) > 0 {
		fs := make([]Finding, len(whole))
		for i, f := range whole {
			fs[i] = *f
		}
		fillValues(r, fs)
		for i, f := range whole {
			*f = fs[i]
		}
	}
	return h
}

// at is finding i, unpacked.
func (h *heldFindings) at(i int, claims []Claim) Finding {
	n, _ := slices.BinarySearchFunc(h.parts, i, func(p heldPart, i int) int { return p.first - i })
	if n == len(h.parts) || h.parts[n].first > i {
		n--
	}
	part := &h.parts[n]
	p := &part.items[i-part.first]
	if p.whole != nil {
		return *p.whole
	}
	f := p.unpack(part.rule, claims)
	f.ID = h.ids[i].String()
	f.Values = make([]float64, len(p.claims)) // as fillValues makes them: the claims' values
	for j, k := range p.claims {
		f.Values[j] = claims[k].Value
	}
	return f
}

// status is finding i's status.
func (h *heldFindings) status(i int) string {
	n, _ := slices.BinarySearchFunc(h.parts, i, func(p heldPart, i int) int { return p.first - i })
	if n == len(h.parts) || h.parts[n].first > i {
		n--
	}
	p := &h.parts[n].items[i-h.parts[n].first]
	if p.whole != nil {
		return p.whole.Status
	}
	return p.status.String()
}

// bytes is what the held findings hold: the packed findings, their lists
// of claims, their ids and what a finding kept whole holds.
func (h *heldFindings) bytes() int64 {
	n := int64(cap(h.parts))*int64(unsafe.Sizeof(heldPart{})) + 8*int64(cap(h.ids))
	for _, p := range h.parts {
		n += int64(cap(p.items)) * int64(unsafe.Sizeof(packedFinding{}))
		for j := range p.items {
			f := &p.items[j]
			n += 4*int64(cap(f.claims)) + int64(refLen(len(h.ids[p.first+j].String())))
			if f.expected != nil {
				n += int64(unsafe.Sizeof(Expected{}))
			}
			if f.deviation != nil {
				n += 8
			}
			if f.whole != nil {
				n += findingBytes(f.whole)
			}
		}
	}
	return n
}

// findingBytes is what f holds: its struct, id, message, list of claim
// ids (the ids are the claims') and values.
func findingBytes(f *Finding) int64 {
	n := int64(unsafe.Sizeof(Finding{})) + int64(len(f.ID)+len(f.Message)) + 16*int64(cap(f.Claims)) + 8*int64(cap(f.Values))
	if f.Expected != nil {
		n += int64(unsafe.Sizeof(Expected{}))
	}
	if f.Deviation != nil {
		n += 8
	}
	return n
}

// NumFindings is how many findings the result holds, packed or not.
func (r *Result) NumFindings() int {
	if r.held != nil {
		return len(r.held.ids)
	}
	return len(r.Findings)
}

// Finding is finding i, packed or not (see Check.Packed).
func (r *Result) Finding(i int) Finding {
	if r.held != nil {
		return r.held.at(i, r.Claims)
	}
	return r.Findings[i]
}

// FindingStatus is finding i's status, packed or not.
func (r *Result) FindingStatus(i int) string {
	if r.held != nil {
		return r.held.status(i)
	}
	return r.Findings[i].Status
}

// UnpackFindings unpacks the findings the check stage left packed (see
// Check.Packed) into Findings, for a reader of Findings.
func (r *Result) UnpackFindings() {
	if r.held == nil {
		return
	}
	fs := make([]Finding, len(r.held.ids))
	for i := range fs {
		fs[i] = r.held.at(i, r.Claims)
	}
	r.Findings, r.held = fs, nil
}

// FindingBytes is what the findings hold, packed or not, for --memstats.
func (r *Result) FindingBytes() int64 {
	if r.held != nil {
		return r.held.bytes()
	}
	n := int64(cap(r.Findings)-len(r.Findings)) * int64(unsafe.Sizeof(Finding{}))
	for i := range r.Findings {
		n += findingBytes(&r.Findings[i])
	}
	return n
}
