// Windows implementation of ProbeHost (compiled on Windows only; not built or
// run on the Linux machines Objector is developed on). Same judgement as
// host_probe_posix.cc: the host is started with its folder as working directory
// and the given environment, gets one hello frame, and must answer with one
// frame and nothing else on stdout.
#include <windows.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>

#include "host_probe.h"

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

// Quotes one argument by the rules CommandLineToArgvW undoes.
std::wstring Quote(const std::wstring& arg) {
  std::wstring q = L"\"";
  size_t backslashes = 0;
  for (wchar_t c : arg) {
    if (c == L'\\') {
      ++backslashes;
      continue;
    }
    q.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
    backslashes = 0;
    q.push_back(c);
  }
  q.append(backslashes * 2, L'\\');
  return q + L"\"";
}

std::string Printable(const std::string& bytes) {
  std::string s;
  for (unsigned char c : bytes.substr(0, 40))
    s += (c >= 32 && c < 127) ? static_cast<char>(c) : '.';
  return s;
}

int ErrnoFor(DWORD error) {
  switch (error) {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
      return ENOENT;
    case ERROR_ACCESS_DENIED:
      return EACCES;
    case ERROR_BAD_EXE_FORMAT:
      return ENOEXEC;
    default:
      return EIO;
  }
}

}  // namespace

ProbeResult ProbeHost(const ProbeRequest& r) {
  ProbeResult result;
  SECURITY_ATTRIBUTES sa{sizeof(sa), nullptr, TRUE};
  HANDLE in_r, in_w, out_r, out_w, err_r, err_w;
  if (!CreatePipe(&in_r, &in_w, &sa, 0) ||
      !CreatePipe(&out_r, &out_w, &sa, 0) ||
      !CreatePipe(&err_r, &err_w, &sa, 0)) {
    result.outcome = ProbeOutcome::kCannotStart;
    result.detail = "cannot create pipes";
    return result;
  }
  SetHandleInformation(in_w, HANDLE_FLAG_INHERIT, 0);
  SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
  SetHandleInformation(err_r, HANDLE_FLAG_INHERIT, 0);
  std::wstring cmd;
  for (const std::string& a : r.argv)
    cmd += (cmd.empty() ? L"" : L" ") + Quote(Wide(a));
  std::wstring env_block;
  for (const std::string& e : r.env) env_block += Wide(e) + L'\0';
  env_block += L'\0';
  STARTUPINFOW si{};
  si.cb = sizeof(si);
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = in_r;
  si.hStdOutput = out_w;
  si.hStdError = err_w;
  PROCESS_INFORMATION pi{};
  BOOL ok =
      CreateProcessW(Wide(r.path).c_str(), cmd.data(), nullptr, nullptr, TRUE,
                     CREATE_UNICODE_ENVIRONMENT | CREATE_NO_WINDOW,
                     env_block.data(), Wide(r.working_dir).c_str(), &si, &pi);
  CloseHandle(in_r);
  CloseHandle(out_w);
  CloseHandle(err_w);
  if (!ok) {
    DWORD e = GetLastError();
    CloseHandle(in_w);
    CloseHandle(out_r);
    CloseHandle(err_r);
    result.outcome = ProbeOutcome::kCannotStart;
    result.exec_errno = ErrnoFor(e);
    result.detail =
        "CreateProcess failed with Windows error " + std::to_string(e);
    return result;
  }
  uint32_t len = static_cast<uint32_t>(r.request_json.size());
  std::string frame(reinterpret_cast<const char*>(&len), 4);
  frame += r.request_json;
  DWORD written = 0;
  WriteFile(in_w, frame.data(), static_cast<DWORD>(frame.size()), &written,
            nullptr);

  // Readers on threads; the main thread waits with a timeout.
  std::string out, err_bytes;
  std::thread out_reader([&] {
    char buf[4096];
    DWORD n = 0;
    while (ReadFile(out_r, buf, sizeof(buf), &n, nullptr) && n > 0)
      out.append(buf, n);
  });
  std::thread err_reader([&] {
    char buf[4096];
    DWORD n = 0;
    while (ReadFile(err_r, buf, sizeof(buf), &n, nullptr) && n > 0 &&
           err_bytes.size() < 4096)
      err_bytes.append(buf, n);
  });
  const DWORD start = GetTickCount();
  DWORD wait =
      WaitForSingleObject(pi.hProcess, static_cast<DWORD>(r.timeout.count()));
  CloseHandle(in_w);  // end of input: a well-behaved host exits now
  if (wait == WAIT_TIMEOUT) wait = WaitForSingleObject(pi.hProcess, 500);
  if (wait == WAIT_TIMEOUT) TerminateProcess(pi.hProcess, 1);
  WaitForSingleObject(pi.hProcess, INFINITE);
  out_reader.join();
  err_reader.join();
  result.reply_ms = static_cast<double>(GetTickCount() - start);
  DWORD code = 0;
  GetExitCodeProcess(pi.hProcess, &code);
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  CloseHandle(out_r);
  CloseHandle(err_r);
  result.stderr_head = Printable(err_bytes.substr(0, 200));

  if (out.empty()) {
    result.outcome =
        wait == WAIT_TIMEOUT ? ProbeOutcome::kTimeout : ProbeOutcome::kExited;
    result.detail =
        wait == WAIT_TIMEOUT
            ? "no reply within " + std::to_string(r.timeout.count()) + " ms"
            : "exit status " + std::to_string(code);
    return result;
  }
  uint32_t n = 0;
  if (out.size() >= 4) std::memcpy(&n, out.data(), 4);
  if (out.size() < 4 || n == 0 || n > 1024 * 1024 ||
      out.size() < 4 + static_cast<size_t>(n)) {
    result.outcome = ProbeOutcome::kJunk;
    result.detail =
        "the bytes on stdout are not a frame: '" + Printable(out) + "'";
    return result;
  }
  result.reply = nlohmann::json::parse(out.begin() + 4, out.begin() + 4 + n,
                                       nullptr, false);
  if (result.reply.is_discarded()) {
    result.outcome = ProbeOutcome::kJunk;
    result.detail =
        "a frame on stdout is not JSON: '" + Printable(out.substr(4)) + "'";
  } else if (out.size() > 4 + static_cast<size_t>(n)) {
    result.outcome = ProbeOutcome::kJunk;
    result.detail = "after its reply the host wrote more on stdout: '" +
                    Printable(out.substr(4 + n)) + "'";
  } else {
    result.outcome = ProbeOutcome::kReplied;
  }
  return result;
}

}  // namespace objector::install
