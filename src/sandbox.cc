#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/securebits.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fmt/format.h>

namespace guidecheck {
namespace {

// The host's network namespace, kept open by the zygote for runs that say
// `network = true` (-1 when there is none to go back to).
int g_host_network = -1;

std::string failed(const char* what) { return fmt::format("{}: {}", what, strerror(errno)); }

bool write_file(const char* path, const std::string& text) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  close(fd);
  return ok;
}

// A new network namespace has loopback down; samples that talk to a local
// server (a common tutorial) need it up.
bool bring_loopback_up() {
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  struct ifreq request{};
  strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
  bool ok = ioctl(fd, SIOCGIFFLAGS, &request) == 0;
  request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP | IFF_RUNNING);
  ok = ok && ioctl(fd, SIOCSIFFLAGS, &request) == 0;
  close(fd);
  return ok;
}

[[noreturn]] void wait_and_mirror(pid_t child) {
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

int set_mount_attributes(int dir_fd, const char* path, unsigned flags, uint64_t set, uint64_t clear) {
  struct mount_attr attr{};
  attr.attr_set = set;
  attr.attr_clr = clear;
  return static_cast<int>(syscall(SYS_mount_setattr, dir_fd, path, flags, &attr, sizeof attr));
}

bool bind(const std::string& from, const char* to) {
  return mount(from.c_str(), to, nullptr, MS_BIND | MS_REC, nullptr) == 0;
}

// Where `path` is seen once the run's private /tmp covers /tmp: under /tmp
// it must be mounted inside the run's tmpfs to stay visible.
std::string seen_at(const std::string& root, const std::string& path) {
  return path.rfind("/tmp/", 0) == 0 ? root + "/tmp/" + path.substr(5) : path;
}

// Makes `path` (a file or directory) visible at `at`: the directories and an
// empty file or directory to mount on (when `at` is in the run's tmpfs),
// then a bind.
bool expose(const std::string& path, const std::string& at) {
  if (at != path) {
    for (size_t slash = at.find('/', 1); slash != std::string::npos; slash = at.find('/', slash + 1))
      mkdir(at.substr(0, slash).c_str(), 0755);
    struct stat st{};
    if (stat(path.c_str(), &st) != 0) return false;
    if (S_ISDIR(st.st_mode)) {
      mkdir(at.c_str(), 0755);
    } else {
      int fd = open(at.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
      if (fd < 0) return false;
      close(fd);
    }
  }
  return bind(path, at.c_str());
}

// Landlock's scoping (ABI 6, Linux 6.12): no signal to, and no abstract
// socket of, a process outside the run's own domain. Any Landlock domain
// already denies ptrace (so /proc/<pid>/fd) across domains. Declared here:
// Debian 12's kernel headers predate the fields.
struct LandlockRuleset {
  uint64_t handled_access_fs;
  uint64_t handled_access_net;
  uint64_t scoped;
};
constexpr uint64_t kScopeAbstractUnixSocket = 1u << 0;
constexpr uint64_t kScopeSignal = 1u << 1;

bool restrict_to_own_domain(std::string* err) {
  long abi = syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1) return true;  // no Landlock: the namespaces and dropped capabilities still hold
  LandlockRuleset ruleset{};
  // Making device nodes is never needed by a sample; handling it gives a domain.
  ruleset.handled_access_fs = LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_BLOCK;
  // Any domain denies moving a file to another directory (EXDEV) unless a
  // rule grants it (ABI 2): `Path.rename` into a subfolder must work as in
  // python3. The mounts, not Landlock, say where a run may write.
  if (abi >= 2) ruleset.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
  size_t size = sizeof(uint64_t);
  if (abi >= 6) {
    ruleset.scoped = kScopeAbstractUnixSocket | kScopeSignal;
    size = sizeof ruleset;
  }
  int fd = static_cast<int>(syscall(SYS_landlock_create_ruleset, &ruleset, size, 0));
  if (fd < 0) {
    *err = failed("landlock_create_ruleset");
    return false;
  }
  if (abi >= 2) {
    landlock_path_beneath_attr everywhere{LANDLOCK_ACCESS_FS_REFER, open("/", O_PATH | O_CLOEXEC)};
    const bool granted = everywhere.parent_fd >= 0 &&
                         syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_PATH_BENEATH, &everywhere, 0) == 0;
    if (everywhere.parent_fd >= 0) close(everywhere.parent_fd);
    if (!granted) {
      *err = failed("landlock_add_rule");
      close(fd);
      return false;
    }
  }
  bool ok = syscall(SYS_landlock_restrict_self, fd, 0) == 0;
  if (!ok) *err = failed("landlock_restrict_self");
  close(fd);
  return ok;
}

bool drop_capabilities(std::string* err) {
  // Root's exec rule (uid 0 gets every capability on exec) is switched off
  // and locked in one call; no_new_privs already stops exec from gaining any.
  // Emptying the bounding set instead takes one prctl per capability, each
  // run through the LSM hooks: a tenth of the sandbox's cost.
  constexpr unsigned long kNoRootNoAmbient = SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE |
                                             SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED;
  if (prctl(PR_SET_SECUREBITS, kNoRootNoAmbient, 0, 0, 0) != 0)
    for (int cap = 0; cap <= CAP_LAST_CAP; ++cap) prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
  prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
  struct __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2] = {};
  if (syscall(SYS_capset, &header, data) != 0) {
    *err = failed("capset");
    return false;
  }
  return true;
}

bool set_limit(int resource, uint64_t value) {
  struct rlimit current{};
  getrlimit(resource, &current);
  rlim_t wanted = current.rlim_max == RLIM_INFINITY ? value : std::min<rlim_t>(value, current.rlim_max);
  struct rlimit limit{wanted, wanted};
  return setrlimit(resource, &limit) == 0;
}

}  // namespace

std::string enter_zygote_namespaces(int keep_fd) {
  const uid_t uid = geteuid();
  const gid_t gid = getegid();
  int host_network = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
  if (uid != 0) {
    if (unshare(CLONE_NEWUSER) != 0) return failed("the kernel refused a user namespace");
    if (!write_file("/proc/self/setgroups", "deny") ||
        !write_file("/proc/self/uid_map", fmt::format("{} {} 1\n", uid, uid)) ||
        !write_file("/proc/self/gid_map", fmt::format("{} {} 1\n", gid, gid)))
      return failed("cannot map the user into its namespace");
  }
  if (unshare(CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS) != 0)
    return failed("the kernel refused new namespaces");
  pid_t child = fork();
  if (child < 0) return failed("fork");
  if (child > 0) {
    close(keep_fd);  // the host must see EOF when the real zygote goes
    wait_and_mirror(child);
  }
  // PID 1 of the new namespace: when it dies, every process in it dies.
  prctl(PR_SET_PDEATHSIG, SIGTERM);
  g_host_network = host_network;
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return failed("mount --make-rprivate /");
  if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0)
    return failed("cannot mount a /proc of its own");
  if (!bring_loopback_up()) return failed("cannot bring loopback up");
  return "";
}

bool confine_run(const RunDirs& dirs, const std::string& script, const SandboxPolicy& policy, std::string* err) {
  if (policy.network) {
    if (g_host_network < 0 || setns(g_host_network, CLONE_NEWNET) != 0) {
      *err = failed("network = true: cannot join the host's network") +
             (geteuid() != 0 ? " (only a check run as root can give a sandboxed sample the network)" : "");
      return false;
    }
  }
  if (g_host_network >= 0) close(g_host_network);
  if (unshare(CLONE_NEWNS) != 0) {
    *err = failed("unshare(CLONE_NEWNS)");
    return false;
  }
  const std::string& root = dirs.root;
  const std::string options = fmt::format("size={},mode=0755", kRunDiskBytes);
  if (mount("guidecheck-run", root.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
    *err = failed("cannot mount the run's tmpfs");
    return false;
  }
  if (mkdir(dirs.work().c_str(), 0755) != 0 || mkdir((root + "/tmp").c_str(), 01777) != 0 ||
      mkdir((root + "/shm").c_str(), 01777) != 0 || chmod((root + "/tmp").c_str(), 01777) != 0 ||
      chmod((root + "/shm").c_str(), 01777) != 0 || chdir(dirs.work().c_str()) != 0) {
    *err = failed("cannot prepare the run's directories");
    return false;
  }
  // The run's tmpfs may lie under /tmp, which is about to be covered: keep a
  // handle on it.
  int root_fd = open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  // Its working directory, paths it may write, and its own directory (read-only):
  // bound where they stay visible once /tmp is covered (the run's directory
  // and candidate layouts' scratch directory are usually in /tmp).
  if (seen_at(root, dirs.work()) != dirs.work() && !expose(dirs.work(), seen_at(root, dirs.work()))) {
    *err = failed("cannot keep the working directory in view");
    return false;
  }
  for (const std::string& path : policy.writable) {
    if (!expose(path, seen_at(root, path))) {
      *err = failed(("writable = \"" + path + "\"").c_str());
      return false;
    }
  }
  // Its directory, not only the file: a sample may import its neighbours.
  const std::string script_dir = script.substr(0, std::max<size_t>(1, script.rfind('/')));
  // Unless it is one of the writable paths, or inside one: it stays writable.
  const bool script_writable = std::any_of(policy.writable.begin(), policy.writable.end(), [&](const std::string& w) {
    return script_dir == w || script_dir.rfind(w + "/", 0) == 0;
  });
  // A script right in /tmp: that directory is the host's /tmp, which the run
  // must not see; the file alone is shown.
  const std::string shown = script_dir == "/tmp" ? script : script_dir;
  if (!script_writable && !expose(shown, seen_at(root, shown))) {
    *err = failed(("cannot show the sample its directory " + script_dir).c_str());
    return false;
  }
  struct stat st{};
  const bool has_shm = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode);
  // /tmp last: it may cover the run's own directory.
  if ((has_shm && !bind(root + "/shm", "/dev/shm")) || !bind(root + "/tmp", "/tmp")) {
    *err = failed("cannot give the run its own /tmp");
    return false;
  }
  bool ok = set_mount_attributes(AT_FDCWD, "/", AT_RECURSIVE, MOUNT_ATTR_RDONLY, 0) == 0;
  ok = ok && set_mount_attributes(root_fd, "", AT_EMPTY_PATH | AT_RECURSIVE, 0, MOUNT_ATTR_RDONLY) == 0;
  ok = ok && set_mount_attributes(AT_FDCWD, "/tmp", AT_RECURSIVE, 0, MOUNT_ATTR_RDONLY) == 0;
  // A process may write its own /proc/self files (comm, a thread's name);
  // without capabilities that is all /proc lets it write.
  ok = ok && set_mount_attributes(AT_FDCWD, "/proc", 0, 0, MOUNT_ATTR_RDONLY) == 0;
  ok = ok && (!has_shm || set_mount_attributes(AT_FDCWD, "/dev/shm", AT_RECURSIVE, 0, MOUNT_ATTR_RDONLY) == 0);
  for (const std::string& path : policy.writable)
    ok = ok && set_mount_attributes(AT_FDCWD, path.c_str(), AT_RECURSIVE, 0, MOUNT_ATTR_RDONLY) == 0;
  ok = ok && (script_writable ||
              set_mount_attributes(AT_FDCWD, shown.c_str(), AT_RECURSIVE, MOUNT_ATTR_RDONLY, 0) == 0);
  close(root_fd);
  if (!ok) {
    *err = failed("cannot make the file system read-only");
    return false;
  }
  set_limit(RLIMIT_FSIZE, kRunFileBytes);
  set_limit(RLIMIT_NPROC, kRunProcesses);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
    *err = failed("no_new_privs");
    return false;
  }
  return drop_capabilities(err) && restrict_to_own_domain(err);
}

bool make_unconfined_run_dirs(const RunDirs& dirs, std::string* err) {
  if (mkdir(dirs.work().c_str(), 0700) != 0 || chdir(dirs.work().c_str()) != 0) {
    *err = failed("cannot create the run's working directory");
    return false;
  }
  return true;
}

bool is_env_entry(const std::string& entry) {
  const std::string name = entry.substr(0, entry.find('='));
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::vector<std::string> sandboxed_environment(const std::vector<std::string>& inherited, const std::string& home,
                                               const SandboxPolicy& policy) {
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  auto allowed = [](const std::string& name) {
    return name == "PATH" || name == "LANG" || name == "TZ" || name == "TERM" || name.rfind("LC_", 0) == 0;
  };
  std::vector<std::string> env;
  for (const std::string& entry : inherited)
    if (allowed(name_of(entry))) env.push_back(entry);
  env.push_back("HOME=" + home);
  env.push_back("TMPDIR=/tmp");
  for (const std::string& entry : policy.env) {
    std::string name = name_of(entry);
    std::erase_if(env, [&](const std::string& e) { return name_of(e) == name; });
    if (entry.find('=') != std::string::npos) {
      env.push_back(entry);
    } else {
      for (const std::string& e : inherited)
        if (name_of(e) == name) env.push_back(e);
    }
  }
  return env;
}

}  // namespace guidecheck
