/* The kernel release emu's guest reports and modules are built for:
 * uname -r, /proc/version and the version magic start with it. */
#define UTS_RELEASE "6.1.0-emu"
