// libpulse for Swift: the blocking "simple" API for capture, the asynchronous API for listing sources.
#include <pulse/simple.h>
#include <pulse/error.h>
#include <pulse/pulseaudio.h>
