/* modules.h — the import system (import.c) and the builtin modules written
 * in C (one file each: builtins.c, sysmodule.c, mathmodule.c, timemodule.c,
 * osmodule.c, threadmodule.c, ...).
 *
 * `import x` looks in sys.modules, then the table of C modules, then for
 * x.py (or x/__init__.py) along sys.path, which starts with the script's
 * directory and gilt's stdlib/ directory (GILT_STDLIB_DIR, or stdlib/ next
 * to the executable's ../ for an installed tree).
 */
#ifndef GILT_MODULES_H
#define GILT_MODULES_H

#include "object.h"

typedef Object *(*ModuleInitFunc)(void);   /* returns a new module or NULL */

typedef struct BuiltinModule {
    const char *name;
    ModuleInitFunc init;
} BuiltinModule;

/* Register a C module (before or after interp_create). */
void import_register_builtin(const char *name, ModuleInitFunc init);
/* __import__(name, globals, locals, fromlist, level) semantics. */
Object *import_name(Object *name, Object *globals, Object *fromlist, int level);
Object *import_module_cstr(const char *name);
/* Run `path` as module `modname` (e.g. "__main__") in module `m`. */
int import_run_file(const char *path, Object *module);

/* Initializers of the modules that interp_create sets up itself. */
Object *builtins_module_init(void);
Object *sys_module_init(int argc, char **argv);

/* Added by the builtins/import engineer: */
/* IMPORT_FROM: module.name, else sys.modules['module.name'], else
 * ImportError "cannot import name 'y' from 'x' (/path/x.py)". */
Object *import_from(Object *module, Object *name);
/* gilt -m NAME: find NAME (a module, or a package's __main__) along sys.path
 * and run it in `main_module`, setting __file__ and sys.argv[0]. 0 / -1. */
int import_run_module_as_main(const char *name, Object *main_module);
/* The C modules of this directory (mathmodule.c, timemodule.c, osmodule.c). */
Object *math_module_init(void);
Object *time_module_init(void);
Object *os_module_init(void);
Object *posixpath_module_init(void);

#endif
