// Questions about files the store asks before it trusts SQLite's answer: does a database's -wal
// exist and hold anything, which of its files is the one that cannot be written.
// Per platform: files_posix.cc, files_win.cc.
#ifndef OBJECTOR_BASE_FILES_H_
#define OBJECTOR_BASE_FILES_H_

#include <string>
#include <vector>

namespace objector {

// True when something (file, directory, dangling link) exists at `path`.
bool PathExists(const std::string& path);

// The size in bytes of the file at `path`, -1 when there is none.
long long FileSize(const std::string& path);

// The first of `paths` that exists and that this process may not write (a directory: may not
// create files in); "" when every existing one is writable. Used to name the file that is really
// read-only when SQLite only says "readonly database".
std::string FirstUnwritable(const std::vector<std::string>& paths);

}  // namespace objector

#endif  // OBJECTOR_BASE_FILES_H_
