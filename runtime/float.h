/* float.h — IEEE double floats (float.c). repr is the shortest string that
 * round-trips, as in Python. */
#ifndef GILT_FLOAT_H
#define GILT_FLOAT_H

#include "object.h"

typedef struct FloatObject {
    OBJECT_HEAD
    double value;
} FloatObject;

#define FLOAT_CHECK(o) IS_INSTANCE(o, FloatType)
static inline double float_value(Object *o) { return ((FloatObject *)o)->value; }
Object *float_from_double(double v);
/* float(x) conversion of an int, float, str or __float__ object. */
Object *float_from_object(Object *o);
/* The C double of a float or int (TypeError otherwise); -1.0 + error on failure. */
double float_as_double(Object *o);
/* Python repr of a double into buf (at least 32 bytes). */
void float_repr_into(double v, char *buf, size_t size);
Object *float_binop(Object *a, Object *b, BinOp op);
/* Format a double per a format spec's type/precision (used by format()). */
Object *float_format_spec(double v, Object *spec);
/* round(x, ndigits) for a float x; ndigits may be NULL or None (-> int). */
Object *float_round(Object *x, Object *ndigits);

#endif
