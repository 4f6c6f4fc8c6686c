// objector-fixture-server: Meta's pages at their production paths over HTTPS on 127.0.0.1, for the
// end-to-end tests. Browsers reach it as https://www.facebook.com/... through a host mapping (Chromium)
// or a CONNECT proxy (Firefox) and trust it through a throwaway test CA made at test time.
//
//   objector-fixture-server --fixtures DIR --cert CHAIN.pem --key KEY.pem --secret-file FILE
//                           [--port N] [--control-port N] [--exit-on-stdin-eof]
//
// With --exit-on-stdin-eof the server stops when its standard input closes, so a test runner that
// dies (or is killed) never leaves a server behind.
// Prints one JSON line on stdout once both ports listen: {"https_port": N, "control_port": M}.
// The control port (plain HTTP, 127.0.0.1 only) needs "Authorization: Bearer <secret>":
//   PUT /outcome (body: auto|confirmation|code|validation|server-error), GET|DELETE /submissions,
//   GET /requests, GET /pages, POST /shutdown.
// Logs (stderr) name method, host, path, status and field names; never field values.
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "fixture_site.h"

namespace {

using objector::e2e::Answer;
using objector::e2e::Fields;
using objector::e2e::Outcome;
using objector::e2e::Site;
using objector::e2e::Submission;
using objector::e2e::SubmissionLog;

constexpr char kSubmitPath[] = "/ajax/help/contact/submit/page";

struct Options {
  std::string fixtures, cert, key, secret_file;
  int port = 0, control_port = 0;
  bool exit_on_stdin_eof = false;
};

bool ParseArgs(int argc, char** argv, Options* o, std::string* err) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--exit-on-stdin-eof") {
      o->exit_on_stdin_eof = true;
      continue;
    }
    if (i + 1 >= argc) {
      *err = "missing value after " + arg;
      return false;
    }
    const std::string value = argv[++i];
    if (arg == "--fixtures") o->fixtures = value;
    else if (arg == "--cert") o->cert = value;
    else if (arg == "--key") o->key = value;
    else if (arg == "--secret-file") o->secret_file = value;
    else if (arg == "--port") o->port = std::stoi(value);
    else if (arg == "--control-port") o->control_port = std::stoi(value);
    else {
      *err = "unknown option " + arg;
      return false;
    }
  }
  if (o->fixtures.empty() || o->cert.empty() || o->key.empty() || o->secret_file.empty()) {
    *err = "--fixtures, --cert, --key and --secret-file are required";
    return false;
  }
  return true;
}

bool ReadSecret(const std::string& path, std::string* secret) {
  std::ifstream in(path);
  if (!in || !std::getline(in, *secret)) return false;
  return secret->size() >= 16;
}

bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

struct RequestRecord {
  std::string method, host, path;
  int status;
};

class State {
 public:
  void SetOutcome(Outcome o) {
    std::lock_guard<std::mutex> lock(mutex_);
    outcome_ = o;
  }
  Outcome outcome() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return outcome_;
  }
  void Record(RequestRecord r) {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(std::move(r));
  }
  nlohmann::json Requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto list = nlohmann::json::array();
    for (const auto& r : requests_) {
      list.push_back({{"method", r.method}, {"host", r.host}, {"path", r.path}, {"status", r.status}});
    }
    return list;
  }
  SubmissionLog submissions;

 private:
  mutable std::mutex mutex_;
  Outcome outcome_ = Outcome::kAuto;
  std::vector<RequestRecord> requests_;
};

void ServeMeta(const Site& site, State& state, const httplib::Request& req,
               httplib::Response& res) {
  const std::string host = objector::e2e::HostWithoutPort(req.get_header_value("Host"));
  Fields fields;
  res.set_header("Cache-Control", "no-store");
  if (req.method == "POST" && req.path == kSubmitPath) {
    fields = objector::e2e::ParseFormBody(req.body);
    const Outcome outcome = state.outcome();
    // The form's language is the language of the page that sent it (Referer), as on Meta's site.
    const auto* from = site.FindByUrl(req.get_header_value("Referer"));
    const Answer answer = site.AnswerSubmit(outcome, fields, from ? from->language : "");
    res.status = answer.status;
    res.set_content(answer.body, answer.content_type.c_str());
    state.submissions.Add(Submission{host, req.path, objector::e2e::OutcomeName(outcome),
                                     answer.status, fields, from ? "https://" + from->host + from->path : ""});
  } else if (req.method == "GET" || req.method == "HEAD") {
    const auto* page = site.Find(host, req.path);
    std::string body;
    if (page) {
      std::ifstream in(page->file, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      res.status = 200;
      res.set_content(ss.str(), "text/html; charset=utf-8");
    } else {
      res.status = 404;
      res.set_content("<!doctype html><title>Not found</title><p>objector fixture server: no page "
                      "at this address.</p>",
                      "text/html; charset=utf-8");
    }
  } else {
    res.status = 404;
    res.set_content("not found", "text/plain");
  }
  state.Record({req.method, host, req.path, res.status});
  std::cerr << objector::e2e::LogLine(req.method, host, req.path, res.status, fields) << std::endl;
}

nlohmann::json SubmissionsJson(const State& state) {
  auto list = nlohmann::json::array();
  for (const auto& s : state.submissions.All()) {
    auto fields = nlohmann::json::object();
    for (const auto& [name, value] : s.fields) fields[name] = value;
    list.push_back({{"host", s.host}, {"path", s.path}, {"outcome", s.outcome},
                    {"status", s.status}, {"fields", fields}, {"page", s.page}});
  }
  return list;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  std::string err;
  if (!ParseArgs(argc, argv, &opt, &err)) {
    std::cerr << "objector-fixture-server: " << err << std::endl;
    return 2;
  }
  std::string secret;
  if (!ReadSecret(opt.secret_file, &secret)) {
    std::cerr << "objector-fixture-server: cannot read a secret of at least 16 characters from "
              << opt.secret_file << std::endl;
    return 2;
  }
  Site site;
  if (!site.Load(opt.fixtures, &err)) {
    std::cerr << "objector-fixture-server: " << err << std::endl;
    return 1;
  }
  State state;

  httplib::SSLServer meta(opt.cert.c_str(), opt.key.c_str());
  if (!meta.is_valid()) {
    std::cerr << "objector-fixture-server: cannot load certificate " << opt.cert << " / key "
              << opt.key << std::endl;
    return 1;
  }
  // Routed handlers (not a pre-routing hook): cpp-httplib reads a POST's body only before routed
  // handlers run.
  auto meta_handler = [&](const httplib::Request& req, httplib::Response& res) {
    ServeMeta(site, state, req, res);
  };
  meta.Get(".*", meta_handler);
  meta.Post(".*", meta_handler);
  meta.Put(".*", meta_handler);
  meta.Delete(".*", meta_handler);
  meta.Patch(".*", meta_handler);
  meta.Options(".*", meta_handler);

  httplib::Server control;
  control.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
    const std::string auth = req.get_header_value("Authorization");
    if (!SameSecret(auth, "Bearer " + secret)) {
      res.status = 403;
      res.set_content("forbidden", "text/plain");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  control.Put("/outcome", [&](const httplib::Request& req, httplib::Response& res) {
    const auto outcome = objector::e2e::ParseOutcome(req.body);
    if (!outcome) {
      res.status = 400;
      res.set_content("unknown outcome; use auto|confirmation|code|validation|server-error",
                      "text/plain");
      return;
    }
    state.SetOutcome(*outcome);
    res.status = 204;
  });
  control.Get("/submissions", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(SubmissionsJson(state).dump(), "application/json");
  });
  control.Delete("/submissions", [&](const httplib::Request&, httplib::Response& res) {
    state.submissions.Clear();
    res.status = 204;
  });
  control.Get("/requests", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(state.Requests().dump(), "application/json");
  });
  control.Get("/pages", [&](const httplib::Request&, httplib::Response& res) {
    auto list = nlohmann::json::array();
    for (const auto& p : site.pages()) list.push_back({{"host", p.host}, {"path", p.path}});
    res.set_content(nlohmann::json{{"pages", list}, {"hosts", site.Hosts()}}.dump(),
                    "application/json");
  });
  control.Post("/shutdown", [&](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    std::thread([&] {
      meta.stop();
      control.stop();
    }).detach();
  });

  const int https_port =
      opt.port ? (meta.bind_to_port("127.0.0.1", opt.port) ? opt.port : -1)
               : meta.bind_to_any_port("127.0.0.1");
  const int control_port =
      opt.control_port ? (control.bind_to_port("127.0.0.1", opt.control_port) ? opt.control_port : -1)
                       : control.bind_to_any_port("127.0.0.1");
  if (https_port <= 0 || control_port <= 0) {
    std::cerr << "objector-fixture-server: cannot listen on 127.0.0.1" << std::endl;
    return 1;
  }
  std::thread meta_thread([&] { meta.listen_after_bind(); });
  if (opt.exit_on_stdin_eof) {
    std::thread([&] {
      char buffer[256];
      while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
      }
      std::cerr << "objector-fixture-server: standard input closed, stopping" << std::endl;
      meta.stop();
      control.stop();
    }).detach();
  }
  std::cout << nlohmann::json{{"https_port", https_port}, {"control_port", control_port}}.dump()
            << std::endl;
  std::cerr << "objector-fixture-server: " << site.pages().size() << " pages on 127.0.0.1:"
            << https_port << ", control on 127.0.0.1:" << control_port << std::endl;
  control.listen_after_bind();
  meta.stop();
  meta_thread.join();
  return 0;
}
