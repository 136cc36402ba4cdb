// libpulse for Swift: the blocking "simple" API for capture, the asynchronous API for listing sources.
//
// Verbatim does not link libpulse: PulseLibrary.c defines the functions Swift calls and forwards each
// to the library, loaded on first use (LazyLibrary.h says why).
#ifndef VERBATIM_CPULSE_H
#define VERBATIM_CPULSE_H

#include <pulse/simple.h>
#include <pulse/error.h>
#include <pulse/pulseaudio.h>

/// Loads libpulse and libpulse-simple and finds every function this module forwards. Returns NULL
/// once they are loaded (from then on, at once), or why they could not be (the loader's message).
/// Call it before any other function of this module: those abort if the libraries are missing.
const char *verbatim_pulse_load(void);

#endif
