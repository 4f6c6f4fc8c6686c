// Pairing an extension with the loopback agent (host/PROTOCOL.md, "Loopback agent"): the agent
// hands a local program a short one-time code; the person types it into the extension, which trades
// it for a long-lived token. Tokens are kept only as SHA-256 hashes, each with the origin it was
// paired from and the date, in agent-clients.json (0600), so they survive restarts.
//
// One code is active at a time (a new one replaces it): 6 digits, valid 10 minutes, one use, void
// after 5 wrong tries. Thread-safe.
#ifndef OBJECTOR_AGENT_PAIRING_H_
#define OBJECTOR_AGENT_PAIRING_H_

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"

namespace objector {

inline constexpr std::chrono::minutes kPairingCodeLifetime{10};
inline constexpr int kPairingMaxWrongTries = 5;

class Pairing {
 public:
  // `clients_file` is agent-clients.json; `port` is the agent's (the code's prefix). `clock` must
  // outlive the object.
  Pairing(std::string clients_file, int port, const Clock& clock)
      : clients_file_(std::move(clients_file)), port_(port), clock_(clock) {}

  // Reads the clients file. A missing file is no clients; an unreadable or malformed one is an error
  // (kDbCorrupt, naming the file) and the file is left as it is.
  Status Load();

  struct Code {
    std::string code;        // "<port>-<6 digits>"
    std::string expires_at;  // UTC
  };
  // A fresh code; any earlier one stops working.
  Code NewCode();

  // Trades the active code (its 6 digits, or the whole "<port>-<digits>") for a new token bound to
  // `origin`, stored before it is returned. Errors: kNotFound (no code, used, expired or voided),
  // kInvalidValue (wrong digits: a wrong try), kDbError / kDbReadonly (the file could not be
  // written; the code stays usable).
  Result<std::string> Redeem(const std::string& code, const std::string& origin);

  // The origin `token` was paired from; nullopt when it is not a paired token.
  std::optional<std::string> OriginOf(const std::string& token) const;

  // Forgets every token (the file then holds none). Returns how many there were.
  Result<size_t> RevokeAll();

  // Forgets `token` alone (an extension that unpairs). Returns whether it was a paired token.
  Result<bool> Revoke(const std::string& token);

  size_t client_count() const;

 private:
  struct Client {
    std::string token_sha256;
    std::string origin;
    std::string paired_at;
  };
  Status SaveLocked(const std::vector<Client>& clients) const;

  std::string clients_file_;
  int port_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  std::vector<Client> clients_;
  std::string code_digits_;  // empty: no active code
  std::chrono::system_clock::time_point code_expires_;
  int wrong_tries_ = 0;
};

}  // namespace objector

#endif  // OBJECTOR_AGENT_PAIRING_H_
