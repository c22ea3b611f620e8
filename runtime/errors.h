/* errors.h — raising, inspecting and clearing exceptions (errors.c), and the
 * builtin exception classes (exceptions.c).
 *
 * The exception being raised lives in the current thread state
 * (ts->curexc) as a normalized instance; there is no separate type/value
 * pair. A function that fails sets it and returns NULL / -1.
 */
#ifndef GILT_ERRORS_H
#define GILT_ERRORS_H

#include <stdarg.h>

struct Object;
struct TypeObject;

/* Raise type(msg). Always returns NULL so callers can `return err_set(...)`. */
struct Object *err_set(struct TypeObject *type, const char *msg);
/* Raise type(formatted message). printf formats plus:
 *   %R  repr() of an Object*      %S  str() of an Object*
 *   %T  type name of an Object*   %U  an str Object* as is                  */
struct Object *err_format(struct TypeObject *type, const char *fmt, ...);
struct Object *err_vformat(struct TypeObject *type, const char *fmt, va_list ap);
/* Raise `exc`, an exception instance or class (instantiated with no args);
 * sets __context__ from the exception being handled. Does not steal. */
struct Object *err_set_object(struct Object *exc);
/* The exception being handled (sys.exception()), borrowed, or NULL: the
 * running generator's own one if it is handling one, else the nearest of
 * those that resumed it (vm/interp.h, HandledLink). */
struct Object *err_handled(void);
/* Set exc's __context__ to `handled` (usually err_handled()) if that is an
 * exception other than exc, cutting any chain that would lead back to exc. */
void err_chain_context(struct Object *exc, struct Object *handled);
/* Raise type(value) (value may be NULL for no args; a tuple is NOT spread). */
struct Object *err_set_value(struct TypeObject *type, struct Object *value);
struct Object *err_no_memory(void);
/* OSError subclass chosen from errno, with strerror and optional filename. */
struct Object *err_from_errno(struct TypeObject *type, const char *filename);

bool err_occurred(void);
/* The pending exception, borrowed, or NULL. */
struct Object *err_peek(void);
/* Is the pending exception an instance of `type` (or a subclass)? */
bool err_matches(struct TypeObject *type);
/* Take the pending exception (a new reference) and clear it. NULL if none. */
struct Object *err_fetch(void);
/* Make `exc` (owned reference, stolen; may be NULL) the pending exception. */
void err_restore(struct Object *exc);
void err_clear(void);
/* SyntaxError / IndentationError with location; `text` is the source line
 * (may be NULL), lineno and col are 1-based. Returns NULL. */
struct Object *err_syntax(struct TypeObject *type, const char *filename, int lineno,
                          int col, const char *text, const char *msg);
/* The same with the error's end (end_lineno, end_offset: 1-based, exclusive),
 * which the report underlines with carets as CPython 3.11 does. */
struct Object *err_syntax_range(struct TypeObject *type, const char *filename, int lineno,
                                int col, int end_lineno, int end_col, const char *text,
                                const char *msg);
/* Print the pending exception with its traceback to stderr and clear it. */
void err_print(void);
/* Print exception `exc` with traceback (and chained causes) to `out`. */
void exc_print(struct Object *exc, FILE *out);
/* Exit status for an uncaught SystemExit (python's rules). */
int exc_system_exit_status(struct Object *exc);

/* The builtin exception classes (created by exceptions_init). */
extern struct TypeObject *Exc_BaseException, *Exc_Exception, *Exc_SystemExit,
    *Exc_KeyboardInterrupt, *Exc_GeneratorExit, *Exc_StopIteration,
    *Exc_StopAsyncIteration, *Exc_ArithmeticError, *Exc_ZeroDivisionError,
    *Exc_OverflowError, *Exc_FloatingPointError, *Exc_AssertionError,
    *Exc_AttributeError, *Exc_BufferError, *Exc_EOFError, *Exc_ImportError,
    *Exc_ModuleNotFoundError, *Exc_LookupError, *Exc_IndexError, *Exc_KeyError,
    *Exc_MemoryError, *Exc_NameError, *Exc_UnboundLocalError, *Exc_OSError,
    *Exc_FileNotFoundError, *Exc_FileExistsError, *Exc_PermissionError,
    *Exc_IsADirectoryError, *Exc_NotADirectoryError, *Exc_TimeoutError,
    *Exc_InterruptedError, *Exc_BlockingIOError, *Exc_ConnectionError,
    *Exc_BrokenPipeError, *Exc_ConnectionResetError, *Exc_ConnectionRefusedError,
    *Exc_ChildProcessError, *Exc_ProcessLookupError,
    *Exc_ReferenceError, *Exc_RuntimeError, *Exc_NotImplementedError,
    *Exc_RecursionError, *Exc_SyntaxError, *Exc_IndentationError, *Exc_TabError,
    *Exc_SystemError, *Exc_TypeError, *Exc_ValueError, *Exc_UnicodeError,
    *Exc_UnicodeDecodeError, *Exc_UnicodeEncodeError, *Exc_Warning,
    *Exc_UserWarning, *Exc_DeprecationWarning, *Exc_RuntimeWarning,
    *Exc_BaseExceptionGroup, *Exc_ExceptionGroup;

/* The layout of every exception instance. */
typedef struct ExceptionObject {
    OBJECT_HEAD
    struct Object *dict;        /* instance __dict__ (dictoffset points here) */
    struct Object *args;        /* tuple */
    struct Object *traceback;   /* traceback object or NULL */
    struct Object *cause;       /* __cause__ or NULL */
    struct Object *context;     /* __context__ or NULL */
    bool suppress_context;
    struct Object *value;       /* StopIteration.value / SystemExit.code / ... */
} ExceptionObject;

/* Create the exception classes and put them in the builtins dict. */
int exceptions_init(struct Object *builtins_dict);
/* Append a traceback entry to `exc` for an error raised in code object
 * `code` (a CodeObject: its filename and name are printed) at source line
 * `lineno` and 1-based column `col` (0 if unknown). Entries are appended as
 * the exception unwinds, innermost first, and printed outermost first. */
void exc_add_traceback(struct Object *exc, struct Object *code, int lineno, int col);
/* StopIteration(value) raised, without creating one when value is None? no:
 * always creates; helper for generators. */
struct Object *err_stop_iteration(struct Object *value);

#endif
