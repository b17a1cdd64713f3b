//go:build race

package markdown

// raceDetector is true when the tests run under the race detector, which makes them several times slower.
const raceDetector = true
