#include "fixture_site.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace objector::e2e {
namespace {

struct OutcomeInfo {
  Outcome outcome;
  const char* name;
  const char* fragment;  // file in fixtures/outcomes/, empty for kAuto
  int status;
};

constexpr OutcomeInfo kOutcomes[] = {
    {Outcome::kAuto, "auto", "", 200},
    {Outcome::kConfirmation, "confirmation", "confirmation.html", 200},
    {Outcome::kCode, "code", "code.html", 200},
    {Outcome::kValidation, "validation", "validation-error.html", 200},
    {Outcome::kServerError, "server-error", "server-error.html", 500},
};

const OutcomeInfo& InfoOf(Outcome outcome) {
  for (const auto& info : kOutcomes) {
    if (info.outcome == outcome) return info;
  }
  return kOutcomes[0];
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string WithoutTrailingSlash(const std::string& path) {
  if (path.size() > 1 && path.back() == '/') return path.substr(0, path.size() - 1);
  return path;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// "de-de.facebook.com" → "facebook.com" (Meta's sites have two-label names).
std::string SiteOf(const std::string& host) {
  const auto last = host.rfind('.');
  if (last == std::string::npos || last == 0) return host;
  const auto before = host.rfind('.', last - 1);
  return before == std::string::npos ? host : host.substr(before + 1);
}

bool FileExists(const std::string& path) { return std::ifstream(path).good(); }

// Splits "https://host/path?query" into host and path. Returns false when it is not https.
bool SplitUrl(const std::string& url, std::string* host, std::string* path) {
  const std::string scheme = "https://";
  if (url.compare(0, scheme.size(), scheme) != 0) return false;
  const auto rest = url.substr(scheme.size());
  const auto slash = rest.find('/');
  *host = Lower(rest.substr(0, slash));
  std::string p = slash == std::string::npos ? "/" : rest.substr(slash);
  const auto cut = p.find_first_of("?#");
  if (cut != std::string::npos) p = p.substr(0, cut);
  *path = p.empty() ? "/" : p;
  return !host->empty() && host->find(':') == std::string::npos;
}

// Meta requires an email address in every round of the form.
bool HasEmailLikeValue(const Fields& fields) {
  for (const auto& [name, value] : fields) {
    const auto at = value.find('@');
    if (at != std::string::npos && at > 0 && value.find('.', at) != std::string::npos &&
        value.find(' ') == std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Outcome> ParseOutcome(const std::string& name) {
  for (const auto& info : kOutcomes) {
    if (name == info.name) return info.outcome;
  }
  return std::nullopt;
}

const char* OutcomeName(Outcome outcome) { return InfoOf(outcome).name; }

bool Site::Load(const std::string& fixtures_dir, std::string* err) {
  fixtures_dir_ = fixtures_dir;
  pages_.clear();
  const std::string index = fixtures_dir + "/pages.json";
  std::string text;
  if (!ReadFile(index, &text)) {
    *err = "cannot read " + index + " (the fixture pages' index)";
    return false;
  }
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    *err = index + " is not valid JSON";
    return false;
  }
  const nlohmann::json* list = &doc;
  if (doc.is_object() && doc.contains("pages")) list = &doc["pages"];
  if (!list->is_array()) {
    *err = index + ": expected an array of pages (or {\"pages\": [...]})";
    return false;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& entry = (*list)[i];
    const std::string where = index + " entry " + std::to_string(i);
    if (!entry.is_object() || !entry.contains("url") || !entry["url"].is_string() ||
        !entry.contains("file") || !entry["file"].is_string()) {
      *err = where + ": needs string fields \"url\" and \"file\"";
      return false;
    }
    Page page;
    if (!SplitUrl(entry["url"].get<std::string>(), &page.host, &page.path)) {
      *err = where + ": url must be https://host/path without a port";
      return false;
    }
    page.file = fixtures_dir + "/" + entry["file"].get<std::string>();
    if (entry.contains("language") && entry["language"].is_string()) {
      page.language = entry["language"].get<std::string>();
    }
    if (!FileExists(page.file)) {
      *err = where + ": file " + page.file + " does not exist";
      return false;
    }
    pages_.push_back(std::move(page));
  }
  return true;
}

const Page* Site::Find(const std::string& host, const std::string& path) const {
  const std::string h = Lower(host);
  for (const auto& page : pages_) {
    if (page.host == h && page.path == path) return &page;
  }
  const std::string p = WithoutTrailingSlash(path);
  for (const auto& page : pages_) {
    if (page.host == h && WithoutTrailingSlash(page.path) == p) return &page;
  }
  const std::string site = SiteOf(h);
  const Page* any = nullptr;
  for (const auto& page : pages_) {
    if (SiteOf(page.host) != site || WithoutTrailingSlash(page.path) != p) continue;
    if (page.language == "en") return &page;
    if (!any) any = &page;
  }
  return any;
}

std::vector<std::string> Site::Hosts() const {
  std::set<std::string> hosts;
  for (const auto& page : pages_) hosts.insert(page.host);
  return {hosts.begin(), hosts.end()};
}

const Page* Site::FindByUrl(const std::string& url) const {
  std::string host, path;
  if (!SplitUrl(url, &host, &path)) return nullptr;
  return Find(host, path);
}

Answer Site::AnswerSubmit(Outcome outcome, const Fields& fields, const std::string& language) const {
  if (outcome == Outcome::kAuto) {
    const bool code = fields.count("code") > 0;
    outcome = code || HasEmailLikeValue(fields) ? Outcome::kConfirmation : Outcome::kValidation;
  }
  const auto& info = InfoOf(outcome);
  std::string file = fixtures_dir_ + "/outcomes/" + info.fragment;
  const bool safe_language = !language.empty() && language.size() <= 8 &&
                             language.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos;
  if (safe_language) {
    const std::string localized = fixtures_dir_ + "/outcomes/" + language + "/" + info.fragment;
    if (FileExists(localized)) file = localized;
  }
  Answer answer;
  answer.status = info.status;
  if (!ReadFile(file, &answer.body)) {
    answer.status = 500;
    answer.content_type = "text/plain; charset=utf-8";
    answer.body = "fixture server: missing outcome fragment " + file;
  }
  return answer;
}

Fields ParseFormBody(const std::string& body) {
  auto decode = [](const std::string& in) {
    std::string out;
    for (std::size_t i = 0; i < in.size(); ++i) {
      const char c = in[i];
      if (c == '+') {
        out += ' ';
      } else if (c == '%' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
                 std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
        out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += c;
      }
    }
    return out;
  };
  Fields fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    auto end = body.find('&', start);
    if (end == std::string::npos) end = body.size();
    const std::string pair = body.substr(start, end - start);
    if (!pair.empty()) {
      const auto eq = pair.find('=');
      fields.emplace(decode(pair.substr(0, eq)),
                     eq == std::string::npos ? std::string() : decode(pair.substr(eq + 1)));
    }
    start = end + 1;
  }
  return fields;
}

std::string HostWithoutPort(const std::string& host_header) {
  std::string host = host_header;
  if (!host.empty() && host.front() == '[') {
    const auto end = host.find(']');
    return Lower(host.substr(0, end == std::string::npos ? host.size() : end + 1));
  }
  const auto colon = host.find(':');
  if (colon != std::string::npos) host = host.substr(0, colon);
  return Lower(host);
}

std::string LogLine(const std::string& method, const std::string& host, const std::string& path,
                    int status, const Fields& fields) {
  std::string line = method + " " + host + path + " -> " + std::to_string(status);
  if (!fields.empty()) {
    line += " fields:";
    std::string last;
    for (const auto& [name, value] : fields) {
      if (name == last) continue;
      line += " " + name;
      last = name;
    }
  }
  return line;
}

void SubmissionLog::Add(Submission submission) {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.push_back(std::move(submission));
}

std::vector<Submission> SubmissionLog::All() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return items_;
}

void SubmissionLog::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  items_.clear();
}

}  // namespace objector::e2e
