#ifndef TRUSTPATH_CZLIB_SHIM_H
#define TRUSTPATH_CZLIB_SHIM_H
#include <zlib.h>

// inflateInit2 is a macro (it passes the library version and the stream size); Swift imports functions only.
// 15 + 32: the largest window, and detect a gzip or zlib header by itself.
static inline int trustpath_inflate_init_auto(z_streamp stream) { return inflateInit2(stream, 15 + 32); }
// 15 + 16: the largest window, written with a gzip header and trailer.
static inline int trustpath_deflate_init_gzip(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif
