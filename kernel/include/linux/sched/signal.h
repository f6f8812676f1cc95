#include "../sched.h"
#include "../pid.h"
