// Fuzz target: a file's bytes through what `pops check` does to one roadmap or feedback file: the
// located YAML tree (lib/yaml_tree), the chunked parse that must equal it (lib/chunked), the model
// builder (lib/load) and every rule (lib/check). The same bytes are also read as pops.yaml.

#include "check.h"
#include "chunked.h"
#include "common.h"
#include "workspace.h"
#include "yaml_tree.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

/// True when the two trees are the same, positions included.
bool same(const pops::YNode& a, const pops::YNode& b)
{
  if (a.kind != b.kind || a.quoted != b.quoted || a.flow != b.flow || a.alias != b.alias || a.text != b.text
      || a.loc.line != b.loc.line || a.loc.column != b.loc.column || a.loc.pos != b.loc.pos
      || a.items.size() != b.items.size() || a.entries.size() != b.entries.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if (!same(a.items[i], b.items[i])) {
      return false;
    }
  }
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (!same(a.entries[i].first, b.entries[i].first) || !same(a.entries[i].second, b.entries[i].second)) {
      return false;
    }
  }
  return true;
}

bool same_doc(const pops::YamlDoc& a, const pops::YamlDoc& b)
{
  if (a.ok != b.ok || a.findings.size() != b.findings.size()) {
    return false;
  }
  for (size_t i = 0; i < a.findings.size(); ++i) {
    const auto& x = a.findings[i];
    const auto& y = b.findings[i];
    if (x.message != y.message || x.rule != y.rule || x.loc.line != y.loc.line || x.loc.column != y.loc.column) {
      return false;
    }
  }
  return same(a.root, b.root);
}

/// Every finding must be located inside the file (line >= 1, column >= 1) and say something.
void require_located(const std::vector<pops::Finding>& findings)
{
  for (const auto& f : findings) {
    if (f.loc.line < 1 || f.loc.column < 1 || f.message.empty() || f.rule.empty()) {
      std::fprintf(stderr, "unlocated finding: %s:%d:%d: %s [%s]\n", f.file.c_str(), f.loc.line,
                   f.loc.column, f.message.c_str(), f.rule.c_str());
      std::abort();
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  const std::string text(reinterpret_cast<const char*>(data), size);

  // The tree, then the chunked parse (cold cache, then warm), both equal to it.
  pops::YamlDoc full = pops::parse_yaml(text);
  require_located(full.findings);
  pops::ChunkCache cache;
  for (int round = 0; round < 2; ++round) {
    pops::YamlDoc chunked = pops::parse_yaml_chunked(text, cache);
    if (!same_doc(full, chunked)) {
      std::fprintf(stderr, "chunked parse differs from the full parse (round %d)\n", round);
      std::abort();
    }
  }

  // The model and the rules, with the bytes as a roadmap file and as a feedback file.
  {
    std::vector<pops::SourceFile> files = {{"pops.yaml", pops_fuzz::k_config},
                                           {"roadmap/platform.yaml", pops_fuzz::k_roadmap},
                                           {"roadmap/fuzz.yaml", text},
                                           {"feedback/fuzz.yaml", text}};
    pops::Workspace ws = pops::load_workspace("/nonexistent", std::move(files), 1);
    pops::CheckOptions opts;
    opts.today = pops::make_date(2026, 11, 20);
    pops::CheckResult result = pops::check_workspace(ws, opts);
    require_located(result.findings);
  }
  // The bytes as pops.yaml.
  {
    std::vector<pops::SourceFile> files = {{"pops.yaml", text}, {"roadmap/platform.yaml", pops_fuzz::k_roadmap}};
    pops::Workspace ws = pops::load_workspace("/nonexistent", std::move(files), 1);
    pops::CheckOptions opts;
    opts.today = pops::make_date(2026, 11, 20);
    pops::CheckResult result = pops::check_workspace(ws, opts);
    require_located(result.findings);
  }
  return 0;
}
