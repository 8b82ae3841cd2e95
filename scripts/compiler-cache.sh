# Sourced by the build scripts (needs $root, the checkout). When ccache is installed, compiles go
# through it with paths taken relative to the checkout, so another clone of the same sources (a
# CI run, a second worktree) reuses the objects of the first instead of compiling them again.
# CMake reads the launcher from the environment when it first configures a build folder.
if command -v ccache >/dev/null 2>&1; then
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR=$root CCACHE_NOHASHDIR=true
fi
