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
#include <string_view>
#include <utility>
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

using Env = std::vector<std::pair<std::string, std::string>>;

// Runs `driftmap args...` with the test's environment plus env (an empty value unsets the
// variable); stdin is /dev/null.
inline RunResult run_driftmap(const std::vector<std::string>& args, const Env& env = {}) {
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
  std::vector<std::string> env_storage;
  for (char** e = environ; *e; ++e) {
    const std::string_view kv = *e;
    bool overridden = false;
    for (const auto& [k, v] : env) overridden |= kv.substr(0, kv.find('=')) == k;
    if (!overridden) env_storage.emplace_back(kv);
  }
  for (const auto& [k, v] : env)
    if (!v.empty()) env_storage.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);
  RunResult r;
  pid_t pid;
  if (posix_spawn(&pid, DRIFTMAP_BINARY, &actions, nullptr, argv.data(), envp.data()) == 0) {
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
