package pipeline

import (
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

// pack packs f, whose claims at finds by their own ids.
func pack(f *Finding, at *claimAt, claims []Claim) packedFinding {
	whole := func() packedFinding {
		w := *f // a copy: f itself stays on the caller's stack
		return packedFinding{whole: &w}
	}
	if f.ID != "" || f.Values != nil {
		return whole()
	}
	for _, id := range f.Claims {
		if _, ok := at.own(id); !ok {
			return whole()
		}
	}
	ks := make([]int32, len(f.Claims))
	for j, id := range f.Claims {
		k, _ := at.own(id)
		ks[j] = int32(k)
	}
	return packedFinding{claims: ks, message: packMessage(f.Message, ks, claims), kind: intern(f.Kind),
		status: intern(f.Status), expected: f.Expected, deviation: f.Deviation}
}

// unpack is the finding p packs, its rule set to rule.
func (p *packedFinding) unpack(rule string, claims []Claim) Finding {
	if p.whole != nil {
		return *p.whole
	}
	ids := make([]string, len(p.claims))
	for j, k := range p.claims {
		ids[j] = claims[k].ID // the claim's own string, as the check gave it
	}
	return Finding{Kind: p.kind.String(), Status: p.status.String(), Claims: ids, Rule: rule,
		Message: unpackMessage(p.message, p.claims, claims), Expected: p.expected, Deviation: p.deviation}
}

// A packed message is the message with each figure of its claims, as
// figure and place write it, replaced by a mark: the byte 0xff (which UTF-8
// never holds), what is replaced ('q': the claim's text, quoted; 'p': its
// file and line) and which of the finding's claims. A 0xff of the message
// itself is 0xff 'x'. Most messages name their figures, and the quoted
// texts and the file's name were most of their bytes.
const (
	markByte   = 0xff
	markQuote  = 'q'
	markPlace  = 'p'
	markLetter = 'x'
	// marked is how many of a finding's claims can be marked: messages
	// name five figures at most, and the first claims are most of them.
	marked = 16
)

// packScratch is packMessage's buffers, reused: the checks call it side by side.
type packScratch struct {
	text []byte
	at   []int // byte offsets in text: pattern j is text[at[j]:at[j+1]]
	hits []markHit
	out  []byte
}

type markHit struct {
	start, end int
	kind       byte
	j          int
}

var packScratches = sync.Pool{New: func() any { return new(packScratch) }}

// packMessage packs msg, a message over the claims ks.
func packMessage(msg string, ks []int32, claims []Claim) string {
	if len(ks) == 0 && strings.IndexByte(msg, markByte) < 0 {
		return msg
	}
	sc := packScratches.Get().(*packScratch)
	defer packScratches.Put(sc)
	sc.text, sc.at, sc.hits = sc.text[:0], sc.at[:0], sc.hits[:0]
	n := min(len(ks), marked)
	for j := range n {
		c := &claims[ks[j]]
		sc.at = append(sc.at, len(sc.text))
		sc.text = strconv.AppendQuote(sc.text, c.Text)
		sc.at = append(sc.at, len(sc.text))
		sc.text = append(sc.text, c.File()...)
		sc.text = append(sc.text, ':')
		sc.text = strconv.AppendInt(sc.text, int64(c.Line), 10)
	}
	sc.at = append(sc.at, len(sc.text))
	text := unsafe.String(unsafe.SliceData(sc.text), len(sc.text)) // read only while sc.text is not written
	for p := range 2 * n {
		pat := text[sc.at[p]:sc.at[p+1]]
		kind := byte(markQuote)
		if p%2 == 1 {
			kind = markPlace
		}
		for from := 0; ; {
			i := strings.Index(msg[from:], pat)
			if i < 0 {
				break
			}
			sc.hits = append(sc.hits, markHit{from + i, from + i + len(pat), kind, p / 2})
			from += i + len(pat)
		}
	}
	for i := 0; i < len(msg); i++ {
		if msg[i] == markByte {
			sc.hits = append(sc.hits, markHit{i, i + 1, markLetter, 0})
		}
	}
	if len(sc.hits) == 0 {
		return msg
	}
	// The first at each place, the longest first; none overlaps another.
	slices.SortFunc(sc.hits, func(a, b markHit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	out, last := sc.out[:0], 0
	for _, h := range sc.hits {
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
	sc.out = out
	return string(out)
}

// unpackMessage is the message packMessage packed.
func unpackMessage(packed string, ks []int32, claims []Claim) string {
	i := strings.IndexByte(packed, markByte)
	if i < 0 {
		return packed
	}
	sc := packScratches.Get().(*packScratch)
	defer packScratches.Put(sc)
	b := sc.out[:0]
	for ; i >= 0; i = strings.IndexByte(packed, markByte) {
		b = append(b, packed[:i]...)
		switch packed[i+1] {
		case markLetter:
			b = append(b, markByte)
			packed = packed[i+2:]
			continue
		case markQuote:
			b = strconv.AppendQuote(b, claims[ks[packed[i+2]]].Text)
		case markPlace:
			c := &claims[ks[packed[i+2]]]
			b = append(append(b, c.File()...), ':')
			b = strconv.AppendInt(b, int64(c.Line), 10)
		}
		packed = packed[i+3:]
	}
	b = append(b, packed...)
	sc.out = b
	return string(b) // at its length: a message is kept for the run
}
