#include "cli/cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/args.h"
#include "base/build_info.h"
#include "base/digest.h"
#include "agent/open.h"
#include "cli/agent_commands.h"
#include "export/export.h"
#include "handlers/context.h"
#include "handlers/handlers.h"

#if defined(OBJECTOR_HAVE_INSTALL)
#include "install/commands.h"
#endif

namespace objector {
namespace {

using nlohmann::json;

constexpr int kOk = 0, kFailed = 1, kUsage = 2;

struct Io {
  Context& ctx;
  const EnvLookup& env;
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Runs one request through the host's handlers; prints the error and returns nullopt on failure.
std::optional<json> Call(Io& io, const std::string& type, json body, int* code) {
  body["id"] = 1;
  body["type"] = type;
  ParsedRequest req{1, type, body};
  auto r = Dispatch(io.ctx, req);
  if (r.ok()) return *r;
  io.err << "objector: " << r.status().message() << "\n";
  ErrorCode c = r.status().code();
  bool input_error = c == ErrorCode::kInvalidValue || c == ErrorCode::kMissingField || c == ErrorCode::kWrongType ||
                     c == ErrorCode::kTooLong;
  *code = input_error ? kUsage : kFailed;
  return std::nullopt;
}

std::string ReadAll(std::istream& s) {
  std::ostringstream b;
  b << s.rdbuf();
  return b.str();
}

// Reads "-" from `in`, anything else as a file. nullopt (message printed) when unreadable.
std::optional<std::string> ReadSource(Io& io, const std::string& source) {
  if (source == "-") return ReadAll(io.in);
  std::ifstream f(source, std::ios::binary);
  if (!f) {
    io.err << "objector: cannot read " << source << "\n";
    return std::nullopt;
  }
  return ReadAll(f);
}

const char kHelp[] =
    "objector — keep and export the record of your objections to Meta's use of your data for AI\n"
    "\n"
    "Usage: objector <command> [options]\n"
    "  --version                        print the version\n"
    "  --help                           this help\n"
    "  history [--limit N] [--offset N] [--platform facebook|instagram] [--status S]\n"
    "          [--form-kind own|third_party] [--from UTC] [--to UTC] [--json]\n"
    "                                   list recorded submissions, newest first\n"
    "  export --format csv|json|html|bundle|ics [-o FILE]\n"
    "                                   export the whole history (to stdout without -o); bundle:\n"
    "                                   one .zip with report, JSON, CSV, evidence files, SHA256SUMS;\n"
    "                                   ics: the follow-up dates as a calendar\n"
    "  status [--json] [--now UTC]      what is covered and what is left: one line per account,\n"
    "                                   platform and form, then the follow-ups\n"
    "  profile show                     show your profile\n"
    "  profile set [--email ADDR]... [--country CC] [--language ll] [--name NAME]\n"
    "                                   change your profile (unnamed fields keep their value)\n"
    "  justification list [--language ll]\n"
    "  justification add --language ll (--text TEXT | --file FILE|-) [--title TITLE] [--default]\n"
    "  justification remove ID\n"
    "  justification default ID         make ID the default for its language\n"
    "  verify [--json]                  check the history's hash chain and evidence files;\n"
    "                                   exit 1 naming the first row that was changed\n"
    "  record [FILE|-]                  record submissions given as JSON lines (the protocol's\n"
    "                                   submission objects), e.g. made on another computer\n"
    "  complaint --country CC [--region R] [--language ll] [-o FILE.html]\n"
    "                                   a letter to your data-protection authority with the evidence\n"
    "                                   report (R: your German Land, e.g. HH); Objector sends nothing\n"
    "  serve [--port N] [--idle-exit SECONDS]\n"
    "                                   run the loopback agent (127.0.0.1 and ::1) for browsers\n"
    "                                   that cannot start the host; until SIGTERM or SECONDS idle\n"
    "  open [--print]                   show your history, coverage, report, exports and verify in\n"
    "                                   your default browser (starting the agent if needed);\n"
    "                                   --print: print the one-time address instead\n"
    "  pair [--revoke-all]              print a one-time code that pairs the extension with the\n"
    "                                   agent (starting it if needed); or forget every pairing\n"
#if defined(OBJECTOR_HAVE_INSTALL)
    "  install | uninstall | doctor     register the host with your browsers, remove it, check it\n"
#endif
    "\n"
    "Data directory: $OBJECTOR_DATA_DIR, else ~/.local/share/objector (Linux).\n"
    "Exit codes: 0 success, 1 operation failed, 2 usage or invalid input.\n";

int Version(Io& io, const std::vector<std::string>&) {
  io.out << "objector " << build::kVersion << "\n";
  return kOk;
}

int Help(Io& io, const std::vector<std::string>&) {
  io.out << kHelp;
  return kOk;
}

void PrintHistoryItem(std::ostream& out, const json& item) {
  out << "#" << item["submission_id"].get<int64_t>() << "  "
      << LocalTimeText(item["occurred_at"].get<std::string>(), item["utc_offset_minutes"].get<int>()) << "  "
      << item["platform"].get<std::string>() << "  " << item["form_kind"].get<std::string>() << "  form "
      << item["form_id"].get<std::string>() << "  " << item["current_status"].get<std::string>() << "\n";
}

int History(Io& io, const std::vector<std::string>& argv) {
  Args a;
  if (!ParseArgs(argv, 1, {"--limit", "--offset", "--platform", "--status", "--form-kind", "--from", "--to"},
                 {"--json"}, &a, io.err) ||
      !a.positional.empty()) {
    if (!a.positional.empty()) io.err << "objector: history takes no positional arguments\n";
    return kUsage;
  }
  json body = json::object();
  for (const auto& [opt, field] : std::vector<std::pair<std::string, std::string>>{
           {"--platform", "platform"}, {"--status", "status"}, {"--form-kind", "form_kind"}, {"--from", "from"},
           {"--to", "to"}}) {
    if (a.Has(opt)) body[field] = a.Get(opt);
  }
  for (const auto& [opt, field] : std::vector<std::pair<std::string, std::string>>{{"--limit", "limit"},
                                                                                   {"--offset", "offset"}}) {
    if (!a.Has(opt)) continue;
    try {
      body[field] = std::stoll(a.Get(opt));
    } catch (...) {
      io.err << "objector: " << opt << " needs a number\n";
      return kUsage;
    }
  }
  int code = kOk;
  auto r = Call(io, "history.list", body, &code);
  if (!r) return code;
  if (a.Flag("--json")) {
    io.out << r->dump(2) << "\n";
    return kOk;
  }
  if ((*r)["items"].empty()) {
    io.out << "No submissions recorded yet.\n";
    return kOk;
  }
  for (const auto& item : (*r)["items"]) PrintHistoryItem(io.out, item);
  io.out << (*r)["items"].size() << " of " << (*r)["total"].get<int64_t>() << " submissions\n";
  return kOk;
}

int Export(Io& io, const std::vector<std::string>& argv) {
  Args a;
  if (!ParseArgs(argv, 1, {"--format", "-o", "--output"}, {}, &a, io.err)) return kUsage;
  if (!a.Has("--format")) {
    io.err << "objector: export needs --format " << ExportFormatList() << "\n";
    return kUsage;
  }
  int code = kOk;
  auto r = Call(io, "history.export", {{"format", a.Get("--format")}}, &code);
  if (!r) return code;
  std::string content = (*r)["content"].get<std::string>();
  if (r->value("encoding", "utf-8") == "base64") content = Base64Decode(content).value_or("");
  std::string file = a.Has("-o") ? a.Get("-o") : a.Get("--output");
  if (file.empty() || file == "-") {
    io.out << content;
    return kOk;
  }
  // Personal data: the file is created owner-only.
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    io.err << "objector: cannot write " << file << ": " << std::strerror(errno) << "\n";
    return kFailed;
  }
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      io.err << "objector: cannot write " << file << ": " << std::strerror(errno) << "\n";
      ::close(fd);
      return kFailed;
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  io.err << "objector: wrote " << file << "\n";
  return kOk;
}

int ProfileCmd(Io& io, const std::vector<std::string>& argv) {
  std::string sub = argv.size() > 1 ? argv[1] : "";
  int code = kOk;
  if (sub == "show" && argv.size() == 2) {
    auto r = Call(io, "profile.get", json::object(), &code);
    if (!r) return code;
    const json& p = (*r)["profile"];
    std::string emails;
    for (const auto& e : p["emails"]) emails += (emails.empty() ? "" : ", ") + e.get<std::string>();
    io.out << "name:     " << p["name"].get<std::string>() << "\n"
           << "emails:   " << emails << "\n"
           << "country:  " << (p["country"].is_null() ? "(not set)" : p["country"].get<std::string>()) << "\n"
           << "language: " << (p["language"].is_null() ? "(not set)" : p["language"].get<std::string>()) << "\n";
    return kOk;
  }
  if (sub == "set") {
    Args a;
    if (!ParseArgs(argv, 2, {"--email", "--country", "--language", "--name"}, {}, &a, io.err)) return kUsage;
    if (!a.positional.empty() || a.options.empty()) {
      io.err << "objector: profile set needs at least one of --email, --country, --language, --name\n";
      return kUsage;
    }
    auto current = Call(io, "profile.get", json::object(), &code);
    if (!current) return code;
    json p = (*current)["profile"];
    if (a.Has("--email")) {
      p["emails"] = json::array();
      for (auto [it, end] = a.options.equal_range("--email"); it != end; ++it) p["emails"].push_back(it->second);
    }
    if (a.Has("--country")) p["country"] = a.Get("--country");
    if (a.Has("--language")) p["language"] = a.Get("--language");
    if (a.Has("--name")) p["name"] = a.Get("--name");
    auto r = Call(io, "profile.set", {{"profile", p}}, &code);
    if (!r) return code;
    io.out << "Profile saved.\n";
    return kOk;
  }
  io.err << "objector: usage: objector profile show | profile set [--email ADDR]... [--country CC] "
            "[--language ll] [--name NAME]\n";
  return kUsage;
}

std::optional<int64_t> ParseId(Io& io, const std::vector<std::string>& argv) {
  if (argv.size() != 3) return std::nullopt;
  try {
    size_t used = 0;
    int64_t id = std::stoll(argv[2], &used);
    if (used == argv[2].size() && id > 0) return id;
  } catch (...) {
  }
  io.err << "objector: not a justification id: " << argv[2] << "\n";
  return std::nullopt;
}

int JustificationCmd(Io& io, const std::vector<std::string>& argv) {
  std::string sub = argv.size() > 1 ? argv[1] : "";
  int code = kOk;
  if (sub == "list") {
    Args a;
    if (!ParseArgs(argv, 2, {"--language"}, {}, &a, io.err)) return kUsage;
    json body = json::object();
    if (a.Has("--language")) body["language"] = a.Get("--language");
    auto r = Call(io, "justification.list", body, &code);
    if (!r) return code;
    if ((*r)["justifications"].empty()) io.out << "No justifications saved.\n";
    for (const auto& j : (*r)["justifications"]) {
      std::string text = j["text"].get<std::string>();
      if (text.size() > 60) text = text.substr(0, 57) + "...";
      for (char& c : text) c = (c == '\n' || c == '\r') ? ' ' : c;
      io.out << j["id"].get<int64_t>() << "  " << j["language"].get<std::string>()
             << (j["is_default"].get<bool>() ? "  default" : "         ") << "  " << j["title"].get<std::string>()
             << "  " << text << "\n";
    }
    return kOk;
  }
  if (sub == "add") {
    Args a;
    if (!ParseArgs(argv, 2, {"--language", "--text", "--file", "--title"}, {"--default"}, &a, io.err)) return kUsage;
    if (!a.Has("--language") || a.Has("--text") == a.Has("--file")) {
      io.err << "objector: justification add needs --language and one of --text or --file\n";
      return kUsage;
    }
    std::string text = a.Get("--text");
    if (a.Has("--file")) {
      auto read = ReadSource(io, a.Get("--file"));
      if (!read) return kFailed;
      text = *read;
    }
    json j = {{"language", a.Get("--language")}, {"title", a.Get("--title")}, {"text", text},
              {"is_default", a.Flag("--default")}};
    auto r = Call(io, "justification.save", {{"justification", j}}, &code);
    if (!r) return code;
    io.out << "Saved justification " << (*r)["justification"]["id"].get<int64_t>() << ".\n";
    return kOk;
  }
  if (sub == "remove" || sub == "default") {
    auto id = ParseId(io, argv);
    if (!id) {
      io.err << "objector: usage: objector justification " << sub << " ID\n";
      return kUsage;
    }
    auto r = Call(io, sub == "remove" ? "justification.delete" : "justification.set_default",
                  {{"justification_id", *id}}, &code);
    if (!r) return code;
    io.out << (sub == "remove" ? "Removed justification " : "Default is now justification ") << *id << ".\n";
    return kOk;
  }
  io.err << "objector: usage: objector justification list|add|remove|default (see objector --help)\n";
  return kUsage;
}

int Record(Io& io, const std::vector<std::string>& argv) {
  if (argv.size() > 2) {
    io.err << "objector: usage: objector record [FILE|-]\n";
    return kUsage;
  }
  auto text = ReadSource(io, argv.size() == 2 ? argv[1] : "-");
  if (!text) return kFailed;
  std::istringstream lines(*text);
  std::string line;
  int recorded = 0, duplicates = 0, line_no = 0;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    json sub = json::parse(line, nullptr, false);
    if (sub.is_discarded() || !sub.is_object()) {
      io.err << "objector: line " << line_no << " is not a JSON object; stopped (" << recorded
             << " recorded before it)\n";
      return kUsage;
    }
    int code = kOk;
    auto r = Call(io, "submission.record", {{"submission", sub}}, &code);
    if (!r) {
      io.err << "objector: stopped at line " << line_no << " (" << recorded << " recorded before it)\n";
      return code;
    }
    ((*r)["duplicate"].get<bool>() ? duplicates : recorded)++;
  }
  io.out << "Recorded " << recorded << " submissions (" << duplicates << " were already there).\n";
  return kOk;
}

// Recomputes the whole chain: exit 0 and the chain head when intact, 1 naming the first broken row.
int Verify(Io& io, const std::vector<std::string>& argv) {
  Args a;
  if (!ParseArgs(argv, 1, {}, {"--json"}, &a, io.err) || !a.positional.empty()) {
    io.err << "objector: usage: objector verify [--json]\n";
    return kUsage;
  }
  int code = kOk;
  auto r = Call(io, "history.verify", json::object(), &code);
  if (!r) return code;
  const bool intact = (*r)["intact"].get<bool>();
  if (a.Flag("--json")) {
    io.out << r->dump(2) << "\n";
    return intact ? kOk : kFailed;
  }
  if (intact) {
    io.out << "verified " << (*r)["events"].get<int64_t>() << " events, chain head "
           << (*r)["chain_head"].get<std::string>() << "\n";
    return kOk;
  }
  const json& b = (*r)["broken"];
  io.out << "history BROKEN";
  if (b["submission_id"].get<int64_t>() > 0) {
    io.out << " at submission " << b["submission_id"].get<int64_t>() << " (client_id "
           << b["client_id"].get<std::string>() << ")";
  }
  if (b["event_id"].get<int64_t>() > 0) {
    io.out << ", event " << b["event_id"].get<int64_t>() << " (" << b["client_event_id"].get<std::string>() << ")";
  }
  io.out << ": " << b["what"].get<std::string>() << "\n";
  return kFailed;
}

// Writes `content` to `file`, created owner-only (personal data); a message and kFailed when it cannot.
int WriteOwnerOnly(Io& io, const std::string& file, const std::string& content) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    io.err << "objector: cannot write " << file << ": " << std::strerror(errno) << "\n";
    return kFailed;
  }
  for (size_t done = 0; done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      io.err << "objector: cannot write " << file << ": " << std::strerror(errno) << "\n";
      ::close(fd);
      return kFailed;
    }
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  return kOk;
}

// The complaint pack: the letter to the authority of --country (and --region) with the evidence report.
int Complaint(Io& io, const std::vector<std::string>& argv) {
  Args a;
  if (!ParseArgs(argv, 1, {"--country", "--region", "--language", "-o", "--output"}, {}, &a, io.err)) return kUsage;
  if (!a.positional.empty() || !a.Has("--country")) {
    io.err << "objector: usage: objector complaint --country CC [--region R] [--language ll] [-o FILE.html]\n";
    return kUsage;
  }
  auto upper = [](std::string v) {
    for (char& c : v) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    return v;
  };
  json body = {{"country", upper(a.Get("--country"))}};
  if (a.Has("--region")) body["region"] = upper(a.Get("--region"));
  if (a.Has("--language")) body["language"] = a.Get("--language");
  int code = kOk;
  auto r = Call(io, "complaint.render", body, &code);
  if (!r) return code;
  const std::string content = (*r)["content"].get<std::string>();
  std::string file = a.Has("-o") ? a.Get("-o") : a.Get("--output");
  if (file.empty() || file == "-") {
    io.out << content;
    return kOk;
  }
  if ((code = WriteOwnerOnly(io, file, content)) != kOk) return code;
  const json& authority = (*r)["authority"];
  io.err << "objector: wrote " << file << " (to " << authority["name"].get<std::string>() << ", in "
         << (*r)["language"].get<std::string>() << "). Nothing was sent: print, sign and post it, or use "
         << authority["web_form_url"].get<std::string>() << "\n";
  return kOk;
}

std::string Text(const json& v) { return v.is_string() ? v.get<std::string>() : std::string("-"); }

// One line per coverage row (account, platform, form kind, state, date, to-do), columns aligned,
// then one line per follow-up.
int StatusCmd(Io& io, const std::vector<std::string>& argv) {
  Args a;
  if (!ParseArgs(argv, 1, {"--now"}, {"--json"}, &a, io.err) || !a.positional.empty()) {
    io.err << "objector: usage: objector status [--json] [--now UTC]\n";
    return kUsage;
  }
  json body = json::object();
  if (a.Has("--now")) body["now"] = a.Get("--now");
  int code = kOk;
  auto r = Call(io, "coverage.get", body, &code);
  if (!r) return code;
  if (a.Flag("--json")) {
    io.out << r->dump(2) << "\n";
    return kOk;
  }
  const json& rows = (*r)["rows"];
  if (rows.empty()) {
    io.out << "No accounts yet: add your email with objector profile set --email ADDR.\n";
    return kOk;
  }
  std::vector<std::vector<std::string>> table;
  for (const auto& row : rows) {
    std::string todo = row["todo"].get<std::string>();
    if (row["covered_through"].is_object()) {
      todo += " (covered through " + row["covered_through"]["platform"].get<std::string>() + " " +
              row["covered_through"]["email"].get<std::string>() + ")";
    }
    table.push_back({row["account_email"].get<std::string>(), row["platform"].get<std::string>(),
                     row["form_kind"].get<std::string>(), row["state"].get<std::string>(),
                     Text(row["last_at"]).substr(0, 10), todo});
  }
  std::vector<size_t> width(6, 0);
  for (const auto& cells : table) {
    for (size_t i = 0; i < cells.size(); ++i) width[i] = std::max(width[i], cells[i].size());
  }
  for (const auto& cells : table) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      line += cells[i];
      if (i + 1 < cells.size()) line += std::string(width[i] - cells[i].size() + 2, ' ');
    }
    io.out << line << "\n";
  }
  for (const auto& f : (*r)["follow_ups"]) {
    io.out << (f["due"].get<bool>() ? "due      " : "upcoming ") << f["due_at"].get<std::string>() << "  "
           << f["kind"].get<std::string>() << "  " << f["account_email"].get<std::string>() << "  "
           << f["platform"].get<std::string>() << "  " << f["form_kind"].get<std::string>() << "\n";
  }
  return kOk;
}

int Serve(Io& io, const std::vector<std::string>& argv) { return RunServe(io.ctx, argv, io.env, io.out, io.err); }

// This program's own file (for starting `objector serve` detached).
std::string SelfPath() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : "objector";
}

int Pair(Io& io, const std::vector<std::string>& argv) { return RunPair(io.ctx, argv, SelfPath(), io.out, io.err); }

int Open(Io& io, const std::vector<std::string>& argv) {
  OpenOptions options;
  options.objector_binary = SelfPath();
  return RunOpen({argv.begin() + 1, argv.end()}, io.ctx.data_dir(), io.out, io.err, options);
}

#if defined(OBJECTOR_HAVE_INSTALL)
int Install(Io& io, const std::vector<std::string>& argv) {
  return install::RunInstall({argv.begin() + 1, argv.end()}, io.out, io.err);
}
int Uninstall(Io& io, const std::vector<std::string>& argv) {
  return install::RunUninstall({argv.begin() + 1, argv.end()}, io.out, io.err);
}
int Doctor(Io& io, const std::vector<std::string>& argv) {
  return install::RunDoctor({argv.begin() + 1, argv.end()}, io.out, io.err);
}
#endif

struct Command {
  const char* name;
  int (*run)(Io& io, const std::vector<std::string>& argv);  // argv[0] is the command name
};

const Command kCommands[] = {
    {"--version", &Version},   {"version", &Version},
    {"--help", &Help},         {"-h", &Help},
    {"help", &Help},           {"history", &History},
    {"export", &Export},       {"profile", &ProfileCmd},
    {"justification", &JustificationCmd}, {"record", &Record},
    {"verify", &Verify},       {"complaint", &Complaint},
    {"status", &StatusCmd},        {"serve", &Serve},
    {"pair", &Pair},           {"open", &Open},
#if defined(OBJECTOR_HAVE_INSTALL)
    {"install", &Install},     {"uninstall", &Uninstall},
    {"doctor", &Doctor},
#endif
};

}  // namespace

int RunCli(const std::vector<std::string>& args, const EnvLookup& env, const Clock& clock, std::istream& in,
           std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kHelp;
    return kUsage;
  }
  const Command* cmd = nullptr;
  for (const auto& c : kCommands) {
    if (args[0] == c.name) cmd = &c;
  }
  if (!cmd) {
    err << "objector: unknown command '" << args[0] << "' (see objector --help)\n";
    return kUsage;
  }
  auto data_dir = DataDir(env);
  if (!data_dir.ok()) {
    err << "objector: " << data_dir.status().message() << "\n";
    return kFailed;
  }
  Context ctx(*data_dir, clock);
  Io io{ctx, env, in, out, err};
  try {
    return cmd->run(io, args);
  } catch (const std::exception& e) {
    err << "objector: internal error: " << e.what() << "\n";
    return kFailed;
  }
}

}  // namespace objector
