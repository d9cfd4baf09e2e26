// Man pages in roff (man macros), from the command specs (cli/command_spec.h) that the completions use.

#include "man.h"

#include "commands.h"
#include "command_spec.h"

#include <fmt/format.h>

#include <cctype>

namespace pops::cli {

namespace {

/// Escapes text for roff: backslashes, dashes, a leading '.' or '\'' that would start a request, and
/// characters beyond ASCII as \[uXXXX].
std::string roff(std::string_view text)
{
  std::string out;
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    line_start = c == '\n';
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // UTF-8: the code point of the sequence starting here.
      int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      unsigned cp = extra == 3 ? c & 0x07U : extra == 2 ? c & 0x0FU : c & 0x1FU;
      if (extra == 0 || i + static_cast<size_t>(extra) >= text.size()) {
        out += "?";
        continue;
      }
      for (int k = 1; k <= extra; ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0x3FU);
      }
      i += static_cast<size_t>(extra);
      out += fmt::format("\\[u{:04X}]", cp);
    }
  }
  return out;
}

/// Free text (a help footer), written wrapped for a terminal: its lines joined into paragraphs again,
/// with a break after a line that ends a sentence or a label (".", ":"), and blank lines as paragraph
/// breaks.
std::string roff_text(std::string_view text)
{
  std::string out;
  std::string para;
  auto flush = [&] {
    if (!para.empty()) {
      out += roff(para) + "\n";
      para.clear();
    }
  };
  size_t start = 0;
  bool any = false;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    while (!line.empty() && line.front() == ' ') {
      line.remove_prefix(1);
    }
    while (!line.empty() && line.back() == ' ') {
      line.remove_suffix(1);
    }
    if (line.empty()) {
      if (!para.empty()) {
        flush();
        out += ".PP\n";
      }
    } else {
      if (!para.empty() && (para.back() == '.' || para.back() == ':')) {
        flush();
        out += ".br\n";
      }
      para += (para.empty() ? "" : " ") + std::string(line);
      any = true;
    }
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  flush();
  while (any && out.ends_with(".PP\n")) {
    out.resize(out.size() - 4);
  }
  return out;
}

std::string bold(std::string_view s)
{
  return "\\fB" + roff(s) + "\\fR";
}

std::string italic(std::string_view s)
{
  return "\\fI" + roff(s) + "\\fR";
}

std::string options_section(const std::vector<OptionSpec>& options)
{
  std::string out;
  for (const auto& o : options) {
    std::string head;
    for (size_t i = 0; i < o.names.size(); ++i) {
      head += (i ? ", " : "") + bold(o.names[i]);
    }
    if (!o.value.empty()) {
      head += " " + italic(o.value);
    }
    out += ".TP\n" + head + "\n" + roff(o.description);
    if (!o.choices.empty()) {
      std::string c;
      for (size_t i = 0; i < o.choices.size(); ++i) {
        c += (i ? ", " : "") + o.choices[i];
      }
      out += roff(fmt::format(" (one of: {})", c));
    }
    out += "\n";
  }
  return out;
}

std::string positionals_section(const std::vector<CommandSpec::Positional>& ps)
{
  std::string out;
  for (const auto& p : ps) {
    out += ".TP\n" + italic(p.name) + (p.many ? "..." : "") + "\n" + roff(p.description) + "\n";
  }
  return out;
}

std::string synopsis_line(const CommandSpec& s)
{
  return ".nf\n" + roff(s.usage) + "\n.fi\n";
}

const char* k_exit_status =
  ".SH EXIT STATUS\n"
  ".TP\n\\fB0\\fR\nSuccess.\n"
  ".TP\n\\fB1\\fR\nFindings: \\fBpops check\\fR found errors, or a change was refused because "
  "it would add errors.\n"
  ".TP\n\\fB2\\fR\nUsage error, or pops could not run (no workspace, unreadable file).\n";

const char* k_environment =
  ".SH ENVIRONMENT\n"
  ".TP\n\\fBPOPS_TODAY\\fR\nThe date pops takes as today, as YYYY\\-MM\\-DD (reproducible reports and tests).\n"
  ".TP\n\\fBNO_COLOR\\fR\nWhen set and not empty, never colour the output (like \\fB\\-\\-no\\-color\\fR).\n"
  ".TP\n\\fBPOPS_WORKSPACE\\fR\nSet by pops for extensions (\\fBpops\\-\\fR\\fINAME\\fR programs on PATH) to the "
  "root of the workspace, the folder holding pops.yaml, when there is one.\n";

std::string header(std::string_view page, std::string_view name, std::string_view summary)
{
  std::string upper;
  for (char c : page) {
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return fmt::format(".TH {} 1 \"\" \"pops {}\" \"pops manual\"\n.SH NAME\n{} \\- {}\n", roff(upper), POPS_VERSION,
                     roff(name), roff(summary));
}

std::string root_page(const std::vector<CommandSpec>& specs)
{
  const CommandSpec& root = specs.front();
  std::string out = header("pops", "pops", "product operations as code: roadmap, feedback, docs and rituals in git");
  out += ".SH SYNOPSIS\n.nf\n" + roff(root.usage) + "\n" + roff("pops --version | --help") + "\n.fi\n";
  out += ".SH DESCRIPTION\n"
         "pops keeps a product team's roadmap, feedback, docs and rituals as YAML and Markdown files in a git "
         "repository, and checks, reports and edits them. A workspace is a folder holding \\fBpops.yaml\\fR; "
         "pops finds it from the current folder upwards.\n"
         ".PP\n"
         "A command that is not built in is looked up in \\fBaliases:\\fR of pops.yaml, then run as the "
         "program \\fBpops\\-\\fR\\fINAME\\fR on PATH (an extension), with its arguments.\n";
  out += ".SH OPTIONS\n" + options_section(root.options);
  out += ".SH COMMANDS\n";
  for (const auto& c : commands()) {
    out += ".TP\n" + bold(c.name) + "\n" + roff(c.summary) + ". See \\fBpops\\-" + roff(c.name) + "\\fR(1).\n";
  }
  out += k_exit_status;
  out += k_environment;
  out += ".SH SEE ALSO\n";
  bool first = true;
  for (const auto& c : commands()) {
    out += (first ? "" : ",\n") + std::string("\\fBpops\\-") + roff(c.name) + "\\fR(1)";
    first = false;
  }
  out += "\n";
  return out;
}

std::string command_page(const Command& cmd, const std::vector<CommandSpec>& specs)
{
  std::string name(cmd.name);
  std::vector<const CommandSpec*> mine;
  for (const auto& s : specs) {
    if (s.path == name || s.path.starts_with(name + " ")) {
      mine.push_back(&s);
    }
  }
  std::string out = header("pops-" + name, "pops-" + name, cmd.summary);
  out += ".SH SYNOPSIS\n.nf\n";
  for (const CommandSpec* s : mine) {
    if (s->subcommands.empty()) {
      out += roff(s->usage) + "\n";
    }
  }
  out += ".fi\n";
  const CommandSpec& top = *mine.front();
  out += ".SH DESCRIPTION\n" + roff(cmd.summary) + ".\n";
  if (cmd.needs_workspace) {
    out += ".PP\nRuns in a workspace: the folder holding pops.yaml, found from the current folder upwards "
           "(or from \\fB\\-C\\fR \\fIDIR\\fR).\n";
  }
  if (!top.footer.empty()) {
    out += ".PP\n" + roff_text(top.footer);
  }
  if (!top.positionals.empty()) {
    out += ".SH ARGUMENTS\n" + positionals_section(top.positionals);
  }
  out += ".SH OPTIONS\n" + options_section(top.options);
  if (mine.size() > 1) {
    out += ".SH COMMANDS\n";
    for (size_t i = 1; i < mine.size(); ++i) {
      const CommandSpec& s = *mine[i];
      out += ".SS " + roff(s.path) + "\n" + synopsis_line(s) + ".PP\n" + roff(s.summary) + "\n";
      if (!s.footer.empty()) {
        out += ".PP\n" + roff_text(s.footer);
      }
      if (!s.positionals.empty()) {
        out += positionals_section(s.positionals);
      }
      out += options_section(s.options);
    }
  }
  out += k_exit_status;
  out += k_environment;
  out += ".SH SEE ALSO\n\\fBpops\\fR(1)\n";
  return out;
}

}  // namespace

std::string man_page(std::string_view command)
{
  std::vector<CommandSpec> specs = command_specs();
  if (command.empty()) {
    return root_page(specs);
  }
  const Command* cmd = find_command(command);
  return cmd ? command_page(*cmd, specs) : std::string();
}

std::vector<std::string> man_page_names()
{
  std::vector<std::string> out{"pops.1"};
  for (const auto& c : commands()) {
    out.push_back("pops-" + std::string(c.name) + ".1");
  }
  return out;
}

}  // namespace pops::cli
