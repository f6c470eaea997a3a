// Runs the built driftmap binary (DRIFTMAP_BINARY) as a subprocess and captures its output, for
// CLI tests: exit status, stdout and stderr, with no shell involved.
#pragma once
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace driftmap::test {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string read_all(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// Runs `driftmap args...`; stdin is /dev/null.
inline RunResult run_driftmap(const std::vector<std::string>& args) {
  char out_path[] = "/tmp/driftmap-test-out-XXXXXX";
  char err_path[] = "/tmp/driftmap-test-err-XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  std::vector<std::string> storage{DRIFTMAP_BINARY};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);
  RunResult r;
  pid_t pid;
  if (posix_spawn(&pid, DRIFTMAP_BINARY, &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  close(out_fd);
  close(err_fd);
  r.out = read_all(out_path);
  r.err = read_all(err_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

inline std::string last_line(const std::string& s) {
  std::string t = s;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  const auto p = t.rfind('\n');
  return p == std::string::npos ? t : t.substr(p + 1);
}

}  // namespace driftmap::test
