#ifndef _UAPI_LINUX_UTSNAME_H
#define _UAPI_LINUX_UTSNAME_H
/* uname(2)'s record (6.1 uapi/linux/utsname.h). */
#define __OLD_UTS_LEN 8
#define __NEW_UTS_LEN 64

struct oldold_utsname {
	char sysname[__OLD_UTS_LEN + 1];
	char nodename[__OLD_UTS_LEN + 1];
	char release[__OLD_UTS_LEN + 1];
	char version[__OLD_UTS_LEN + 1];
	char machine[__OLD_UTS_LEN + 1];
};

struct old_utsname {
	char sysname[65];
	char nodename[65];
	char release[65];
	char version[65];
	char machine[65];
};

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};
#endif
