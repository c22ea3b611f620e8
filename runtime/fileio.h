/* fileio.h — file objects (fileio.c): what open() returns and what
 * sys.stdin/stdout/stderr are. Text files read and write str (UTF-8, with
 * universal newlines on read), binary files bytes. Writes are buffered;
 * blocking system calls release the GIL. */
#ifndef GILT_FILEIO_H
#define GILT_FILEIO_H

#include "object.h"

extern TypeObject TextFileType, BinaryFileType;
#define FILEIO_CHECK(o) (IS_TYPE(o, TextFileType) || IS_TYPE(o, BinaryFileType))

/* builtins.open(file, mode='r', buffering=-1, encoding=None, errors=None,
 * newline=None, closefd=True) */
Object *fileio_open(Object *self, Object *const *args, size_t nargs, Object *kwnames);
/* A file object over an already open descriptor (sys.std*). */
Object *fileio_from_fd(int fd, const char *name, const char *mode, bool line_buffered,
                       bool closefd);
/* Append UTF-8 text to a text file's buffer (the fast path of print). */
int fileio_write_text(Object *f, const char *s, size_t n);
int fileio_flush(Object *f);
/* One line (with its '\n'), "" at EOF; a str for text files. */
Object *fileio_readline(Object *f, int64_t limit);
/* Remember the interpreter's standard streams (sysmodule.c) so that they can
 * be flushed before tracebacks and at exit. Borrowed; NULL to forget. */
void fileio_set_std(Object *out, Object *err);
/* Flush the standard streams (errors ignored). */
void fileio_flush_std(void);

#endif
