package event

// TypeNames are the names of the built-in event types, in order of
// precedence, the catch-all "other" last. Types.Names gives those of a
// config.
func TypeNames() []string { return Types{}.Names() }
