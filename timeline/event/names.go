package event

// TypeNames are the names of the event types, in order of precedence,
// the catch-all "other" last: what a correction may set.
func TypeNames() []string {
	names := make([]string, 0, len(eventTypes)+1)
	for _, t := range eventTypes {
		names = append(names, t.name)
	}
	return append(names, OtherType)
}
