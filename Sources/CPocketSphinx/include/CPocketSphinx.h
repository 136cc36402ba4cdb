// CMU PocketSphinx 5prealpha (Debian's libpocketsphinx3, libsphinxbase3) for Swift: the decoder and
// its configuration, as much as the offline engine calls.
//
// Verbatim does not link PocketSphinx: PocketSphinxLibrary.c defines these functions and forwards
// each to the library, loaded on first use (LazyLibrary.h says why). The declarations are the
// library's own, with sphinxbase's integer types spelled out (int32 is int, int16 short, uint8
// unsigned char), so that Swift needs none of its headers; PocketSphinxLibrary.c includes those too,
// and the compiler checks that both declare the same functions.
#ifndef VERBATIM_CPOCKETSPHINX_H
#define VERBATIM_CPOCKETSPHINX_H

#include <stddef.h>

typedef struct cmd_ln_s cmd_ln_t;
typedef struct arg_s arg_t;
typedef struct ps_decoder_s ps_decoder_t;
typedef struct ps_seg_s ps_seg_t;

/// Loads libpocketsphinx and libsphinxbase. Returns NULL once they are loaded, or why they could not
/// be. Call it before any other function of this module: those abort if the libraries are missing.
const char *verbatim_pocketsphinx_load(void);

arg_t const *ps_args(void);
cmd_ln_t *cmd_ln_parse_r(cmd_ln_t *inout_cmdln, arg_t const *defn, int argc, char *argv[], int strict);
int cmd_ln_free_r(cmd_ln_t *cmdln);
ps_decoder_t *ps_init(cmd_ln_t *config);
int ps_free(ps_decoder_t *ps);
int ps_start_stream(ps_decoder_t *ps);
int ps_start_utt(ps_decoder_t *ps);
int ps_process_raw(ps_decoder_t *ps, short const *data, size_t n_samples, int no_search, int full_utt);
unsigned char ps_get_in_speech(ps_decoder_t *ps);
char const *ps_get_hyp(ps_decoder_t *ps, int *out_best_score);
int ps_end_utt(ps_decoder_t *ps);
ps_seg_t *ps_seg_iter(ps_decoder_t *ps);
ps_seg_t *ps_seg_next(ps_seg_t *seg);
char const *ps_seg_word(ps_seg_t *seg);
void ps_seg_frames(ps_seg_t *seg, int *out_sf, int *out_ef);

#endif
