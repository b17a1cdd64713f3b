package problem

// The coordinator reads Swedish, but the YAML parser and the operating system say what went wrong in English. These
// put the reasons they give most often into Swedish; a reason not known here is kept as it is.

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
)

// yamlReasons are yaml.v3's messages, and what they mean for someone writing the keys of a content file.
var yamlReasons = map[string]string{
	"mapping values are not allowed in this context":               "ett kolon följt av mellanslag får inte stå här",
	"mapping keys are not allowed in this context":                 "en nyckel får inte stå här",
	"block sequence entries are not allowed in this context":       "en listrad som börjar med - får inte stå här",
	"could not find expected ':'":                                  "kolonet efter nyckeln saknas",
	"did not find expected key":                                    "raden är inte en nyckel med värde, eller har fel indrag",
	"did not find expected node content":                           "ett värde saknas",
	"did not find expected '-' indicator":                          "raden borde vara en listrad som börjar med -",
	"did not find expected ',' or ']'":                             "ett kommatecken eller ] saknas",
	"did not find expected ',' or '}'":                             "ett kommatecken eller } saknas",
	"did not find expected comment or line break":                  "det står text efter värdet som inte hör dit",
	"did not find expected whitespace or line break":               "ett mellanslag eller en radbrytning saknas",
	"did not find expected alphabetic or numeric character":        "en bokstav eller siffra saknas",
	"found character that cannot start any token":                  "ett värde börjar med ett tecken som inte får stå först",
	"found unexpected end of stream":                               "texten tar slut innan ett citattecken eller en klammer är stängd",
	"found unknown escape character":                               "ett okänt tecken står efter \\ i en text inom citattecken",
	"found a tab character that violates indentation":              "ett tabbtecken står i indraget",
	"found a tab character where an indentation space is expected": "ett tabbtecken står där ett mellanslag ska vara",
	"found unexpected document indicator":                          "en rad med --- eller ... står mitt i nycklarna",
	"found undefined tag handle":                                   "ett okänt !-tecken står före värdet",
	"control characters are not allowed":                           "styrtecken är inte tillåtna",
	"invalid leading UTF-8 octet":                                  "filen är inte sparad som UTF-8",
	"invalid trailing UTF-8 octet":                                 "filen är inte sparad som UTF-8",
	"incomplete UTF-8 octet sequence":                              "filen är inte sparad som UTF-8",
	"invalid Unicode character":                                    "ett ogiltigt tecken",
}

// YAML is the Swedish for a message of the YAML parser, without its "yaml: line N: " prefix. An unknown message is
// kept as it is, in quotes, so that it is at least clear where it comes from.
func YAML(msg string) string {
	msg = strings.TrimSpace(msg)
	if sv, ok := yamlReasons[msg]; ok {
		return sv
	}
	for en, sv := range yamlReasons {
		if strings.HasSuffix(msg, en) { // "while parsing a block mapping …: did not find expected key"
			return sv
		}
	}
	if strings.HasPrefix(msg, "unknown anchor") {
		return "ett okänt ankare (*) används"
	}
	return "YAML-tolken säger ”" + msg + "”"
}

// Reason is the Swedish for why a file could not be read or written: the operating system's reason, without the
// path, which the message names already. An unknown reason is kept as the system gives it.
func Reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "den finns inte"
	case errors.Is(err, fs.ErrPermission):
		return "du saknar behörighet"
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "disken är full"
	case errors.Is(err, syscall.EROFS):
		return "disken är skrivskyddad"
	case errors.Is(err, syscall.ENOTDIR):
		return "en del av sökvägen är inte en mapp"
	case errors.Is(err, syscall.EISDIR):
		return "det är en mapp"
	case errors.Is(err, syscall.ELOOP):
		return "för många symboliska länkar i rad"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "namnet är för långt"
	case errors.Is(err, syscall.EIO):
		return "disken kunde inte läsas eller skrivas"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
