package pipeline

import (
	"encoding/binary"
	"math/bits"
	"path/filepath"
	"strconv"
	"strings"
)

// Ids come from content, not position, so that adding a line to an input
// changes no other record's id and a reviewer's verdict can follow its
// record from run to run:
//
//   - a source: its file's name and its text (the name without its
//     directory, so that a run from another directory, or on the directory
//     rather than the file, gives the same ids);
//   - a claim: its source's id and the figure's text;
//   - a finding: its rule, its kind and its claims' ids.
//
// An id is a prefix and 10 hex digits of a hash ("c-3fa9e01b2c": short,
// and searching for one never finds another). Two records with the same
// content, such as a figure stated twice in one source or a line repeated
// in one file, are told apart by their order: the second one's hash is
// hashed again. That is the figure's occurrence within its source, and
// the same rule settles the rare accidental clash of 40 bits.
type IDs struct {
	prefix string
	taken  []uint64 // open addressing on the 40-bit key; 0 is empty
	n      int
	// file and base are the last file a source was named in and its name:
	// a file's sources come one after another.
	file, base string
	// slab holds the ids given out, one after another, each after its
	// length (as an idRef reads it); a full slab is left to the ids in it
	// and a new one begun. A million ids in their own allocations held 16
	// bytes each; here they hold 13.
	slab []byte
}

// NewIDs returns a generator of ids with this prefix; each id it gives out
// is unique among those it gave.
func NewIDs(prefix string) *IDs { return &IDs{prefix: prefix} }

// Source is the id of a source with this text in this file.
func (g *IDs) Source(file, text string) string {
	if file != g.file {
		g.file, g.base = file, filepath.Base(file)
	}
	return g.unique(hashOf(g.base, text))
}

// NameSource sets s's id to Source(s.File(), s.Text), held where the ids
// are (SetID would copy it).
func (g *IDs) NameSource(s *Source) {
	if file := s.File(); file != g.file {
		g.file, g.base = file, filepath.Base(file)
	}
	s.id = g.uniqueRef(hashOf(g.base, s.Text))
}

// Reserve makes room for n more ids, in one table of the size they need
// (doubled a step at a time, the tables on the way there were as large
// again as the last, garbage).
func (g *IDs) Reserve(n int) {
	size := max(64, len(g.taken))
	for 2*(g.n+n) > size {
		size *= 2
	}
	if size > len(g.taken) {
		g.growTo(size)
	}
}

// Claim is the id of a claim with this text in the source with this id.
func (g *IDs) Claim(source, text string) string { return g.unique(hashOf(source, text)) }

// Finding is the id of a finding of this rule and kind over these claims.
func (g *IDs) Finding(rule, kind string, claims []string) string {
	return g.findingRef(rule, kind, claims).String()
}

// findingRef is Finding, as a packed finding holds it.
func (g *IDs) findingRef(rule, kind string, claims []string) idRef {
	return g.uniqueRef(hashOf(rule, kind, strings.Join(claims, " ")))
}

// Take marks an id made earlier (by another run, say) as given out, so
// that no new id repeats it. Ids of another form never clash and are ignored.
func (g *IDs) Take(id string) {
	hex, ok := strings.CutPrefix(id, g.prefix)
	if !ok || len(hex) != idBits/4 {
		return
	}
	key, err := strconv.ParseUint(hex, 16, 64)
	if err != nil {
		return
	}
	g.insert(key | 1<<idBits)
}

const idBits = 40

// unique turns a hash into an id no earlier call returned.
func (g *IDs) unique(h uint64) string { return g.uniqueRef(h).String() }

// uniqueRef is unique, as a record holds it.
func (g *IDs) uniqueRef(h uint64) idRef {
	for {
		key := h>>(64-idBits) | 1<<idBits // the mark keeps a zero key apart from an empty slot
		if g.insert(key) {
			return g.format(key)
		}
		h = mix(h + 0x9e3779b97f4a7c15) // taken: the next occurrence
	}
}

// insert adds a key and reports whether it was new.
func (g *IDs) insert(key uint64) bool {
	if 2*(g.n+1) > len(g.taken) {
		g.grow()
	}
	mask := uint64(len(g.taken) - 1)
	i := key & mask // the key's bits are a hash's already
	for g.taken[i] != 0 {
		if g.taken[i] == key {
			return false
		}
		i = (i + 1) & mask
	}
	g.taken[i] = key
	g.n++
	return true
}

func (g *IDs) grow() { g.growTo(max(64, 2*len(g.taken))) }

// growTo moves the ids given out to a table of size entries (a power of 2).
func (g *IDs) growTo(size int) {
	old := g.taken
	g.taken = make([]uint64, size)
	mask := uint64(len(g.taken) - 1)
	for _, key := range old {
		if key == 0 {
			continue
		}
		i := key & mask
		for g.taken[i] != 0 {
			i = (i + 1) & mask
		}
		g.taken[i] = key
	}
}

func (g *IDs) format(key uint64) idRef {
	const hex = "0123456789abcdef"
	n := refLen(len(g.prefix) + idBits/4)
	if len(g.slab)+n > cap(g.slab) {
		g.slab = make([]byte, 0, max(64<<10, n))
	}
	at := len(g.slab)
	g.slab = append(g.slab, byte(len(g.prefix)+idBits/4))
	g.slab = append(g.slab, g.prefix...)
	for shift := idBits - 4; shift >= 0; shift -= 4 {
		g.slab = append(g.slab, hex[key>>shift&15])
	}
	// The bytes of an id are never written again: the slab only grows
	// past them, and a full slab is replaced, not reused.
	return idRef{&g.slab[at]}
}

// hashOf hashes strings 16 bytes a step (the folded 128-bit product of
// wyhash: a source's text is hashed at several GB/s, where FNV's byte a
// step took 7% of a run), each part's length mixed in so that parts cannot
// slide into each other, and a final mix.
func hashOf(parts ...string) uint64 {
	const k0, k1, k2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	h := uint64(k0)
	for _, p := range parts {
		h = fold(h^uint64(len(p)), k1)
		for ; len(p) >= 16; p = p[16:] {
			h = fold(load64(p)^k1^h, load64(p[8:])^k2)
		}
		if len(p) > 0 {
			var tail [16]byte
			copy(tail[:], p)
			h = fold(le64(tail[:8])^k1^h, le64(tail[8:])^k2)
		}
	}
	return mix(h)
}

func fold(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

// mix is the finaliser of splitmix64.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}
