#include "agent/pairing.h"

#include <nlohmann/json.hpp>

#include "agent/agent_files.h"
#include "base/digest.h"
#include "base/paths.h"

namespace objector {

using nlohmann::json;

namespace {

// Compares without an early exit, so the time taken says nothing about where two strings differ.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Status Pairing::Load() {
  std::lock_guard<std::mutex> lock(mutex_);
  clients_.clear();
  auto text = ReadSmallFile(clients_file_);
  if (!text) return Status::Ok();
  json j = json::parse(*text, nullptr, false);
  auto bad = [&] { return Status(ErrorCode::kDbCorrupt, "cannot read " + clients_file_ + ": not a clients file"); };
  if (!j.is_object() || !j.contains("clients") || !j["clients"].is_array()) return bad();
  for (const auto& c : j["clients"]) {
    if (!c.is_object() || !c.contains("token_sha256") || !c["token_sha256"].is_string() || !c.contains("origin") ||
        !c["origin"].is_string() || !c.contains("paired_at") || !c["paired_at"].is_string()) {
      return bad();
    }
    clients_.push_back({c["token_sha256"], c["origin"], c["paired_at"]});
  }
  return Status::Ok();
}

Pairing::Code Pairing::NewCode() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string digits = std::to_string(RandomInt(0, 999999));
  code_digits_ = std::string(6 - digits.size(), '0') + digits;
  code_expires_ = clock_.Now() + kPairingCodeLifetime;
  wrong_tries_ = 0;
  return {std::to_string(port_) + "-" + code_digits_, FormatUtc(code_expires_)};
}

Result<std::string> Pairing::Redeem(const std::string& code, const std::string& origin) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (code_digits_.empty()) return Status(ErrorCode::kNotFound, "no pairing code is active: run `objector pair`");
  if (clock_.Now() >= code_expires_) {
    code_digits_.clear();
    return Status(ErrorCode::kNotFound, "the pairing code has expired: run `objector pair` again");
  }
  std::string digits = code;
  std::string prefix = std::to_string(port_) + "-";
  if (digits.rfind(prefix, 0) == 0) digits = digits.substr(prefix.size());
  if (!SameSecret(digits, code_digits_)) {
    if (++wrong_tries_ >= kPairingMaxWrongTries) {
      code_digits_.clear();
      return Status(ErrorCode::kNotFound, "wrong pairing code; after 5 wrong tries it is void: run `objector pair` again");
    }
    return Status(ErrorCode::kInvalidValue, "wrong pairing code");
  }
  std::string token = RandomHex(32);
  std::vector<Client> next = clients_;
  next.push_back({Sha256Hex(token), origin, FormatUtc(clock_.Now())});
  Status saved = SaveLocked(next);
  if (!saved.ok()) return saved;
  clients_ = std::move(next);
  code_digits_.clear();  // one use
  return token;
}

std::optional<std::string> Pairing::OriginOf(const std::string& token) const {
  std::string hash = Sha256Hex(token);
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto& c : clients_) {
    if (SameSecret(c.token_sha256, hash)) return c.origin;
  }
  return std::nullopt;
}

Result<size_t> Pairing::RevokeAll() {
  std::lock_guard<std::mutex> lock(mutex_);
  Status saved = SaveLocked({});
  if (!saved.ok()) return saved;
  size_t n = clients_.size();
  clients_.clear();
  return n;
}

Result<bool> Pairing::Revoke(const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string hash = Sha256Hex(token);
  std::vector<Client> next;
  for (const Client& c : clients_) {
    if (!SameSecret(c.token_sha256, hash)) next.push_back(c);
  }
  if (next.size() == clients_.size()) return false;
  Status saved = SaveLocked(next);
  if (!saved.ok()) return saved;
  clients_ = std::move(next);
  return true;
}

size_t Pairing::client_count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return clients_.size();
}

Status Pairing::SaveLocked(const std::vector<Client>& clients) const {
  json list = json::array();
  for (const auto& c : clients) {
    list.push_back({{"token_sha256", c.token_sha256}, {"origin", c.origin}, {"paired_at", c.paired_at}});
  }
  return WritePrivateFileAtomic(clients_file_, json{{"clients", list}}.dump(2) + "\n");
}

}  // namespace objector
