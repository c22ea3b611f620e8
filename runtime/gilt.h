/* gilt.h — the whole runtime API in one include, for the VM, builtins and
 * tests. */
#ifndef GILT_GILT_H
#define GILT_GILT_H

#include "object.h"
#include "errors.h"
#include "lock.h"
#include "int.h"
#include "float.h"
#include "str.h"
#include "bytes.h"
#include "tuple.h"
#include "list.h"
#include "dict.h"
#include "set.h"
#include "iterobject.h"
#include "modules.h"
#include "../vm/interp.h"
#include "../vm/code.h"
#include "../vm/function.h"
#include "../vm/gil.h"

#endif
