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
    X(whisper, whisper_init_from_file_with_params, struct whisper_context *, \
      (const char *path_model, struct whisper_context_params params), (path_model, params)) \
    X(whisper, whisper_free, void, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_is_multilingual, int, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_full_default_params, struct whisper_full_params, \
      (enum whisper_sampling_strategy strategy), (strategy)) \
    X(whisper, whisper_full, int, \
      (struct whisper_context *ctx, struct whisper_full_params params, const float *samples, int n_samples), \
      (ctx, params, samples, n_samples)) \
    X(whisper, whisper_full_n_segments, int, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_full_get_segment_no_speech_prob, float, (struct whisper_context *ctx, int i_segment), \
      (ctx, i_segment)) \
    X(whisper, whisper_full_n_tokens, int, (struct whisper_context *ctx, int i_segment), (ctx, i_segment)) \
    X(whisper, whisper_full_get_token_data, whisper_token_data, \
      (struct whisper_context *ctx, int i_segment, int i_token), (ctx, i_segment, i_token)) \
    X(whisper, whisper_full_get_token_text, const char *, \
      (struct whisper_context *ctx, int i_segment, int i_token), (ctx, i_segment, i_token)) \
    X(whisper, whisper_token_eot, whisper_token, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_full_lang_id, int, (struct whisper_context *ctx), (ctx)) \
    X(whisper, whisper_lang_str, const char *, (int id), (id))

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
    return whisper_init_from_file_with_params(model_path, params);
}

void verbatim_whisper_close(struct whisper_context *context) { whisper_free(context); }

bool verbatim_whisper_is_multilingual(struct whisper_context *context) {
    return whisper_is_multilingual(context) != 0;
}

int verbatim_whisper_decode(
    struct whisper_context *context, const verbatim_whisper_options *options, const float *samples, int count) {
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
    return whisper_full(context, params, samples, count);
}

int verbatim_whisper_segment_count(struct whisper_context *context) { return whisper_full_n_segments(context); }

float verbatim_whisper_segment_no_speech(struct whisper_context *context, int segment) {
    return whisper_full_get_segment_no_speech_prob(context, segment);
}

int verbatim_whisper_token_count(struct whisper_context *context, int segment) {
    return whisper_full_n_tokens(context, segment);
}

verbatim_whisper_token verbatim_whisper_token_at(struct whisper_context *context, int segment, int token) {
    whisper_token_data data = whisper_full_get_token_data(context, segment, token);
    verbatim_whisper_token result = {
        .text = whisper_full_get_token_text(context, segment, token),
        .special = data.id >= whisper_token_eot(context),
        .probability = data.p,
        .start = data.t0,
        .end = data.t1,
    };
    return result;
}

const char *verbatim_whisper_language(struct whisper_context *context) {
    return whisper_lang_str(whisper_full_lang_id(context));
}
