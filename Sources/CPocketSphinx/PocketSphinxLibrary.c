// The PocketSphinx and SphinxBase functions Verbatim calls, each forwarding to the library loaded on
// first use (CPocketSphinx.h, LazyLibrary.h). The library's headers come first: the declarations of
// CPocketSphinx.h must then agree with them, or this file does not compile.
#include <pocketsphinx.h>
#include <sphinxbase/cmd_ln.h>

#include "CPocketSphinx.h"
#include "LazyLibrary.h"

enum { pocketsphinx, sphinxbase };
static const char *const libraries[] = {"libpocketsphinx.so.3", "libsphinxbase.so.3"};

// X(library, name, result, parameters, arguments)
#define POCKETSPHINX_FUNCTIONS(X) \
    X(pocketsphinx, ps_args, arg_t const *, (void), ()) \
    X(sphinxbase, cmd_ln_parse_r, cmd_ln_t *, \
      (cmd_ln_t *inout_cmdln, arg_t const *defn, int32 argc, char *argv[], int32 strict), \
      (inout_cmdln, defn, argc, argv, strict)) \
    X(sphinxbase, cmd_ln_free_r, int, (cmd_ln_t *cmdln), (cmdln)) \
    X(pocketsphinx, ps_init, ps_decoder_t *, (cmd_ln_t *config), (config)) \
    X(pocketsphinx, ps_free, int, (ps_decoder_t *ps), (ps)) \
    X(pocketsphinx, ps_start_stream, int, (ps_decoder_t *ps), (ps)) \
    X(pocketsphinx, ps_start_utt, int, (ps_decoder_t *ps), (ps)) \
    X(pocketsphinx, ps_process_raw, int, \
      (ps_decoder_t *ps, int16 const *data, size_t n_samples, int no_search, int full_utt), \
      (ps, data, n_samples, no_search, full_utt)) \
    X(pocketsphinx, ps_get_in_speech, uint8, (ps_decoder_t *ps), (ps)) \
    X(pocketsphinx, ps_get_hyp, char const *, (ps_decoder_t *ps, int32 *out_best_score), (ps, out_best_score)) \
    X(pocketsphinx, ps_end_utt, int, (ps_decoder_t *ps), (ps)) \
    X(pocketsphinx, ps_seg_iter, ps_seg_t *, (ps_decoder_t *ps), (ps)) \
    X(pocketsphinx, ps_seg_next, ps_seg_t *, (ps_seg_t *seg), (seg)) \
    X(pocketsphinx, ps_seg_word, char const *, (ps_seg_t *seg), (seg)) \
    X(pocketsphinx, ps_seg_frames, void, (ps_seg_t *seg, int *out_sf, int *out_ef), (seg, out_sf, out_ef))

LAZY_LIBRARY_MODULE(verbatim_pocketsphinx_load, POCKETSPHINX_FUNCTIONS, libraries)
