/* fileio.c — file objects: open(), and the standard streams.
 *
 * One struct serves text files (_io.TextIOWrapper: str in and out, UTF-8)
 * and binary files (_io.BufferedReader-like: bytes). Each file has a write
 * buffer, flushed when it fills, on flush()/close(), before any read or
 * seek, at each '\n' when line-buffered (a terminal) and immediately for
 * stderr; and a read buffer refilled by read(2). Text reads translate
 * "\r\n" and "\r" to "\n" unless newline='' was given (universal newlines).
 *
 * Every read(2)/write(2) runs between BLOCKING_BEGIN/END so other threads
 * run meanwhile. The buffers are only touched under the file's object lock
 * (lock.h), and flushing first detaches the pending bytes, so two threads
 * printing at once interleave whole writes and never corrupt a buffer.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "gilt.h"
#include "fileio.h"

typedef struct FileObject {
    OBJECT_HEAD
    int fd;
    Object *name;               /* str (path) or int (descriptor)       */
    Object *mode;               /* str, as given to open()              */
    bool readable, writable, closed, closefd;
    bool line_buffered, unbuffered, translate_newlines, is_stderr;
    char *wbuf;                 /* pending output                        */
    size_t wlen, wcap;
    char *rbuf;                 /* input read ahead: rbuf[rpos..rlen)    */
    size_t rpos, rlen, rcap;
    bool eof;                   /* read(2) returned 0                    */
} FileObject;

#define F(o) ((FileObject *)(o))
#define IS_TEXT(f) IS_TYPE(f, TextFileType)
#define WBUF_LIMIT 8192
#define READ_CHUNK 65536

static Object *std_out, *std_err;

/* ------------------------------------------------------------------ */
/* raw I/O, with the GIL released                                       */

static ThreadState *blocking_ts(void) {
    ThreadState *ts = ts_current();
    return ts && ts->interp && ts->interp->gil ? ts : NULL;
}

/* Write all of buf; -1 with errno on failure. */
static int raw_write_all(int fd, const char *buf, size_t n) {
    ThreadState *ts = blocking_ts();
    int result = 0;
    if (ts) BLOCKING_BEGIN(ts);
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            result = -1;
            break;
        }
        buf += w;
        n -= (size_t)w;
    }
    int saved = errno;
    if (ts) BLOCKING_END(ts);
    errno = saved;
    return result;
}

static ssize_t raw_read(int fd, char *buf, size_t n) {
    ThreadState *ts = blocking_ts();
    ssize_t r;
    if (ts) BLOCKING_BEGIN(ts);
    do {
        r = read(fd, buf, n);
    } while (r < 0 && errno == EINTR);
    int saved = errno;
    if (ts) BLOCKING_END(ts);
    errno = saved;
    return r;
}

/* ------------------------------------------------------------------ */
/* buffers                                                              */

static int check_open(FileObject *f) {
    if (f->closed) {
        err_set(Exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static int flush_locked_out(FileObject *f) {
    OBJ_LOCK(f);
    char *buf = f->wbuf;
    size_t len = f->wlen, cap = f->wcap;
    f->wbuf = NULL;
    f->wlen = f->wcap = 0;
    OBJ_UNLOCK(f);
    if (!buf) return 0;
    int r = len ? raw_write_all(f->fd, buf, len) : 0;
    int saved = errno;
    OBJ_LOCK(f);
    if (!f->wbuf) {              /* nobody wrote meanwhile: reuse the buffer */
        f->wbuf = buf;
        f->wcap = cap;
        buf = NULL;
    }
    OBJ_UNLOCK(f);
    mem_free(buf);
    if (r < 0) {
        errno = saved;
        err_from_errno(Exc_OSError, NULL);
        return -1;
    }
    return 0;
}

int fileio_flush(Object *o) {
    if (!FILEIO_CHECK(o)) {
        Object *r = obj_call_method(o, "flush", NULL, 0);
        if (!r) return -1;
        DECREF(r);
        return 0;
    }
    if (F(o)->closed) return 0;
    return flush_locked_out(F(o));
}

/* Drop read-ahead so the OS position matches the logical one. */
static void drop_read_buffer(FileObject *f) {
    size_t unread = f->rlen - f->rpos;
    if (unread) lseek(f->fd, -(off_t)unread, SEEK_CUR);
    f->rpos = f->rlen = 0;
    f->eof = false;
}

static int write_bytes(FileObject *f, const char *s, size_t n) {
    if (check_open(f) < 0) return -1;
    if (!f->writable) {
        err_set(Exc_OSError, "not writable");
        return -1;
    }
    if (f->rlen) drop_read_buffer(f);
    bool flush_now = f->unbuffered || f->is_stderr;
    if (!flush_now && f->line_buffered && memchr(s, '\n', n)) flush_now = true;
    if (f == F(std_err) && std_out) fileio_flush(std_out);   /* keep stdout first */
    OBJ_LOCK(f);
    if (f->wlen + n > f->wcap) {
        size_t cap = f->wcap ? f->wcap : 1024;
        while (cap < f->wlen + n) cap *= 2;
        f->wbuf = mem_realloc(f->wbuf, cap);
        f->wcap = cap;
    }
    memcpy(f->wbuf + f->wlen, s, n);
    f->wlen += n;
    if (f->wlen >= WBUF_LIMIT) flush_now = true;
    OBJ_UNLOCK(f);
    return flush_now ? flush_locked_out(f) : 0;
}

int fileio_write_text(Object *o, const char *s, size_t n) {
    return write_bytes(F(o), s, n);
}

/* Read more bytes into the read buffer; 0 at EOF, >0 got some, -1 error. */
static ssize_t fill(FileObject *f) {
    if (f->eof) return 0;
    if (f->wlen && flush_locked_out(f) < 0) return -1;
    if (f->rpos > 0 && f->rpos == f->rlen) f->rpos = f->rlen = 0;
    if (f->rpos > 0 && f->rlen - f->rpos < f->rpos) {   /* compact */
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rcap - f->rlen < READ_CHUNK) {
        f->rcap = f->rlen + READ_CHUNK;
        f->rbuf = mem_realloc(f->rbuf, f->rcap);
    }
    /* Reading stdin: show the prompt (and any pending output) first. */
    if (f->fd == 0 && std_out) fileio_flush(std_out);
    ssize_t r = raw_read(f->fd, f->rbuf + f->rlen, READ_CHUNK);
    if (r < 0) {
        err_from_errno(Exc_OSError, NULL);
        return -1;
    }
    if (r == 0) f->eof = true;
    f->rlen += (size_t)r;
    return r;
}

/* Bytes [start, start+n) of the read buffer as the result object, with
 * newline translation for text files. */
static Object *make_result(FileObject *f, const char *s, size_t n) {
    if (!IS_TEXT(f)) return bytes_from(s, n);
    if (!f->translate_newlines || !memchr(s, '\r', n)) return str_from_utf8(s, n);
    char *tmp = mem_alloc(n ? n : 1);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            tmp[m++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n') i++;
        } else {
            tmp[m++] = s[i];
        }
    }
    Object *r = str_from_utf8(tmp, m);
    mem_free(tmp);
    return r;
}

static int check_readable(FileObject *f) {
    if (check_open(f) < 0) return -1;
    if (!f->readable) {
        err_set(Exc_OSError, "not readable");
        return -1;
    }
    return 0;
}

Object *fileio_readline(Object *o, int64_t limit) {
    if (!FILEIO_CHECK(o)) return obj_call_method(o, "readline", NULL, 0);
    FileObject *f = F(o);
    if (check_readable(f) < 0) return NULL;
    size_t scanned = 0;
    for (;;) {
        char *start = f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos;
        for (size_t i = scanned; i < avail; i++) {
            char c = start[i];
            size_t take = 0;
            if (c == '\n') {
                take = i + 1;
            } else if (c == '\r' && IS_TEXT(f) && f->translate_newlines) {
                if (i + 1 < avail) take = start[i + 1] == '\n' ? i + 2 : i + 1;
                else if (f->eof) take = i + 1;
                else break;     /* need the next byte to decide */
            }
            if (!take && limit >= 0 && (int64_t)(i + 1) >= limit) take = i + 1;
            if (take) {
                f->rpos += take;
                return make_result(f, start, take);
            }
            scanned = i + 1;
        }
        if (f->eof) {
            f->rpos = f->rlen;
            return make_result(f, start, avail);
        }
        /* fill may compact the buffer; `scanned` is relative to rpos, so
         * scanning resumes at the right byte either way. */
        if (fill(f) < 0) return NULL;
    }
}

/* Read up to n characters (text) or bytes (binary); n < 0: everything. */
static Object *read_n(FileObject *f, int64_t n) {
    if (check_readable(f) < 0) return NULL;
    if (n < 0) {
        while (!f->eof)
            if (fill(f) < 0) return NULL;
        Object *r = make_result(f, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rpos = f->rlen = 0;
        return r;
    }
    for (;;) {
        size_t avail = f->rlen - f->rpos;
        const unsigned char *s = (const unsigned char *)f->rbuf + f->rpos;
        size_t take = 0;
        if (!IS_TEXT(f)) {
            if (avail >= (size_t)n || f->eof) take = avail < (size_t)n ? avail : (size_t)n;
            else if (avail > 0 && f->fd == 0) take = avail;   /* don't wait on a pipe */
            else take = (size_t)-1;
        } else {
            /* Count characters (UTF-8 lead bytes); a trailing '\r' waits for
             * its possible '\n'. */
            int64_t chars = 0;
            size_t i = 0;
            while (i < avail && chars < n) {
                size_t len = s[i] < 0x80 ? 1 : s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2;
                if (i + len > avail) break;
                if (s[i] == '\r' && f->translate_newlines && i + 1 < avail && s[i + 1] == '\n')
                    len = 2;
                else if (s[i] == '\r' && f->translate_newlines && i + 1 == avail && !f->eof)
                    break;
                i += len;
                chars++;
            }
            if (chars == n || f->eof) take = f->eof && chars < n ? avail : i;
            else take = (size_t)-1;
        }
        if (take != (size_t)-1) {
            Object *r = make_result(f, (const char *)s, take);
            f->rpos += take;
            return r;
        }
        if (fill(f) < 0) return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* construction                                                         */

static Object *file_new(TypeObject *type, int fd, Object *name, const char *mode) {
    FileObject *f = (FileObject *)obj_alloc(type, sizeof(FileObject));
    if (!f) return NULL;
    f->fd = fd;
    f->name = NEWREF(name);
    f->mode = str_from_cstr(mode);
    f->closefd = true;
    f->translate_newlines = true;
    if (!f->mode) { DECREF(f); return NULL; }
    return (Object *)f;
}

Object *fileio_from_fd(int fd, const char *name, const char *mode, bool line_buffered,
                       bool closefd) {
    Object *n = str_from_cstr(name);
    if (!n) return NULL;
    Object *o = file_new(&TextFileType, fd, n, mode);
    DECREF(n);
    if (!o) return NULL;
    FileObject *f = F(o);
    f->readable = strchr(mode, 'r') != NULL || strchr(mode, '+') != NULL;
    f->writable = strchr(mode, 'w') != NULL || strchr(mode, 'a') != NULL ||
                  strchr(mode, '+') != NULL;
    f->line_buffered = line_buffered;
    f->closefd = closefd;
    f->is_stderr = fd == 2;
    return o;
}

void fileio_set_std(Object *out, Object *err) {
    std_out = out;
    std_err = err;
}

void fileio_flush_std(void) {
    Object *saved = err_fetch();
    if (std_out && fileio_flush(std_out) < 0) err_clear();
    if (std_err && fileio_flush(std_err) < 0) err_clear();
    err_restore(saved);
}

static const char *const open_kwlist[] = {"file", "mode", "buffering", "encoding",
                                          "errors", "newline", "closefd", "opener", NULL};

Object *fileio_open(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    Object *a[8] = {0};
    if (arg_bind("open", args, nargs, kwnames, open_kwlist, 1, a) < 0) return NULL;
    Object *file = a[0];
    const char *mode = "r";
    if (a[1]) {
        if (!STR_CHECK(a[1]))
            return err_format(Exc_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
        mode = str_data(a[1]);
    }
    int kind = 0, plus = 0, binary = 0, text = 0;
    for (const char *m = mode; *m; m++) {
        switch (*m) {
        case 'r': case 'w': case 'a': case 'x':
            if (kind) goto bad_mode;
            kind = *m;
            break;
        case '+': if (plus++) goto bad_mode; break;
        case 'b': if (binary++) goto bad_mode; break;
        case 't': if (text++) goto bad_mode; break;
        default: goto bad_mode;
        }
    }
    if (!kind || (binary && text)) {
        if (binary && text)
            return err_set(Exc_ValueError, "can't have text and binary mode at once");
        return err_set(Exc_ValueError,
                       "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    if (binary && a[3] && a[3] != OBJ_NONE)
        return err_set(Exc_ValueError, "binary mode doesn't take an encoding argument");
    if (binary && a[5] && a[5] != OBJ_NONE)
        return err_set(Exc_ValueError, "binary mode doesn't take a newline argument");
    int64_t buffering = -1;
    if (a[2]) {
        buffering = obj_as_index(a[2]);
        if (buffering == -1 && err_occurred()) return NULL;
    }
    if (buffering == 0 && !binary)
        return err_set(Exc_ValueError, "can't have unbuffered text I/O");
    bool closefd = true;
    if (a[6]) {
        int t = obj_is_true(a[6]);
        if (t < 0) return NULL;
        closefd = t;
    }

    int flags = O_CLOEXEC;
    switch (kind) {
    case 'r': flags |= plus ? O_RDWR : O_RDONLY; break;
    case 'w': flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC; break;
    case 'a': flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND; break;
    case 'x': flags |= (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL; break;
    }
    int fd;
    const char *path = NULL;
    if (INT_CHECK(file)) {
        int64_t v = int_as_i64(file);
        if (v == -1 && err_occurred()) return NULL;
        if (v < 0) return err_set(Exc_ValueError, "negative file descriptor");
        fd = (int)v;
    } else if (STR_CHECK(file) || BYTES_CHECK(file)) {
        path = STR_CHECK(file) ? str_data(file) : bytes_data(file);
        if (!closefd) return err_set(Exc_ValueError, "Cannot use closefd=False with file name");
        ThreadState *ts = blocking_ts();
        if (ts) BLOCKING_BEGIN(ts);
        fd = open(path, flags, 0666);
        int saved = errno;
        if (ts) BLOCKING_END(ts);
        errno = saved;
        if (fd < 0) return err_from_errno(Exc_OSError, path);
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            return err_from_errno(Exc_OSError, path);
        }
    } else {
        return err_format(Exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    }
    Object *o = file_new(binary ? &BinaryFileType : &TextFileType, fd, file, mode);
    if (!o) {
        if (closefd && path) close(fd);
        return NULL;
    }
    FileObject *f = F(o);
    f->readable = kind == 'r' || plus;
    f->writable = kind != 'r' || plus;
    f->closefd = closefd;
    f->unbuffered = buffering == 0;
    f->line_buffered = buffering == 1 || (buffering == -1 && isatty(fd));
    if (a[5] && a[5] != OBJ_NONE) {
        if (!STR_CHECK(a[5]))
            return DECREF(o), err_format(Exc_TypeError, "open() argument 'newline' must be str or None, not %T", a[5]);
        const char *nl = str_data(a[5]);
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
            DECREF(o);
            return err_format(Exc_ValueError, "illegal newline value: %s", nl);
        }
        f->translate_newlines = false;
    }
    if (kind == 'a') lseek(fd, 0, SEEK_END);
    return o;

bad_mode:
    return err_format(Exc_ValueError, "invalid mode: '%s'", mode);
}

/* ------------------------------------------------------------------ */
/* methods                                                              */

static int file_close_impl(FileObject *f) {
    if (f->closed) return 0;
    int r = flush_locked_out(f);
    f->closed = true;
    if (f->closefd && f->fd > 2) close(f->fd);
    mem_free(f->rbuf);
    f->rbuf = NULL;
    f->rpos = f->rlen = f->rcap = 0;
    return r;
}

static void file_dealloc(Object *self) {
    FileObject *f = F(self);
    if (!f->closed) {
        Object *saved = err_fetch();
        if (file_close_impl(f) < 0) err_clear();
        err_restore(saved);
    }
    if (self == std_out) std_out = NULL;
    if (self == std_err) std_err = NULL;
    mem_free(f->wbuf);
    mem_free(f->rbuf);
    XDECREF(f->name);
    XDECREF(f->mode);
    obj_free(self);
}

static Object *file_repr(Object *self) {
    FileObject *f = F(self);
    if (IS_TEXT(self))
        return str_format("<_io.TextIOWrapper name=%R mode=%R encoding='UTF-8'>", f->name, f->mode);
    return str_format("<_io.BufferedReader name=%R>", f->name);
}

static Object *m_read(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("read", kwnames) < 0 || arg_count("read", nargs, 0, 1) < 0) return NULL;
    int64_t n = -1;
    if (nargs && args[0] != OBJ_NONE) {
        n = obj_as_index(args[0]);
        if (n == -1 && err_occurred()) return NULL;
    }
    return read_n(F(self), n);
}

static Object *m_readline(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("readline", kwnames) < 0 || arg_count("readline", nargs, 0, 1) < 0) return NULL;
    int64_t n = -1;
    if (nargs && args[0] != OBJ_NONE) {
        n = obj_as_index(args[0]);
        if (n == -1 && err_occurred()) return NULL;
    }
    return fileio_readline(self, n);
}

static Object *m_readlines(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("readlines", kwnames) < 0 || arg_count("readlines", nargs, 0, 1) < 0) return NULL;
    Object *list = list_new(0);
    if (!list) return NULL;
    for (;;) {
        Object *line = fileio_readline(self, -1);
        if (!line) { DECREF(list); return NULL; }
        if (obj_len(line) == 0) { DECREF(line); return list; }
        int r = list_append(list, line);
        DECREF(line);
        if (r < 0) { DECREF(list); return NULL; }
    }
}

static int write_object(Object *self, Object *data) {
    if (IS_TEXT(self)) {
        if (!STR_CHECK(data)) {
            err_format(Exc_TypeError, "write() argument must be str, not %T", data);
            return -1;
        }
        return write_bytes(F(self), str_data(data), str_size(data));
    }
    if (BYTES_CHECK(data)) return write_bytes(F(self), bytes_data(data), bytes_size(data));
    if (IS_INSTANCE(data, ByteArrayType)) {
        ByteArrayObject *b = (ByteArrayObject *)data;
        return write_bytes(F(self), b->data, b->size);
    }
    err_format(Exc_TypeError, "a bytes-like object is required, not '%T'", data);
    return -1;
}

static Object *m_write(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("write", kwnames) < 0 || arg_count("write", nargs, 1, 1) < 0) return NULL;
    if (write_object(self, args[0]) < 0) return NULL;
    int64_t n = IS_TEXT(self) ? (int64_t)str_length(args[0]) : obj_len(args[0]);
    return int_from_i64(n);
}

static Object *m_writelines(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("writelines", kwnames) < 0 || arg_count("writelines", nargs, 1, 1) < 0)
        return NULL;
    Object *it = obj_iter(args[0]);
    if (!it) return NULL;
    Object *item;
    while ((item = obj_next(it))) {
        int r = write_object(self, item);
        DECREF(item);
        if (r < 0) { DECREF(it); return NULL; }
    }
    DECREF(it);
    if (err_occurred()) return NULL;
    RETURN_NONE;
}

static Object *m_close(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (file_close_impl(F(self)) < 0) return NULL;
    RETURN_NONE;
}

static Object *m_flush(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0 || flush_locked_out(F(self)) < 0) return NULL;
    RETURN_NONE;
}

static Object *m_seek(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("seek", kwnames) < 0 || arg_count("seek", nargs, 1, 2) < 0) return NULL;
    FileObject *f = F(self);
    if (check_open(f) < 0) return NULL;
    int64_t off = obj_as_index(args[0]);
    if (off == -1 && err_occurred()) return NULL;
    int64_t whence = 0;
    if (nargs == 2) {
        whence = obj_as_index(args[1]);
        if (whence == -1 && err_occurred()) return NULL;
    }
    if (whence < 0 || whence > 2)
        return err_format(Exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (flush_locked_out(f) < 0) return NULL;
    drop_read_buffer(f);
    off_t r = lseek(f->fd, (off_t)off, (int)whence);
    if (r < 0) return err_from_errno(Exc_OSError, NULL);
    return int_from_i64(r);
}

static Object *m_tell(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    FileObject *f = F(self);
    if (check_open(f) < 0) return NULL;
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return err_from_errno(Exc_OSError, NULL);
    return int_from_i64((int64_t)r + (int64_t)f->wlen - (int64_t)(f->rlen - f->rpos));
}

static Object *m_truncate(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    FileObject *f = F(self);
    if (check_open(f) < 0 || flush_locked_out(f) < 0) return NULL;
    drop_read_buffer(f);
    off_t size = lseek(f->fd, 0, SEEK_CUR);
    if (nargs && args[0] != OBJ_NONE) {
        size = (off_t)obj_as_index(args[0]);
        if (size == -1 && err_occurred()) return NULL;
    }
    if (ftruncate(f->fd, size) < 0) return err_from_errno(Exc_OSError, NULL);
    return int_from_i64(size);
}

static Object *m_fileno(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    return int_from_i64(F(self)->fd);
}

static Object *m_isatty(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    RETURN_BOOL(isatty(F(self)->fd));
}

static Object *m_readable(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    RETURN_BOOL(F(self)->readable);
}

static Object *m_writable(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    RETURN_BOOL(F(self)->writable);
}

static Object *m_seekable(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    RETURN_BOOL(lseek(F(self)->fd, 0, SEEK_CUR) >= 0);
}

static Object *m_enter(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (check_open(F(self)) < 0) return NULL;
    return NEWREF(self);
}

static Object *m_exit(Object *self, Object *const *args, size_t nargs, Object *kwnames) {
    if (file_close_impl(F(self)) < 0) return NULL;
    RETURN_NONE;
}

static Object *file_iter(Object *self) {
    if (check_open(F(self)) < 0) return NULL;
    return NEWREF(self);
}

static Object *file_iternext(Object *self) {
    Object *line = fileio_readline(self, -1);
    if (!line) return NULL;
    if ((IS_TEXT(self) ? str_size(line) : bytes_size(line)) == 0) {
        DECREF(line);
        return NULL;
    }
    return line;
}

static Object *get_closed(Object *self, void *c) { RETURN_BOOL(F(self)->closed); }
static Object *get_name(Object *self, void *c) { return NEWREF(F(self)->name); }
static Object *get_mode(Object *self, void *c) { return NEWREF(F(self)->mode); }
static Object *get_encoding(Object *self, void *c) { return str_from_cstr("UTF-8"); }
static Object *get_line_buffering(Object *self, void *c) { RETURN_BOOL(F(self)->line_buffered); }

static const MethodDef file_methods[] = {
    {"read", m_read, 0, "Read at most n characters (bytes); all if n is negative or omitted."},
    {"readline", m_readline, 0, "Read until newline or EOF."},
    {"readlines", m_readlines, 0, "Return a list of lines."},
    {"write", m_write, 0, "Write a string (bytes); return the number written."},
    {"writelines", m_writelines, 0, "Write each item of an iterable."},
    {"close", m_close, 0, "Flush and close the file."},
    {"flush", m_flush, 0, "Write out buffered data."},
    {"seek", m_seek, 0, "Change the stream position."},
    {"tell", m_tell, 0, "Return the current stream position."},
    {"truncate", m_truncate, 0, "Truncate the file to at most size bytes."},
    {"fileno", m_fileno, 0, "Return the file descriptor."},
    {"isatty", m_isatty, 0, "True if the file is a terminal."},
    {"readable", m_readable, 0, NULL},
    {"writable", m_writable, 0, NULL},
    {"seekable", m_seekable, 0, NULL},
    {"__enter__", m_enter, 0, NULL},
    {"__exit__", m_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef file_getsets[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

TypeObject TextFileType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(FileObject),
    .base = &ObjectType,
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
    .methods = file_methods,
    .getsets = file_getsets,
};

TypeObject BinaryFileType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "_io.BufferedReader",
    .basicsize = sizeof(FileObject),
    .base = &ObjectType,
    .dealloc = file_dealloc,
    .repr = file_repr,
    .iter = file_iter,
    .iternext = file_iternext,
    .methods = file_methods,
    .getsets = file_getsets,
};
