// Loading a workspace: every file parsed (in parallel) and built into its part of the model, then the
// parts assembled in path order, with the checks that span files.

#include "workspace/file_part.h"
#include "workspace/parsed_file.h"

#include "base/parallel.h"
#include "workspace/metrics_file.h"
#include "workspace/config.h"
#include "workspace/schema.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace pops {

Workspace load_workspace(const std::string& root, std::vector<SourceFile> files, unsigned threads)
{
  // pops.yaml first: every other file is read against it.
  auto cfg_file =
    std::find_if(files.begin(), files.end(), [](const SourceFile& f) { return classify(f.path) == FileKind::config; });
  std::shared_ptr<const ParsedFile> cfg_parsed;
  if (cfg_file != files.end()) {
    cfg_parsed = parse_file(cfg_file->content, FileKind::config);
  }
  ConfigPart config = read_config_part(cfg_parsed.get());
  // Then every file on its own, on every core: parsed, turned into its part of the model, and its
  // bytes and parse tree freed at once, so memory holds the model, not the trees of every file.
  std::vector<std::pair<std::string, FilePart>> parts(files.size());
  parallel_for(
    files.size(),
    [&](size_t i) {
      parts[i].first = files[i].path;
      const FileKind kind = classify(files[i].path);
      if (kind == FileKind::config && cfg_parsed && cfg_file == files.begin() + static_cast<long>(i)) {
        parts[i].second = build_file_part(config.config, files[i].path, *cfg_parsed);
      } else {
        ParsedFile p;
        p.content = std::move(files[i].content);
        p.kind = kind;
        if (kind != FileKind::none) {
          parse_into(p);
        }
        parts[i].second = build_file_part(config.config, files[i].path, p);
      }
    },
    threads);
  return assemble_workspace(root, std::move(config), std::move(parts));
}

ConfigPart read_config_part(const ParsedFile* config_file)
{
  ConfigPart c;
  if (!config_file) {
    Finding f;
    f.file = "pops.yaml";
    f.loc = {1, 1, 0};
    f.rule = "yaml-syntax";
    f.message = "pops.yaml is missing from this state of the workspace";
    c.findings.push_back(std::move(f));
  } else if (config_file->doc.ok) {
    SchemaReader r("pops.yaml", c.findings);
    read_config(config_file->doc.root, r, c.config);
  }
  return c;
}

namespace {

/// Moves a file's schema findings and model objects to the end of the workspace's.
void append_model(Workspace& ws, FilePart& part)
{
  std::move(part.model_findings.begin(), part.model_findings.end(), std::back_inserter(ws.findings));
  std::move(part.items.begin(), part.items.end(), std::back_inserter(ws.items));
  std::move(part.feedback.begin(), part.feedback.end(), std::back_inserter(ws.feedback));
  std::move(part.docs.begin(), part.docs.end(), std::back_inserter(ws.docs));
  std::move(part.notes.begin(), part.notes.end(), std::back_inserter(ws.notes));
  std::move(part.series.begin(), part.series.end(), std::back_inserter(ws.series));
  std::move(part.customers.begin(), part.customers.end(), std::back_inserter(ws.customers));
}

/// A series whose source, key and metric are those of a series of an earlier file: a `schema` finding
/// at the second, naming the first. Within one file read_metrics_file reports them, so a series that
/// repeats one of its own file is left to it.
void check_series_across_files(Workspace& ws)
{
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, const Series*> first;
  std::set<std::pair<Key, std::string>> in_file;
  for (const Series& s : ws.series) {
    if (!s.source.set || !s.key.set) {
      continue;
    }
    Key k{s.source.value, s.key.value, s.metric.value};
    const bool fresh = first.emplace(k, &s).second;
    const bool fresh_in_file = in_file.emplace(std::move(k), s.file).second;
    if (fresh || !fresh_in_file) {
      continue;
    }
    const Series& o = *first.at({s.source.value, s.key.value, s.metric.value});
    SchemaReader at(s.file, ws.findings);
    at.report(s.key.loc, duplicate_series_message(s, o.file, o.loc.line));
  }
}

}  // namespace

Workspace assemble_workspace(const std::string& root, ConfigPart config,
                             std::vector<std::pair<std::string, FilePart>> parts)
{
  Workspace ws;
  ws.root = root;
  ws.config = std::move(config.config);
  // Findings in the order a single pass makes them: syntax, pops.yaml, then the model's.
  for (auto& [path, part] : parts) {
    ws.files.push_back(path);
    std::move(part.parse_findings.begin(), part.parse_findings.end(), std::back_inserter(ws.findings));
  }
  std::move(config.findings.begin(), config.findings.end(), std::back_inserter(ws.findings));
  if (!ws.config.loaded) {
    return ws;
  }
  size_t n_findings = ws.findings.size(), n_items = 0, n_feedback = 0, n_docs = 0, n_notes = 0;
  for (const auto& [path, part] : parts) {
    n_findings += part.model_findings.size();
    n_items += part.items.size();
    n_feedback += part.feedback.size();
    n_docs += part.docs.size();
    n_notes += part.notes.size();
  }
  ws.findings.reserve(n_findings);
  ws.items.reserve(n_items);
  ws.feedback.reserve(n_feedback);
  ws.docs.reserve(n_docs);
  ws.notes.reserve(n_notes);
  for (auto& [path, part] : parts) {
    append_model(ws, part);
    if (part.doc_index) {
      ws.doc_index = std::move(part.doc_index);
    }
  }
  check_series_across_files(ws);
  for (size_t i = 0; i < ws.items.size(); ++i) {
    if (ws.items[i].id.set) {
      ws.item_index.emplace(ws.items[i].id.value, i);
    }
  }
  return ws;
}

Config config_of(const ParsedFile& pops_yaml)
{
  return read_config_part(&pops_yaml).config;
}

Workspace build_workspace(const std::string& root, const Config& config, const std::vector<ParsedSource>& files)
{
  // As assemble_workspace, without pops.yaml: the parts' findings and model objects in file order.
  Workspace ws;
  ws.root = root;
  std::vector<FilePart> parts;
  parts.reserve(files.size());
  for (const auto& f : files) {
    if (classify(f.path) == FileKind::config) {
      continue;
    }
    ws.files.push_back(f.path);
    parts.push_back(build_file_part(config, f.path, *f.parsed));
    std::move(parts.back().parse_findings.begin(), parts.back().parse_findings.end(), std::back_inserter(ws.findings));
  }
  for (auto& part : parts) {
    append_model(ws, part);
  }
  for (size_t i = 0; i < ws.items.size(); ++i) {
    if (ws.items[i].id.set) {
      ws.item_index.emplace(ws.items[i].id.value, i);
    }
  }
  return ws;
}

Workspace build_workspace(const std::string& root, const std::vector<ParsedSource>& files)
{
  // Build: pops.yaml first, since the other files are read against it.
  auto cfg = std::find_if(files.begin(), files.end(),
                          [](const ParsedSource& f) { return classify(f.path) == FileKind::config; });
  ConfigPart config = read_config_part(cfg == files.end() ? nullptr : cfg->parsed.get());
  std::vector<std::pair<std::string, FilePart>> parts;
  parts.reserve(files.size());
  for (const auto& f : files) {
    parts.emplace_back(f.path, build_file_part(config.config, f.path, *f.parsed));
  }
  return assemble_workspace(root, std::move(config), std::move(parts));
}

const Item* Workspace::item(std::string_view id) const
{
  auto it = item_index.find(std::string(id));
  return it == item_index.end() ? nullptr : &items[it->second];
}

}  // namespace pops
