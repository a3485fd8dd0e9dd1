# ctest: `cmake --install` into a scratch prefix puts every desktop-integration file where the freedesktop
# specifications look for it. Run as: cmake -DBUILD=<build dir> -DPREFIX=<scratch dir> -P CheckInstall.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
foreach(f bin/aedyn bin/aedyn-cli
          share/applications/org.aedyn.AEDyn.desktop
          share/metainfo/org.aedyn.AEDyn.metainfo.xml
          share/mime/packages/org.aedyn.AEDyn.xml
          share/icons/hicolor/scalable/apps/org.aedyn.AEDyn.svg)
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(REMOVE_RECURSE ${PREFIX})
