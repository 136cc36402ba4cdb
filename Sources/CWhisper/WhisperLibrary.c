// whisper.cpp's functions that Verbatim calls, each forwarding to libwhisper opened on first use
// (LazyLibrary.h), and the small functions of CWhisper.h built on them. whisper.h comes first, so the
// forwarders are checked against its declarations; it is the header of the library the set-up built
// (.build/whisper.cpp/include, scripts/whisper/install-library.sh).
#include <whisper.h>

#include <stdlib.h>
#include <string.h>

#include "CWhisper.h"
#include "LazyLibrary.h"

enum { whisper };
/// The path is known only at run time (next to an installed binary, or in the checkout's .build), so
/// `verbatim_whisper_load` sets it before the module's loader runs.
static const char *libraries[] = {NULL};

// X(library, name, result, parameters, arguments)
#define WHISPER_FUNCTIONS(X) \
    X(whisper, whisper_log_set, void, (ggml_log_callback callback, void *user_data), (callback, user_data)) \
    X(whisper, whisper_context_default_params, struct whisper_context_params, (void), ()) \
    X(whisper, whisper_init_from_file_with_params_no_state, struct whisper_context *, \
      (const char *path_model, struct whisper_context_params params), (path_model, params)) \
    X(whisper, whisper_free, void, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_init_state, struct whisper_state *, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_free_state, void, (struct whisper_state *state), (state)) \
    X(whisper, whisper_is_multilingual, int, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_full_default_params, struct whisper_full_params, \
      (enum whisper_sampling_strategy strategy), (strategy)) \
    X(whisper, whisper_full_with_state, int, \
      (struct whisper_context *ctx, struct whisper_state *state, struct whisper_full_params params, \
       const float *samples, int n_samples), \
      (ctx, state, params, samples, n_samples)) \
    X(whisper, whisper_full_n_segments_from_state, int, (struct whisper_state *state), (state)) \
    X(whisper, whisper_full_get_segment_no_speech_prob_from_state, float, \
      (struct whisper_state *state, int i_segment), (state, i_segment)) \
    X(whisper, whisper_full_n_tokens_from_state, int, (struct whisper_state *state, int i_segment), \
      (state, i_segment)) \
    X(whisper, whisper_full_get_token_data_from_state, whisper_token_data, \
      (struct whisper_state *state, int i_segment, int i_token), (state, i_segment, i_token)) \
    X(whisper, whisper_full_get_token_text_from_state, const char *, \
      (struct whisper_context *ctx, struct whisper_state *state, int i_segment, int i_token), \
      (ctx, state, i_segment, i_token)) \
    X(whisper, whisper_token_eot, whisper_token, (struct whisper_context *ctx), (ctx))

LAZY_LIBRARY_MODULE(verbatim_whisper_load_configured, WHISPER_FUNCTIONS, libraries)

static pthread_mutex_t path_lock = PTHREAD_MUTEX_INITIALIZER;

const char *verbatim_whisper_load(const char *library_path) {
    pthread_mutex_lock(&path_lock);
    if (libraries[0] == NULL) libraries[0] = strdup(library_path);
    pthread_mutex_unlock(&path_lock);
    return verbatim_whisper_load_configured();
}

/// whisper.cpp logs every model load and decode to stderr; the meeting screen owns the terminal.
static void quiet(enum ggml_log_level level, const char *text, void *user_data) {
    (void)level, (void)text, (void)user_data;
}

struct whisper_context *verbatim_whisper_open(const char *model_path) {
    whisper_log_set(quiet, NULL);
    struct whisper_context_params params = whisper_context_default_params();
    params.use_gpu = false;
    return whisper_init_from_file_with_params_no_state(model_path, params);
}

void verbatim_whisper_close(struct whisper_context *context) { whisper_free(context); }

struct whisper_state *verbatim_whisper_new_state(struct whisper_context *context) {
    return whisper_init_state(context);
}

void verbatim_whisper_free_state(struct whisper_state *state) { whisper_free_state(state); }

bool verbatim_whisper_is_multilingual(struct whisper_context *context) {
    return whisper_is_multilingual(context) != 0;
}

int verbatim_whisper_decode(
    struct whisper_context *context, struct whisper_state *state, const verbatim_whisper_options *options,
    const float *samples, int count) {
    bool beam = options->beam_size > 1;
    struct whisper_full_params params =
        whisper_full_default_params(beam ? WHISPER_SAMPLING_BEAM_SEARCH : WHISPER_SAMPLING_GREEDY);
    params.n_threads = options->threads > 0 ? options->threads : 1;
    params.audio_ctx = options->audio_context;
    params.language = options->language;
    params.detect_language = false;
    params.initial_prompt = options->initial_prompt;
    params.no_context = true;  // each window is decoded on its own; the prompt carries what came before
    params.token_timestamps = true;
    params.suppress_blank = true;
    params.suppress_nst = true;
    params.temperature_inc = options->temperature_increment;
    params.max_tokens = options->max_tokens;
    params.print_progress = false;
    params.print_realtime = false;
    params.print_timestamps = false;
    params.print_special = false;
    if (beam) params.beam_search.beam_size = options->beam_size;
    return whisper_full_with_state(context, state, params, samples, count);
}

int verbatim_whisper_segment_count(struct whisper_state *state) { return whisper_full_n_segments_from_state(state); }

float verbatim_whisper_segment_no_speech(struct whisper_state *state, int segment) {
    return whisper_full_get_segment_no_speech_prob_from_state(state, segment);
}

int verbatim_whisper_token_count(struct whisper_state *state, int segment) {
    return whisper_full_n_tokens_from_state(state, segment);
}

verbatim_whisper_token verbatim_whisper_token_at(
    struct whisper_context *context, struct whisper_state *state, int segment, int token) {
    whisper_token_data data = whisper_full_get_token_data_from_state(state, segment, token);
    verbatim_whisper_token result = {
        .text = whisper_full_get_token_text_from_state(context, state, segment, token),
        .special = data.id >= whisper_token_eot(context),
        .probability = data.p,
        .start = data.t0,
        .end = data.t1,
    };
    return result;
}
