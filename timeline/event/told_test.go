package event

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"
)

// What each article tells, written and read back as a cache does, merges
// into the timeline Extract makes from the articles themselves.
func TestToldSurvivesGob(t *testing.T) {
	in := seedInputs(t, nil)
	want := Extract(in, DefaultGazetteer())
	if len(want.Events) == 0 {
		t.Fatal("the seeds gave no events")
	}
	x := NewExtractor(DefaultGazetteer())
	var told []Told
	for _, input := range in {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(x.Article(input)); err != nil {
			t.Fatal(err)
		}
		var back Told
		if err := gob.NewDecoder(&b).Decode(&back); err != nil {
			t.Fatal(err)
		}
		told = append(told, back)
	}
	got := NewExtractor(DefaultGazetteer()).Merge(told)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged from gob: %d events, want %d as Extract gives them, equal", len(got.Events), len(want.Events))
	}
}

func TestToldGobDecodeRejectsBadPeriod(t *testing.T) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(Record{Drafts: []draftWire{{From: "no date"}}}); err != nil {
		t.Fatal(err)
	}
	var back Told
	if err := back.GobDecode(b.Bytes()); err == nil {
		t.Error("a period that is no date decoded without an error")
	}
}
