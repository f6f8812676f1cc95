#ifndef _LINUX_CONSOLE_STRUCT_H
#define _LINUX_CONSOLE_STRUCT_H
/* Virtual consoles (6.1 include/linux/console_struct.h). emu has no VT
 * layer: vc_cons[] is declared only, so a module reading it fails to load
 * with "Unknown symbol vc_cons". */
#include "tty.h"
#include "vt.h"
#include "workqueue.h"

struct vc_data {
	struct tty_port port;
	unsigned short vc_num;
	unsigned int vc_cols;
	unsigned int vc_rows;
	unsigned int vc_size_row;
	unsigned int vc_scan_lines;
	unsigned int vc_cell_height;
	unsigned long vc_origin;
	unsigned long vc_scr_end;
	unsigned long vc_visible_origin;
	unsigned int vc_top, vc_bottom;
	unsigned short *vc_screenbuf;
	unsigned int vc_screenbuf_size;
	unsigned char vc_mode;
	unsigned char vc_attr;
	struct vc_data **vc_display_fg;
};
struct vc {
	struct vc_data *d;
	struct work_struct SAK_work;
};
EMU_BEGIN_DECLS
extern struct vc vc_cons[MAX_NR_CONSOLES];
EMU_END_DECLS
#define CUR_MAKE(size, change, set) ((size) | ((change) << 8) | ((set) << 16))
#define CUR_SIZE(c) ((c) & 0x00000f)
#endif
