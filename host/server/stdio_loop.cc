#include "server/stdio_loop.h"

#include <unistd.h>

#include <cerrno>

#include <array>
#include <boost/asio.hpp>
#include <csignal>
#include <deque>
#include <memory>

#include "handlers/handlers.h"
#include "protocol/envelope.h"
#include "protocol/frame.h"

namespace objector {
namespace {

namespace asio = boost::asio;

// Shared between the Asio loop and the blocking fallback: bytes in, frames out.
class Session {
 public:
  Session(Context& ctx, const Status& caller, std::ostream& diag) : ctx_(ctx), caller_(caller), diag_(diag) {}

  // Feeds bytes; appends the reply frames to `out`. Returns false when the stream is unrecoverable.
  bool Consume(std::string_view bytes, std::string* out) {
    decoder_.Feed(bytes);
    while (auto event = decoder_.Next()) {
      if (!event->status.ok()) {
        out->append(EncodeFrame(ErrorReply(nullptr, event->status)));
        if (event->fatal) {
          diag_ << "objector-host: " << event->status.ToString() << "; closing the stream\n";
          exit_code_ = 1;
          return false;
        }
        continue;
      }
      for (const auto& payload : HandleFrame(ctx_, event->payload, caller_)) out->append(EncodeFrame(payload));
    }
    return true;
  }

  // Called at end of input; returns the exit code.
  int Finish() {
    if (signalled_) return 0;
    if (exit_code_ == 0 && decoder_.InMiddleOfFrame()) {
      diag_ << "objector-host: input ended inside a frame; exiting\n";
      exit_code_ = 1;
    }
    return exit_code_;
  }
  void Fail(int code) { exit_code_ = code; }
  void Signalled() { signalled_ = true; }

 private:
  Context& ctx_;
  const Status& caller_;
  std::ostream& diag_;
  FrameDecoder decoder_;
  int exit_code_ = 0;
  bool signalled_ = false;
};

class AsioLoop {
 public:
  AsioLoop(asio::io_context& io, int in_fd, int out_fd, Session& session, std::ostream& diag)
      : in_(io, ::dup(in_fd)), out_(io, ::dup(out_fd)), signals_(io, SIGINT, SIGTERM), session_(session), diag_(diag) {}

  void Start() {
    out_.non_blocking(true);  // direct writes in Write() must never block the loop
    signals_.async_wait([this](const boost::system::error_code& ec, int) {
      if (ec) return;
      diag_ << "objector-host: stopping on signal\n";
      session_.Signalled();
      Stop();
    });
    Read();
  }

 private:
  void Read() {
    in_.async_read_some(asio::buffer(buf_), [this](const boost::system::error_code& ec, size_t n) {
      if (ec) {  // EOF or a closed pipe
        closing_ = true;
        if (!writing_) Stop();
        return;
      }
      std::string replies;
      bool keep = session_.Consume(std::string_view(buf_.data(), n), &replies);
      if (!keep) closing_ = true;
      if (replies.empty()) {
        if (closing_) Stop(); else Read();
        return;
      }
      Write(std::move(replies));
    });
  }

  void Write(std::string bytes) {
    pending_ = std::move(bytes);
    // Most replies fit in the pipe: write them now and skip a trip through the event queue.
    size_t done = 0;
    while (done < pending_.size()) {
      ssize_t n = ::write(out_.native_handle(), pending_.data() + done, pending_.size() - done);
      if (n > 0) {
        done += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        break;  // EAGAIN (the browser is slow to read) or an error: let Asio wait or report it
      }
    }
    if (done == pending_.size()) {
      if (closing_) Stop(); else Read();
      return;
    }
    pending_.erase(0, done);
    writing_ = true;
    asio::async_write(out_, asio::buffer(pending_), [this](const boost::system::error_code& ec, size_t) {
      writing_ = false;
      if (ec) {
        diag_ << "objector-host: cannot write to the browser (" << ec.message() << "); exiting\n";
        session_.Fail(1);
        Stop();
        return;
      }
      if (closing_) Stop(); else Read();
    });
  }

  void Stop() {
    boost::system::error_code ignored;
    signals_.cancel(ignored);
    in_.close(ignored);
    out_.close(ignored);
  }

  asio::posix::stream_descriptor in_;
  asio::posix::stream_descriptor out_;
  asio::signal_set signals_;
  Session& session_;
  std::ostream& diag_;
  std::array<char, 64 * 1024> buf_{};
  std::string pending_;
  bool writing_ = false;
  bool closing_ = false;
};

bool WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// For inputs epoll cannot watch (a regular file given as stdin by a script): plain blocking reads.
int RunBlocking(Session& session, int in_fd, int out_fd, std::ostream& diag) {
  std::array<char, 64 * 1024> buf{};
  for (;;) {
    ssize_t n = ::read(in_fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    std::string replies;
    bool keep = session.Consume(std::string_view(buf.data(), static_cast<size_t>(n)), &replies);
    if (!replies.empty() && !WriteAll(out_fd, replies)) {
      diag << "objector-host: cannot write to the browser; exiting\n";
      session.Fail(1);
      return 1;
    }
    if (!keep) break;
  }
  return session.Finish();
}

}  // namespace

int RunStdioLoop(Context& ctx, int in_fd, int out_fd, const Status& caller_status, std::ostream& diag) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed browser end is an error code, not a silent death
  Session session(ctx, caller_status, diag);
  asio::io_context io(1);  // one thread: lets Asio skip its locking
  try {
    AsioLoop loop(io, in_fd, out_fd, session, diag);
    loop.Start();
    io.run();
  } catch (const boost::system::system_error& e) {
    if (e.code() == boost::system::errc::operation_not_permitted) return RunBlocking(session, in_fd, out_fd, diag);
    diag << "objector-host: " << e.what() << "\n";
    return 1;
  }
  return session.Finish();
}

}  // namespace objector
