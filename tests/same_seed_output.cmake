# Two `emu run` processes with the same --seed print byte-identical output
# for a module that prints pointers (%p hashes where a pointer lies, with a
# key from the seed, never the host address ASLR moves); another seed
# changes the ids, as another boot's key does on 6.1.
#   cmake -DEMU=<emu> -DSRC=<tests/abi/printk_formats> -DOUT=<dir> -P same_seed_output.cmake
# (runs SRC/same_seed.scn three times: --seed 42 twice, then 43)
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
execute_process(COMMAND ${EMU} build ${SRC} -o ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building ${SRC} failed")
endif()
foreach(run a b c)
  set(seed 42)
  if(run STREQUAL "c")
    set(seed 43)
  endif()
  execute_process(COMMAND ${EMU} run ${SRC}/same_seed.scn --root ${OUT} --seed ${seed}
                  OUTPUT_VARIABLE out_${run} ERROR_VARIABLE out_${run} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "run ${run} (--seed ${seed}) failed (exit ${rc}):\n${out_${run}}")
  endif()
endforeach()
if(NOT out_a STREQUAL out_b)
  message(FATAL_ERROR "two runs with --seed 42 differ:\n--- first\n${out_a}\n--- second\n${out_b}")
endif()
string(REGEX MATCH "static=[0-9a-f]+" id_a "${out_a}")
string(REGEX MATCH "static=[0-9a-f]+" id_c "${out_c}")
if(id_a STREQUAL "" OR id_a STREQUAL id_c)
  message(FATAL_ERROR "%p printed '${id_a}' with --seed 42 and '${id_c}' with --seed 43: the key must come from the seed")
endif()
