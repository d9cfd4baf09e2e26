#include "check/report.h"

#include "base/text.h"

#include "workspace/rules.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <set>
#include <utility>

namespace pops {

namespace {

using json = nlohmann::ordered_json;  // keys in the order written, as the contract lists them

constexpr std::string_view k_sarif_schema = "https://json.schemastore.org/sarif-2.1.0.json";

/// Serializes without throwing: invalid UTF-8 becomes U+FFFD.
std::string dump(const json& j)
{
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string_view sarif_level(Severity s)
{
  switch (s) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  case Severity::info:
    return "note";
  case Severity::off:
    break;
  }
  return "none";
}

/// A rule's SARIF defaultConfiguration: its level; a rule off by default is not enabled.
json default_configuration(Severity s)
{
  json c = {{"level", sarif_level(s)}};
  if (s == Severity::off) {
    c["enabled"] = false;
  }
  return c;
}

std::string_view gitlab_severity(Severity s)
{
  switch (s) {
  case Severity::error:
    return "major";
  case Severity::warning:
    return "minor";
  default:
    return "info";
  }
}

std::string_view github_level(Severity s)
{
  switch (s) {
  case Severity::error:
    return "error";
  case Severity::warning:
    return "warning";
  default:
    return "notice";
  }
}

/// FNV-1a 64 of rule, file and message (and `ordinal` when non-zero), as 16 hex digits: stable across
/// runs and line moves.
std::string fingerprint(const Finding& f, int ordinal = 0)
{
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto feed = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;  // field separator: ("ab","c") and ("a","bc") differ
    h *= 0x100000001b3ULL;
  };
  feed(f.rule);
  feed(f.file);
  feed(f.message);
  if (ordinal > 0) {
    feed(std::to_string(ordinal));  // the first of equal findings keeps the plain hash
  }
  return fmt::format("{:016x}", h);
}

/// Percent-encodes a relative path for a URI reference; keeps unreserved characters and '/'.
std::string uri_encode(std::string_view path)
{
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

/// Index of `id` in all_rules(), or -1.
int rule_index(std::string_view id)
{
  auto rules = all_rules();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].id == id) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

/// actions/toolkit escapeData; `property` adds escapeProperty's ':' and ','.
std::string github_escape(std::string_view s, bool property)
{
  std::string out;
  for (char c : s) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    case ':':
      out += property ? "%3A" : ":";
      break;
    case ',':
      out += property ? "%2C" : ",";
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// XML-escapes text or an attribute value and drops characters XML 1.0 forbids.
std::string xml_escape(std::string_view raw)
{
  const std::string valid = valid_utf8(raw);  // XML must be well-formed even for odd file names
  const std::string_view s = valid;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&apos;";
      break;
    case '\t':
      out += "&#9;";
      break;  // as references so attribute values keep them
    case '\n':
      out += "&#10;";
      break;
    case '\r':
      out += "&#13;";
      break;
    default:
      if (c < 0x20) {
        break;  // C0 controls other than tab, LF, CR
      }
      if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF
          && (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
        i += 2;  // U+FFFE, U+FFFF
        break;
      }
      out += static_cast<char>(c);
    }
  }
  return out;
}

/// "file:line:col", leaving out what is unknown.
std::string where(const Finding& f)
{
  std::string out = f.file;
  if (f.loc.line > 0) {
    out += fmt::format(":{}", f.loc.line);
    if (f.loc.column > 0) {
      out += fmt::format(":{}", f.loc.column);
    }
  }
  return out;
}

/// The end position is usable when known and not before the start.
bool has_end(const Finding& f)
{
  return f.loc.line > 0 && f.end.line >= f.loc.line;
}

}  // namespace

std::string render_json(const CheckResult& r)
{
  json findings = json::array();
  for (const auto& f : r.findings) {
    findings.push_back({{"file", f.file},
                        {"line", f.loc.line},
                        {"column", f.loc.column},
                        {"severity", severity_name(f.severity)},
                        {"rule", f.rule},
                        {"message", f.message}});
  }
  json out = {{"findings", std::move(findings)},
              {"summary",
               {{"errors", r.summary.errors},
                {"warnings", r.summary.warnings},
                {"infos", r.summary.infos},
                {"files", r.summary.files}}}};
  return dump(out);
}

std::string render_sarif(const CheckResult& r, std::string_view tool_version)
{
  json rules = json::array();
  for (const auto& info : all_rules()) {
    rules.push_back({{"id", info.id},
                     {"shortDescription", {{"text", info.summary}}},
                     {"fullDescription", {{"text", info.description}}},
                     {"help", {{"text", fmt::format("{} See docs/rules.md#{}", info.description, info.id)}}},
                     {"defaultConfiguration", default_configuration(info.default_severity)}});
  }

  json results = json::array();
  for (const auto& f : r.findings) {
    json res = {{"ruleId", f.rule}, {"level", sarif_level(f.severity)}, {"message", {{"text", f.message}}}};
    if (int index = rule_index(f.rule); index >= 0) {
      res["ruleIndex"] = index;
    }
    if (!f.file.empty()) {
      json phys = {{"artifactLocation", {{"uri", uri_encode(f.file)}, {"uriBaseId", "%SRCROOT%"}}}};
      if (f.loc.line > 0) {
        json region = {{"startLine", f.loc.line}};
        if (f.loc.column > 0) {
          region["startColumn"] = f.loc.column;
        }
        if (has_end(f)) {
          region["endLine"] = f.end.line;
          if (f.end.column > 0) {
            region["endColumn"] = f.end.column;
          }
        }
        phys["region"] = std::move(region);
      }
      res["locations"] = json::array({{{"physicalLocation", std::move(phys)}}});
    }
    res["partialFingerprints"] = {{"primaryLocationLineHash", fingerprint(f)}};
    results.push_back(std::move(res));
  }

  json driver = {{"name", "pops"}, {"version", tool_version}, {"rules", std::move(rules)}};
  json out = {{"$schema", k_sarif_schema},
              {"version", "2.1.0"},
              {"runs", json::array({{{"tool", {{"driver", std::move(driver)}}}, {"results", std::move(results)}}})}};
  return dump(out);
}

std::string render_github(const CheckResult& r)
{
  std::string out;
  for (const auto& f : r.findings) {
    std::string props;
    auto add = [&props](std::string_view key, std::string_view value) {
      props += fmt::format("{}{}={}", props.empty() ? "" : ",", key, github_escape(value, true));
    };
    if (!f.file.empty()) {
      add("file", f.file);
    }
    if (f.loc.line > 0) {
      add("line", std::to_string(f.loc.line));
      if (f.loc.column > 0) {
        add("col", std::to_string(f.loc.column));
      }
      if (has_end(f)) {
        add("endLine", std::to_string(f.end.line));
        if (f.end.column > 0) {
          add("endColumn", std::to_string(f.end.column));
        }
      }
    }
    add("title", "pops/" + f.rule);
    out += fmt::format("::{} {}::{}\n", github_level(f.severity), props, github_escape(f.message, false));
  }
  return out;
}

std::string render_junit(const CheckResult& r, bool warnings_fail)
{
  // A failure is what makes `pops check` exit 1: errors, and warnings only with --strict.
  auto fails = [&](Severity sv) { return sv == Severity::error || (warnings_fail && sv == Severity::warning); };
  int failures = 0;
  for (const auto& f : r.findings) {
    if (fails(f.severity)) {
      ++failures;
    }
  }
  int tests = r.findings.empty() ? 1 : static_cast<int>(r.findings.size());

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"pops\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n", tests, failures);
  out += fmt::format("  <testsuite name=\"pops\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n", tests,
                     failures);
  if (r.findings.empty()) {
    out += "    <testcase classname=\"pops\" name=\"check\"/>\n";
  }
  // GitLab keeps only the first of equal (classname, name) pairs: number repeats " #2", " #3", ...
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& f : r.findings) {
    std::string base = fmt::format("{}@{}:{}", f.rule, f.loc.line, f.loc.column);
    std::string name = base;
    for (int n = 2; !seen.emplace(f.file, name).second; ++n) {
      name = fmt::format("{} #{}", base, n);
    }
    std::string file = xml_escape(f.file);
    out += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", f.file.empty() ? "pops" : file, xml_escape(name));
    out += f.file.empty() ? ">\n" : fmt::format(" file=\"{}\">\n", file);
    std::string prefix = f.file.empty() ? "" : where(f) + ": ";
    if (fails(f.severity)) {
      out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", severity_name(f.severity),
                         xml_escape(f.message), xml_escape(prefix + f.message));
    } else {
      out += fmt::format("      <properties><property name=\"severity\" value=\"{}\"/></properties>\n",
                         severity_name(f.severity));
      out += fmt::format("      <system-out>{}</system-out>\n",
                         xml_escape(fmt::format("{}{}: {}", prefix, severity_name(f.severity), f.message)));
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

std::string render_gitlab(const CheckResult& r)
{
  json out = json::array();
  std::set<std::string> seen;
  for (const auto& f : r.findings) {
    std::string fp = fingerprint(f);
    for (int n = 2; !seen.insert(fp).second; ++n) {
      fp = fingerprint(f, n);
    }
    const std::string path = f.file.empty() ? std::string("pops.yaml") : f.file;
    out.push_back({{"description", f.message},
                   {"check_name", f.rule},
                   {"fingerprint", fp},
                   {"severity", gitlab_severity(f.severity)},
                   {"location", {{"path", path}, {"lines", {{"begin", f.loc.line > 0 ? f.loc.line : 1}}}}}});
  }
  return dump(out);
}

}  // namespace pops
