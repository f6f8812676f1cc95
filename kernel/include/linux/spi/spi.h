#ifndef __LINUX_SPI_H
#define __LINUX_SPI_H
/* SPI (6.1 include/linux/spi/spi.h). emu's machine has no SPI controller: a
 * driver's spi_driver and transfers build, and the SPI core's calls are
 * declared only, so a module using them fails to load with "Unknown symbol
 * NAME" (__spi_register_driver, spi_sync, spi_setup, ...). */
#include "../mod_devicetable.h"
#include "../device.h"
#include "../list.h"
#include "../completion.h"

#define SPI_CPHA (1UL << 0)
#define SPI_CPOL (1UL << 1)
#define SPI_MODE_0 (0 | 0)
#define SPI_MODE_1 (0 | SPI_CPHA)
#define SPI_MODE_2 (SPI_CPOL | 0)
#define SPI_MODE_3 (SPI_CPOL | SPI_CPHA)
#define SPI_CS_HIGH (1UL << 2)
#define SPI_LSB_FIRST (1UL << 3)
#define SPI_3WIRE (1UL << 4)
#define SPI_LOOP (1UL << 5)
#define SPI_NO_CS (1UL << 6)
#define SPI_READY (1UL << 7)
#define SPI_TX_DUAL (1UL << 8)
#define SPI_TX_QUAD (1UL << 9)
#define SPI_RX_DUAL (1UL << 10)
#define SPI_RX_QUAD (1UL << 11)

struct spi_controller;
struct spi_device {
	struct device dev;
	struct spi_controller *controller;
	struct spi_controller *master;
	u32 max_speed_hz;
	u8 chip_select;
	u8 bits_per_word;
	bool rt;
	u32 mode;
	int irq;
	void *controller_state;
	void *controller_data;
	char modalias[SPI_NAME_SIZE];
	const char *driver_override;
};
static inline struct spi_device *to_spi_device(struct device *dev)
{ return dev ? container_of(dev, struct spi_device, dev) : NULL; }
static inline void spi_set_drvdata(struct spi_device *spi, void *data) { dev_set_drvdata(&spi->dev, data); }
static inline void *spi_get_drvdata(struct spi_device *spi) { return dev_get_drvdata(&spi->dev); }

struct spi_driver {
	const struct spi_device_id *id_table;
	int (*probe)(struct spi_device *spi);
	void (*remove)(struct spi_device *spi);
	void (*shutdown)(struct spi_device *spi);
	struct device_driver driver;
};

struct spi_transfer {
	const void *tx_buf;
	void *rx_buf;
	unsigned len;
	u64 tx_dma;
	u64 rx_dma;
	unsigned cs_change : 1;
	unsigned tx_nbits : 3;
	unsigned rx_nbits : 3;
	u8 bits_per_word;
	u32 speed_hz;
	struct list_head transfer_list;
};
struct spi_message {
	struct list_head transfers;
	struct spi_device *spi;
	unsigned is_dma_mapped : 1;
	void (*complete)(void *context);
	void *context;
	unsigned frame_length;
	unsigned actual_length;
	int status;
	struct list_head queue;
	void *state;
};

EMU_BEGIN_DECLS
int __spi_register_driver(struct module *owner, struct spi_driver *sdrv);
int spi_setup(struct spi_device *spi);
int spi_async(struct spi_device *spi, struct spi_message *message);
int spi_sync(struct spi_device *spi, struct spi_message *message);
int spi_write_then_read(struct spi_device *spi, const void *txbuf, unsigned n_tx, void *rxbuf, unsigned n_rx);
EMU_END_DECLS

static inline void spi_unregister_driver(struct spi_driver *sdrv) { if (sdrv) driver_unregister(&sdrv->driver); }
#define spi_register_driver(driver) __spi_register_driver(THIS_MODULE, driver)
#define module_spi_driver(__spi_driver) module_driver(__spi_driver, spi_register_driver, spi_unregister_driver)

static inline void spi_message_init_no_memset(struct spi_message *m)
{ INIT_LIST_HEAD(&m->transfers); INIT_LIST_HEAD(&m->queue); }
static inline void spi_message_init(struct spi_message *m)
{ memset(m, 0, sizeof *m); spi_message_init_no_memset(m); }
static inline void spi_message_add_tail(struct spi_transfer *t, struct spi_message *m)
{ list_add_tail(&t->transfer_list, &m->transfers); }
static inline void spi_message_init_with_transfers(struct spi_message *m, struct spi_transfer *xfers,
                                                   unsigned int num_xfers)
{
	unsigned int i;
	spi_message_init(m);
	for (i = 0; i < num_xfers; ++i)
		spi_message_add_tail(&xfers[i], m);
}
static inline int spi_sync_transfer(struct spi_device *spi, struct spi_transfer *xfers, unsigned int num_xfers)
{
	struct spi_message msg;
	spi_message_init_with_transfers(&msg, xfers, num_xfers);
	return spi_sync(spi, &msg);
}
static inline int spi_write(struct spi_device *spi, const void *buf, size_t len)
{ struct spi_transfer t = { .tx_buf = buf, .len = len, }; return spi_sync_transfer(spi, &t, 1); }
static inline int spi_read(struct spi_device *spi, void *buf, size_t len)
{ struct spi_transfer t = { .rx_buf = buf, .len = len, }; return spi_sync_transfer(spi, &t, 1); }
static inline ssize_t spi_w8r8(struct spi_device *spi, u8 cmd)
{
	ssize_t status;
	u8 result;
	status = spi_write_then_read(spi, &cmd, 1, &result, 1);
	return (status < 0) ? status : result;
}
#endif
