package pipeline

import (
	"bytes"
	"encoding/json"
)

// marshal encodes v without escaping HTML: encoding/json escapes a
// Marshaler's output afterwards if its caller asks, so a source or claim
// encodes as its record would.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// SourceRecord is a source as factsheet.json writes it (SCHEMA.md), field
// for field in the report's order.
type SourceRecord struct {
	ID          string  `json:"id"`
	File        string  `json:"file"`
	Line        int     `json:"line"`
	Role        string  `json:"role"`
	Lang        string  `json:"lang"`
	Text        string  `json:"text"`
	NoteOf      *string `json:"note_of"`
	DuplicateOf *string `json:"duplicate_of"`
	Title       *string `json:"title"`
	URL         *string `json:"url"`
	Author      string  `json:"author,omitempty"`
	Location    string  `json:"location,omitempty"`
	Date        string  `json:"date,omitempty"`
	Tags        string  `json:"tags,omitempty"`
	Format      string  `json:"format,omitempty"`
	Seen        string  `json:"seen,omitempty"`
}

// Record returns the source as factsheet.json writes it.
func (s *Source) Record() SourceRecord {
	return SourceRecord{ID: s.ID(), File: s.File(), Line: int(s.Line), Role: s.Role(), Lang: s.Lang(), Text: s.Text,
		NoteOf: s.NoteOf, DuplicateOf: s.DuplicateOf, Title: s.Title(), URL: s.URL(), Author: s.Author(),
		Location: s.Location(), Date: s.Date(), Tags: s.Tags(), Format: s.Format(), Seen: s.Seen()}
}

// Source returns the source a record was written from (without what the
// report leaves out: its column and line breaks).
func (r *SourceRecord) Source() Source {
	s := Source{Line: int32(r.Line), Text: r.Text, NoteOf: r.NoteOf, DuplicateOf: r.DuplicateOf,
		shape: sourceShapeOf(sourceWords{file: r.File, role: r.Role, lang: r.Lang, format: r.Format})}.WithID(r.ID)
	s.SetTitle(r.Title)
	s.SetURL(r.URL)
	s.SetAuthor(r.Author)
	s.SetLocation(r.Location)
	s.SetDate(r.Date)
	s.SetTags(r.Tags)
	s.SetSeen(r.Seen)
	return s
}

// MarshalJSON writes the source's record.
func (s Source) MarshalJSON() ([]byte, error) { return marshal(s.Record()) }

// UnmarshalJSON reads a source's record.
func (s *Source) UnmarshalJSON(b []byte) error {
	var r SourceRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*s = r.Source()
	return nil
}

// ClaimRecord is a claim as factsheet.json writes it (SCHEMA.md), field
// for field in the report's order.
type ClaimRecord struct {
	ID        string   `json:"id"`
	Source    string   `json:"source"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Col       int      `json:"col"`
	Text      string   `json:"text"`
	Value     float64  `json:"value"`
	Unit      string   `json:"unit"`
	Min       *float64 `json:"min"`
	Max       *float64 `json:"max"`
	Qualifier string   `json:"qualifier"`
	Kind      string   `json:"kind"`
	Change    string   `json:"change,omitempty"`
	Direction string   `json:"direction,omitempty"`
	Role      string   `json:"role,omitempty"`
	Subject   string   `json:"subject"`
	Metric    string   `json:"metric"`
	Period    string   `json:"period"`
	Rule      string   `json:"rule"`
}

// Record returns the claim as factsheet.json writes it.
func (c *Claim) Record() ClaimRecord {
	return ClaimRecord{ID: c.ID(), Source: c.Source(), File: c.File(), Line: int(c.Line), Col: int(c.Col), Text: c.Text,
		Value: c.Value, Unit: c.Unit(), Min: c.Min, Max: c.Max, Qualifier: c.Qualifier(), Kind: c.Kind(),
		Change: c.Change(), Direction: c.Direction(), Role: c.Role(), Subject: c.Subject(), Metric: c.Metric(),
		Period: c.Period(), Rule: c.Rule()}
}

// Claim returns the claim a record was written from (without what the
// report leaves out: its offsets, rounding step, links).
func (r *ClaimRecord) Claim() Claim {
	c := Claim{file: intern(r.File), Line: int32(r.Line), Col: int32(r.Col), Text: r.Text,
		Value: r.Value, Min: r.Min, Max: r.Max}.WithIDs(r.ID, r.Source)
	c.shape = shapeOf(shapeWords{unit: r.Unit, qualifier: r.Qualifier, kind: r.Kind, change: r.Change,
		direction: r.Direction, role: r.Role, rule: r.Rule})
	c.SetSubject(r.Subject)
	c.SetMetric(r.Metric)
	c.SetPeriod(r.Period)
	return c
}

// MarshalJSON writes the claim's record.
func (c Claim) MarshalJSON() ([]byte, error) { return marshal(c.Record()) }

// UnmarshalJSON reads a claim's record.
func (c *Claim) UnmarshalJSON(b []byte) error {
	var r ClaimRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return err
	}
	*c = r.Claim()
	return nil
}
