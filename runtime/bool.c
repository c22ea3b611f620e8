/* bool.c — bool, the subclass of int with exactly two instances.
 *
 * True and False are static, immortal IntObjects (values 1 and 0) whose
 * type is BoolType, so every int operation works on them unchanged. bool
 * adds only its repr ('True'/'False'), a constructor that returns one of
 * the two singletons (truth testing via obj_is_true), and & | ^ which give
 * a bool when both operands are bools. bool cannot be subclassed.
 */
#include "gilt.h"

IntObject TrueObject = { OBJECT_HEAD_INIT(&BoolType), .small = 1, .big = NULL };
IntObject FalseObject = { OBJECT_HEAD_INIT(&BoolType), .small = 0, .big = NULL };

static Object *bool_repr(Object *self) {
    static Object *true_str, *false_str;
    /* Interned strings are immortal, so caching them is free and safe. */
    if (self == OBJ_TRUE) {
        if (!true_str) true_str = intern_cstr("True");
        return NEWREF(true_str);
    }
    if (!false_str) false_str = intern_cstr("False");
    return NEWREF(false_str);
}

static Object *bool_new(TypeObject *type, Object *const *args, size_t nargs, Object *kwnames) {
    if (arg_no_kw("bool", kwnames) < 0) return NULL;
    if (nargs > 1)
        return err_format(Exc_TypeError, "bool expected at most 1 argument, got %zu", nargs);
    if (nargs == 0) RETURN_BOOL(0);
    int t = obj_is_true(args[0]);
    if (t < 0) return NULL;
    RETURN_BOOL(t);
}

static Object *bool_binop(Object *a, Object *b, BinOp op) {
    BinOp plain = op & ~BINOP_INPLACE;
    if (IS_TYPE(a, BoolType) && IS_TYPE(b, BoolType)) {
        bool x = a == OBJ_TRUE, y = b == OBJ_TRUE;
        switch (plain) {
        case BINOP_AND: RETURN_BOOL(x & y);
        case BINOP_OR: RETURN_BOOL(x | y);
        case BINOP_XOR: RETURN_BOOL(x ^ y);
        default: break;
        }
    }
    return int_binop(a, b, op);
}

TypeObject BoolType = {
    OBJECT_HEAD_INIT(&TypeType),
    .name = "bool",
    .basicsize = sizeof(IntObject),
    .flags = TPFLAG_INT_SUBCLASS,
    .base = &IntType,
    .doc = "bool(x) -> bool",
    .new_ = bool_new,
    .repr = bool_repr,
    .str = bool_repr,
    .binop = bool_binop,
};
