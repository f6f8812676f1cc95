#ifndef _LINUX_OF_H
#define _LINUX_OF_H
/* The device tree (6.1 include/linux/of.h) as Debian's x86-64 6.1 builds
 * it: without CONFIG_OF. There is no device tree, so every lookup finds
 * nothing (NULL, false, 0) and every property read fails with -ENOSYS, in
 * inline code: a module using them loads and takes those answers, as on 6.1.
 * of_match_ptr() is NULL. */
#include "types.h"
#include "errno.h"
#include "kernel.h"
#include "mod_devicetable.h"

typedef u32 phandle;
typedef u32 ihandle;
typedef u32 __be32;

struct fwnode_handle { struct fwnode_handle *secondary; const void *ops; };
struct property {
	char *name;
	int length;
	void *value;
	struct property *next;
};
struct device_node {
	const char *name;
	phandle phandle;
	const char *full_name;
	struct fwnode_handle fwnode;
	struct property *properties;
	struct property *deadprops;
	struct device_node *parent;
	struct device_node *child;
	struct device_node *sibling;
	unsigned long _flags;
	void *data;
};
#define MAX_PHANDLE_ARGS 16
struct of_phandle_args {
	struct device_node *np;
	int args_count;
	u32 args[MAX_PHANDLE_ARGS];
};

#define of_match_ptr(_ptr) NULL
#define of_match_node(_matches, _node) NULL
#define of_fwnode_handle(node) NULL
#define to_of_node(x) ((struct device_node *)NULL)
#define OF_BAD_ADDR ((u64)-1)

static inline struct device_node *of_node_get(struct device_node *node) { return node; }
static inline void of_node_put(struct device_node *node) { (void)node; }
static inline bool of_node_is_root(const struct device_node *node) { (void)node; return false; }
static inline bool of_have_populated_dt(void) { return false; }
static inline bool of_node_name_eq(const struct device_node *np, const char *name) { (void)np; (void)name; return false; }
static inline bool of_node_name_prefix(const struct device_node *np, const char *prefix)
{ (void)np; (void)prefix; return false; }
static inline const char *of_node_full_name(const struct device_node *np) { (void)np; return "<no-node>"; }
static inline struct device_node *of_find_node_by_name(struct device_node *from, const char *name)
{ (void)from; (void)name; return NULL; }
static inline struct device_node *of_find_node_by_type(struct device_node *from, const char *type)
{ (void)from; (void)type; return NULL; }
static inline struct device_node *of_find_matching_node_and_match(struct device_node *from,
                                                                  const struct of_device_id *matches,
                                                                  const struct of_device_id **match)
{ (void)from; (void)matches; (void)match; return NULL; }
static inline struct device_node *of_find_node_by_path(const char *path) { (void)path; return NULL; }
static inline struct device_node *of_find_node_by_phandle(phandle handle) { (void)handle; return NULL; }
static inline struct device_node *of_get_parent(const struct device_node *node) { (void)node; return NULL; }
static inline struct device_node *of_get_next_parent(struct device_node *node) { (void)node; return NULL; }
static inline struct device_node *of_get_next_child(const struct device_node *node, struct device_node *prev)
{ (void)node; (void)prev; return NULL; }
static inline struct device_node *of_get_next_available_child(const struct device_node *node,
                                                              struct device_node *prev)
{ (void)node; (void)prev; return NULL; }
static inline struct device_node *of_find_node_with_property(struct device_node *from, const char *prop_name)
{ (void)from; (void)prop_name; return NULL; }
static inline struct device_node *of_get_compatible_child(const struct device_node *parent, const char *compatible)
{ (void)parent; (void)compatible; return NULL; }
static inline struct device_node *of_get_child_by_name(const struct device_node *node, const char *name)
{ (void)node; (void)name; return NULL; }
static inline int of_device_is_compatible(const struct device_node *device, const char *name)
{ (void)device; (void)name; return 0; }
static inline int of_device_compatible_match(const struct device_node *device, const char *const *compat)
{ (void)device; (void)compat; return 0; }
static inline bool of_device_is_available(const struct device_node *device) { (void)device; return false; }
static inline bool of_device_is_big_endian(const struct device_node *device) { (void)device; return false; }
static inline struct property *of_find_property(const struct device_node *np, const char *name, int *lenp)
{ (void)np; (void)name; (void)lenp; return NULL; }
static inline struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
                                                          const char *compat)
{ (void)from; (void)type; (void)compat; return NULL; }
static inline int of_property_count_elems_of_size(const struct device_node *np, const char *propname, int elem_size)
{ (void)np; (void)propname; (void)elem_size; return -ENOSYS; }
static inline int of_property_read_u32_index(const struct device_node *np, const char *propname, u32 index,
                                             u32 *out_value)
{ (void)np; (void)propname; (void)index; (void)out_value; return -ENOSYS; }
static inline int of_property_read_u64_index(const struct device_node *np, const char *propname, u32 index,
                                             u64 *out_value)
{ (void)np; (void)propname; (void)index; (void)out_value; return -ENOSYS; }
static inline const void *of_get_property(const struct device_node *node, const char *name, int *lenp)
{ (void)node; (void)name; (void)lenp; return NULL; }
static inline int of_n_addr_cells(struct device_node *np) { (void)np; return 0; }
static inline int of_n_size_cells(struct device_node *np) { (void)np; return 0; }
static inline int of_property_read_variable_u8_array(const struct device_node *np, const char *propname,
                                                     u8 *out_values, size_t sz_min, size_t sz_max)
{ (void)np; (void)propname; (void)out_values; (void)sz_min; (void)sz_max; return -ENOSYS; }
static inline int of_property_read_variable_u16_array(const struct device_node *np, const char *propname,
                                                      u16 *out_values, size_t sz_min, size_t sz_max)
{ (void)np; (void)propname; (void)out_values; (void)sz_min; (void)sz_max; return -ENOSYS; }
static inline int of_property_read_variable_u32_array(const struct device_node *np, const char *propname,
                                                      u32 *out_values, size_t sz_min, size_t sz_max)
{ (void)np; (void)propname; (void)out_values; (void)sz_min; (void)sz_max; return -ENOSYS; }
static inline int of_property_read_variable_u64_array(const struct device_node *np, const char *propname,
                                                      u64 *out_values, size_t sz_min, size_t sz_max)
{ (void)np; (void)propname; (void)out_values; (void)sz_min; (void)sz_max; return -ENOSYS; }
static inline int of_property_read_u64(const struct device_node *np, const char *propname, u64 *out_value)
{ (void)np; (void)propname; (void)out_value; return -ENOSYS; }
static inline int of_property_read_string(const struct device_node *np, const char *propname, const char **out_string)
{ (void)np; (void)propname; (void)out_string; return -ENOSYS; }
static inline int of_property_match_string(const struct device_node *np, const char *propname, const char *string)
{ (void)np; (void)propname; (void)string; return -ENOSYS; }
static inline int of_property_read_string_helper(const struct device_node *np, const char *propname,
                                                 const char **out_strs, size_t sz, int index)
{ (void)np; (void)propname; (void)out_strs; (void)sz; (void)index; return -ENOSYS; }
static inline int of_count_phandle_with_args(const struct device_node *np, const char *list_name,
                                             const char *cells_name)
{ (void)np; (void)list_name; (void)cells_name; return -ENOSYS; }
static inline int of_parse_phandle_with_args(const struct device_node *np, const char *list_name,
                                             const char *cells_name, int index, struct of_phandle_args *out_args)
{ (void)np; (void)list_name; (void)cells_name; (void)index; (void)out_args; return -ENOSYS; }
static inline struct device_node *of_parse_phandle(const struct device_node *np, const char *phandle_name, int index)
{ (void)np; (void)phandle_name; (void)index; return NULL; }
static inline int of_alias_get_id(struct device_node *np, const char *stem) { (void)np; (void)stem; return -ENOSYS; }
static inline int of_machine_is_compatible(const char *compat) { (void)compat; return 0; }

static inline int of_property_read_string_array(const struct device_node *np, const char *propname,
                                                const char **out_strs, size_t sz)
{ return of_property_read_string_helper(np, propname, out_strs, sz, 0); }
static inline int of_property_count_strings(const struct device_node *np, const char *propname)
{ return of_property_read_string_helper(np, propname, NULL, 0, 0); }
static inline int of_property_read_string_index(const struct device_node *np, const char *propname, int index,
                                                const char **output)
{ int rc = of_property_read_string_helper(np, propname, output, 1, index); return rc < 0 ? rc : 0; }
static inline bool of_property_read_bool(const struct device_node *np, const char *propname)
{ return of_find_property(np, propname, NULL) != NULL; }
static inline bool of_property_present(const struct device_node *np, const char *propname)
{ return of_property_read_bool(np, propname); }
static inline int of_property_count_u32_elems(const struct device_node *np, const char *propname)
{ return of_property_count_elems_of_size(np, propname, sizeof(u32)); }
static inline int of_property_read_u8_array(const struct device_node *np, const char *propname, u8 *out_values,
                                            size_t sz)
{ int ret = of_property_read_variable_u8_array(np, propname, out_values, sz, 0); return ret >= 0 ? 0 : ret; }
static inline int of_property_read_u16_array(const struct device_node *np, const char *propname, u16 *out_values,
                                             size_t sz)
{ int ret = of_property_read_variable_u16_array(np, propname, out_values, sz, 0); return ret >= 0 ? 0 : ret; }
static inline int of_property_read_u32_array(const struct device_node *np, const char *propname, u32 *out_values,
                                             size_t sz)
{ int ret = of_property_read_variable_u32_array(np, propname, out_values, sz, 0); return ret >= 0 ? 0 : ret; }
static inline int of_property_read_u64_array(const struct device_node *np, const char *propname, u64 *out_values,
                                             size_t sz)
{ int ret = of_property_read_variable_u64_array(np, propname, out_values, sz, 0); return ret >= 0 ? 0 : ret; }
static inline int of_property_read_u8(const struct device_node *np, const char *propname, u8 *out_value)
{ return of_property_read_u8_array(np, propname, out_value, 1); }
static inline int of_property_read_u16(const struct device_node *np, const char *propname, u16 *out_value)
{ return of_property_read_u16_array(np, propname, out_value, 1); }
static inline int of_property_read_u32(const struct device_node *np, const char *propname, u32 *out_value)
{ return of_property_read_u32_array(np, propname, out_value, 1); }
static inline int of_property_read_s32(const struct device_node *np, const char *propname, s32 *out_value)
{ return of_property_read_u32(np, propname, (u32 *)out_value); }

#define for_each_node_by_name(dn, name) \
	for (dn = of_find_node_by_name(NULL, name); dn; dn = of_find_node_by_name(dn, name))
#define for_each_node_by_type(dn, type) \
	for (dn = of_find_node_by_type(NULL, type); dn; dn = of_find_node_by_type(dn, type))
#define for_each_compatible_node(dn, type, compatible) \
	for (dn = of_find_compatible_node(NULL, type, compatible); dn; dn = of_find_compatible_node(dn, type, compatible))
/* Walks with a "next after this one" getter, starting from NULL. */
#define __emu_of_walk(next, parent, child) \
	for ((child) = next(parent, NULL); (child) != NULL; (child) = next(parent, child))
#define for_each_child_of_node(parent, child) __emu_of_walk(of_get_next_child, parent, child)
#define for_each_available_child_of_node(parent, child) \
	__emu_of_walk(of_get_next_available_child, parent, child)
#define for_each_node_with_property(dn, prop_name) \
	for (dn = of_find_node_with_property(NULL, prop_name); dn; dn = of_find_node_with_property(dn, prop_name))
static inline int of_get_child_count(const struct device_node *np)
{
	struct device_node *child;
	int num = 0;
	for_each_child_of_node(np, child)
		num++;
	return num;
}
#endif
