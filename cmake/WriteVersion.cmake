# Writes generated/potline/version.hpp with the git commit of the source tree. Run as a build step
# (cmake -P) on every build, so --version and every manifest name the commit the binary was built
# from, not the one of the last configure. configure_file rewrites the header only when its text
# changes, so an unchanged commit rebuilds nothing.
# Inputs: SOURCE_DIR, TEMPLATE, OUTPUT, PROJECT_VERSION.
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${SOURCE_DIR}
  OUTPUT_VARIABLE POTLINE_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT POTLINE_GIT_COMMIT)
  set(POTLINE_GIT_COMMIT "unknown")
endif()
configure_file(${TEMPLATE} ${OUTPUT} @ONLY)
