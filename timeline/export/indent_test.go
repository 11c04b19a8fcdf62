package export

import (
	"bytes"
	"testing"

	"conflict-timeline/timeline"
)

// writeIndented writes what one json.Encoder writes of the whole.
func TestWriteIndented(t *testing.T) {
	events := []timeline.Event{{ID: "a", Places: []string{}, Reasons: []string{"<b>"}}, {ID: `"events": []`, Type: "x&y"}}
	for _, tl := range []timeline.Timeline{
		{},
		{Title: `t "events": [] \"events\": []`, Events: events[:1]},
		{Title: "t", Events: events, Hidden: 2},
	} {
		var want, got bytes.Buffer
		whole := tl
		if whole.Events == nil {
			whole.Events = []timeline.Event{}
		}
		if err := encoder(&want, "").Encode(whole); err != nil {
			t.Fatal(err)
		}
		list := tl.Events
		tl.Events = []timeline.Event{}
		if err := writeIndented(&got, tl, "events", list); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("wrote\n%s\nwant\n%s", got.String(), want.String())
		}
	}
}
