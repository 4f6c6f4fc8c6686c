#include "handlers/context.h"

#include "base/paths.h"

namespace objector {

std::string Context::database_path() const { return DatabasePath(data_dir_); }

Result<Store*> Context::GetStore() {
  // A store whose file was moved or deleted is closed (its WAL is checkpointed into the moved file)
  // and the real path opened again.
  if (store_ && store_->moved()) store_.reset();
  if (store_) return store_.get();
  Status dir = EnsurePrivateDir(data_dir_);
  if (!dir.ok()) return dir;
  auto opened = Store::Open(database_path(), clock_, options_);
  if (!opened.ok()) return opened.status();
  store_ = std::move(*opened);
  return store_.get();
}

}  // namespace objector
