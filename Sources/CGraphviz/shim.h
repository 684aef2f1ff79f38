#ifndef TRUSTPATH_CGRAPHVIZ_SHIM_H
#define TRUSTPATH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift 6 strict concurrency rejects the mutable C globals; hand them out by value.
static inline Agdesc_t trustpath_agdirected(void) { return Agdirected; }
static inline Agdesc_t trustpath_agstrictdirected(void) { return Agstrictdirected; }
#endif
