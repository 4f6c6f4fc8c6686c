// The real Windows registry (compiled on Windows only). Keys and values are
// UTF-8 in our code and UTF-16 for the API.
#include <windows.h>

#include "registry.h"

namespace objector::install {
namespace {

std::wstring Wide(const std::string& s) {
  if (s.empty()) return {};
  int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()),
                              nullptr, 0);
  std::wstring w(static_cast<size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()),
                      w.data(), n);
  return w;
}

std::string Narrow(const std::wstring& w) {
  if (w.empty()) return {};
  int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()),
                              nullptr, 0, nullptr, nullptr);
  std::string s(static_cast<size_t>(n), '\0');
  WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()),
                      s.data(), n, nullptr, nullptr);
  return s;
}

HKEY Root(const std::string& root) {
  return root == "HKLM" ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER;
}

std::string Describe(LSTATUS status, const std::string& what) {
  return what + ": Windows error " + std::to_string(static_cast<long>(status)) +
         (status == ERROR_ACCESS_DENIED
              ? " (access denied; HKLM needs an administrator)"
              : "");
}

class RealRegistry : public Registry {
 public:
  Status SetDefault(const std::string& root, const std::string& key,
                    const std::string& value) override {
    HKEY h = nullptr;
    LSTATUS s = RegCreateKeyExW(Root(root), Wide(key).c_str(), 0, nullptr, 0,
                                KEY_SET_VALUE, nullptr, &h, nullptr);
    if (s != ERROR_SUCCESS)
      return Status(ErrorCode::kInternal,
                    Describe(s, "creating " + root + "\\" + key));
    std::wstring v = Wide(value);
    s = RegSetValueExW(h, nullptr, 0, REG_SZ,
                       reinterpret_cast<const BYTE*>(v.c_str()),
                       static_cast<DWORD>((v.size() + 1) * sizeof(wchar_t)));
    RegCloseKey(h);
    if (s != ERROR_SUCCESS)
      return Status(ErrorCode::kInternal,
                    Describe(s, "setting " + root + "\\" + key));
    return Status::Ok();
  }

  std::optional<std::string> GetDefault(const std::string& root,
                                        const std::string& key) override {
    wchar_t buf[4096];
    DWORD size = sizeof(buf);
    LSTATUS s = RegGetValueW(Root(root), Wide(key).c_str(), nullptr,
                             RRF_RT_REG_SZ, nullptr, buf, &size);
    if (s != ERROR_SUCCESS) return std::nullopt;
    return Narrow(buf);
  }

  Status DeleteKey(const std::string& root, const std::string& key) override {
    LSTATUS s = RegDeleteKeyW(Root(root), Wide(key).c_str());
    if (s != ERROR_SUCCESS && s != ERROR_FILE_NOT_FOUND)
      return Status(ErrorCode::kInternal,
                    Describe(s, "deleting " + root + "\\" + key));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Registry> WindowsRegistry() {
  return std::make_unique<RealRegistry>();
}

}  // namespace objector::install
