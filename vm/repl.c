/* repl.c — a minimal interactive loop (to be replaced by the readline REPL).
 *
 * Reads lines from sys.stdin with prompts '>>> ' and '... ', keeps reading
 * while compile_is_incomplete says the entry needs more (a blank line ends
 * a block), compiles the entry in COMPILE_SINGLE mode (expression values are
 * echoed through sys.displayhook) and runs it in __main__. An error prints
 * its traceback and the session goes on; SystemExit ends it with its
 * status; EOF ends it with 0.
 */
#include <string.h>
#include "gilt.h"
#include "exceptions.h"
#include "fileio.h"
#include "repl.h"
#include "../compiler/compile.h"

static void show_prompt(const char *prompt) {
    fileio_flush_std();
    fputs(prompt, stdout);
    fflush(stdout);
}

static bool all_blank(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r') return false;
    return true;
}

/* Runs one entry; returns -1 to go on, or an exit status. */
static int run_entry(Object *dict, StrBuilder *entry) {
    Object *code = compile_source(entry->buf, entry->len, "<stdin>", COMPILE_SINGLE);
    entry->len = 0;
    Object *r = code ? eval_code(code, dict, dict) : NULL;
    XDECREF(code);
    if (r) {
        DECREF(r);
        return -1;
    }
    if (err_matches(Exc_SystemExit)) {
        Object *exc = err_fetch();
        int status = exc_system_exit_status(exc);
        DECREF(exc);
        return status;
    }
    err_print();
    return -1;
}

int repl_main(Interp *in, int inspect) {
    Object *dict = module_dict(in->main_module);
    StrBuilder entry;
    sb_init(&entry);
    int status = 0;
    for (;;) {
        show_prompt(entry.len ? "... " : ">>> ");
        Object *stdin_obj = dict_get_cstr(in->sysdict, "stdin");
        Object *line = stdin_obj ? fileio_readline(stdin_obj, -1) : NULL;
        XDECREF(stdin_obj);
        if (!line) {
            if (err_matches(Exc_KeyboardInterrupt)) {
                err_clear();
                fputs("\nKeyboardInterrupt\n", stderr);
                entry.len = 0;
                continue;
            }
            err_print();
            status = 1;
            break;
        }
        const char *s = STR_CHECK(line) ? str_data(line) : "";
        size_t n = STR_CHECK(line) ? str_size(line) : 0;
        if (n == 0) {                      /* EOF */
            DECREF(line);
            fputs("\n", stdout);
            if (entry.len && !all_blank(entry.buf, entry.len)) {
                int r = run_entry(dict, &entry);
                if (r >= 0) status = r;
            }
            break;
        }
        bool blank = all_blank(s, n);
        sb_append(&entry, s, n);
        DECREF(line);
        if (all_blank(entry.buf, entry.len)) {
            entry.len = 0;
            continue;
        }
        if (!blank && compile_is_incomplete(entry.buf, entry.len)) continue;
        int r = run_entry(dict, &entry);
        if (r >= 0) {
            status = r;
            break;
        }
    }
    sb_free(&entry);
    (void)inspect;
    return status;
}
