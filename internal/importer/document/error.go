package document

// Error is an import that cannot go on. It names the file and, where there is one, the place, and says what to do.
type Error struct {
	File string
	At   Pos
	Msg  string
	Hint string
}

func (e *Error) Error() string {
	s := e.At.Prefix(e.File) + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}
