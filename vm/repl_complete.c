/* repl_complete.c — what Tab offers at the REPL.
 *
 * The word under the cursor is completed from its context:
 *   - after `import` / `from` (and after `import a, `): module names — those
 *     already in sys.modules, the C modules, and the *.py files and packages
 *     found along sys.path;
 *   - a dotted word `a.b.pre`: the attributes of `a.b` that start with `pre`.
 *     `a.b` is evaluated only as a chain of names and attribute lookups —
 *     never a call, a subscript or any other expression — so Tab cannot run
 *     arbitrary code (an attribute lookup may still run a property or
 *     __getattr__, as in python's rlcompleter);
 *   - otherwise: keywords, names in __main__, and builtins.
 * Like python's rlcompleter, callables are offered with a "(" appended and
 * keywords with a trailing space (or ":" after `try`/`finally`); names
 * starting with "_" are offered after `obj.` only when the user typed the
 * "_"; Tab at the start of a line (only blanks before the cursor) indents.
 *
 * Completion runs inside readline, with the GIL held (the REPL releases it
 * only while waiting for a key) and SIGINT deferred; any exception raised
 * while looking things up is cleared — completion never fails loudly.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <readline/readline.h>
#include "gilt.h"
#include "repl_complete.h"

static Interp *session_interp;
static Object *session_globals;

/* The matches of one Tab press, handed to readline one by one. */
typedef struct MatchList {
    char **items;
    size_t count, cap, handed;
} MatchList;

static MatchList matches;

static void match_add(const char *head, size_t head_len, const char *name, size_t name_len,
                      const char *suffix) {
    if (matches.count == matches.cap) {
        matches.cap = matches.cap ? matches.cap * 2 : 64;
        matches.items = realloc(matches.items, matches.cap * sizeof *matches.items);
        if (!matches.items) abort();
    }
    size_t suffix_len = strlen(suffix);
    /* readline frees what the generator returns, so plain malloc here. */
    char *s = malloc(head_len + name_len + suffix_len + 1);
    if (!s) abort();
    memcpy(s, head, head_len);
    memcpy(s + head_len, name, name_len);
    memcpy(s + head_len + name_len, suffix, suffix_len + 1);
    matches.items[matches.count++] = s;
}

static bool has_prefix(const char *s, size_t n, const char *prefix, size_t prefix_len) {
    return n >= prefix_len && memcmp(s, prefix, prefix_len) == 0;
}

static bool is_name_char(unsigned char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

/* Python 3.11's keywords (keyword.kwlist). */
static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally",
    "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

static const char *keyword_suffix(const char *kw) {
    static const char *const bare[] = {"False", "None", "True", "break", "continue", "pass", "else"};
    if (!strcmp(kw, "try") || !strcmp(kw, "finally")) return ":";
    for (size_t i = 0; i < sizeof bare / sizeof *bare; i++)
        if (!strcmp(kw, bare[i])) return "";
    return " ";
}

static bool is_callable(Object *o) {
    return TYPE(o)->call != NULL;
}

/* Names of dict `d` that start with `text` (callables get "("). */
static void add_dict_names(Object *d, const char *text, size_t text_len) {
    if (!d || !DICT_CHECK(d)) return;
    size_t pos = 0;
    Object *key, *value;
    while (dict_next(d, &pos, &key, &value)) {
        if (!STR_CHECK(key)) continue;
        const char *name = str_data(key);
        size_t n = str_size(key);
        if (!has_prefix(name, n, text, text_len)) continue;
        match_add("", 0, name, n, value && is_callable(value) ? "(" : "");
    }
}

static void add_plain_names(const char *text, size_t text_len) {
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++) {
        size_t n = strlen(keywords[i]);
        if (has_prefix(keywords[i], n, text, text_len))
            match_add("", 0, keywords[i], n, keyword_suffix(keywords[i]));
    }
    add_dict_names(session_globals, text, text_len);
    add_dict_names(session_interp->builtins, text, text_len);
}

/* Look up a dotted chain of names ("a.b.c", all identifiers); NULL if it is
 * not one or a lookup fails. New reference. */
static Object *eval_dotted(const char *expr, size_t len) {
    Object *cur = NULL;
    size_t i = 0;
    while (i <= len) {
        size_t start = i;
        while (i < len && expr[i] != '.') i++;
        size_t n = i - start;
        if (n == 0 || (expr[start] >= '0' && expr[start] <= '9')) goto fail;
        for (size_t k = start; k < i; k++)
            if (!is_name_char((unsigned char)expr[k])) goto fail;
        Object *name = str_from_utf8(expr + start, n);
        if (!name) goto fail;
        Object *next;
        if (!cur) {
            next = dict_get_str(session_globals, name);
            if (!next && !err_occurred()) next = dict_get_str(session_interp->builtins, name);
        } else {
            next = obj_getattr(cur, name);
            DECREF(cur);
        }
        DECREF(name);
        cur = next;
        if (!cur) goto fail;
        i++;                       /* past the '.' */
    }
    return cur;
fail:
    XDECREF(cur);
    err_clear();
    return NULL;
}

/* Would looking the attribute up run a property getter? Then don't. */
static bool attr_is_property(Object *obj, Object *name) {
    Object *descr = type_lookup_ref(TYPE(obj), name);
    bool r = descr && IS_TYPE(descr, PropertyType);
    XDECREF(descr);
    return r;
}

static void add_attributes(const char *text, size_t text_len) {
    const char *dot = strrchr(text, '.');
    size_t expr_len = (size_t)(dot - text);
    const char *attr = dot + 1;
    size_t attr_len = text_len - expr_len - 1;
    Object *obj = eval_dotted(text, expr_len);
    if (!obj) return;
    Object *names = obj_dir(obj);
    if (!names || !LIST_CHECK(names)) {
        XDECREF(names);
        DECREF(obj);
        err_clear();
        return;
    }
    for (size_t i = 0; i < list_size(names); i++) {
        Object *name = ((ListObject *)names)->items[i];
        if (!STR_CHECK(name)) continue;
        const char *s = str_data(name);
        size_t n = str_size(name);
        if (!has_prefix(s, n, attr, attr_len)) continue;
        /* As rlcompleter: hide _private names until "_" is typed, and
         * __dunder__ names until "__" is typed. */
        if (attr_len == 0 && s[0] == '_') continue;
        if (attr_len == 1 && attr[0] == '_' && n > 1 && s[1] == '_') continue;
        const char *suffix = "";
        if (!attr_is_property(obj, name)) {
            Object *v = obj_getattr(obj, name);
            if (v && is_callable(v)) suffix = "(";
            XDECREF(v);
            err_clear();
        }
        match_add(text, expr_len + 1, s, n, suffix);
    }
    DECREF(names);
    DECREF(obj);
}

/* C modules; sys.builtin_module_names does not list them yet. */
static const char *const c_modules[] = {
    "builtins", "sys", "math", "time", "os", "posixpath", "_thread", "dis",
};

static void add_module_file_names(const char *dir, const char *text, size_t text_len) {
    DIR *d = opendir(*dir ? dir : ".");
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        size_t n = strlen(name);
        if (name[0] == '.' || !has_prefix(name, n, text, text_len)) continue;
        if (n > 3 && !strcmp(name + n - 3, ".py")) {
            match_add("", 0, name, n - 3, "");
            continue;
        }
        size_t need = strlen(dir) + n + 16;
        char *init = malloc(need);
        if (!init) continue;
        snprintf(init, need, "%s%s%s/__init__.py", dir, *dir ? "/" : "", name);
        struct stat st;
        if (stat(init, &st) == 0) match_add("", 0, name, n, "");
        free(init);
    }
    closedir(d);
}

static void add_module_names(const char *text, size_t text_len) {
    for (size_t i = 0; i < sizeof c_modules / sizeof *c_modules; i++) {
        size_t n = strlen(c_modules[i]);
        if (has_prefix(c_modules[i], n, text, text_len)) match_add("", 0, c_modules[i], n, "");
    }
    add_dict_names(session_interp->modules, text, text_len);
    if (strchr(text, '.')) return;          /* submodules: only loaded ones */
    Object *path = dict_get_cstr(session_interp->sysdict, "path");
    if (path && LIST_CHECK(path)) {
        for (size_t i = 0; i < list_size(path); i++) {
            Object *dir = ((ListObject *)path)->items[i];
            if (STR_CHECK(dir)) add_module_file_names(str_data(dir), text, text_len);
        }
    }
    XDECREF(path);
    err_clear();
}

/* Is the word at `start` a module name: right after `import`, `from`, or
 * a comma in an import list? */
static bool in_import_context(const char *line, int start) {
    int i = 0;
    while (i < start && (line[i] == ' ' || line[i] == '\t')) i++;
    const char *kw = line + i;
    bool is_import = !strncmp(kw, "import", 6) && (kw[6] == ' ' || kw[6] == '\t');
    bool is_from = !strncmp(kw, "from", 4) && (kw[4] == ' ' || kw[4] == '\t');
    if (!is_import && !is_from) return false;
    int after_kw = i + (is_import ? 6 : 4);
    /* Everything between the keyword and the word: blanks, or (import
     * lists only) earlier dotted names and commas. */
    int j = start - 1;
    while (j >= after_kw && (line[j] == ' ' || line[j] == '\t')) j--;
    if (j < after_kw) return true;
    if (!is_import || line[j] != ',') return false;
    for (int k = after_kw; k < j; k++)
        if (!is_name_char((unsigned char)line[k]) && !strchr(" \t.,", line[k])) return false;
    return true;
}

static char *next_match(const char *text, int state) {
    (void)text;
    if (matches.handed < matches.count) return matches.items[matches.handed++];
    return NULL;
}

static char **complete(const char *text, int start, int end) {
    (void)end;
    rl_attempted_completion_over = 1;      /* never fall back to file names */
    rl_completion_append_character = '\0';
    /* Tab in the leading blanks of a line indents, as in python. */
    bool only_blanks = true;
    for (int i = 0; i < start; i++)
        if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t') only_blanks = false;
    for (size_t i = matches.handed; i < matches.count; i++) free(matches.items[i]);
    matches.count = matches.handed = 0;
    size_t text_len = strlen(text);
    if (only_blanks && text_len == 0) match_add("", 0, "    ", 4, "");
    else if (in_import_context(rl_line_buffer, start)) add_module_names(text, text_len);
    else if (strchr(text, '.')) add_attributes(text, text_len);
    else add_plain_names(text, text_len);
    if (matches.count == 0) return NULL;
    return rl_completion_matches(text, next_match);
}

void repl_complete_install(Interp *in, Object *globals) {
    session_interp = in;
    session_globals = globals;
    rl_readline_name = "gilt";
    /* Python's delimiters: everything but '.' and '_' splits words, so that
     * `obj.attr` is completed as one word. */
    rl_completer_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    rl_attempted_completion_function = complete;
}
