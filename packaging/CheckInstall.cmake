# ctest: `cmake --install` into a scratch prefix puts every desktop-integration file where the freedesktop
# specifications look for it. Run as: cmake -DBUILD=<build dir> -DPREFIX=<scratch dir> -P CheckInstall.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX} RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
set(expected bin/aedyn-cli
             share/applications/org.aedyn.AEDyn.desktop
             share/metainfo/org.aedyn.AEDyn.metainfo.xml
             share/mime/packages/org.aedyn.AEDyn.xml
             share/icons/hicolor/scalable/apps/org.aedyn.AEDyn.svg
             share/doc/aedyn/copyright share/doc/aedyn/changelog.Debian.gz
             share/doc/aedyn/examples/finite-size.sweep
             share/man/man1/aedyn-cli.1.gz)
# A build without the GUI (-DAEDYN_BUILD_GUI=OFF, e.g. a sanitizer build of the core) installs no aedyn.
if(GUI)
  list(APPEND expected bin/aedyn share/man/man1/aedyn.1.gz)
endif()
foreach(f ${expected})
  if(NOT EXISTS ${PREFIX}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(REMOVE_RECURSE ${PREFIX})
