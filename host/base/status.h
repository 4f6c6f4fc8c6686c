// Errors as values (after leveldb's Status): a Status is ok or carries an ErrorCode from the
// protocol's stable list and a human-readable message. Result<T> holds a T or a non-ok Status.
// Library code returns these; exceptions from nlohmann/json and SQLiteCpp are caught at the
// boundaries (the message loop, the store) and turned into Status values.
#ifndef OBJECTOR_BASE_STATUS_H_
#define OBJECTOR_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

#include "protocol/error_code.h"

namespace objector {

class Status {
 public:
  Status() = default;  // ok
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)), ok_(false) {}

  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok" or "<code>: <message>".
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kInternal;
  std::string message_;
  bool ok_ = true;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {}   // NOLINT: must not be ok
  Result(ErrorCode code, std::string message) : status_(code, std::move(message)) {}

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace objector

#endif  // OBJECTOR_BASE_STATUS_H_
