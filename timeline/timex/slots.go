package timex

// slots are what a pattern captured: the pieces a normalizer builds a
// value from. Zero means "not said" for every field but rel, whose
// presence relSet records.
type slots struct {
	year, month, day, weekday int
	yy                        bool // the year was written with two digits
	decade                    int  // 199 for the 1990s
	ord                       int  // an ordinal: "third" quarter, 20th century
	num                       int
	numSet                    bool // num was said ("zero" is a number too)
	half                      bool // "two and a half", "1 1/2"
	fuzzy                     bool // "several", "a few": the count is X
	unit                      string
	plural                    bool // the unit, weekday or part of the day was plural
	season, pod, ref          string
	freq, holiday, deictic    string
	rel                       int
	relSet                    bool
	that                      bool // "that day": refers back to a mentioned date
	mod                       string
	hour, minute              int
	clock                     bool // hour (and minute) were said
	ampm                      string
	era                       int  // -1 BC, 1 AD
	anaphoric                 bool // the direction counts from a mentioned date
	eve                       bool // "Christmas Eve": the day before the holiday
}

// fill stores a lexicon reading of token t.
func (s *slots) fill(e entry, t *token) {
	switch e.cat {
	case catMonth:
		s.month = e.num
	case catWeekday:
		s.weekday = e.num
	case catWeekdays:
		s.weekday, s.plural = e.num, true
	case catSeason:
		s.season = e.code
	case catPOD:
		s.pod = e.code
		s.plural = s.plural || len(t.key) > 1 && t.key[len(t.key)-1] == 's' // "Tuesday nights"
	case catUnit:
		s.unit = e.code
		s.plural = len(t.key) > 1 && t.key[len(t.key)-1] == 's' || t.key == "centuries" || t.key == "millennia"
	case catOrd:
		s.ord = e.num
	case catFuzzy:
		if e.code == "X" {
			s.fuzzy = true
		} else {
			s.num, s.numSet, s.mod = e.num, true, "APPROX"
		}
	case catRel:
		s.rel, s.relSet = e.num, true
	case catAnaRel:
		s.rel, s.relSet, s.anaphoric = e.num, true, true
	case catClockWord:
		s.hour, s.clock = e.num, true
	case catEra:
		s.era = e.num
	case catThat:
		s.that = true
	case catDeictic:
		s.deictic = t.key
	case catRef:
		s.ref = e.code
	case catMod:
		s.mod = e.code
	case catFreq:
		s.freq = e.code
	case catAMPM:
		s.ampm = e.code
	case catHoliday:
		s.holiday = e.code
	case catDecadeWord:
		s.decade = e.num
	}
}

// fillBuiltin matches a number shape against t and stores it.
func (s *slots) fillBuiltin(b builtin, t *token) bool {
	if t.kind != tokNum || t.num < 0 {
		return false
	}
	switch b {
	case bYear:
		if t.suffix != "" || t.digits != 4 || t.grouped || t.num < 1000 || t.num > 2199 {
			return false
		}
		s.year = t.num
	case bDay:
		if t.num < 1 || t.num > 31 || t.digits > 2 || t.digits == 0 ||
			t.suffix != "" && !isOrdinalSuffix(t.suffix) {
			return false
		}
		s.day = t.num
	case bDayTh:
		if t.num < 1 || t.num > 31 || t.digits > 2 || t.digits == 0 || !isOrdinalSuffix(t.suffix) {
			return false
		}
		s.day = t.num
	case bNum:
		if t.suffix != "" || t.digits > 9 {
			return false
		}
		s.num, s.numSet = t.num, true
	case bYY:
		if t.suffix != "" || t.digits != 2 {
			return false
		}
		s.year, s.yy = t.num, true
	case bDecade:
		if t.suffix != "s" || t.num%10 != 0 || t.digits < 2 || t.digits > 4 {
			return false
		}
		if t.digits == 2 {
			s.decade = 190 + t.num/10
		} else {
			s.decade = t.num / 10
		}
	case bHour:
		if t.digits == 0 || t.digits > 2 || t.num > 24 {
			return false
		}
		switch t.suffix {
		case "":
		case "am", "a", "pm", "p":
			s.ampm = "AM"
			if t.suffix[0] == 'p' {
				s.ampm = "PM"
			}
		default:
			return false
		}
		s.hour, s.clock = t.num, true
	case bHourAMPM:
		if t.digits == 0 || t.digits > 2 || t.num > 12 || t.num == 0 {
			return false
		}
		switch t.suffix {
		case "am", "a":
			s.ampm = "AM"
		case "pm", "p":
			s.ampm = "PM"
		default:
			return false
		}
		s.hour, s.clock = t.num, true
	case bHHMM:
		if t.digits != 4 || t.suffix != "" || t.num/100 > 23 || t.num%100 > 59 {
			return false
		}
		s.hour, s.minute, s.clock = t.num/100, t.num%100, true
	case bMinute:
		if t.digits != 2 || t.num > 59 {
			return false
		}
		switch t.suffix {
		case "":
		case "am", "pm":
			s.ampm = map[string]string{"am": "AM", "pm": "PM"}[t.suffix]
		default:
			return false
		}
		s.minute = t.num
	}
	return true
}

// filled reports whether the slot that category c fills is already set.
func (s *slots) filled(c category) bool {
	switch c {
	case catUnit:
		return s.unit != ""
	case catMonth:
		return s.month != 0
	case catWeekday, catWeekdays:
		return s.weekday != 0
	}
	return false
}
