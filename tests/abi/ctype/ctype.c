/* <linux/ctype.h>: the kernel's character classes are ISO 8859-1 (lib/ctype.c),
 * not the C library's locale: 0xe9 ('e' acute) is a letter, 0xa0 a space. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt
#include <linux/module.h>
#include <linux/ctype.h>

static void classify(unsigned char c)
{
	pr_info("0x%02x: alpha=%d digit=%d xdigit=%d space=%d upper=%d lower=%d punct=%d cntrl=%d print=%d graph=%d alnum=%d\n",
		c, isalpha(c), isdigit(c), isxdigit(c), isspace(c), isupper(c), islower(c), ispunct(c),
		iscntrl(c), isprint(c), isgraph(c), isalnum(c));
}

static int __init ctype_init(void)
{
	const unsigned char chars[] = { 'A', 'f', 'g', '7', ' ', '\t', '\0', '!', 0x7f, 0xa0, 0xc9, 0xe9, 0xd7, 0xff };
	char word[] = "Hello, World 42";
	int i;

	for (i = 0; i < sizeof(chars); i++)
		classify(chars[i]);
	for (i = 0; word[i]; i++)
		word[i] = toupper(word[i]);
	pr_info("toupper: %s\n", word);
	for (i = 0; word[i]; i++)
		word[i] = tolower(word[i]);
	pr_info("tolower: %s\n", word);
	pr_info("tolower(0xc9)=0x%02x toupper(0xe9)=0x%02x _tolower('Q')=%c\n", tolower(0xc9), toupper(0xe9), _tolower('Q'));
	pr_info("isodigit: 7=%d 8=%d isascii(0xe9)=%d toascii(0xe9)=0x%02x\n", isodigit('7'), isodigit('8'),
		isascii(0xe9), toascii(0xe9));
	return 0;
}

static void __exit ctype_exit(void)
{
}

module_init(ctype_init);
module_exit(ctype_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ctype.h: Latin-1 character classes");
