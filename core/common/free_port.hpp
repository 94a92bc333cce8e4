// A TCP port for a rendezvous that nothing else holds: `--nproc` ranks meet on it, and so do the
// tests' rank processes.
#pragma once

namespace wb {

// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick). std::runtime_error when
// no socket can be bound.
int free_tcp_port();

}  // namespace wb
