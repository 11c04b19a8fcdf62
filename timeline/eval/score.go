package eval

// Counts are what the scores are computed from. They add up across
// documents, which is how the scores are micro-averaged.
type Counts struct {
	Gold   int `json:"gold"`   // gold timexes
	System int `json:"system"` // system timexes
	// Relaxed is the number of matched pairs (overlapping spans), Strict
	// those of them with identical spans, and Value and Type those with
	// the gold value and type.
	Relaxed int `json:"relaxed"`
	Strict  int `json:"strict"`
	Value   int `json:"value"`
	Type    int `json:"type"`
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.System += o.System
	c.Relaxed += o.Relaxed
	c.Strict += o.Strict
	c.Value += o.Value
	c.Type += o.Type
}

// Scores are the TempEval-3 measures. For each, P is the number right over
// the system's count and R over the gold count; for value and type "right"
// means a relaxed match with the right attribute, so a timex that is
// missed or spurious counts against them too.
type Scores struct {
	Strict  PRF `json:"strict"`
	Relaxed PRF `json:"relaxed"`
	Value   PRF `json:"value"`
	Type    PRF `json:"type"`
}

// PRF is a precision, recall and F1, in points (0 to 100) as TempEval-3
// and the published figures give them.
type PRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// Scores computes the measures from the counts.
func (c Counts) Scores() Scores {
	return Scores{
		Strict:  prf(c.Strict, c.System, c.Gold),
		Relaxed: prf(c.Relaxed, c.System, c.Gold),
		Value:   prf(c.Value, c.System, c.Gold),
		Type:    prf(c.Type, c.System, c.Gold),
	}
}

// prf scores right answers out of system guesses and gold ones; an empty
// denominator scores 0, not NaN, so that a silent resolver scores 0.
func prf(right, system, gold int) PRF {
	var s PRF
	if system > 0 {
		s.P = 100 * float64(right) / float64(system)
	}
	if gold > 0 {
		s.R = 100 * float64(right) / float64(gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}
