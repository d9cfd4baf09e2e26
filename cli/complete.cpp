// Shell completion, generated from the command table: each command's CLI11 app is walked for its
// subcommands, options and positionals, and the values an option takes come from its `completes`
// mark (workspace values, read by `pops __complete`), its IsMember choices, or the shell's files.

#include "complete.h"

#include "workspace/alias.h"
#include "commands.h"
#include "dispatch.h"

#include "base/text.h"
#include "features/template.h"
#include "workspace/workspace.h"
#include "git/git.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace pops::cli {

namespace {

constexpr std::array<std::pair<Values, std::string_view>, 17> k_values = {{
  {Values::items, "items"},
  {Values::initiatives, "initiatives"},
  {Values::items_and_initiatives, "items-and-initiatives"},
  {Values::feedback, "feedback"},
  {Values::squads, "squads"},
  {Values::people, "people"},
  {Values::statuses, "statuses"},
  {Values::horizons, "horizons"},
  {Values::rituals, "rituals"},
  {Values::doc_types, "doc-types"},
  {Values::templates, "templates"},
  {Values::commands, "commands"},
  {Values::files, "files"},
  {Values::dirs, "dirs"},
  {Values::sources, "sources"},
  {Values::refs, "refs"},
  {Values::item_changes, "item-changes"},
}};

constexpr std::string_view k_mark = "pops-completes:";

} // namespace

std::string_view values_name(Values v)
{
  for (const auto& [k, name] : k_values) {
    if (k == v) {
      return name;
    }
  }
  return "";
}

std::optional<Values> values_from_name(std::string_view name)
{
  for (const auto& [k, n] : k_values) {
    if (n == name) {
      return k;
    }
  }
  return std::nullopt;
}

CLI::Validator completes(Values v)
{
  CLI::Validator mark([](std::string&) { return std::string(); }, "", std::string(k_mark) + std::string(values_name(v)));
  mark.non_modifying();
  return mark;
}

std::optional<Values> completes_what(CLI::Option& opt)
{
  for (const auto& [k, name] : k_values) {
    try {
      if (opt.get_validator(std::string(k_mark) + std::string(name))) {
        return k;
      }
    } catch (const CLI::OptionNotFound&) {
    }
  }
  return std::nullopt;
}

namespace {

/// The choices of an IsMember check, from the option's type name ("TEXT:{text,json}").
std::vector<std::string> choices_of(const CLI::Option& opt)
{
  std::string t = opt.get_type_name();
  auto open = t.find('{');
  auto close = t.rfind('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) {
    return out;
  }
  std::string body = t.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (start <= body.size()) {
    size_t comma = body.find(',', start);
    std::string c = body.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!c.empty()) {
      out.push_back(c);
    }
    if (comma == std::string::npos) {
      break;
    }
    start = comma + 1;
  }
  return out;
}

/// How a shell completes a value: "@items" (pops __complete items), ":a,b" (choices), "files",
/// "dirs", or "-" (nothing).
std::string shell_kind(const std::optional<Values>& v, const std::vector<std::string>& choices)
{
  if (v) {
    if (*v == Values::files || *v == Values::dirs) {
      return std::string(values_name(*v));
    }
    return "@" + std::string(values_name(*v));
  }
  if (!choices.empty()) {
    std::string s = ":";
    for (size_t i = 0; i < choices.size(); ++i) {
      s += (i ? "," : "") + choices[i];
    }
    return s;
  }
  return "files";
}

} // namespace

void collect_specs(CLI::App& app, const std::string& path, std::vector<CommandSpec>& out)
{
  CommandSpec spec;
  spec.path = path;
  spec.summary = app.get_description();
  spec.footer = app.get_footer();
  std::string usage = "pops" + (path.empty() ? "" : " " + path);
  for (CLI::Option* opt : app.get_options({})) {
    if (opt->get_group().empty()) {
      continue;  // hidden
    }
    if (opt->get_positional()) {
      CommandSpec::Positional p;
      p.name = opt->get_name(true);
      p.description = opt->get_description();
      p.many = opt->get_items_expected_max() > 1;
      p.required = opt->get_required();
      p.values = completes_what(*opt);
      p.choices = choices_of(*opt);
      spec.positionals.push_back(std::move(p));
      continue;
    }
    OptionSpec o;
    for (const auto& s : opt->get_snames()) {
      o.names.push_back("-" + s);
    }
    for (const auto& l : opt->get_lnames()) {
      o.names.push_back("--" + l);
    }
    if (opt->get_type_size() != 0 && opt->get_expected_max() != 0) {
      std::string text = opt->get_option_text();
      if (text.empty()) {
        text = opt->get_type_name();
        if (auto colon = text.find(':'); colon != std::string::npos) {
          text = text.substr(0, colon);
        }
      }
      o.value = text.empty() ? "VALUE" : text;
    }
    o.description = opt->get_description();
    o.values = completes_what(*opt);
    o.choices = choices_of(*opt);
    spec.options.push_back(std::move(o));
  }
  auto subs = app.get_subcommands([](CLI::App* a) { return !a->get_group().empty(); });
  for (CLI::App* sub : subs) {
    spec.subcommands.push_back(sub->get_name());
  }
  if (!subs.empty()) {
    usage += " <command>";
  }
  if (!spec.options.empty()) {
    usage += " [<options>]";
  }
  for (const auto& p : spec.positionals) {
    std::string n = "<" + p.name + ">" + (p.many ? "..." : "");
    usage += " " + (p.required ? n : "[" + n + "]");
  }
  spec.usage = usage;
  out.push_back(std::move(spec));
  for (CLI::App* sub : subs) {
    collect_specs(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
  }
}

std::vector<CommandSpec> command_specs()
{
  std::vector<CommandSpec> out;
  CommandSpec root;
  root.summary = "product operations as code";
  root.usage = "pops [-C DIR] [--no-color] [-q] <command> [<args>]";
  root.options = {
    {{"-C"}, "DIR", "Run as if pops was started in DIR", Values::dirs, {}},
    {{"--no-color"}, "", "Never colour the output (also NO_COLOR=1)", std::nullopt, {}},
    {{"-q", "--quiet"}, "", "Print only what was asked for: no summaries or hints", std::nullopt, {}},
    {{"--version"}, "", "Print the version and exit", std::nullopt, {}},
    {{"-h", "--help"}, "", "Print the list of commands and exit", std::nullopt, {}},
  };
  for (const auto& c : commands()) {
    root.subcommands.emplace_back(c.name);
  }
  out.push_back(std::move(root));
  for (const auto& c : commands()) {
    Runner run;
    auto app = make_app(c, run, nullptr);
    collect_specs(*app, std::string(c.name), out);
  }
  return out;
}

namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep)
{
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    s += (i ? std::string(sep) : "") + v[i];
  }
  return s;
}

/// Single-quoted for a POSIX shell (and fish, whose single quotes also take \\ and \').
std::string sh_quote(std::string_view s)
{
  std::string out = "'";
  for (char c : s) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string fish_quote(std::string_view s)
{
  std::string out = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

/// One command path as the shells see it: subcommands, option names, value options with their
/// kinds, positional kinds.
struct ShellSpec {
  std::string path;
  std::vector<std::string> subs;
  std::vector<std::string> sub_summaries;
  std::vector<std::string> opts;
  std::vector<std::pair<std::string, std::string>> vals;  // option name -> kind
  std::vector<std::string> pos;  // kinds
  bool many = false;
  std::vector<OptionSpec> options;
};

std::vector<ShellSpec> shell_specs()
{
  std::vector<ShellSpec> out;
  std::vector<CommandSpec> specs = command_specs();
  std::map<std::string, std::string> summaries;
  for (const auto& s : specs) {
    summaries[s.path] = s.summary;
  }
  for (const auto& s : specs) {
    ShellSpec sh;
    sh.path = s.path;
    sh.subs = s.subcommands;
    for (const auto& sub : s.subcommands) {
      sh.sub_summaries.push_back(summaries[s.path.empty() ? sub : s.path + " " + sub]);
    }
    for (const auto& o : s.options) {
      const std::vector<std::string>& ch = o.choices;
      for (const auto& n : o.names) {
        sh.opts.push_back(n);
        if (!o.value.empty()) {
          sh.vals.emplace_back(n, shell_kind(o.values, ch));
        }
      }
      sh.options.push_back(o);
    }
    if (s.path.empty()) {
      sh.pos.push_back("@commands");
    }
    for (const auto& p : s.positionals) {
      sh.pos.push_back(p.values || !p.choices.empty() ? shell_kind(p.values, p.choices) : "files");
      sh.many = p.many;
    }
    out.push_back(std::move(sh));
  }
  return out;
}

/// `_pops_spec PATH`: sets _pops_subs, _pops_opts, _pops_vals (OPTION=KIND ...), _pops_pos (KIND ...)
/// and _pops_many (1 when the last positional repeats). Valid bash and zsh.
std::string spec_function(const std::vector<ShellSpec>& specs)
{
  std::string s = "_pops_spec() {\n"
                  "  _pops_subs='' _pops_opts='' _pops_vals='' _pops_pos='' _pops_many=''\n"
                  "  case \"$1\" in\n";
  for (const auto& sp : specs) {
    std::vector<std::string> vals;
    for (const auto& [o, k] : sp.vals) {
      vals.push_back(o + "=" + k);
    }
    s += fmt::format("    {}) _pops_subs={} _pops_opts={} _pops_vals={} _pops_pos={} _pops_many={} ;;\n",
                     sh_quote(sp.path), sh_quote(join(sp.subs, " ")), sh_quote(join(sp.opts, " ")),
                     sh_quote(join(vals, " ")), sh_quote(join(sp.pos, " ")), sp.many ? "1" : "''");
  }
  s += "    *) return 1 ;;\n  esac\n}\n";
  return s;
}

std::string bash_script()
{
  auto specs = shell_specs();
  std::string s = R"(# bash completion for pops                                  -*- shell-script -*-
# Generated by 'pops completion bash' from the command table; do not edit. Install it as
# /usr/share/bash-completion/completions/pops, or source it from ~/.bashrc:
#   source <(pops completion bash)

)";
  s += spec_function(specs);
  s += R"SH(
# _pops_kind OPTION: the kind of value OPTION takes at the current command path.
_pops_kind() {
  local e
  for e in $_pops_vals; do
    if [ "${e%%=*}" = "$1" ]; then printf '%s\n' "${e#*=}"; return 0; fi
  done
  return 1
}

# _pops_values KIND CUR: fills COMPREPLY with the values of KIND that start with CUR.
_pops_values() {
  local kind=$1 cur=$2 IFS=$'\n' dir=()
  [ -n "$_pops_dir" ] && dir=(-C "$_pops_dir")
  case $kind in
    @*) COMPREPLY=($(compgen -W "$("$_pops_bin" "${dir[@]}" __complete "${kind#@}" 2>/dev/null)" -- "$cur")) ;;
    :*) IFS=$',\n'; COMPREPLY=($(compgen -W "${kind#:}" -- "$cur")) ;;
    dirs) COMPREPLY=($(compgen -d -- "$cur")); compopt -o filenames 2>/dev/null ;;
    files) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null ;;
    *) COMPREPLY=() ;;
  esac
}

_pops() {
  local _pops_subs _pops_opts _pops_vals _pops_pos _pops_many
  local _pops_bin=${COMP_WORDS[0]} _pops_dir='' cpath='' npos=0 i=1 w kind
  local cur=${COMP_WORDS[COMP_CWORD]} prev=''
  [ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
  COMPREPLY=()
  _pops_spec ''
  while [ "$i" -lt "$COMP_CWORD" ]; do
    w=${COMP_WORDS[i]}
    if [ "$w" = '=' ]; then
      i=$((i + 2)); continue          # --opt = value, split by COMP_WORDBREAKS
    fi
    case $w in
      -C) [ -z "$cpath" ] && _pops_dir=${COMP_WORDS[i+1]-}; i=$((i + 2)); continue ;;
      --) ;;
      --*=*) ;;
      -*) if _pops_kind "$w" >/dev/null && [ "${COMP_WORDS[i+1]-}" != '=' ]; then i=$((i + 1)); fi ;;
      *)
        if [ -n "$_pops_subs" ] && [ "$npos" -eq 0 ] && case " $_pops_subs " in *" $w "*) true ;; *) false ;; esac; then
          cpath=${cpath:+$cpath }$w
          _pops_spec "$cpath" || return 0
        elif [ -z "$cpath" ]; then
          return 0                      # an alias or an extension: its arguments are its own
        else
          npos=$((npos + 1))
        fi ;;
    esac
    i=$((i + 1))
  done
  # The value of an option: --opt VALUE, --opt=VALUE (one word or split at '='); a positional
  # key=value split at '=' (item set PAY-3 status=...) keeps its key in eqkey.
  local eqkey=''
  if [ "$cur" = '=' ]; then prev=${COMP_WORDS[COMP_CWORD-1]}; cur=''; eqkey=$prev
  elif [ "$prev" = '=' ] && [ "$COMP_CWORD" -ge 2 ]; then prev=${COMP_WORDS[COMP_CWORD-2]}; eqkey=$prev
  elif [[ $cur == --*=* ]]; then prev=${cur%%=*}; cur=${cur#*=}
  fi
  if [[ $prev == -* ]] && kind=$(_pops_kind "$prev"); then
    _pops_values "$kind" "$cur"
    return 0
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$_pops_opts" -- "$cur"))
    return 0
  fi
  if [ -n "$_pops_subs" ] && [ "$npos" -eq 0 ]; then
    if [ -z "$cpath" ]; then
      _pops_values @commands "$cur"
    else
      COMPREPLY=($(compgen -W "$_pops_subs" -- "$cur"))
    fi
    return 0
  fi
  local kinds=($_pops_pos)
  [ "${#kinds[@]}" -eq 0 ] && return 0
  if [ "$npos" -ge "${#kinds[@]}" ]; then
    [ -n "$_pops_many" ] || return 0
    npos=$((${#kinds[@]} - 1))
  fi
  if [ -n "$eqkey" ]; then
    # Bash split key=value at '=': complete the whole word, give back what follows the '='.
    _pops_values "${kinds[npos]}" "$eqkey=$cur"
    local r out=()
    for r in "${COMPREPLY[@]}"; do [ "$r" = "$eqkey=" ] || out+=("${r#"$eqkey="}"); done
    COMPREPLY=("${out[@]}")
  else
    _pops_values "${kinds[npos]}" "$cur"
  fi
  # A key= (item set) waits for its value: no space after it.
  local r
  for r in "${COMPREPLY[@]}"; do [[ $r == *= ]] && compopt -o nospace 2>/dev/null; done
  return 0
}

complete -F _pops pops
)SH";
  return s;
}

std::string zsh_script()
{
  auto specs = shell_specs();
  std::string s = R"(#compdef pops
# zsh completion for pops. Generated by 'pops completion zsh' from the command table; do not edit.
# Install it as _pops in a folder of $fpath (e.g. /usr/share/zsh/vendor-completions), or:
#   source <(pops completion zsh)

)";
  s += spec_function(specs);
  s += "\n_pops_describe() {\n  case \"$1\" in\n";
  for (const auto& sp : specs) {
    if (sp.subs.empty() || sp.path.empty()) {
      continue;
    }
    std::vector<std::string> d;
    for (size_t i = 0; i < sp.subs.size(); ++i) {
      d.push_back(sh_quote(sp.subs[i] + ":" + sp.sub_summaries[i]));
    }
    s += fmt::format("    {}) _pops_descs=({}) ;;\n", sh_quote(sp.path), join(d, " "));
  }
  s += "    *) _pops_descs=() ;;\n  esac\n}\n";
  s += R"SH(
_pops_kind() {
  local e
  for e in ${=_pops_vals}; do
    if [[ ${e%%=*} == "$1" ]]; then print -r -- "${e#*=}"; return 0; fi
  done
  return 1
}

_pops_values() {
  local kind=$1
  case $kind in
    @*) local -a vals
        vals=(${(f)"$("$_pops_bin" ${_pops_dir:+-C} ${_pops_dir:+$_pops_dir} __complete ${kind#@} 2>/dev/null)"})
        local -a eq; eq=(${(M)vals:#*=}); vals=(${vals:#*=})
        compadd -S '' -a eq; compadd -a vals ;;  # a key= (item set) waits for its value: no space
    :*) local -a vals; vals=(${(s:,:)${kind#:}}); compadd -a vals ;;
    dirs) _directories ;;
    files) _files ;;
  esac
}

_pops() {
  local _pops_subs _pops_opts _pops_vals _pops_pos _pops_many _pops_descs
  local _pops_bin=${words[1]} _pops_dir='' cpath='' w kind cur=${words[CURRENT]} prev=${words[CURRENT-1]}
  integer npos=0 i=2
  _pops_spec ''
  while (( i < CURRENT )); do
    w=${words[i]}
    case $w in
      -C) [[ -z $cpath ]] && _pops_dir=${words[i+1]-}; (( i += 2 )); continue ;;
      --) ;;
      --*=*) ;;
      -*) _pops_kind "$w" >/dev/null && (( i += 1 )) ;;
      *)
        if [[ -n $_pops_subs && npos -eq 0 && " $_pops_subs " == *" $w "* ]]; then
          cpath=${cpath:+$cpath }$w
          _pops_spec "$cpath" || return 0
        elif [[ -z $cpath ]]; then
          _files; return
        else
          (( npos += 1 ))
        fi ;;
    esac
    (( i += 1 ))
  done
  if [[ $cur == --*=* ]]; then
    prev=${cur%%=*}
    compset -P '*='
  fi
  if [[ $prev == -* ]] && kind=$(_pops_kind "$prev"); then
    _pops_values "$kind"
    return
  fi
  if [[ $cur == -* ]]; then
    compadd -- ${=_pops_opts}
    return
  fi
  if [[ -n $_pops_subs && npos -eq 0 ]]; then
    if [[ -z $cpath ]]; then
      local -a cmds
      cmds=(${(f)"$("$_pops_bin" ${_pops_dir:+-C} ${_pops_dir:+$_pops_dir} __complete command-descriptions 2>/dev/null)"})
      cmds=(${cmds//$'\t'/:})
      _describe -t commands 'pops command' cmds
    else
      _pops_describe "$cpath"
      _describe -t commands 'pops command' _pops_descs
    fi
    return
  fi
  local -a kinds
  kinds=(${=_pops_pos})
  (( ${#kinds} )) || return 1
  if (( npos >= ${#kinds} )); then
    [[ -n $_pops_many ]] || return 1
    npos=$(( ${#kinds} - 1 ))
  fi
  _pops_values "${kinds[npos+1]}"
}

if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _pops "$@"
else
  compdef _pops pops
fi
)SH";
  return s;
}

std::string fish_script()
{
  auto specs = shell_specs();
  std::string s = R"(# fish completion for pops. Generated by 'pops completion fish' from the command table; do not
# edit. Install it as pops.fish in a folder of $fish_complete_path (e.g.
# /usr/share/fish/vendor_completions.d), or: pops completion fish | source

)";
  // Subcommands and value options per path, for the walk.
  s += "function __pops_spec\n    set -g __pops_subs\n    set -g __pops_vals\n    switch \"$argv[1]\"\n";
  for (const auto& sp : specs) {
    std::vector<std::string> vals;
    for (const auto& [o, k] : sp.vals) {
      vals.push_back(o);
    }
    // `set` would read option names as its own options: the words come from `string split`.
    auto set_list = [](std::string_view var, const std::vector<std::string>& words) {
      return words.empty() ? fmt::format("            set -g {}\n", var)
                           : fmt::format("            set -g {} (string split -n ' ' -- {})\n", var,
                                         fish_quote(join(words, " ")));
    };
    s += fmt::format("        case {}\n", fish_quote(sp.path)) + set_list("__pops_subs", sp.subs) +
         set_list("__pops_vals", vals);
  }
  // `string split` fails when it splits nothing (one word): the function's status is the path's.
  s += "        case '*'\n            return 1\n    end\n    return 0\nend\n";
  s += R"FISH(
# __pops_state: the command path reached by the words before the cursor, then how many positionals
# follow it.
function __pops_state
    set -l words (commandline -opc)
    set -e words[1]
    __pops_spec ''
    set -l path ''
    set -l npos 0
    set -l skip 0
    for w in $words
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $w
            case '--*=*' '--'
            case '-*'
                if contains -- $w $__pops_vals
                    set skip 1
                end
            case '*'
                if test $npos -eq 0; and contains -- $w $__pops_subs
                    if test -z "$path"
                        set path $w
                    else
                        set path "$path $w"
                    end
                    __pops_spec "$path"; or return 1
                else if test -z "$path"
                    return 1
                else
                    set npos (math $npos + 1)
                end
        end
    end
    echo $path
    echo $npos
end

# __pops_is PATH [N]: the cursor is at PATH (and at its positional N, counted from 0).
function __pops_is
    set -l state (__pops_state); or return 1
    test "$state[1]" = "$argv[1]"; or return 1
    test (count $argv) -lt 2; and return 0
    test "$state[2]" = "$argv[2]"
end

# __pops_at PATH N: positional N or beyond (for the repeating last positional).
function __pops_from
    set -l state (__pops_state); or return 1
    test "$state[1]" = "$argv[1]"; and test "$state[2]" -ge "$argv[2]"
end

function __pops_values
    set -l tokens (commandline -opc)
    set -l dir
    set -l i (contains -i -- -C $tokens)
    and set dir -C $tokens[(math $i + 1)]
    $tokens[1] $dir __complete $argv[1] 2>/dev/null
end

complete -c pops -f
)FISH";
  for (const auto& sp : specs) {
    std::string at = fmt::format("__pops_is {}", fish_quote(sp.path));
    for (size_t i = 0; i < sp.subs.size(); ++i) {
      if (sp.path.empty()) {
        continue;
      }
      s += fmt::format("complete -c pops -n {} -a {} -d {}\n", fish_quote(at + " 0"), fish_quote(sp.subs[i]),
                       fish_quote(sp.sub_summaries[i]));
    }
    if (sp.path.empty()) {
      s += fmt::format("complete -c pops -n {} -a '(__pops_values command-descriptions)'\n", fish_quote(at + " 0"));
    }
    for (size_t i = 0; i < sp.options.size(); ++i) {
      const OptionSpec& o = sp.options[i];
      std::string line = fmt::format("complete -c pops -n {}", fish_quote(at));
      for (const auto& n : o.names) {
        if (n.starts_with("--")) {
          line += " -l " + n.substr(2);
        } else if (n.size() == 2) {
          line += " -s " + n.substr(1);
        } else {
          line += " -o " + n.substr(1);
        }
      }
      if (!o.value.empty()) {
        std::string kind = shell_kind(o.values, o.choices);
        if (kind.starts_with("@")) {
          line += " -x -a " + fish_quote("(__pops_values " + kind.substr(1) + ")");
        } else if (kind.starts_with(":")) {
          std::string c = kind.substr(1);
          std::replace(c.begin(), c.end(), ',', ' ');
          line += " -x -a " + fish_quote(c);
        } else if (kind == "dirs") {
          line += " -x -a '(__fish_complete_directories)'";
        } else {
          line += " -r -F";
        }
      }
      if (!o.description.empty()) {
        line += " -d " + fish_quote(o.description);
      }
      s += line + "\n";
    }
    if (!sp.path.empty() && sp.subs.empty()) {
      for (size_t i = 0; i < sp.pos.size(); ++i) {
        const std::string& kind = sp.pos[i];
        bool last = i + 1 == sp.pos.size();
        std::string cond = fmt::format("{} {} {}", last && sp.many ? "__pops_from" : "__pops_is",
                                       fish_quote(sp.path), i);
        if (kind.starts_with("@")) {
          s += fmt::format("complete -c pops -n {} -a {}\n", fish_quote(cond),
                           fish_quote("(__pops_values " + kind.substr(1) + ")"));
        } else if (kind == "dirs") {
          s += fmt::format("complete -c pops -n {} -a '(__fish_complete_directories)'\n", fish_quote(cond));
        } else if (kind.starts_with(":")) {
          std::string c = kind.substr(1);
          std::replace(c.begin(), c.end(), ',', ' ');
          s += fmt::format("complete -c pops -n {} -a {}\n", fish_quote(cond), fish_quote(c));
        } else if (kind == "files") {
          s += fmt::format("complete -c pops -n {} -F\n", fish_quote(cond));
        }
      }
    }
  }
  return s;
}

void print_lines(Context& ctx, std::vector<std::string> values)
{
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::string out;
  for (const auto& v : values) {
    out += v + "\n";
  }
  ctx.out.write(out);
}

} // namespace

std::string completion_script(std::string_view shell)
{
  if (shell == "bash") {
    return bash_script();
  }
  if (shell == "zsh") {
    return zsh_script();
  }
  if (shell == "fish") {
    return fish_script();
  }
  return {};
}


/// What `pops item set ID <TAB>` offers: each key as "key=" (lists also "key+=", "key-="), and
/// "key=value" for the values a key takes from the workspace (statuses, horizons, people, items,
/// enum fields), so that a shell completes both halves.
static std::vector<std::string> item_change_words(const Workspace& ws)
{
  const Config& cfg = ws.config;
  std::vector<std::string> out;
  auto with = [&out](const std::string& key, const auto& values) {
    out.push_back(key + "=");
    for (const auto& v : values) {
      out.push_back(key + "=" + v);
    }
  };
  std::vector<std::string> statuses, horizons, people, items;
  for (const auto& x : cfg.statuses) {
    statuses.push_back(x.value);
  }
  for (const auto& x : cfg.horizons) {
    horizons.push_back(x.value);
  }
  for (const auto& p : cfg.people) {
    people.push_back(p.id.value);
  }
  std::set<std::string> links = {"amplitude", "figma", "jira", "linear", "pendo", "productboard"};
  std::set<std::string> score = {"confidence", "effort", "impact", "reach"};
  for (const auto& it : ws.items) {
    items.push_back(it.id.value);
    for (const auto& [k, v] : it.links) {
      links.insert(k.value);
    }
    for (const auto& [k, v] : it.score) {
      score.insert(k.value);
    }
  }
  for (const std::string_view key : {"title", "target", "okr", "description", "dropped_reason"}) {
    out.push_back(std::string(key) + "=");
  }
  with("status", statuses);
  with("horizon", horizons);
  with("owner", people);
  std::vector<std::string> initiatives;
  for (const auto& in : cfg.initiatives) {
    initiatives.push_back(in.id.value);
  }
  with("initiative", initiatives);
  for (const std::string_view key : {"tags", "depends_on"}) {
    for (const std::string_view op : {"=", "+=", "-="}) {
      out.push_back(std::string(key) + std::string(op));
      if (key == "depends_on") {
        for (const auto& id : items) {
          out.push_back(std::string(key) + std::string(op) + id);
        }
      }
    }
  }
  for (const auto& l : links) {
    out.push_back("links." + l + "=");
  }
  for (const auto& f : score) {
    out.push_back("score." + f + "=");
  }
  for (const auto& f : cfg.fields) {
    std::vector<std::string> vals;
    for (const auto& v : f.values) {
      vals.push_back(v.value);
    }
    with(f.name.value, vals);
  }
  return out;
}

int complete_values(Context& ctx, const std::vector<std::string>& args)
{
  if (args.empty()) {
    return k_exit_ok;
  }
  if (args[0] == "command-descriptions") {
    // NAME<TAB>what it does: the built-ins with their summaries, then aliases and extensions, for
    // the shells that show descriptions (zsh, fish).
    std::vector<std::string> lines;
    for (const auto& c : commands()) {
      lines.push_back(fmt::format("{}\t{}", c.name, c.summary));
    }
    try {
      if (std::optional<std::string> root = find_workspace(ctx.cwd)) {
        for (const auto& a : workspace_aliases(*root)) {
          std::string line;
          for (const auto& w : a.words) {
            line += (line.empty() ? "" : " ") + w;
          }
          lines.push_back(fmt::format("{}\talias for '{}'", a.name.value, printable(line)));
        }
      }
    } catch (const std::exception&) {
    }
    for (const auto& e : extension_names()) {
      lines.push_back(fmt::format("{}\textension pops-{}", e, e));
    }
    std::string out;
    for (const auto& l : lines) {
      out += l + "\n";
    }
    ctx.out.write(out);
    return k_exit_ok;
  }
  auto kind = values_from_name(args[0]);
  if (!kind) {
    return k_exit_ok;
  }
  std::vector<std::string> values;
  std::optional<std::string> root;
  try {
    root = find_workspace(ctx.cwd);
  } catch (const std::exception&) {
  }
  if (*kind == Values::commands) {
    for (const auto& c : commands()) {
      values.emplace_back(c.name);
    }
    for (auto& e : extension_names()) {
      values.push_back(std::move(e));
    }
    if (root) {
      try {
        for (auto& a : workspace_aliases(*root)) {
          values.push_back(a.name.value);
        }
      } catch (const std::exception&) {
      }
    }
    print_lines(ctx, std::move(values));
    return k_exit_ok;
  }
  if (*kind == Values::refs) {
    try {
      Repository repo = Repository::open(ctx.cwd);
      print_lines(ctx, repo.ref_names());
    } catch (const std::exception&) {
    }
    return k_exit_ok;
  }
  if (!root) {
    return k_exit_ok;
  }
  try {
    if (*kind == Values::templates) {
      print_lines(ctx, template_names(*root));
      return k_exit_ok;
    }
    const Workspace ws = load_worktree(*root);
    const Config& cfg = ws.config;
    switch (*kind) {
      case Values::items:
        for (const auto& it : ws.items) {
          values.push_back(it.id.value);
        }
        break;
      case Values::items_and_initiatives:
        for (const auto& it : ws.items) {
          values.push_back(it.id.value);
        }
        [[fallthrough]];
      case Values::initiatives:
        for (const auto& in : cfg.initiatives) {
          values.push_back(in.id.value);
        }
        break;
      case Values::feedback:
        for (const auto& f : ws.feedback) {
          values.push_back(f.id.value);
        }
        break;
      case Values::squads:
        for (const auto& s : cfg.squads) {
          values.push_back(s.id.value);
        }
        break;
      case Values::people:
        for (const auto& p : cfg.people) {
          values.push_back(p.id.value);
        }
        break;
      case Values::statuses:
        for (const auto& s : cfg.statuses) {
          values.push_back(s.value);
        }
        break;
      case Values::horizons:
        for (const auto& h : cfg.horizons) {
          values.push_back(h.value);
        }
        break;
      case Values::rituals:
        for (const auto& r : cfg.rituals) {
          values.push_back(r.name.value);
        }
        break;
      case Values::doc_types:
        for (const auto& d : cfg.doc_types) {
          values.push_back(d.name.value);
        }
        break;
      case Values::sources:
        for (const auto& s : cfg.feedback_sources) {
          values.push_back(s.value);
        }
        break;
      case Values::item_changes:
        values = item_change_words(ws);
        break;
      default:
        break;
    }
  } catch (const std::exception&) {
    return k_exit_ok;
  }
  values.erase(std::remove(values.begin(), values.end(), std::string()), values.end());
  print_lines(ctx, std::move(values));
  return k_exit_ok;
}

} // namespace pops::cli
