// CMU PocketSphinx 5prealpha (Debian's libpocketsphinx-dev) for Swift: the decoder and its configuration.
#include <pocketsphinx.h>
#include <sphinxbase/cmd_ln.h>
#include <sphinxbase/err.h>
