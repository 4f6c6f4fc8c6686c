// Small, real-looking records and temp folders shared by the unit tests.
#ifndef OBJECTOR_TESTING_FIXTURES_H_
#define OBJECTOR_TESTING_FIXTURES_H_

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "store/records.h"

namespace objector::testing {

// A fresh empty directory under /tmp, removed when the object dies.
class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/objector-test-XXXXXX";
    path_ = mkdtemp(tmpl) ? tmpl : "";
  }
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `fn` as an unprivileged user and returns what it returned. As root (where permission bits
// do not stop a write) `fn` runs in a child process as nobody (65534); `dir` is opened to it and
// `writable` files are handed to it. Otherwise `fn` runs here. Files the test wants read-only are
// chmod 0444 and owned by the test, so neither root's child nor the test's own user may write them.
inline std::string AsUnprivileged(const std::string& dir, const std::vector<std::string>& writable,
                                  const std::function<std::string()>& fn) {
  if (geteuid() != 0) return fn();
  chmod(dir.c_str(), 0777);
  for (const auto& f : writable) {
    if (chown(f.c_str(), 65534, 65534) != 0) return "chown failed";
  }
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string out = (setgid(65534) == 0 && setuid(65534) == 0) ? fn() : "setuid failed";
    ssize_t n = write(fds[1], out.data(), out.size());
    (void)n;
    _exit(0);
  }
  close(fds[1]);
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  waitpid(pid, nullptr, 0);
  return out;
}

inline nlohmann::json SubmissionJson(const std::string& client_id = "3b241101-e2bb-4255-8caf-4136c566a962") {
  return {{"client_id", client_id},
          {"platform", "facebook"},
          {"form_kind", "own"},
          {"form_url", "https://www.facebook.com/help/contact/6359191084165019"},
          {"form_id", "6359191084165019"},
          {"account_email", "anna.schmidt@example.de"},
          {"country", "DE"},
          {"justification_text", "Ich widerspreche der Nutzung meiner Daten für KI bei Meta."},
          {"page_language", "de"},
          {"browser", "chromium 156"},
          {"extension_version", "0.1.0"},
          {"status", "submitted"},
          {"occurred_at", "2026-11-25T16:54:06Z"},
          {"utc_offset_minutes", 60}};
}

inline Event MakeEvent(const std::string& client_event_id, const std::string& client_id, const std::string& status,
                       const std::string& reason, const std::string& occurred_at, int utc_offset_minutes) {
  Event e;
  e.client_event_id = client_event_id;
  e.client_id = client_id;
  e.status = status;
  e.reason = reason;
  e.occurred_at = occurred_at;
  e.utc_offset_minutes = utc_offset_minutes;
  return e;
}

inline Submission SampleSubmission(const std::string& client_id = "3b241101-e2bb-4255-8caf-4136c566a962",
                                   const std::string& occurred_at = "2026-11-25T16:54:06Z") {
  Submission s;
  s.client_id = client_id;
  s.platform = "facebook";
  s.form_kind = "own";
  s.form_url = "https://www.facebook.com/help/contact/6359191084165019";
  s.form_id = "6359191084165019";
  s.account_email = "anna.schmidt@example.de";
  s.country = "DE";
  s.justification_text = "Ich widerspreche der Nutzung meiner Daten für KI bei Meta.";
  s.page_language = "de";
  s.browser = "chromium 156";
  s.extension_version = "0.1.0";
  s.status = "submitted";
  s.occurred_at = occurred_at;
  s.utc_offset_minutes = 60;
  return s;
}

}  // namespace objector::testing

#endif  // OBJECTOR_TESTING_FIXTURES_H_
