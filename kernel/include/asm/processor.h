#include "../linux/smp.h"
