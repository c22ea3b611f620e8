/* repl.c — the interactive loop: `gilt` on a terminal, `gilt -i script.py`.
 *
 * An entry is one or more lines: it goes on (prompt sys.ps2, "... ") while
 * compile_is_incomplete says so — after a line ending in ':' until an empty
 * line, and while brackets or a triple-quoted string are open. It is then
 * compiled in COMPILE_SINGLE mode (expression values go through
 * sys.displayhook: echoed with repr unless None, and kept in builtins._)
 * and run in __main__. An exception prints its traceback and the session
 * goes on with its state; SystemExit ends the session with its status;
 * Ctrl-D (EOF) at the prompt ends it with 0.
 *
 * On a terminal (stdin and stdout both ttys) lines are read with GNU
 * readline:
 *   - history is loaded from and appended to $GILT_HISTORY, else
 *     ~/.gilt_history; a multi-line entry is saved as one history entry
 *     (timestamped file format, so it reads back whole) and recalling it
 *     with Up brings the whole block back, which runs as it stands;
 *   - Tab completes (repl_complete.c);
 *   - Ctrl-C cancels the entry being typed. readline's own signal handlers
 *     are off (rl_catch_signals = 0); the interpreter's SIGINT handler
 *     (threadstate.c) stays installed throughout. While reading, SIGINT is
 *     blocked except inside pselect(), so a Ctrl-C either interrupts the
 *     wait (EINTR) or is seen pending before the next wait — never lost.
 *     While an entry runs, the same handler makes the eval loop raise
 *     KeyboardInterrupt, whose traceback prints like any other.
 *   - The GIL is released only while waiting for a key, so threads started
 *     at the prompt keep running; completion runs with the GIL held.
 * Elsewhere (`gilt -i script.py < input`) lines come from sys.stdin and the
 * prompts go to stderr, as python does.
 *
 * Deliberate difference from python 3.11: a bare `exit` or `quit` (not
 * shadowed by a variable in __main__) ends the session instead of printing
 * "Use exit() or Ctrl-D (i.e. EOF) to exit"; a bare `help` prints a short
 * guide to the REPL instead of the help object's repr.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>
#include <readline/history.h>
#include <readline/readline.h>
#include "gilt.h"
#include "exceptions.h"
#include "fileio.h"
#include "repl.h"
#include "repl_complete.h"
#include "../compiler/compile.h"

enum { HISTORY_MAX_ENTRIES = 1000 };

typedef enum { LINE_OK, LINE_EOF, LINE_INTERRUPTED } LineStatus;

typedef struct Repl {
    Interp *in;
    Object *globals;          /* __main__'s dict (borrowed)                  */
    bool use_readline;
    char *history_path;       /* malloc'd, NULL without readline            */
    StrBuilder entry;         /* the lines of the entry being typed         */
} Repl;

static const char help_text[] =
    "gilt is a small Python-like language (Python 3.11 semantics).\n"
    "At this prompt:\n"
    "  an expression        is evaluated and its repr echoed; _ holds the last result\n"
    "  a line ending in ':' starts a block; an empty line ends it\n"
    "  Tab                  completes keywords, names, obj.attributes, modules after import\n"
    "  Up / Down            recall earlier entries (whole blocks), kept in ~/.gilt_history\n"
    "  Ctrl-C               cancels the line being typed, or interrupts running code\n"
    "  exit, quit, Ctrl-D   leave\n"
    "  help(obj)            shows obj's documentation; dir(obj) lists its attributes\n"
    "  import dis; dis.dis(f)   shows the bytecode of function f\n"
    "From the shell: gilt --tokens / --ast / --dis / --trace file.py show each stage\n"
    "of the interpreter; REPL.md is the guided tour.\n";

/* ---- small helpers ------------------------------------------------------- */

static bool all_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' && s[i] != '\f')
            return false;
    return true;
}

/* The entry as typed, without surrounding blanks: is it exactly `word`? */
static bool entry_is_word(const StrBuilder *entry, const char *word) {
    size_t lo = 0, hi = entry->len;
    while (lo < hi && all_blank(entry->buf + lo, 1)) lo++;
    while (hi > lo && all_blank(entry->buf + hi - 1, 1)) hi--;
    return hi - lo == strlen(word) && !memcmp(entry->buf + lo, word, hi - lo);
}

/* sys.ps1 / sys.ps2 as a C string (python sets them for interactive use). */
static char *prompt_text(Repl *r, bool continuation) {
    const char *fallback = continuation ? "... " : ">>> ";
    Object *p = dict_get_cstr(r->in->sysdict, continuation ? "ps2" : "ps1");
    char *text = NULL;
    if (p) {
        Object *s = obj_str(p);
        if (s) {
            text = strdup(str_data(s));
            DECREF(s);
        }
        DECREF(p);
    }
    err_clear();
    return text ? text : strdup(fallback);
}

static void set_default_prompt(Repl *r, const char *name, const char *value) {
    Object *old = dict_get_cstr(r->in->sysdict, name);
    if (old) {
        DECREF(old);
        return;
    }
    err_clear();
    Object *s = str_from_cstr(value);
    if (s) {
        dict_set_cstr(r->in->sysdict, name, s);
        DECREF(s);
    }
    err_clear();
}

/* ---- history ------------------------------------------------------------- */

static char *history_file_path(void) {
    const char *env = getenv("GILT_HISTORY");
    if (env && *env) return strdup(env);
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    size_t n = strlen(home) + sizeof "/.gilt_history";
    char *path = malloc(n);
    if (path) snprintf(path, n, "%s/.gilt_history", home);
    return path;
}

static void history_open(Repl *r) {
    using_history();
    /* Timestamps separate entries in the file, so an entry that spans
     * several lines reads back as one. */
    history_comment_char = '#';      /* readline leaves timestamps empty without it */
    history_write_timestamps = 1;
    history_multiline_entries = 1;
    r->history_path = history_file_path();
    if (!r->history_path) return;
    /* append_history needs the file to exist. */
    int fd = open(r->history_path, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd >= 0) close(fd);
    read_history(r->history_path);
}

/* Remember an entry (without its final newlines) and save it at once, so
 * that a session ended by os._exit or a crash keeps its history. */
static void history_remember(Repl *r, const char *text, size_t len) {
    while (len && (text[len - 1] == '\n' || text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
    if (len == 0) return;
    char *entry = strndup(text, len);
    if (!entry) return;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (!last || strcmp(last->line, entry) != 0) {
        add_history(entry);
        if (r->history_path) append_history(1, r->history_path);
    }
    free(entry);
}

static void history_close(Repl *r) {
    if (r->history_path) history_truncate_file(r->history_path, HISTORY_MAX_ENTRIES);
    free(r->history_path);
    r->history_path = NULL;
}

/* ---- reading a line with readline ----------------------------------------- */

static char *accepted_line;
static bool line_done;

static void on_line_accepted(char *line) {
    accepted_line = line;            /* NULL at EOF */
    line_done = true;
    rl_callback_handler_remove();
}

/* Turn the pending SIGINT into nothing: the interpreter's handler flagged
 * it for the eval loop, which would otherwise raise it in the next entry. */
static void consume_pending_sigint(void) {
    ThreadState *ts = ts_current();
    if (eval_breaker_handle(ts) < 0) err_clear();
}

static LineStatus read_line_readline(const char *prompt, char **out) {
    ThreadState *ts = ts_current();
    sigset_t sigint_only, saved, wait_mask;
    sigemptyset(&sigint_only);
    sigaddset(&sigint_only, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigint_only, &saved);
    wait_mask = saved;
    sigdelset(&wait_mask, SIGINT);

    fileio_flush_std();
    fflush(stdout);
    line_done = false;
    accepted_line = NULL;
    rl_callback_handler_install(prompt, on_line_accepted);
    LineStatus status = LINE_OK;
    while (!line_done) {
        if (signals_sigint_pending()) {
            /* Cancel the line: forget what was typed, restore the terminal. */
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_cleanup_after_signal();
            rl_callback_handler_remove();
            consume_pending_sigint();
            status = LINE_INTERRUPTED;
            break;
        }
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(STDIN_FILENO, &readable);
        BLOCKING_BEGIN(ts);
        int n = pselect(STDIN_FILENO + 1, &readable, NULL, NULL, NULL, &wait_mask);
        int err = errno;
        BLOCKING_END(ts);
        if (n < 0) {
            if (err == EINTR) continue;
            rl_callback_handler_remove();
            status = LINE_EOF;
            break;
        }
        rl_callback_read_char();
    }
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    if (status == LINE_OK && !accepted_line) status = LINE_EOF;
    *out = status == LINE_OK ? accepted_line : NULL;
    if (status != LINE_OK) free(accepted_line);
    return status;
}

/* ---- reading a line from sys.stdin (not a terminal) ------------------------ */

static LineStatus read_line_stdin(Repl *r, const char *prompt, char **out) {
    fileio_flush_std();
    fputs(prompt, stderr);
    fflush(stderr);
    Object *stdin_obj = dict_get_cstr(r->in->sysdict, "stdin");
    Object *line = stdin_obj && stdin_obj != OBJ_NONE ? fileio_readline(stdin_obj, -1) : NULL;
    XDECREF(stdin_obj);
    if (!line) {
        if (err_matches(Exc_KeyboardInterrupt)) {
            err_clear();
            return LINE_INTERRUPTED;
        }
        err_clear();
        return LINE_EOF;
    }
    size_t n = STR_CHECK(line) ? str_size(line) : 0;
    if (n == 0) {
        DECREF(line);
        return LINE_EOF;
    }
    const char *s = str_data(line);
    if (s[n - 1] == '\n') n--;
    *out = strndup(s, n);
    DECREF(line);
    return *out ? LINE_OK : LINE_EOF;
}

/* ---- running an entry ------------------------------------------------------ */

/* Is `name` the builtin of that name, not shadowed in __main__? */
static bool names_the_builtin(Repl *r, const char *name) {
    Object *own = dict_get_cstr(r->globals, name);
    err_clear();
    if (own) {
        DECREF(own);
        return false;
    }
    return true;
}

/* Runs the entry; returns -1 to go on, or the session's exit status. */
static int run_entry(Repl *r) {
    StrBuilder *entry = &r->entry;
    if (r->use_readline) history_remember(r, entry->buf, entry->len);
    if ((entry_is_word(entry, "exit") && names_the_builtin(r, "exit")) ||
        (entry_is_word(entry, "quit") && names_the_builtin(r, "quit"))) {
        entry->len = 0;
        return 0;
    }
    if (entry_is_word(entry, "help") && names_the_builtin(r, "help")) {
        entry->len = 0;
        fileio_flush_std();
        fputs(help_text, stdout);
        fflush(stdout);
        return -1;
    }
    Object *code = compile_source(entry->buf, entry->len, "<stdin>", COMPILE_SINGLE);
    entry->len = 0;
    Object *result = code ? eval_code(code, r->globals, r->globals) : NULL;
    XDECREF(code);
    if (result) {
        DECREF(result);
        fileio_flush_std();
        return -1;
    }
    if (err_matches(Exc_SystemExit)) {
        Object *exc = err_fetch();
        int status = exc_system_exit_status(exc);
        DECREF(exc);
        return status;
    }
    err_print();
    fileio_flush_std();
    return -1;
}

/* ---- the loop ---------------------------------------------------------------- */

static void print_banner(Repl *r) {
    fprintf(stderr, "gilt %s (%s build, GIL %s) on linux\n", GILT_VERSION, GILT_BUILD_NAME,
            r->in->gil_enabled ? "on" : "off");
    fputs("Type \"help\", \"exit\" or Ctrl-D to leave.\n", stderr);
}

int repl_main(Interp *in, int inspect) {
    Repl r = {.in = in, .globals = module_dict(in->main_module)};
    r.use_readline = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    sb_init(&r.entry);
    set_default_prompt(&r, "ps1", ">>> ");
    set_default_prompt(&r, "ps2", "... ");
    if (r.use_readline) {
        rl_catch_signals = 0;        /* Ctrl-C is ours (see the header) */
        history_open(&r);
        repl_complete_install(in, r.globals);
    }
    if (!inspect) print_banner(&r);

    int status = 0;
    for (;;) {
        char *prompt = prompt_text(&r, r.entry.len > 0);
        char *line = NULL;
        LineStatus got = r.use_readline ? read_line_readline(prompt, &line)
                                        : read_line_stdin(&r, prompt, &line);
        free(prompt);
        if (got == LINE_INTERRUPTED) {
            r.entry.len = 0;
            fileio_flush_std();
            fputs("\nKeyboardInterrupt\n", stderr);
            continue;
        }
        if (got == LINE_EOF) {
            fputs("\n", r.use_readline ? stdout : stderr);
            break;
        }
        size_t n = strlen(line);
        /* A line holding newlines is a whole block recalled from history:
         * it counts as if followed by an empty line. */
        bool recalled_block = memchr(line, '\n', n) != NULL;
        bool blank = all_blank(line, n);
        if (blank && r.entry.len == 0) {
            free(line);
            continue;
        }
        sb_append(&r.entry, line, n);
        sb_append(&r.entry, recalled_block ? "\n\n" : "\n", recalled_block ? 2 : 1);
        free(line);
        if (compile_is_incomplete(r.entry.buf, r.entry.len)) continue;
        int done = run_entry(&r);
        if (done >= 0) {
            status = done;
            break;
        }
    }
    fflush(stdout);
    if (r.use_readline) history_close(&r);
    sb_free(&r.entry);
    return status;
}
