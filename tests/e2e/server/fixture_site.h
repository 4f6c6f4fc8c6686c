// The fixture site: Meta's pages from tests/fixtures/pages.json, found by host and path, and the
// answers Meta gives to a help-centre form POST. Pure logic, no sockets: main.cc wires it to
// cpp-httplib. Nothing here logs or keeps field values except SubmissionLog, which holds them in
// memory for the test that asked (behind the control secret) and never writes them anywhere.
#ifndef OBJECTOR_TESTS_E2E_FIXTURE_SITE_H_
#define OBJECTOR_TESTS_E2E_FIXTURE_SITE_H_

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace objector::e2e {

// One fixture page served at its production address.
struct Page {
  std::string host;  // "www.facebook.com"
  std::string path;  // "/help/contact/6359191084165019"
  std::string file;  // absolute path of the HTML file
  std::string language;  // "de" (from the index; "" when not given)
};

// How the server answers POST /ajax/help/contact/submit/page.
enum class Outcome {
  kAuto,          // validate like Meta: missing/invalid email → validation error, else confirmation
  kConfirmation,  // "your request will be applied going forward"
  kCode,          // the 2024 step: Meta mailed a one-time code
  kValidation,    // the form is refused with a field error
  kServerError,   // HTTP 500 with Meta's generic error text
};
std::optional<Outcome> ParseOutcome(const std::string& name);
const char* OutcomeName(Outcome outcome);

// An HTTP answer: status, content type, body.
struct Answer {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
};

using Fields = std::multimap<std::string, std::string>;

class Site {
 public:
  // Reads `fixtures_dir`/pages.json and checks every listed file exists. On failure returns false
  // and sets *err to a sentence naming the entry at fault.
  bool Load(const std::string& fixtures_dir, std::string* err);

  // The page for host+path, or nullptr. A trailing slash is not significant ("/privacy/genai"
  // and "/privacy/genai/" are the same page unless both are listed). As on Meta's site, a path
  // listed on one locale host of a site is served on its other hosts too (www.facebook.com,
  // de-de.facebook.com, ...): exact host first, then the English page of that site, then any.
  const Page* Find(const std::string& host, const std::string& path) const;

  // Every host name the fixtures use, sorted, without duplicates (for the certificate's SAN and
  // the browsers' host mapping).
  std::vector<std::string> Hosts() const;

  const std::vector<Page>& pages() const { return pages_; }

  // The page a Referer header names ("https://de-de.facebook.com/help/contact/1?x" → that page),
  // or nullptr.
  const Page* FindByUrl(const std::string& url) const;

  // The answer to a form POST under `outcome`, in `language` when the fixtures have that
  // language's fragment (outcomes/<language>/<file>), else English (outcomes/<file>). A missing
  // fragment is an answer of status 500 naming the file, so a test sees why. Under kAuto a POST
  // of the one-time code is confirmed; any other POST needs an email address.
  Answer AnswerSubmit(Outcome outcome, const Fields& fields, const std::string& language = "") const;

 private:
  std::string fixtures_dir_;
  std::vector<Page> pages_;
};

// Parses an application/x-www-form-urlencoded body ("a=1&b=x%40y+z"). Malformed escapes are
// kept literally, as browsers' servers do.
Fields ParseFormBody(const std::string& body);

// Host header without port, lower case ("www.facebook.com:8443" → "www.facebook.com").
std::string HostWithoutPort(const std::string& host_header);

// A log line that carries no personal data: method, host, path, status and, for POSTs, the field
// NAMES only (never values).
std::string LogLine(const std::string& method, const std::string& host, const std::string& path,
                    int status, const Fields& fields);

// The submissions received, kept in memory for the control endpoint. Thread-safe.
struct Submission {
  std::string host;
  std::string path;
  std::string outcome;
  int status = 0;
  Fields fields;
  std::string page;  // the page that sent it (from Referer), "" when unknown
};
class SubmissionLog {
 public:
  void Add(Submission submission);
  std::vector<Submission> All() const;
  void Clear();

 private:
  mutable std::mutex mutex_;
  std::vector<Submission> items_;
};

}  // namespace objector::e2e

#endif  // OBJECTOR_TESTS_E2E_FIXTURE_SITE_H_
