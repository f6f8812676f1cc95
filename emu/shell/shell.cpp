// The guest shell (dash-like): variables, $? $! $$, "CMD &", "> FILE" and
// ">> FILE" (opened with open(2); echo writes its line with one write(2), and
// a failed write is busybox's "sh: write error: ..."), builtins, foreground
// and background jobs, and dash's messages.
#include "emu/shell/shell.hpp"

#include "emu/shell/usercalls.hpp"
#include "kernel/process.hpp"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "emu/sim/panic.hpp"
#include "kernel/include/linux/task_state.h"

namespace emu {

namespace {

struct Command {
    std::vector<std::string> words;
    bool background = false;
    bool devnull = false;       // "> /dev/null": output dropped without a file
    std::string redirect;       // "> FILE" / ">> FILE"
    bool append = false;
    bool bad_redirect = false;  // ">" with nothing after it
};

constexpr int kO_WRONLY = 01, kO_CREAT = 0100, kO_TRUNC = 01000, kO_APPEND = 02000;

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

constexpr double kMaxDurationS = 1e6;  // 11.6 days of guest time

// "2s", "500ms", "1.5", "3us" -> nanoseconds; false if malformed or over kMaxDurationS.
bool parse_duration(const std::string& s, std::uint64_t& ns) {
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || !(v >= 0)) return false;  // NaN too
    std::string unit(end);
    double mul = unit.empty() || unit == "s" ? 1e9 : unit == "ms" ? 1e6 : unit == "us" ? 1e3 : unit == "m" ? 60e9 : -1;
    if (mul < 0) return false;
    // At most kMaxDurationS: a longer wait is a typo, and would overflow the nanoseconds.
    if (!(v * mul <= kMaxDurationS * 1e9)) return false;
    ns = static_cast<std::uint64_t>(v * mul);
    return true;
}

struct Expectation {
    std::string kind;      // expect, expect-not, expect-exit
    std::string regex;
    std::shared_ptr<const re2::RE2> re;  // compiled: RE2 matches in linear time, with no recursion
    std::uint64_t duration_ns = 0;
    int exit_status = 0;
};

// Regexes are compiled once, on the host before boot (the shell's fiber has a
// small stack); RE2 bounds its memory, so a huge or nested one is an error.
using RegexCache = std::map<std::string, std::shared_ptr<const re2::RE2>, std::less<>>;
constexpr std::size_t kMaxRegexChars = 4096;

// Parses an expectation's words (quotes already removed); returns an error message or "".
std::string parse_expectation(const std::vector<std::string>& w, Expectation& e, RegexCache* cache = nullptr) {
    e.kind = w[0];
    if (e.kind == "expect-exit") {
        char* end = nullptr;
        if (w.size() != 2) return "expect-exit takes one status number";
        errno = 0;
        long v = std::strtol(w[1].c_str(), &end, 10);
        if (*end || w[1].empty()) return "expect-exit: '" + w[1] + "' is not a number";
        if (errno == ERANGE || v < 0 || v > 255) return "expect-exit: '" + w[1] + "' is not an exit status (0-255)";
        e.exit_status = static_cast<int>(v);
        return "";
    }
    if (w.size() < 2) return e.kind + " needs a \"REGEX\"";
    e.regex = w[1];
    if (e.regex.size() > kMaxRegexChars)
        return fmt::format("{}: the regular expression has {} characters (at most {})", e.kind, e.regex.size(),
                           kMaxRegexChars);
    if (auto hit = cache ? cache->find(e.regex) : RegexCache::iterator{}; cache && hit != cache->end()) {
        e.re = hit->second;
    } else {
        re2::RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<const re2::RE2>(e.regex, options);
        if (!re->ok()) return e.kind + ": bad regular expression \"" + e.regex + "\": " + re->error();
        e.re = re;
        if (cache) cache->emplace(e.regex, re);
    }
    e.duration_ns = e.kind == "expect" ? 1'000'000'000ull : 0;
    const char* word = e.kind == "expect" ? "within" : "for";
    if (w.size() == 2) return "";
    if (w.size() != 4 || w[2] != word) return e.kind + " \"REGEX\" [" + word + " DURATION]";
    if (!parse_duration(w[3], e.duration_ns))
        return e.kind + ": bad duration '" + w[3] + "' (e.g. 2s, 500ms; at most 1000000s)";
    return "";
}

// Splits a line into words honouring quotes (enough for expectation lines).
std::vector<std::string> simple_words(const std::string& line, bool* unterminated = nullptr) {
    std::vector<std::string> out;
    std::string cur;
    bool have = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '"' || c == '\'') {
            std::size_t end = line.find(c, i + 1);
            if (end == std::string::npos) {
                end = line.size();
                if (unterminated) *unterminated = true;
            }
            cur += line.substr(i + 1, end - i - 1);
            have = true;
            i = end;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            if (have) out.push_back(cur);
            cur.clear();
            have = false;
        } else if (c == '#' && !have) {
            break;
        } else {
            cur += c;
            have = true;
        }
    }
    if (have) out.push_back(cur);
    return out;
}

class Shell {
public:
    explicit Shell(ShellScript script) : m_script(std::move(script)) {
        // Compiled here, on the host's stack, before the machine runs.
        for (const std::string& line : m_script.lines) {
            std::vector<std::string> w = simple_words(line);
            Expectation e;
            if (!w.empty() && (w[0] == "expect" || w[0] == "expect-not")) parse_expectation(w, e, &m_regexes);
        }
    }

    int main() {
        std::string line;
        std::size_t next = 0;
        for (;;) {
            reap_background();
            if (m_script.interactive) {
                user::write_out("# ");
                if (!user::read_console_line(line)) break;
            } else {
                if (next >= m_script.lines.size()) break;
                line = m_script.lines[next++];
            }
            ++m_lineno;
            if (m_exit) break;
            run_line(line);
            if (m_exit) break;
        }
        return m_status;
    }

private:
    std::string var(const std::string& name) const {
        if (name == "?") return std::to_string(m_status);
        if (name == "!") return m_last_bg ? std::to_string(m_last_bg) : "";
        if (name == "$") return std::to_string(user::self().pid);
        auto it = m_vars.find(name);
        return it == m_vars.end() ? "" : it->second;
    }

    // Splits into words with quotes and $ expansion; stops at an unquoted '#'.
    std::vector<std::string> tokenize(const std::string& line) const {
        std::vector<std::string> words;
        std::string cur;
        bool have = false;
        for (std::size_t i = 0; i < line.size();) {
            char c = line[i];
            if (std::isspace(static_cast<unsigned char>(c))) {
                if (have) words.push_back(cur);
                cur.clear();
                have = false;
                ++i;
            } else if (c == '#' && !have) {
                break;
            } else if (c == '\'') {
                std::size_t end = line.find('\'', i + 1);
                if (end == std::string::npos) end = line.size();
                cur += line.substr(i + 1, end - i - 1);
                have = true;
                i = end + 1;
            } else if (c == '"') {
                ++i;
                while (i < line.size() && line[i] != '"') {
                    if (line[i] == '$') i = expand(line, i, cur);
                    else cur += line[i++];
                }
                ++i;
                have = true;
            } else if (c == '$') {
                i = expand(line, i, cur);
                have = true;
            } else if (c == '&' || c == '>') {
                if (have) words.push_back(cur);
                cur.clear();
                have = false;
                if (c == '>' && i + 1 < line.size() && line[i + 1] == '>') {
                    words.emplace_back(">>");
                    ++i;
                } else {
                    words.emplace_back(1, c);
                }
                ++i;
            } else {
                cur += c;
                have = true;
                ++i;
            }
        }
        if (have) words.push_back(cur);
        return words;
    }

    std::size_t expand(const std::string& line, std::size_t i, std::string& out) const {
        ++i;  // past '$'
        if (i < line.size() && (line[i] == '?' || line[i] == '!' || line[i] == '$')) {
            out += var(std::string(1, line[i]));
            return i + 1;
        }
        bool braces = i < line.size() && line[i] == '{';
        if (braces) ++i;
        std::size_t start = i;
        while (i < line.size() && is_name_char(line[i])) ++i;
        if (start == i) {
            out += '$';
            return i;
        }
        out += var(line.substr(start, i - start));
        if (braces && i < line.size() && line[i] == '}') ++i;
        return i;
    }

    Command parse(const std::vector<std::string>& tokens) const {
        Command cmd;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i] == "&") {
                cmd.background = true;
            } else if (tokens[i] == ">" || tokens[i] == ">>") {
                bool append = tokens[i] == ">>";
                std::string target = i + 1 < tokens.size() ? tokens[++i] : "";
                cmd.devnull = false;
                cmd.redirect.clear();
                if (target.empty()) cmd.bad_redirect = true;
                else if (target == "/dev/null") cmd.devnull = true;
                else cmd.redirect = target, cmd.append = append;
            } else {
                cmd.words.push_back(tokens[i]);
            }
        }
        return cmd;
    }

    void run_line(const std::string& line) {
        auto tokens = tokenize(line);
        if (tokens.empty()) return;
        Command cmd = parse(tokens);
        if (cmd.bad_redirect) {
            user::write_err("sh: Syntax error: newline unexpected\n");
            m_status = 2;
            return;
        }
        // Leading NAME=value words are assignments.
        std::size_t first = 0;
        while (first < cmd.words.size()) {
            const std::string& w = cmd.words[first];
            auto eq = w.find('=');
            if (eq == std::string::npos || eq == 0 || !std::all_of(w.begin(), w.begin() + static_cast<long>(eq), is_name_char)) break;
            m_vars[w.substr(0, eq)] = w.substr(eq + 1);
            ++first;
        }
        cmd.words.erase(cmd.words.begin(), cmd.words.begin() + static_cast<long>(first));
        if (cmd.words.empty()) {
            m_status = 0;
            return;
        }
        if (cmd.words[0].rfind("expect", 0) == 0 &&
            (cmd.words[0] == "expect" || cmd.words[0] == "expect-not" || cmd.words[0] == "expect-exit")) {
            run_expectation(line);
            return;
        }
        // `CMD &` runs in its own process, as dash forks for it; a builtin
        // without a program of its name still runs in the shell.
        if (cmd.background && builtin_programs().count(cmd.words[0])) return run_program(cmd);
        if (run_builtin(cmd)) {
            user::charge_builtin();
            return;
        }
        run_program(cmd);
    }

    // Opens a "> FILE" / ">> FILE" target; on failure says so as dash does and sets $? to 2.
    int open_redirect(const Command& cmd) {
        int flags = kO_WRONLY | kO_CREAT | (cmd.append ? kO_APPEND : kO_TRUNC);
        int fd = user::open(cmd.redirect, flags, 0666);
        if (fd < 0) {
            user::write_err(fmt::format("sh: cannot create {}: {}\n", cmd.redirect, std::strerror(-fd)));
            m_status = 2;
        }
        return fd;
    }

    bool run_builtin(const Command& cmd) {
        const auto& w = cmd.words;
        const std::string& name = w[0];
        if (name == "echo") {
            std::size_t i = 1;
            bool newline = true;
            if (i < w.size() && w[i] == "-n") {
                newline = false;
                ++i;
            }
            std::string out;
            for (; i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
            if (newline) out += '\n';
            m_status = 0;
            if (cmd.devnull) return true;
            if (cmd.redirect.empty()) {
                user::write_out(out);
                return true;
            }
            int fd = open_redirect(cmd);
            if (fd < 0) return true;
            // busybox echo: one write of the whole line (again for what a short write left), then close.
            std::size_t done = 0;
            long r = 0;
            while (done < out.size() && (r = user::write(fd, out.data() + done, out.size() - done)) > 0)
                done += static_cast<std::size_t>(r);
            user::close(fd);
            if (r < 0) {
                user::write_err(fmt::format("sh: write error: {}\n", std::strerror(static_cast<int>(-r))));
                m_status = 1;
            }
        } else if (name == "true" || name == ":") {
            m_status = 0;
        } else if (name == "false") {
            m_status = 1;
        } else if (name == "exit") {
            m_status = w.size() > 1 ? std::atoi(w[1].c_str()) & 0xff : m_status;
            m_exit = true;
        } else if (name == "cd") {
            m_status = 0;
        } else if (name == "kill") {
            builtin_kill(w);
        } else if (name == "wait") {
            builtin_wait(w);
        } else {
            return false;
        }
        return true;
    }

    void builtin_kill(const std::vector<std::string>& w) {
        int sig = kern::SIGTERM_NR;
        std::size_t i = 1;
        if (i < w.size() && w[i].size() > 1 && w[i][0] == '-') {
            std::string s = w[i].substr(1);
            if (s == "s" && i + 1 < w.size()) s = w[++i];
            if (s == "KILL" || s == "SIGKILL" || s == "9") sig = kern::SIGKILL_NR;
            else if (s == "TERM" || s == "SIGTERM" || s == "15") sig = kern::SIGTERM_NR;
            else if (s == "INT" || s == "SIGINT" || s == "2") sig = 2;
            else if (s == "HUP" || s == "SIGHUP" || s == "1") sig = 1;
            else if (std::all_of(s.begin(), s.end(), ::isdigit)) sig = std::atoi(s.c_str());
            else {
                user::write_err(fmt::format("sh: kill: invalid signal {}\n", s));
                m_status = 2;
                return;
            }
            ++i;
        }
        if (i >= w.size()) {
            user::write_err("kill: usage: kill [-s sigspec | -signum | -sigspec] pid\n");
            m_status = 2;
            return;
        }
        m_status = 0;
        for (; i < w.size(); ++i) {
            char* end = nullptr;
            long pid = std::strtol(w[i].c_str(), &end, 10);
            if (w[i].empty() || *end || pid <= 0) {
                user::write_err(fmt::format("sh: kill: illegal pid: {}\n", w[i]));
                m_status = 2;
                continue;
            }
            if (user::kill(static_cast<int>(pid), sig) < 0) {
                user::write_err("sh: kill: No such process\n");
                m_status = 1;
            }
        }
    }

    void builtin_wait(const std::vector<std::string>& w) {
        m_status = 0;
        if (w.size() > 1) {
            for (std::size_t i = 1; i < w.size(); ++i) {
                int pid = std::atoi(w[i].c_str());
                if (auto done = m_done.find(pid); done != m_done.end()) {
                    m_status = done->second;
                    m_done.erase(done);
                    continue;
                }
                int st = 0;
                int r = user::waitpid(pid, &st, false);
                m_status = r > 0 ? decode(st) : 127;
                forget_job(pid);
            }
            return;
        }
        while (!m_jobs.empty()) {
            int st = 0;
            int r = user::waitpid(m_jobs.front(), &st, false);
            m_jobs.erase(m_jobs.begin());
            if (r < 0 && r != -ECHILD) break;
        }
        m_done.clear();
    }

    // The console's complete lines from the cursor on, without "[%5lu.%06lu] " prefixes.
    bool find_line(const re2::RE2& re, std::size_t& cursor, std::string* matched = nullptr) {
        const std::string& h = user::kernel().console.history();
        std::size_t pos = cursor;
        while (pos < h.size()) {
            std::size_t nl = h.find('\n', pos);
            if (nl == std::string::npos) break;
            std::string line = h.substr(pos, nl - pos);
            if (line.size() > 15 && line[0] == '[' && line[13] == ']' && line[14] == ' ') line.erase(0, 15);
            std::size_t line_start = pos;
            pos = nl + 1;
            if (re2::RE2::PartialMatch(line, re)) {
                cursor = pos;
                if (matched) *matched = h.substr(line_start, nl - line_start);
                return true;
            }
        }
        return false;
    }

    void fail_expectation(const std::string& what) {
        const std::string& h = user::kernel().console.history();
        std::size_t start = h.size();
        for (int n = 0; n < 12 && start > 0; ++n) start = h.rfind('\n', start - 2) == std::string::npos ? 0 : h.rfind('\n', start - 2) + 1;
        m_script.report->failure = fmt::format("{}:{}: expectation failed: {}\nrecent console lines:\n{}", m_script.name,
                                               m_lineno, what, h.substr(start));
        m_status = 1;
        m_exit = true;
    }

    void run_expectation(const std::string& line) {
        Expectation e;
        std::string err = parse_expectation(simple_words(line), e, &m_regexes);
        ++m_script.report->expectations;
        if (!err.empty()) return fail_expectation(err);
        if (e.kind == "expect-exit") {
            // Expectations are not commands: $? stays the previous command's status.
            if (m_status != e.exit_status)
                fail_expectation(fmt::format("expect-exit {} (the previous command exited {})", e.exit_status, m_status));
            return;
        }
        const re2::RE2& re = *e.re;
        std::uint64_t start = user::kernel().now_ns();
        if (e.kind == "expect-not") {
            if (e.duration_ns) user::nanosleep_ns(e.duration_ns);
            std::size_t probe = m_cursor;
            std::string matched;
            if (find_line(re, probe, &matched))
                return fail_expectation(fmt::format("expect-not \"{}\" for {} ms: this line appeared: {}", e.regex,
                                                    e.duration_ns / 1'000'000, matched));
            return;
        }
        for (;;) {
            if (find_line(re, m_cursor)) return;
            if (user::kernel().now_ns() - start >= e.duration_ns)
                return fail_expectation(fmt::format("expect \"{}\" within {} ms: no such console line", e.regex,
                                                    e.duration_ns / 1'000'000));
            user::nanosleep_ns(1'000'000);
        }
    }

    static int decode(int status) { return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff; }

    void forget_job(int pid) { std::erase(m_jobs, pid); }

    // Collects background jobs that ended; their statuses stay in the job
    // table until `wait PID` asks for them, as in dash.
    void reap_background() {
        for (std::size_t i = 0; i < m_jobs.size();) {
            int st = 0;
            int r = user::waitpid(m_jobs[i], &st, true);
            if (r > 0) m_done[m_jobs[i]] = decode(st);
            if (r > 0 || r == -ECHILD) m_jobs.erase(m_jobs.begin() + static_cast<long>(i));
            else ++i;
        }
    }

    void run_program(const Command& cmd) {
        const std::string& name = cmd.words[0];
        kern::UserProgram program;
        if (name.find('/') != std::string::npos) {
            std::string error;
            int rc = load_user_program(name, program, error);
            if (rc) {
                user::write_err(fmt::format("sh: {}: {}\n", name, error));
                m_status = rc;
                return;
            }
        } else {
            const ProgramTable& programs = builtin_programs();
            auto it = programs.find(name);
            if (it == programs.end()) {
                user::write_err(fmt::format("sh: {}: not found\n", name));
                m_status = 127;
                return;
            }
            program = it->second;
        }
        int out_fd = -1;
        if (!cmd.redirect.empty() && (out_fd = open_redirect(cmd)) < 0) return;
        int pid = user::spawn(program, cmd.words, cmd.devnull, out_fd);
        if (out_fd >= 0) user::close(out_fd);  // the child holds its own reference
        if (cmd.background) {
            m_last_bg = pid;
            m_jobs.push_back(pid);
            m_status = 0;
            return;
        }
        int st = 0;
        int r = user::waitpid(pid, &st, false);
        if (r < 0) {
            m_status = 127;
            return;
        }
        m_status = decode(st);
        int sig = st & 0x7f;
        if (sig == kern::SIGKILL_NR) user::write_err("Killed\n");
        else if (sig == kern::SIGTERM_NR) user::write_err("Terminated\n");
        else if (sig == kern::SIGSEGV_NR) user::write_err("Segmentation fault\n");
        else if (sig == kern::SIGABRT_NR) user::write_err("Aborted\n");
    }

    ShellScript m_script;
    RegexCache m_regexes;
    std::map<std::string, std::string> m_vars;
    std::vector<int> m_jobs;
    std::map<int, int> m_done;  // background jobs that ended: pid -> status, until `wait PID`
    int m_status = 0;
    int m_last_bg = 0;
    int m_lineno = 0;
    bool m_exit = false;
    std::size_t m_cursor = 0;  // console position the next expect searches from
};

}  // namespace

namespace {

bool is_expectation_word(const std::string& w) { return w == "expect" || w == "expect-not" || w == "expect-exit"; }

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// A misspelt expectation would otherwise run as a command ("sh: expec: not
// found") and the check it meant would silently vanish.
bool looks_like_expectation(const std::string& w) {
    if (w.size() < 4 || is_expectation_word(w)) return false;
    if (w.rfind("expe", 0) == 0) return true;
    for (const char* k : {"expect", "expect-not", "expect-exit"})
        if (edit_distance(w, k) <= 2) return true;
    return false;
}

}  // namespace

void check_scenario_syntax(const ShellScript& script) {
    bool seen_command = false;
    for (std::size_t i = 0; i < script.lines.size(); ++i) {
        bool unterminated = false;
        std::vector<std::string> w = simple_words(script.lines[i], &unterminated);
        if (w.empty()) continue;
        auto fail = [&](const std::string& err) {
            throw UserError(fmt::format("{}:{}: syntax error: {}", script.name, i + 1, err), 2);
        };
        if (looks_like_expectation(w[0]))
            fail(fmt::format("unknown expectation '{}' (expect, expect-not or expect-exit)", w[0]));
        if (!is_expectation_word(w[0])) {
            seen_command = true;
            continue;
        }
        if (unterminated) fail("unterminated quote");
        Expectation e;
        std::string err = parse_expectation(w, e);
        if (!err.empty()) fail(err);
        if (e.kind == "expect-exit" && !seen_command) fail("expect-exit before any command");
    }
}

kern::UserProgram make_shell(ShellScript script) {
    auto shell = std::make_shared<Shell>(std::move(script));
    return [shell](std::vector<std::string>&) { return shell->main(); };
}

}  // namespace emu
