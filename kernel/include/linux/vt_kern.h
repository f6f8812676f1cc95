#ifndef _VT_KERN_H
#define _VT_KERN_H
/* The VT layer's kernel interface (6.1 include/linux/vt_kern.h): declared
 * only on emu, which has no virtual terminals ("Unknown symbol" at insmod). */
#include "vt.h"
#include "../uapi/linux/kd.h"
#include "tty.h"
#include "mutex.h"
#include "console_struct.h"
#include "mm.h"

EMU_BEGIN_DECLS
extern int fg_console, last_console, want_console;
void kd_mksound(unsigned int hz, unsigned int ticks);
int kbd_rate(struct kbd_repeat *rep);
int vc_allocate(unsigned int console);
int vc_cons_allocated(unsigned int console);
int vc_resize(struct vc_data *vc, unsigned int cols, unsigned int lines);
void redraw_screen(struct vc_data *vc, int is_switch);
void update_region(struct vc_data *vc, unsigned long start, int count);
void console_lock(void);
void console_unlock(void);
int register_vt_notifier(struct notifier_block *nb);
int unregister_vt_notifier(struct notifier_block *nb);
EMU_END_DECLS
#endif
