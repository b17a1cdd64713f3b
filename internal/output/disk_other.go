//go:build !unix

package output

// lockDir does nothing where flock is not available: two builds into one output folder at once are not guarded.
func lockDir(dir string) (func(), error) { return func() {}, nil }

// freeSpace is not known here.
func freeSpace(dir string) (int64, bool) { return 0, false }
