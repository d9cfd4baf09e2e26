#pragma once
// How pops writes the keys of an item (the order, the type of each built-in key and custom field), a
// "key=value" change applied to an item's entry, the entries of a new item, and the roadmap file new
// items of a squad go to. Internal to lib/edit/, shared by the single-item operations and the batch
// of `pops import`.

#include "edit/ops.h"
#include "workspace/config.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pops::ops_detail {

inline constexpr std::array<std::string_view, 20> k_item_order = {
  "id",    "title",  "status",     "dropped_reason", "moved_from", "squad",       "horizon",
  "owner", "target", "depends_on", "tags",           "okr",        "key_results", "initiative",
  "links", "score",  "success",    "description",    "reopened",   "updates"};

enum class KeyType { text, plain, list, text_map, number_map, id, unsupported };

struct KeyInfo {
  KeyType type = KeyType::text;
  bool required = false;
};

/// How an item key is written, or nullopt for an unknown key.
std::optional<KeyInfo> item_key(const Config& cfg, std::string_view key);

std::vector<std::string> item_key_names(const Config& cfg);

const Squad& find_squad(const EditSession& s, const std::string& name);

/// The `squad:` at the top of a roadmap file, or "".
std::string file_squad(const std::string& content);

/// The roadmap file new items of `squad` go to.
std::string squad_file(const EditSession& s, const std::string& squad);

NewValue value_of(KeyType type, const std::string& text);

/// Applies one "key=value" to the entry at `path` of `y`.
void apply_assignment(YamlText& y, const Path& path, const Assignment& a, const Config& cfg, const TextStyle& st,
                      const std::string& id);

/// The keys and values of a new item `id` of `squad`, in the order pops writes them; `with_squad`
/// writes `squad:` (the file's `squad:` is another one).
NewEntries new_item_entries(const Config& cfg, const ItemSpec& spec, const std::string& id, const Squad& squad,
                            bool with_squad);

/// A new roadmap file of `squad`: its `squad:` line and an empty `items:`.
std::string new_roadmap_text(const Squad& squad, const TextStyle& st);

}  // namespace pops::ops_detail
