#include "smp.h"
