# Assembles emu's kernel build directory (cmake -P, run by the build):
#   cmake -DSRC=<source tree> -DKDIR=<kdir> -DLIBDIR=<lib/emu> -P kdir.cmake
# It copies the Makefiles and the guest headers, and writes what a Linux
# build directory has generated: .config's C twin include/generated/autoconf.h
# and include/config/kernel.release.
file(REMOVE_RECURSE ${KDIR}/include ${KDIR}/scripts/Makefile.build ${KDIR}/scripts/Makefile.modpost
     ${KDIR}/scripts/Makefile.clean ${KDIR}/scripts/Kbuild.include)
file(COPY ${SRC}/kernel/include/ DESTINATION ${KDIR}/include)
file(COPY ${SRC}/kernel/kbuild/scripts/ DESTINATION ${KDIR}/scripts)
file(COPY ${SRC}/kernel/kbuild/Makefile DESTINATION ${KDIR})
configure_file(${SRC}/kernel/kbuild/config ${KDIR}/.config COPYONLY)
file(COPY ${SRC}/emu/user/usershim.c DESTINATION ${LIBDIR}/user)

set(autoconf "/* emu's kernel configuration (.config), for C. */\n")
file(STRINGS ${SRC}/kernel/kbuild/config lines REGEX "^CONFIG_[A-Za-z0-9_]+=")
foreach(line IN LISTS lines)
  string(REGEX MATCH "^(CONFIG_[A-Za-z0-9_]+)=(.*)$" _ "${line}")
  set(name ${CMAKE_MATCH_1})
  set(value ${CMAKE_MATCH_2})
  if(value STREQUAL "y")
    string(APPEND autoconf "#define ${name} 1\n")
  elseif(value STREQUAL "m")
    string(APPEND autoconf "#define ${name}_MODULE 1\n")
  elseif(name STREQUAL "CONFIG_HZ")
    # make CONFIG_HZ=N (emu build --hz N) passes -DCONFIG_HZ=N: that one wins.
    string(APPEND autoconf "#ifndef CONFIG_HZ\n#define CONFIG_HZ ${value}\n#endif\n")
  else()
    string(APPEND autoconf "#define ${name} ${value}\n")
  endif()
endforeach()
file(WRITE ${KDIR}/include/generated/autoconf.h "${autoconf}")

file(STRINGS ${SRC}/kernel/include/generated/utsrelease.h release REGEX "^#define UTS_RELEASE ")
string(REGEX REPLACE "^#define UTS_RELEASE \"([^\"]*)\".*" "\\1" release "${release}")
file(WRITE ${KDIR}/include/config/kernel.release "${release}\n")
