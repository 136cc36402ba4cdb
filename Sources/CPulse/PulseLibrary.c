// The libpulse functions Verbatim calls, each forwarding to the library loaded on first use
// (CPulse.h, LazyLibrary.h).
#include "CPulse.h"
#include "LazyLibrary.h"

enum { pulse, simple };
static const char *const libraries[] = {"libpulse.so.0", "libpulse-simple.so.0"};

// X(library, name, result, parameters, arguments)
#define PULSE_FUNCTIONS(X) \
    X(simple, pa_simple_new, pa_simple *, \
      (const char *server, const char *name, pa_stream_direction_t dir, const char *dev, const char *stream_name, \
       const pa_sample_spec *ss, const pa_channel_map *map, const pa_buffer_attr *attr, int *error), \
      (server, name, dir, dev, stream_name, ss, map, attr, error)) \
    X(simple, pa_simple_read, int, (pa_simple *s, void *data, size_t bytes, int *error), (s, data, bytes, error)) \
    X(simple, pa_simple_free, void, (pa_simple *s), (s)) \
    X(pulse, pa_strerror, const char *, (int error), (error)) \
    X(pulse, pa_sample_format_to_string, const char *, (pa_sample_format_t f), (f)) \
    X(pulse, pa_mainloop_new, pa_mainloop *, (void), ()) \
    X(pulse, pa_mainloop_free, void, (pa_mainloop *m), (m)) \
    X(pulse, pa_mainloop_get_api, pa_mainloop_api *, (pa_mainloop *m), (m)) \
    X(pulse, pa_mainloop_iterate, int, (pa_mainloop *m, int block, int *retval), (m, block, retval)) \
    X(pulse, pa_context_new, pa_context *, (pa_mainloop_api *mainloop, const char *name), (mainloop, name)) \
    X(pulse, pa_context_unref, void, (pa_context *c), (c)) \
    X(pulse, pa_context_errno, int, (const pa_context *c), (c)) \
    X(pulse, pa_context_get_state, pa_context_state_t, (const pa_context *c), (c)) \
    X(pulse, pa_context_connect, int, \
      (pa_context *c, const char *server, pa_context_flags_t flags, const pa_spawn_api *api), (c, server, flags, api)) \
    X(pulse, pa_context_disconnect, void, (pa_context *c), (c)) \
    X(pulse, pa_context_get_server_info, pa_operation *, \
      (pa_context *c, pa_server_info_cb_t cb, void *userdata), (c, cb, userdata)) \
    X(pulse, pa_context_get_source_info_list, pa_operation *, \
      (pa_context *c, pa_source_info_cb_t cb, void *userdata), (c, cb, userdata)) \
    X(pulse, pa_operation_unref, void, (pa_operation *o), (o)) \
    X(pulse, pa_operation_get_state, pa_operation_state_t, (const pa_operation *o), (o))

LAZY_LIBRARY_MODULE(verbatim_pulse_load, PULSE_FUNCTIONS, libraries)
