// workbench-cli: the headless front end (local runs, remote nodes, clusters). See core/cli/.
#include "cli/cli_context.hpp"

int main(int argc, char** argv) { return wb::run_cli(argc, argv); }
