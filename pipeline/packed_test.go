package pipeline

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// A packed message unpacks to the message, whatever it holds: its
// claims' figures and places, the same figure twice, a 0xff byte (in a
// file's name), figures that overlap, claims past the marked ones.
func TestPackMessage(t *testing.T) {
	claims := []Claim{{Text: "over ten times", Line: 360698}, {Text: "十倍以上", Line: 360698}, {Text: `"67%"`, Line: 3},
		{Text: "10%", Line: 7}, {Text: "10", Line: 7}}
	for i := range claims {
		claims[i].SetFile("/data/bench.txt")
	}
	claims[2].SetFile("odd\xffname.txt")
	many := make([]int32, 40)
	for j := range many {
		many[j] = int32(j % len(claims))
	}
	cases := []struct {
		name string
		msg  string
		ks   []int32
		max  int // the packed length at most; 0: as long as msg
	}{
		{"restatement", `the note (/data/bench.txt:360698) restates its quote: "over ten times" as "十倍以上"`, []int32{0, 1}, 45},
		{"a figure twice", `"over ten times" (/data/bench.txt:360698) and again "over ten times"`, []int32{0}, 24},
		{"quotes in the text", `"\"67%\"" (odd` + "\xff" + `name.txt:3) states it`, []int32{2}, 26},
		{"0xff of its own", "a \xff byte, \xff\xff", []int32{0}, 0},
		{"one figure inside another", `"10%" and "10" (/data/bench.txt:7)`, []int32{4, 3}, 20},
		{"no claims", `nothing "10%" here`, nil, 0},
		{"past the marked claims", `"10" ` + strings.Repeat(`"over ten times" `, 3), many, 30},
	}
	for _, c := range cases {
		p := packMessage(c.msg, c.ks, claims, nil)
		if got := unpackMessage(p, c.ks, claims); got != c.msg {
			t.Errorf("%s: %q packed to %q unpacks to %q", c.name, c.msg, p, got)
		}
		if want := c.max; (want == 0 && len(p) > len(c.msg)+2*strings.Count(c.msg, "\xff")) || (want > 0 && len(p) > want) {
			t.Errorf("%s: %q packed to %d bytes (%q), want at most %d", c.name, c.msg, len(p), p, want)
		}
	}
}

// A finding the packed form cannot hold comes back as it was.
func TestPackWhole(t *testing.T) {
	ids := NewIDs("c-")
	claims := []Claim{Claim{Text: "1%"}.WithIDs(ids.Claim("s", "1%"), ""), Claim{Text: "2%"}.WithIDs(ids.Claim("s", "2%"), "")}
	at := newClaimAt(claims)
	withValues := Finding{Kind: "conflict", Status: Inconsistent, Claims: []string{claims[0].ID()}, Values: []float64{1}, Message: `"1%"`}
	foreign := Finding{Kind: "conflict", Status: Inconsistent, Claims: []string{strings.Clone(claims[1].ID())}, Message: `"2%"`}
	packed := Finding{Kind: "conflict", Status: Consistent, Claims: []string{claims[1].ID(), claims[0].ID()}, Message: `"2%" and "1%"`}
	for _, c := range []struct {
		f     Finding
		whole bool
	}{{withValues, true}, {foreign, true}, {packed, false}} {
		f := c.f
		f.Rule = "r"
		p := pack(&f, "r", &at, claims)
		if p.whole != nil != c.whole {
			t.Errorf("%+v: kept whole %v, want %v", f, p.whole != nil, c.whole)
		}
		got := p.unpack("r", claims)
		if got.Kind != f.Kind || got.Status != f.Status || got.Message != f.Message || got.Rule != "r" || strings.Join(got.Claims, " ") != strings.Join(f.Claims, " ") || len(got.Values) != len(f.Values) {
			t.Errorf("%+v unpacked to %+v", f, got)
		}
	}
}

// packedFinding holds every field of a Finding: one added to Finding must
// be added to pack and unpack (or make pack keep such findings whole).
func TestPackKnowsEveryField(t *testing.T) {
	var names []string
	ft := reflect.TypeOf(Finding{})
	for i := range ft.NumField() {
		names = append(names, ft.Field(i).Name)
	}
	if got, want := strings.Join(names, " "), "ID Kind Status Claims Rule Message Values Expected Deviation"; got != want {
		t.Errorf("Finding's fields are %s; pack and unpack know %s", got, want)
	}
}

// A packed message that repeats one kept lately is that one copy; any
// other is itself, whatever came before it.
func TestMessagesKeep(t *testing.T) {
	m := newMessages()
	cases := []struct {
		msg    string
		shared int // the index of the earlier case whose copy it is; -1: its own
	}{
		{"the note (\xffp\x00) restates its quote: \xffq\x00 as \xffq\x01", -1},
		{"a message of its own", -1},
		{"the note (\xffp\x00) restates its quote: \xffq\x00 as \xffq\x01", 0},
		{"", -1},
		{"a message of its own", 1},
	}
	got := make([]string, len(cases))
	for i, c := range cases {
		got[i] = m.keep([]byte(c.msg))
		if got[i] != c.msg {
			t.Fatalf("case %d: kept %q, want %q", i, got[i], c.msg)
		}
		if c.shared >= 0 && c.msg != "" && unsafe.StringData(got[i]) != unsafe.StringData(got[c.shared]) {
			t.Errorf("case %d: %q is a copy of its own, want case %d's", i, c.msg, c.shared)
		}
	}
	var none *messages
	if s := none.keep([]byte("x")); s != "x" {
		t.Errorf("no table: kept %q, want %q", s, "x")
	}
}
