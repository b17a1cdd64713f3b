package content

// Label is the status as a reader sees it, with a capital: "Utkast", "Remiss", "Antagen", "Exempel".
func (s Status) Label() string {
	switch s {
	case Draft:
		return "Utkast"
	case Consultation:
		return "Remiss"
	case Adopted:
		return "Antagen"
	case Example:
		return "Exempel"
	}
	return ""
}
