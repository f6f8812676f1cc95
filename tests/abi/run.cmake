# One conformance test (tests/abi/NAME/): build the module the way MODE says,
# then run its scenario against the result.
#   cmake -DEMU=<emu> -DSRC=<tests/abi/NAME> -DOUT=<dir> -DMODE=make|emu-build -P run.cmake
# MODE=make: make -C $(emu kdir) M=SRC MO=OUT modules, as a student's Makefile does;
# MODE=emu-build: emu build SRC -o OUT. A failed build or scenario fails the test.
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
if(MODE STREQUAL "make")
  execute_process(COMMAND ${EMU} kdir OUTPUT_VARIABLE kdir OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "emu kdir failed")
  endif()
  execute_process(COMMAND make -C ${kdir} M=${SRC} MO=${OUT} modules RESULT_VARIABLE rc)
else()
  execute_process(COMMAND ${EMU} build ${SRC} -o ${OUT} RESULT_VARIABLE rc)
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${SRC} (${MODE}) failed")
endif()
# A user program of the test, if it has one: user/*.c -> OUT/NAME (the file's name).
file(GLOB programs ${SRC}/user/*.c)
foreach(p ${programs})
  get_filename_component(name ${p} NAME_WE)
  execute_process(COMMAND ${EMU} build --user ${p} -o ${OUT}/${name} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "building the user program ${p} failed")
  endif()
endforeach()
# Machine options of the test, if it needs any (--cpus 64, --cost NAME=N): one line in SRC/options.
set(options)
if(EXISTS ${SRC}/options)
  file(STRINGS ${SRC}/options options_line LIMIT_COUNT 1)
  separate_arguments(options UNIX_COMMAND "${options_line}")
endif()
execute_process(COMMAND ${EMU} run ${SRC}/check.scn --root ${OUT} ${options} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SRC}/check.scn failed (exit ${rc}) on the module built by ${MODE}")
endif()
