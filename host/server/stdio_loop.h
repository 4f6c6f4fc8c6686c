// The host's message loop: frames in on one file descriptor, reply frames out on another, on a
// Boost.Asio event loop that also handles SIGTERM/SIGINT. Requests are answered one at a time, in
// order; a reply is written only after its handler (and so its database commit) finished.
//
// Returns the process exit code: 0 when the input closed at a frame boundary or a signal arrived;
// 1 when the stream could not be recovered (oversized frame, input cut inside a frame, output
// closed). Every such case writes one line to `diag` (stderr); nothing but frames goes to `out_fd`.
#ifndef OBJECTOR_SERVER_STDIO_LOOP_H_
#define OBJECTOR_SERVER_STDIO_LOOP_H_

#include <ostream>

#include "base/status.h"
#include "handlers/context.h"

namespace objector {

int RunStdioLoop(Context& ctx, int in_fd, int out_fd, const Status& caller_status, std::ostream& diag);

}  // namespace objector

#endif  // OBJECTOR_SERVER_STDIO_LOOP_H_
