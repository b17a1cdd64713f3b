package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stockholm/plansite/internal/importer/document"
)

// Size limits. A plan is a few dozen pages; these are far above any real plan and far below what would hurt the
// machine, so a wrong file (a disk image, a video) is refused at once instead of being read into memory.
const (
	maxDocx    = 50 << 20 // a .docx, pictures included
	maxText    = 10 << 20 // a text export
	maxPicture = 20 << 20 // a picture a Markdown export links to: as large as docx allows one part of a .docx
)

// Error is an import that cannot go on. It names the file and, where there is one, the place, and says what to do.
type Error = document.Error

func fail(file, msg, hint string) error { return &Error{File: file, Msg: msg, Hint: hint} }

type format int

const (
	formatDocx format = iota + 1
	formatText
)

// readInput reads the file to import, refusing what is not a regular file before opening it: opening a FIFO
// blocks until someone writes to it, and a device such as /dev/zero never ends.
func readInput(file string) ([]byte, error) {
	info, err := os.Stat(file)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fail(file, "filen finns inte", "kontrollera sökvägen")
		}
		return nil, fail(file, "filen kan inte läsas: "+err.Error(), "kontrollera filens behörigheter")
	}
	if !info.Mode().IsRegular() {
		return nil, fail(file, "är ingen vanlig fil", "ange Word-dokumentet (.docx) eller en textexport av planen")
	}
	if info.Size() > maxDocx {
		return nil, fail(file, fmt.Sprintf("filen är %d MB; en plan är långt mindre än %d MB", info.Size()>>20, maxDocx>>20),
			"ange planens Word-dokument eller textexport")
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fail(file, "filen kan inte öppnas: "+err.Error(), "kontrollera filens behörigheter")
	}
	defer f.Close()
	// The file may have been swapped between Stat and Open; the limit holds whatever it is now.
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, fail(file, "är ingen vanlig fil", "ange Word-dokumentet (.docx) eller en textexport av planen")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxDocx+1))
	if err != nil {
		return nil, fail(file, "filen kan inte läsas: "+err.Error(), "")
	}
	if len(data) > maxDocx {
		return nil, fail(file, fmt.Sprintf("filen är större än %d MB", maxDocx>>20), "ange planens Word-dokument eller textexport")
	}
	return data, nil
}

// sniff tells the format from the file's first bytes, never from its name: a .doc renamed .docx, or a PDF saved
// as .txt, must get the message that helps.
func sniff(file string, data []byte) (format, []byte, error) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return 0, nil, fail(file, "filen är tom", "ange det antagna Word-dokumentet (.docx) eller en textexport av det")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return formatDocx, data, nil
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		// An OLE compound file: Word 97–2003, or a .docx that Word has encrypted with a password.
		if bytes.Contains(data, utf16le("EncryptionInfo")) || bytes.Contains(data, utf16le("EncryptedPackage")) {
			return 0, nil, fail(file, "dokumentet är lösenordsskyddat",
				"öppna det i Word, ta bort lösenordet (Arkiv > Info > Skydda dokument) och spara det som .docx")
		}
		return 0, nil, fail(file, "är ett gammalt Word-dokument (.doc), inte .docx",
			"öppna det i Word och spara det som Word-dokument (.docx)")
	case bytes.HasPrefix(data, []byte("%PDF")):
		return 0, nil, fail(file, "är en PDF; den går inte att importera ordagrant",
			"importera Word-dokumentet som PDF:en gjordes av, eller en textexport av det")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		// Word's "Unicode text" is UTF-16 with a byte-order mark.
		data = fromUTF16(data)
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if len(data) > maxText {
		return 0, nil, fail(file, fmt.Sprintf("texten är större än %d MB; en plan är långt mindre", maxText>>20),
			"ange planens textexport")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return 0, nil, fail(file, "är varken .docx eller text", "ange det antagna Word-dokumentet (.docx) eller en textexport av det")
	}
	if !utf8.Valid(data) {
		return 0, nil, fail(file, "texten är inte UTF-8",
			"spara textexporten med kodningen UTF-8 (i Word: Spara som > Oformaterad text > Unicode (UTF-8))")
	}
	return formatText, data, nil
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func fromUTF16(data []byte) []byte {
	big := data[0] == 0xFE
	data = data[2:]
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if big {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return []byte(string(utf16.Decode(u)))
}
