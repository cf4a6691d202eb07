package pipeline

import (
	"encoding/binary"
	"unsafe"
)

// idRef is an id as a source or claim holds it: a pointer to the id's
// length, its bytes right after, in a slab of ids (see IDs) or in an
// allocation of its own. 8 bytes where a string is 16: the ids of a
// claim, of its source and of a source were 48 of a claim's 144 bytes and
// of a source's 72, for the id's bytes that the slab holds anyway. The nil
// idRef is the empty id.
//
// A length below 255 is one byte; a longer one is 255 and four bytes,
// little-endian.
type idRef struct{ p *byte }

// String is the id.
func (r idRef) String() string {
	if r.p == nil {
		return ""
	}
	n, at := int(*r.p), 1
	if n == 255 {
		n, at = int(binary.LittleEndian.Uint32(unsafe.Slice((*byte)(unsafe.Add(unsafe.Pointer(r.p), 1)), 4))), 5
	}
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(r.p), at)), n)
}

// appendRef appends s to b as an idRef holds it (its length, then s).
func appendRef(b []byte, s string) []byte {
	if len(s) < 255 {
		b = append(b, byte(len(s)))
	} else {
		b = binary.LittleEndian.AppendUint32(append(b, 255), uint32(len(s)))
	}
	return append(b, s...)
}

// refLen is how many bytes appendRef writes for an id of n bytes.
func refLen(n int) int {
	if n < 255 {
		return 1 + n
	}
	return 5 + n
}

// refOf is s held by an idRef of its own, a copy (nil for "").
func refOf(s string) idRef {
	if s == "" {
		return idRef{}
	}
	b := appendRef(make([]byte, 0, refLen(len(s))), s)
	return idRef{&b[0]}
}
