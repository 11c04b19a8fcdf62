package site

import (
	"os"
	"sync/atomic"

	"github.com/spf13/afero"
)

// countingFs counts the files Hugo creates, which is the only measure of
// its progress the library offers.
type countingFs struct {
	afero.Fs
	created atomic.Int64
}

func (c *countingFs) Create(name string) (afero.File, error) {
	f, err := c.Fs.Create(name)
	if err == nil {
		c.created.Add(1)
	}
	return f, err
}

func (c *countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := c.Fs.OpenFile(name, flag, perm)
	if err == nil && flag&os.O_CREATE != 0 {
		c.created.Add(1)
	}
	return f, err
}
