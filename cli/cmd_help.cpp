// pops help [COMMAND [SUBCOMMAND...]]; pops help rules | rule ID | format; pops help EXTENSION (runs
// pops-EXTENSION --help); pops help --man [COMMAND] (hidden): the same help as a man page.

#include "commands.h"
#include "complete.h"
#include "dispatch.h"
#include "man.h"

#include "workspace/alias.h"
#include "workspace/rules.h"
#include "base/embedded.h"
#include "base/fsutil.h"
#include "base/text.h"
#include "workspace/workspace.h"

#include <algorithm>
#include <filesystem>

namespace pops::cli {

namespace {

struct HelpOpts {
  std::vector<std::string> words;
  bool man = false;
  std::string man_dir;
};

/// Writes every man page into `dir` (created when missing) and lists their names on stdout.
int write_man_pages(Context& ctx, const std::string& dir)
{
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    error(ctx.err, fmt::format("cannot create '{}': {}", dir, ec.message()));
    return k_exit_usage;
  }
  std::string list;
  for (const auto& name : man_page_names()) {
    std::string cmd = name == "pops.1" ? "" : name.substr(5, name.size() - 7);
    write_file_atomic(dir + "/" + name, man_page(cmd));
    list += name + "\n";
  }
  ctx.out.write(list);
  return k_exit_ok;
}

/// `text` as lines of at most `width` columns (words never split), each starting with `indent`.
std::string wrap(std::string_view text, int width, std::string_view indent)
{
  std::string out;
  std::string line;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') {
      ++i;
    }
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) {
      j = text.size();
    }
    if (j == i) {
      break;
    }
    std::string_view word = text.substr(i, j - i);
    i = j;
    if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
      out += line + "\n";
      line.clear();
    }
    line += line.empty() ? std::string(indent) + std::string(word) : " " + std::string(word);
  }
  if (!line.empty()) {
    out += line + "\n";
  }
  return out;
}

/// The topics of `pops help` that are not commands.
constexpr std::string_view k_topics[] = {"rules", "rule", "format"};

std::string rules_help(int width)
{
  size_t w = 0;
  for (const auto& r : all_rules()) {
    w = std::max(w, r.id.size());
  }
  std::string out = "Rules of 'pops check', with their default severity. 'pops help rule ID' explains one;\n"
                    "pops.yaml 'rules:' sets severities (off, info, warning, error) and pilots.\n\n";
  for (const auto& r : all_rules()) {
    const std::string head = fmt::format("  {:<{}}  {:<7}  ", r.id, w, severity_name(r.default_severity));
    const std::string body = wrap(r.summary, std::max(20, width - static_cast<int>(head.size())), "");
    // The summary's continuation lines line up under its first line.
    std::string indented;
    size_t from = 0;
    for (size_t nl = body.find('\n'); nl != std::string::npos; from = nl + 1, nl = body.find('\n', from)) {
      indented += (from == 0 ? head : std::string(head.size(), ' ')) + body.substr(from, nl - from + 1);
    }
    out += indented;
  }
  return out;
}

std::string rule_help(const RuleInfo& r, int width)
{
  std::string out = fmt::format("{} (default severity: {})\n\n", r.id, severity_name(r.default_severity));
  out += wrap(fmt::format("Reports {}.", r.summary), width, "  ");
  out += "\n" + wrap(r.description, width, "  ");
  out += "\n"
         + wrap("Its severity is set in pops.yaml: off, info, warning or error, or {severity: S, pilot: [SQUAD]} for "
                "some squads only:",
                width, "");
  out += fmt::format("  rules:\n    {}: warning\n", r.id);
  return out;
}

/// The help of `words` (a command and its subcommands), or an error when a subcommand is unknown.
int subcommand_help(Context& ctx, const Command& cmd, const std::vector<std::string>& words)
{
  Runner run;
  auto app = make_app(cmd, run, nullptr);
  CLI::App* at = app.get();
  std::string path = "pops " + words[0];
  for (size_t k = 1; k < words.size(); ++k) {
    CLI::App* sub = nullptr;
    std::vector<std::string> names;
    for (CLI::App* s : at->get_subcommands([](CLI::App*) { return true; })) {
      names.push_back(s->get_name());
      if (s->get_name() == words[k]) {
        sub = s;
      }
    }
    if (!sub) {
      error(ctx.err, names.empty()
                       ? fmt::format("no help for '{} {}': '{}' has no subcommands", path, printable(words[k]), path)
                       : fmt::format("no help for '{} {}': not a subcommand of '{}'", path, printable(words[k]), path));
      const std::string s = closest(words[k], names);
      hint(ctx.err, !s.empty() ? fmt::format("did you mean 'pops help {} {}'?", path.substr(5), s)
                               : fmt::format("see 'pops help {}'", path.substr(5)));
      return k_exit_usage;
    }
    at = sub;
    path += " " + words[k];
  }
  ctx.out.write(at == app.get() ? command_help(cmd) : at->help(path.substr(0, path.rfind(' '))));
  return k_exit_ok;
}

}  // namespace

void setup_help(CLI::App& app, Runner& run)
{
  auto o = std::make_shared<HelpOpts>();
  app
    .add_option("topic", o->words,
                "The command (and subcommand) to show help for, an extension, or: rules, rule ID, format")
    ->check(completes(Values::commands));
  // Hidden (no group): used by the build to make the man pages.
  app.add_flag("--man", o->man, "Print the man page (roff) of pops or of the command")->group("");
  app.add_option("--man-dir", o->man_dir, "Write every man page into DIR")->group("");
  run = [o](Context& ctx) {
    if (!o->man_dir.empty()) {
      return write_man_pages(ctx, o->man_dir);
    }
    const std::string topic = o->words.empty() ? "" : o->words[0];
    const Command* cmd = topic.empty() ? nullptr : find_command(topic);
    if (o->man && o->words.size() > 1) {
      error(ctx.err, "help --man takes one command");
      return k_exit_usage;
    }
    if (cmd && o->words.size() > 1) {
      return subcommand_help(ctx, *cmd, o->words);
    }
    if (!cmd && !o->man) {
      if (topic == "rules" && o->words.size() == 1) {
        ctx.out.write(rules_help(ctx.out.width()));
        return k_exit_ok;
      }
      if (topic == "rule") {
        if (o->words.size() != 2) {
          error(ctx.err, "'pops help rule' takes one rule id");
          hint(ctx.err, "see 'pops help rules' for the list of rules");
          return k_exit_usage;
        }
        if (const RuleInfo* r = find_rule(o->words[1])) {
          ctx.out.write(rule_help(*r, std::min(ctx.out.width(), 100)));
          return k_exit_ok;
        }
        std::vector<std::string> ids;
        for (const auto& r : all_rules()) {
          ids.emplace_back(r.id);
        }
        error(ctx.err, fmt::format("no rule '{}'", printable(o->words[1])));
        const std::string s = closest(o->words[1], ids);
        hint(ctx.err, s.empty() ? "see 'pops help rules' for the list of rules"
                                : fmt::format("did you mean 'pops help rule {}'?", s));
        return k_exit_usage;
      }
      if (topic == "format" && o->words.size() == 1) {
        ctx.out.write(std::string(embedded_file("help/format.md").value_or("")));
        return k_exit_ok;
      }
    }
    if (!topic.empty() && !cmd && !o->man) {
      // An alias of the workspace: say what it stands for, like git.
      std::optional<std::string> root = find_workspace(ctx.cwd);
      try {
        for (const auto& a : root ? workspace_aliases(*root) : std::vector<Alias>{}) {
          if (a.name.value == topic) {
            std::string line;
            for (const auto& w : a.words) {
              line += (line.empty() ? "" : " ") + w;
            }
            ctx.out.write(
              fmt::format("'{}' is an alias for '{}' (pops.yaml:{})\n", a.name.value, line, a.name.loc.line));
            return k_exit_ok;
          }
        }
      } catch (const std::exception&) {
      }
    }
    if (!topic.empty() && !cmd && !o->man) {
      // An extension: its own help, as `git help` shows an external command's.
      if (auto ext = find_extension(topic)) {
        return exec_extension(ctx, *ext, topic, {"--help"});
      }
    }
    if (!topic.empty() && !cmd) {
      std::vector<std::string> names;
      for (const auto& c : commands()) {
        names.emplace_back(c.name);
      }
      for (const auto t : k_topics) {
        names.emplace_back(t);
      }
      for (auto& e : extension_names()) {
        names.push_back(std::move(e));
      }
      error(ctx.err, fmt::format("no help for '{}': not a pops command or help topic", printable(topic)));
      std::string s = closest(topic, names);
      hint(ctx.err,
           s.empty() ? "see 'pops help' for the list of commands" : fmt::format("did you mean 'pops help {}'?", s));
      return k_exit_usage;
    }
    if (o->man) {
      ctx.out.write(man_page(topic));
      return k_exit_ok;
    }
    ctx.out.write(cmd ? command_help(*cmd) : general_help());
    return k_exit_ok;
  };
}

void setup_version(CLI::App& /*app*/, Runner& run)
{
  run = [](Context& ctx) {
    ctx.out.write(fmt::format("pops {}\n", POPS_VERSION));
    return k_exit_ok;
  };
}

}  // namespace pops::cli
