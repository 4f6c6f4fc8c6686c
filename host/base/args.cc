#include "base/args.h"

#include <algorithm>
#include <utility>

namespace objector {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::string Args::Get(const std::string& k) const {
  auto it = options.find(k);
  return it == options.end() ? "" : it->second;
}

std::vector<std::string> Args::All(const std::string& k) const {
  std::vector<std::string> values;
  for (auto [it, end] = options.equal_range(k); it != end; ++it) values.push_back(it->second);
  return values;
}

bool Args::Flag(const std::string& k) const { return Contains(flags, k); }

Result<Args> ParseArgs(const std::vector<std::string>& in, size_t start, const std::vector<std::string>& valued,
                       const std::vector<std::string>& flags) {
  Args out;
  for (size_t i = start; i < in.size(); ++i) {
    const std::string& a = in[i];
    if (a.size() < 2 || a[0] != '-') {
      out.positional.push_back(a);
      continue;
    }
    std::string name = a, value;
    bool inline_value = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      inline_value = true;
    }
    if (Contains(valued, name)) {
      if (!inline_value) {
        if (i + 1 >= in.size()) return Status(ErrorCode::kInvalidValue, name + " needs a value");
        value = in[++i];
      }
      out.options.emplace(name, value);
    } else if (Contains(flags, name)) {
      if (inline_value) return Status(ErrorCode::kInvalidValue, name + " takes no value");
      out.flags.push_back(name);
    } else {
      return Status(ErrorCode::kInvalidValue, "unknown option " + name + " (see objector --help)");
    }
  }
  return out;
}

bool ParseArgs(const std::vector<std::string>& in, size_t start, const std::vector<std::string>& valued,
               const std::vector<std::string>& flags, Args* out, std::ostream& err) {
  Result<Args> parsed = ParseArgs(in, start, valued, flags);
  if (!parsed.ok()) {
    err << "objector: " << parsed.status().message() << "\n";
    return false;
  }
  *out = std::move(*parsed);
  return true;
}

}  // namespace objector
