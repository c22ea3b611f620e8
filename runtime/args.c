/* args.c — checking and binding the arguments of builtin functions, with
 * CPython's messages (those of Argument Clinic and of METH_O/METH_NOARGS
 * functions), so a wrong call to a builtin reads exactly as in Python.
 */
#include <string.h>
#include "objimpl.h"

int arg_no_kw(const char *fname, Object *kwnames) {
    if (!kwnames || tuple_size(kwnames) == 0) return 0;
    err_format(Exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int arg_count(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) return 0;
    if (min == max && min == 0)
        err_format(Exc_TypeError, "%s() takes no arguments (%zu given)", fname, nargs);
    else if (min == max && min == 1)
        err_format(Exc_TypeError, "%s() takes exactly one argument (%zu given)", fname, nargs);
    else if (min == max)
        err_format(Exc_TypeError, "%s expected %zu argument%s, got %zu", fname, min,
                   min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        err_format(Exc_TypeError, "%s expected at least %zu argument%s, got %zu", fname, min,
                   min == 1 ? "" : "s", nargs);
    else
        err_format(Exc_TypeError, "%s expected at most %zu argument%s, got %zu", fname, max,
                   max == 1 ? "" : "s", nargs);
    return -1;
}

int arg_count_parsetuple(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs >= min && nargs <= max) return 0;
    size_t n = nargs < min ? min : max;
    err_format(Exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", fname,
               min == max ? "exactly" : nargs < min ? "at least" : "at most", n, n == 1 ? "" : "s",
               nargs);
    return -1;
}

/* A parameter's name without its '$' / '/' prefix, and its kind. */
static const char *param_name(const char *spec, bool *kwonly, bool *posonly) {
    *kwonly = spec[0] == '$';
    *posonly = spec[0] == '/';
    return (*kwonly || *posonly) ? spec + 1 : spec;
}

int arg_bind(const char *fname, Object *const *args, size_t nargs, Object *kwnames,
             const char *const *kwlist, size_t nrequired, Object **out) {
    size_t nparams = 0, npositional = 0;
    for (; kwlist[nparams]; nparams++) {
        bool kwonly, posonly;
        param_name(kwlist[nparams], &kwonly, &posonly);
        if (!kwonly) npositional++;
    }
    for (size_t i = 0; i < nparams; i++) out[i] = NULL;
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (nargs + nkw > nparams) {
        err_format(Exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)", fname, nparams,
                   nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > npositional) {
        if (npositional == 0)
            err_format(Exc_TypeError, "%s() takes no positional arguments", fname);
        else
            err_format(Exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)",
                       fname, nrequired < npositional ? "at most" : "exactly", npositional,
                       npositional == 1 ? "" : "s", nargs);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        Object *key = tuple_get(kwnames, k);
        size_t found = nparams;
        for (size_t i = 0; i < nparams; i++) {
            bool kwonly, posonly;
            const char *pn = param_name(kwlist[i], &kwonly, &posonly);
            if (!posonly && str_eq_cstr(key, pn)) { found = i; break; }
        }
        if (found == nparams) {
            err_format(Exc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fname);
            return -1;
        }
        if (out[found]) {
            err_format(Exc_TypeError, "argument for %s() given by name ('%U') and position (%zu)",
                       fname, key, found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (size_t i = 0; i < nrequired && i < nparams; i++) {
        if (!out[i]) {
            bool kwonly, posonly;
            const char *pn = param_name(kwlist[i], &kwonly, &posonly);
            if (posonly) {
                size_t nposonly = 0;
                while (nposonly < nrequired && kwlist[nposonly][0] == '/') nposonly++;
                err_format(Exc_TypeError, "%s() takes %s %zu positional argument%s (%zu given)",
                           fname, nposonly < npositional ? "at least" : "exactly", nposonly,
                           nposonly == 1 ? "" : "s", nargs);
                return -1;
            }
            err_format(Exc_TypeError, "%s() missing required argument '%s' (pos %zu)", fname,
                       pn, i + 1);
            return -1;
        }
    }
    return 0;
}
