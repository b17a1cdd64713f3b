package importer

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Bad input: each exits with a message that names the file and says what to do, and writes nothing.
func TestImportRefusesBadInput(t *testing.T) {
	good := docxCases[0].doc.bytes(t)
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)
	encrypted := append(append([]byte{}, ole...), utf16le("EncryptionInfo")...)
	cases := []struct {
		name string
		data []byte
		want string // in the message
	}{
		{"tom.docx", nil, "filen är tom"},
		{"blanksteg.txt", []byte("  \n\n \t\n"), "filen är tom"},
		{"avkortad.docx", good[:len(good)/2], "trasigt eller avkortat"},
		{"trasig.docx", append([]byte("PK\x03\x04"), make([]byte, 300)...), "trasigt eller avkortat"},
		{"losenord.docx", encrypted, "lösenordsskyddat"},
		{"gammal.doc", ole, "gammalt Word-dokument (.doc)"},
		{"plan.pdf", []byte("%PDF-1.7\n1 0 obj\n"), "är en PDF"},
		{"binar.txt", []byte("text\x00med nolla"), "varken .docx eller text"},
		{"latin1.txt", []byte("# R\xe4tt\n\nText\n"), "inte UTF-8"},
		{"utan-rubriker.txt", []byte("Bara text.\n\nOch mer text.\n"), "inga rubriker"},
		{"utan-rubriker.docx", docxFixture{body: p("", r("Bara text utan rubriker."))}.bytes(t), "inga rubriker"},
		{"kalkyl.docx", zipOf(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), "inget Word-dokument"},
		{"odt.docx", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}), "OpenDocument"},
		{"trasig-xml.docx", docxFixture{body: "<w:p><w:r><w:t>öppen"}.bytes(t), "ingen giltig XML"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tmp := t.TempDir()
			in := filepath.Join(tmp, c.name)
			if err := os.WriteFile(in, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			refused(t, in, filepath.Join(tmp, "content"), c.want)
		})
	}
}

// refused imports in into a content folder that does not exist, and checks the message and that nothing is written.
func refused(t *testing.T, in, dir, want string) {
	t.Helper()
	_, err := Import(in, Options{Content: dir, Year: 2031})
	if err == nil {
		t.Errorf("Import(%s) succeeded", in)
		return
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, in+":") || !strings.Contains(msg, want) || !strings.Contains(msg, "(") {
		t.Errorf("message %q: want it to start with the file, say %q and give a hint in parentheses", msg, want)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s was created", dir)
	}
}

func zipOf(t *testing.T, parts map[string]string) []byte {
	return docxFixture{parts: parts}.bytesRaw(t)
}

// A year folder that exists is never overwritten.
func TestImportRefusesExistingYear(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "plan.docx")
	os.WriteFile(in, docxCases[0].doc.bytes(t), 0o644)
	dir := filepath.Join(tmp, "content")
	os.MkdirAll(filepath.Join(dir, "2031"), 0o755)
	os.WriteFile(filepath.Join(dir, "2031", "plan.md"), []byte("mitt arbete"), 0o644)
	_, err := Import(in, Options{Content: dir, Year: 2031})
	if err == nil || !strings.Contains(err.Error(), "finns redan") {
		t.Fatalf("err = %v, want the folder exists", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "2031", "plan.md")); string(b) != "mitt arbete" {
		t.Error("the existing revision was changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the content folder holds %d entries, want only 2031", len(entries))
	}
}

// Only regular files are read: a FIFO would block on open, /dev/zero never ends.
func TestImportRefusesWhatIsNotAFile(t *testing.T) {
	tmp := t.TempDir()
	fifo := filepath.Join(tmp, "ror.docx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, in := range []string{fifo, "/dev/zero", tmp} {
		done := make(chan struct{})
		go func() {
			defer close(done)
			refused(t, in, filepath.Join(tmp, "content"), "ingen vanlig fil")
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Import(%s) hangs", in)
		}
	}
}
