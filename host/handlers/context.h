// What message handlers share: where the data lives, the clock, and the store, opened lazily on
// the first request that needs it. A failed open (locked, corrupt, read-only) is an error reply for
// that request; the next request tries again, so the host keeps running.
#ifndef OBJECTOR_HANDLERS_CONTEXT_H_
#define OBJECTOR_HANDLERS_CONTEXT_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "base/clock.h"
#include "base/status.h"
#include "store/store.h"

namespace objector {

class Context {
 public:
  // `clock` must outlive the context.
  Context(std::string data_dir, const Clock& clock, StoreOptions options = {})
      : data_dir_(std::move(data_dir)), clock_(clock), options_(options) {}

  const std::string& data_dir() const { return data_dir_; }
  std::string database_path() const;
  const Clock& clock() const { return clock_; }

  // The open store, opening (and creating the 0700 data directory) on first use.
  Result<Store*> GetStore();

  // The `hello` result never changes during a process: handlers may build it once and keep it here.
  nlohmann::json& hello_cache() { return hello_cache_; }

 private:
  std::string data_dir_;
  const Clock& clock_;
  StoreOptions options_;
  std::unique_ptr<Store> store_;
  nlohmann::json hello_cache_;
};

}  // namespace objector

#endif  // OBJECTOR_HANDLERS_CONTEXT_H_
