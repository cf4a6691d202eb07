package pipeline

import (
	"strings"
	"testing"
	"unsafe"
)

// An idRef reads back the id it was made from, whatever its length: the
// empty id is the nil ref, and a length of 255 or more takes four bytes
// more.
func TestIDRef(t *testing.T) {
	for _, c := range []struct {
		name string
		id   string
		size int // bytes the ref holds, length included
	}{
		{"empty", "", 0},
		{"one byte", "a", 2},
		{"an id of IDs", "c-3fa9e01b2c", 13},
		{"254 bytes", strings.Repeat("x", 254), 255},
		{"255 bytes", strings.Repeat("y", 255), 260},
		{"70,000 bytes", strings.Repeat("z", 70000), 70005},
		{"a 0xff byte", "\xff\x00\xff", 4},
	} {
		r := refOf(c.id)
		if got := r.String(); got != c.id {
			t.Errorf("%s: reads %q, want %q", c.name, got[:min(len(got), 20)], c.id[:min(len(c.id), 20)])
		}
		if (r.p == nil) != (c.id == "") {
			t.Errorf("%s: nil ref %v", c.name, r.p == nil)
		}
		if c.id != "" && refLen(len(c.id)) != c.size {
			t.Errorf("%s: %d bytes, want %d", c.name, refLen(len(c.id)), c.size)
		}
	}
}

// The ids IDs gives out lie one after another in its slab, each after its
// length, and a source or claim that takes one holds no copy of it.
func TestIDsRefs(t *testing.T) {
	g := NewIDs("h-")
	var srcs [3]Source
	for i, text := range []string{"one 1%", "two 2%", "one 1%"} {
		srcs[i].Text = text
		srcs[i].SetFile("dir/a.txt")
		g.NameSource(&srcs[i])
	}
	want := NewIDs("h-")
	for i := range srcs {
		if got, w := srcs[i].ID(), want.Source("a.txt", srcs[i].Text); got != w {
			t.Errorf("source %d: id %q, want %q", i, got, w)
		}
	}
	if srcs[0].ID() == srcs[2].ID() {
		t.Errorf("two sources of one text share the id %q", srcs[0].ID())
	}
	for i := 1; i < len(srcs); i++ {
		prev, this := unsafe.StringData(srcs[i-1].ID()), unsafe.StringData(srcs[i].ID())
		if uintptr(unsafe.Pointer(this))-uintptr(unsafe.Pointer(prev)) != uintptr(refLen(12)) {
			t.Errorf("source %d's id is not right after source %d's", i, i-1)
		}
	}
	c := Claim{source: srcs[1].id}
	if c.Source() != srcs[1].ID() || unsafe.StringData(c.Source()) != unsafe.StringData(srcs[1].ID()) {
		t.Errorf("the claim's source %q is not its source's own id %q", c.Source(), srcs[1].ID())
	}
}
