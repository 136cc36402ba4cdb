// ncursesw's wide-character API for Swift. Only TUITerminal's NCursesBackend imports this.
#ifndef VERBATIM_CNCURSES_SHIM_H
#define VERBATIM_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

// C globals are not concurrency-safe in Swift 6: read them through functions.
static inline WINDOW *vb_stdscr(void) { return stdscr; }
static inline int vb_colors(void) { return COLORS; }
static inline int vb_color_pairs(void) { return COLOR_PAIRS; }

// Attribute macros, as values.
static inline attr_t vb_a_normal(void) { return A_NORMAL; }
static inline attr_t vb_a_bold(void) { return A_BOLD; }
static inline attr_t vb_a_dim(void) { return A_DIM; }
static inline attr_t vb_a_italic(void) { return A_ITALIC; }
static inline attr_t vb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t vb_a_reverse(void) { return A_REVERSE; }

static inline void vb_getmaxyx(WINDOW *window, int *rows, int *columns) {
    getmaxyx(window, *rows, *columns);
}

/// Sets a window's attributes and colour pair (wattr_set is a macro in some builds).
static inline int vb_set_style(WINDOW *window, attr_t attributes, short pair) {
    return wattr_set(window, attributes, pair, NULL);
}

/// wget_wch with the character widened to a plain integer (wint_t does not import cleanly).
static inline int vb_get_wch(WINDOW *window, unsigned int *character) {
    wint_t value = 0;
    int result = wget_wch(window, &value);
    *character = (unsigned int)value;
    return result;
}

/// The terminal's size from the kernel, for resizeterm after SIGWINCH (which the app handles).
static inline int vb_terminal_size(int fd, int *rows, int *columns) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

// SIGWINCH as a byte on a pipe the screen loop polls. A real handler, not a dispatch source: on
// Linux a dispatch source blocks the signal only in the threads it knows, and a resize delivered to
// any other thread (the capture threads, the Swift pool) was lost while the signal was ignored,
// which left the screen at its old size. write() is async-signal-safe; errno is kept for the
// interrupted thread. The pipe is written by the handler only, read by the loop only.
static int vb_window_size_pipe = -1;

static inline void vb_on_window_size(int signal_number) {
    (void)signal_number;
    int saved = errno;
    char byte = 1;
    if (vb_window_size_pipe >= 0) (void)!write(vb_window_size_pipe, &byte, 1);
    errno = saved;
}

/// Sends SIGWINCH to `write_fd` (non-blocking: a full pipe already says "resized").
static inline int vb_watch_window_size(int write_fd) {
    vb_window_size_pipe = write_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = vb_on_window_size;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGWINCH, &action, NULL);
}

/// Back to the default (nothing to do on SIGWINCH), before the pipe is closed.
static inline void vb_unwatch_window_size(void) {
    signal(SIGWINCH, SIG_DFL);
    vb_window_size_pipe = -1;
}

/// Makes the next refresh repaint every cell (after a resize, or Ctrl-L): ncurses forgets what it
/// believes the terminal shows.
static inline void vb_repaint_all(void) { clearok(curscr, TRUE); }

/// True when the C library's character set is UTF-8 (after setlocale).
static inline int vb_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

// On a crash, leave the terminal usable: endwin, then die of the same signal. endwin is not
// async-signal-safe, but the process is dying anyway and a raw, invisible-cursor terminal is worse
// (htop and others do the same).
static inline void vb_crash_restore(int signal_number) {
    endwin();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static inline void vb_install_crash_restore(void) {
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], vb_crash_restore);
}

static inline void vb_restore_at_exit(void) {
    if (!isendwin()) endwin();
}

static inline void vb_install_exit_restore(void) { atexit(vb_restore_at_exit); }

#endif
