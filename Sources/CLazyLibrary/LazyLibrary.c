#include "LazyLibrary.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

const char *lazy_library_load(
    const char *const *libraries, size_t libraryCount, const lazy_function *functions, size_t functionCount,
    char *failure, size_t failureSize) {
    void *handles[8] = {0};
    if (libraryCount > sizeof handles / sizeof *handles) {
        snprintf(failure, failureSize, "too many libraries");
        return failure;
    }
    // Never closed: once loaded, a library's functions may be called until the process exits.
    for (size_t index = 0; index < libraryCount; index++) {
        // RTLD_LOCAL: the library's symbols stay out of the global scope.
        handles[index] = dlopen(libraries[index], RTLD_NOW | RTLD_LOCAL);
        if (!handles[index]) {
            snprintf(failure, failureSize, "%s", dlerror());
            return failure;
        }
    }
    for (size_t index = 0; index < functionCount; index++) {
        const lazy_function *function = &functions[index];
        *function->slot = dlsym(handles[function->library], function->name);
        if (!*function->slot) {
            snprintf(failure, failureSize, "%s has no %s", libraries[function->library], function->name);
            return failure;
        }
    }
    return NULL;
}

void lazy_library_abort(const char *function, const char *reason) {
    fprintf(stderr, "verbatim: %s called, but its library is not loaded (%s)\n", function, reason);
    abort();
}
