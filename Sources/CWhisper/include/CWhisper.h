// What Swift sees of whisper.cpp: a few functions of our own over its C API (WhisperLibrary.c),
// so that Swift never builds whisper.cpp's large parameter structs, which its functions take and
// return by value. The library is opened on first use from a path (verbatim_whisper_load).
#ifndef VERBATIM_CWHISPER_H
#define VERBATIM_CWHISPER_H

#include <stdbool.h>
#include <stdint.h>

struct whisper_context;
struct whisper_state;

/// Opens libwhisper (and, through its $ORIGIN run path, the ggml libraries beside it) from
/// `library_path`. Only the first call opens anything; every call returns NULL, or why the library
/// could not be opened. Call it before any other function of this header.
const char *verbatim_whisper_load(const char *library_path);

/// Loads a ggml model's weights for the CPU, with whisper.cpp's log silenced. NULL if the file is no
/// model. The weights are only read while decoding: each decoder decodes into a state of its own
/// (`verbatim_whisper_new_state`), and decoders with different states may run at once on one context
/// (as whisper.cpp's own `whisper_full_parallel` does), so every source of a meeting shares them.
struct whisper_context *verbatim_whisper_open(const char *model_path);
void verbatim_whisper_close(struct whisper_context *context);
/// One decoder's buffers (spectrogram, key/value caches, results); NULL if they cannot be allocated.
struct whisper_state *verbatim_whisper_new_state(struct whisper_context *context);
void verbatim_whisper_free_state(struct whisper_state *state);
bool verbatim_whisper_is_multilingual(struct whisper_context *context);

/// The decoding settings Verbatim chooses; the rest keep whisper.cpp's defaults.
typedef struct {
    int threads;
    /// Encoder frames (20 ms each) to attend over; 0: the model's 1500 (30 s). Less is faster for
    /// a short window, and must cover the audio.
    int audio_context;
    /// ISO 639-1 code, or NULL to detect the language.
    const char *language;
    /// Text the decoder takes as what came before (names, the previous sentence); may be NULL.
    const char *initial_prompt;
    /// 0 or 1: greedy; more: beam search with that many beams.
    int beam_size;
    /// The temperature added at each fallback when a decode looks wrong; 0: no fallback.
    float temperature_increment;
    /// At most this many text tokens per segment; 0: no limit. Bounds a runaway repetition.
    int max_tokens;
} verbatim_whisper_options;

/// Transcribes `count` 16 kHz mono samples in [-1, 1] into `state`; 0 on success.
int verbatim_whisper_decode(
    struct whisper_context *context, struct whisper_state *state, const verbatim_whisper_options *options,
    const float *samples, int count);

/// Results of the state's last decode: segments, then each segment's tokens.
int verbatim_whisper_segment_count(struct whisper_state *state);
float verbatim_whisper_segment_no_speech(struct whisper_state *state, int segment);
int verbatim_whisper_token_count(struct whisper_state *state, int segment);

typedef struct {
    /// The token's bytes as the vocabulary has them (a multibyte character may span two tokens).
    const char *text;
    /// Timestamps, end-of-text and other special tokens: not words.
    bool special;
    float probability;
    /// Start and end in 10 ms units from the decoded audio's start.
    int64_t start;
    int64_t end;
} verbatim_whisper_token;

verbatim_whisper_token verbatim_whisper_token_at(
    struct whisper_context *context, struct whisper_state *state, int segment, int token);

#endif
