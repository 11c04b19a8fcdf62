package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// writeIndented writes v as a json.Encoder with two spaces of indent and
// no HTML escaping writes it, but for its list under key, which it
// writes an item at a time: so that the file never waits whole in
// memory, nor twice over as the encoder's indenting would hold it. v
// must hold an empty list (not nil) under key, its last list field.
func writeIndented[T any](w io.Writer, v any, key string, list []T) error {
	var head bytes.Buffer
	if err := encoder(&head, "").Encode(v); err != nil {
		return err
	}
	if len(list) == 0 {
		_, err := w.Write(head.Bytes())
		return err
	}
	// In a string every quote is escaped, so this is the key itself.
	mark := []byte(`"` + key + `": []`)
	at := bytes.LastIndex(head.Bytes(), mark)
	if at < 0 {
		return fmt.Errorf("export: no empty list %q to write the items into", key)
	}
	at += len(mark) - 1 // at "]"
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head.Bytes()[:at])
	var item bytes.Buffer
	enc := encoder(&item, "    ")
	for i := range list {
		item.Reset()
		if err := enc.Encode(list[i]); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
	}
	bw.WriteString("\n  ")
	bw.Write(head.Bytes()[at:])
	return bw.Flush()
}

// encoder writes JSON into w as the exports have it: indented by two
// spaces, each line after the first after prefix, with "<", ">" and "&"
// as they are.
func encoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}
