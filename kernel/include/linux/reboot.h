#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H
/* Reboot and power-off hooks (6.1 include/linux/reboot.h). emu powers off
 * without running reboot notifiers or sys-off handlers: these are declared
 * so that an include builds, and a module calling them is refused at insmod. */
#include "notifier.h"

struct device;
struct pt_regs;

#define SYS_DOWN 0x0001
#define SYS_RESTART SYS_DOWN
#define SYS_HALT 0x0002
#define SYS_POWER_OFF 0x0003

enum reboot_mode {
	REBOOT_UNDEFINED = -1,
	REBOOT_COLD = 0,
	REBOOT_WARM,
	REBOOT_HARD,
	REBOOT_SOFT,
	REBOOT_GPIO,
};

enum reboot_type {
	BOOT_TRIPLE = 't',
	BOOT_KBD = 'k',
	BOOT_BIOS = 'b',
	BOOT_ACPI = 'a',
	BOOT_EFI = 'e',
	BOOT_CF9_FORCE = 'p',
	BOOT_CF9_SAFE = 'q',
};

#define SYS_OFF_PRIO_PLATFORM -256
#define SYS_OFF_PRIO_LOW -128
#define SYS_OFF_PRIO_DEFAULT 0
#define SYS_OFF_PRIO_HIGH 192
#define SYS_OFF_PRIO_FIRMWARE 224

enum sys_off_mode {
	SYS_OFF_MODE_POWER_OFF_PREPARE,
	SYS_OFF_MODE_POWER_OFF,
	SYS_OFF_MODE_RESTART_PREPARE,
	SYS_OFF_MODE_RESTART,
};

struct sys_off_data {
	int mode;
	void *cb_data;
	const char *cmd;
};
struct sys_off_handler;

EMU_BEGIN_DECLS
extern enum reboot_mode reboot_mode;
extern enum reboot_mode panic_reboot_mode;
extern enum reboot_type reboot_type;
extern int reboot_default;
extern int reboot_cpu;
extern int reboot_force;

int register_reboot_notifier(struct notifier_block *nb);
int unregister_reboot_notifier(struct notifier_block *nb);
int devm_register_reboot_notifier(struct device *dev, struct notifier_block *nb);
int register_restart_handler(struct notifier_block *nb);
int unregister_restart_handler(struct notifier_block *nb);
void do_kernel_restart(char *cmd);
void migrate_to_reboot_cpu(void);
void machine_restart(char *cmd);
void machine_halt(void);
void machine_power_off(void);
void machine_shutdown(void);
void machine_crash_shutdown(struct pt_regs *regs);
void do_kernel_power_off(void);
struct sys_off_handler *register_sys_off_handler(enum sys_off_mode mode, int priority,
						 int (*callback)(struct sys_off_data *data), void *cb_data);
void unregister_sys_off_handler(struct sys_off_handler *handler);
int devm_register_sys_off_handler(struct device *dev, enum sys_off_mode mode, int priority,
				  int (*callback)(struct sys_off_data *data), void *cb_data);
int devm_register_power_off_handler(struct device *dev, int (*callback)(struct sys_off_data *data),
				    void *cb_data);
int devm_register_restart_handler(struct device *dev, int (*callback)(struct sys_off_data *data), void *cb_data);
int register_platform_power_off(void (*power_off)(void));
void unregister_platform_power_off(void (*power_off)(void));
void kernel_restart_prepare(char *cmd);
void kernel_restart(char *cmd);
void kernel_halt(void);
void kernel_power_off(void);
bool kernel_can_power_off(void);
void ctrl_alt_del(void);
void orderly_poweroff(bool force);
void orderly_reboot(void);
void hw_protection_shutdown(const char *reason, int ms_until_forced);
void emergency_restart(void);
EMU_END_DECLS
#endif
