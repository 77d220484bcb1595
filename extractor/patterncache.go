package extractor

import (
	"regexp"
	"sync"
	"sync/atomic"
)

// patternCache remembers a value computed once per pattern. Patterns are
// few and met early, so the map is copied on write and read without a
// lock.
type patternCache[T any] struct {
	m  atomic.Pointer[map[*regexp.Regexp]T]
	mu sync.Mutex
}

// get returns re's value, computing it with compute the first time.
func (c *patternCache[T]) get(re *regexp.Regexp, compute func(*regexp.Regexp) T) T {
	if p := c.m.Load(); p != nil {
		if v, ok := (*p)[re]; ok {
			return v
		}
	}
	v := compute(re)
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.m.Load()
	next := map[*regexp.Regexp]T{}
	if old != nil {
		if v, ok := (*old)[re]; ok {
			return v // another goroutine was first
		}
		for k, w := range *old {
			next[k] = w
		}
	}
	next[re] = v
	c.m.Store(&next)
	return v
}
