# Helpers shared by every target: warnings, the LibTorch precompiled header.

# wb_set_warnings(target): the same warning set everywhere.
function(wb_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
endfunction()

# One precompiled header for all torch translation units (wb::train, its tests, the CLI).
# Each TU that includes <torch/torch.h> otherwise costs ~20 s and 1.2 GB to compile.
add_library(wb_torch_pch INTERFACE)
target_link_libraries(wb_torch_pch INTERFACE ${TORCH_LIBRARIES})
target_compile_options(wb_torch_pch INTERFACE ${TORCH_CXX_FLAGS})

# wb_use_torch_pch(target): link LibTorch and reuse the shared precompiled header.
set(_wb_pch_owner "" CACHE INTERNAL "")
function(wb_use_torch_pch target)
  target_link_libraries(${target} PRIVATE wb_torch_pch)
  if(NOT WB_USE_PCH)
    return()
  endif()
  get_property(owner GLOBAL PROPERTY WB_TORCH_PCH_OWNER)
  if(NOT owner)
    target_precompile_headers(${target} PRIVATE <torch/torch.h>)
    set_property(GLOBAL PROPERTY WB_TORCH_PCH_OWNER ${target})
  else()
    target_precompile_headers(${target} REUSE_FROM ${owner})
  endif()
endfunction()
