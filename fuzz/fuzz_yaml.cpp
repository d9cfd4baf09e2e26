// Fuzz target: a file's bytes through what `pops check` does to one roadmap or feedback file: the
// located YAML tree (lib/yaml_tree), the chunked parse that must equal it (lib/chunked), a layout
// derived from another version that must equal the whole one (chunk_layout_from), the model
// builder (lib/load) and every rule (lib/check). The same bytes are also read as pops.yaml.

#include "check/check.h"
#include "yaml/chunked.h"
#include "common.h"
#include "workspace/workspace.h"
#include "yaml/yaml_tree.h"

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
      std::fprintf(stderr, "unlocated finding: %s:%d:%d: %s [%s]\n", f.file.c_str(), f.loc.line, f.loc.column,
                   f.message.c_str(), f.rule.c_str());
      std::abort();
    }
  }
}

}  // namespace

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

  // A layout derived from another version of the file (as a history walk does) equals laying the
  // file out whole: from a usual roadmap file to the bytes and back, and from the bytes to the bytes
  // with a line added in their middle.
  {
    auto check_from = [](std::string_view a, std::string_view b) {
      const auto la = pops::chunk_layout(a);
      if (!la) {
        return;
      }
      const auto derived = pops::chunk_layout_from(a, *la, b);
      const auto whole = pops::chunk_layout(b);
      if (derived.has_value() != whole.has_value()
          || (whole
              && (derived->key != whole->key || derived->header_end != whole->header_end
                  || derived->starts != whole->starts || derived->start_lines != whole->start_lines))) {
        std::fprintf(stderr, "a derived layout differs from the whole layout\n");
        std::abort();
      }
    };
    const std::string_view usual = pops_fuzz::k_roadmap;
    check_from(usual, text);
    check_from(text, usual);
    std::string edited = text;
    edited.insert(edited.size() / 2, "  - id: PLAT-9\n    title: x\n");
    check_from(text, edited);
    check_from(edited, text);
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
