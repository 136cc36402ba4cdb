// C libraries Verbatim loads on first use instead of linking them.
//
// A linked library is mapped, relocated and initialized when the process starts, with every library
// it depends on, whether or not the process ever calls it. libpulse (and PocketSphinx) bring about
// three dozen, 3.4 MB of resident memory, into every `verbatim` process, the cloud transcription of
// a file included, which calls neither. So their modules define the functions Swift calls, each
// forwarding to the library opened with dlopen the first time one is needed. docs/DECISIONS.md.
//
// Each forwarding module lists its functions once as an X-macro, X(library, name, result,
// (parameters), (arguments)), and defines everything else with LAZY_LIBRARY_MODULE. It includes the
// library's own header first, so the compiler checks each forwarder's parameters and result against
// the real declaration.
#ifndef VERBATIM_LAZY_LIBRARY_H
#define VERBATIM_LAZY_LIBRARY_H

#include <pthread.h>
#include <stddef.h>

/// One function to find: its exported name, the index of its library, and where its address goes.
typedef struct {
    const char *name;
    int library;
    void **slot;
} lazy_function;

/// Opens `libraries` (runtime sonames, e.g. "libpulse.so.0") and stores every function's address in
/// its slot. Returns NULL, or what is missing, written to `failure`.
const char *lazy_library_load(
    const char *const *libraries, size_t libraryCount, const lazy_function *functions, size_t functionCount,
    char *failure, size_t failureSize);

/// Ends the process: `function` was called although its library could not be loaded. The Swift
/// side calls the module's loader first and reports a missing library as an error, so this is a bug.
void lazy_library_abort(const char *function, const char *reason) __attribute__((noreturn));

/// Defines a forwarding module from its X-macro list `FUNCTIONS` and its array of sonames
/// `libraries`: the `real` addresses, `const char *loader(void)` (loads the libraries once,
/// thread-safe, then returns NULL or why they could not be loaded, every time), and a forwarder for
/// every function of the list.
#define LAZY_LIBRARY_MODULE(loader, FUNCTIONS, libraries) \
    static struct { FUNCTIONS(LAZY_LIBRARY_POINTER) } real; \
    static const lazy_function lazy_functions[] = {FUNCTIONS(LAZY_LIBRARY_ENTRY)}; \
    static const char *lazy_failure; \
    static char lazy_failure_text[512]; \
    static pthread_once_t lazy_once = PTHREAD_ONCE_INIT; \
    static void lazy_load_once(void) { \
        lazy_failure = lazy_library_load( \
            libraries, sizeof libraries / sizeof *libraries, lazy_functions, \
            sizeof lazy_functions / sizeof *lazy_functions, lazy_failure_text, sizeof lazy_failure_text); \
    } \
    static const char *lazy_load(void) { \
        pthread_once(&lazy_once, lazy_load_once); \
        return lazy_failure; \
    } \
    const char *loader(void) { return lazy_load(); } \
    FUNCTIONS(LAZY_LIBRARY_FORWARD)

/// The pointer to `name` in the `real` struct.
#define LAZY_LIBRARY_POINTER(library, name, result, parameters, arguments) __typeof__(name) *name;

/// The entry of `name` in the table `lazy_library_load` fills.
#define LAZY_LIBRARY_ENTRY(library, name, result, parameters, arguments) {#name, library, (void **)&real.name},

/// Defines `name` to forward to the library's own. Hidden, so that it never enters the executable's
/// dynamic symbols and stands in for the library's function when the library calls itself. (GNU C
/// lets a void function return a void expression, so one form serves every function.)
#define LAZY_LIBRARY_FORWARD(library, name, result, parameters, arguments) \
    __attribute__((visibility("hidden"))) result name parameters { \
        const char *failure = lazy_load(); \
        if (failure) lazy_library_abort(#name, failure); \
        return real.name arguments; \
    }

#endif
