/* build.h — what differs between the two builds, as named constants.
 *
 * The GIL build (build/gilt) compiles with GILT_FT undefined; the
 * free-threaded build (build/gilt-ft) with -DGILT_FT=1. Code outside the few
 * headers that implement the difference (refcount.h, lock.h, vm/gil.h) should
 * test these constants, not the macro, and prefer calling helpers from those
 * headers over writing #if blocks.
 */
#ifndef GILT_BUILD_H
#define GILT_BUILD_H

#ifndef GILT_FT
#define GILT_FT 0
#endif

#define GILT_VERSION "0.1.0"
#define GILT_BUILD_NAME (GILT_FT ? "free-threaded" : "GIL")

#endif
